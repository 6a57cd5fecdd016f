"""A sentence that opens with a participle's phrase: the participle is no one, and the
subject after the phrase's comma says what it says. Each test fails with the rules as
they were before its fix (issue 14); the sentences are ours."""

import pytest

from articles.extraction import Scope, extract_quotes


def test_a_long_opening_participle_is_no_speaker():
    # The comma after 'subsidy' lay too far for an opening phrase's, so 'Noting' was
    # taken for the subject and registered as someone.
    text = (
        "“We need both parties on board,” Lund said of the ferry bill on Monday. Noting "
        "that only Rep. Kari Berg (R-Ore.) voted with the Democrats on the ferry subsidy, "
        "Lund added: “That is the whole problem.”"
    )
    quote = next(q for q in extract_quotes(text, scope=Scope.WIDE) if q.text.startswith("that"))
    assert quote.speaker == "Lund"


@pytest.mark.parametrize("scope", [Scope.CLAUSES, Scope.WIDE])
def test_the_main_clause_names_who_spoke_in_a_perfect_participle(scope):
    # 'Having' counted as an auxiliary, so nothing stood before 'announced' and the
    # reading stopped with no speaker.
    text = (
        "Having announced that the harbour fees would stay, Judge Vell Orran went on "
        "to read out the ruling."
    )
    quote = next(q for q in extract_quotes(text, scope=scope) if q.text.startswith("the harbour"))
    assert quote.speaker == "Vell Orran"


def test_a_description_after_a_long_opening_participle_is_its_speaker():
    # Only a name or a pronoun was taken after the participle's phrase, so the
    # magnate who declares it was no one.
    text = (
        "Declaring that only he could repair the harbour and mend the old roads to the "
        "northern farms and towns, the wealthy shipping magnate offered himself as a candidate."
    )
    quote = next(q for q in extract_quotes(text, scope=Scope.WIDE) if q.text.startswith("that"))
    assert quote.speaker_start == text.index("the wealthy")


def test_a_relative_clause_in_the_opening_phrase_is_no_subject():
    # The subject was read right after the opening phrase's first comma, which is the
    # relative 'which', so the praise was no one's; 'she', after the next comma, is Holt.
    text = (
        "Kari Holt won the vote in Vestby.\n\n"
        "After praising the harbour crews, which had worked through the storm, she listed "
        "the projects she had finished."
    )
    quote = next(
        q for q in extract_quotes(text, scope=Scope.WIDE) if q.text.startswith("the harbour")
    )
    assert quote.speaker == "Kari Holt"
