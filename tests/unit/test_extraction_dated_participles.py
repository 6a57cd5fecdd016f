"""A participle closing a sentence that opens with a date and whose subject has an
apposition ('On March 3, 2019, Ivar Lund, a farmer from Vestby, denounced …, saying …'):
the participle's content is the subject's. A reviewer reported it given to another name;
at main (round 26) it was already right in both scopes, so these guard it rather than
mark a fix. The sentences are ours."""

import pytest

from articles.extraction import Scope, extract_quotes


@pytest.mark.parametrize("scope", [Scope.CLAUSES, Scope.WIDE])
@pytest.mark.parametrize(
    ("lead", "speaker"),
    [
        ("On March 3, 2019, Ivar Lund, a farmer from Vestby,", "Ivar Lund"),
        ("On 3 March 2019, Ivar Lund, a farmer from Vestby, Norway,", "Ivar Lund"),
        ("On Friday, March 3, Sigrid Dahl, 54, a farmer,", "Sigrid Dahl"),
        ("In March 2019, in Vestby, Nils Berg, who grows barley,", "Nils Berg"),
        ("At a meeting on March 3, 2019, Kari Holt, the harbour chief,", "Kari Holt"),
    ],
)
def test_the_participle_after_a_dated_apposed_subject_is_the_subjects(scope, lead, speaker):
    text = (
        "Kari Holt, the minister, set a levy on farms. "
        f"{lead} denounced the levy, saying it was unfair."
    )
    quote = next(q for q in extract_quotes(text, scope=scope) if q.text == "it was unfair")
    assert quote.speaker == speaker
