"""A cue inside a sentence's opening adjunct ('Despite criticizing the plan, …', 'To
address the fares, …'): the main clause's subject after the adjunct's comma says it, not
the word that opens the adjunct. Each test fails with the rules as they were before its
fix (issue 14); the sentences are ours."""

import pytest

from articles.extraction import Scope, extract_quotes


def _with_cue(text: str, cue: str):
    return [
        q
        for q in extract_quotes(text, scope=Scope.WIDE)
        if q.cue_start is not None and text[q.cue_start : q.cue_end] == cue
    ]


@pytest.mark.parametrize(
    ("text", "cue", "content", "speaker"),
    [
        (
            "Despite criticizing the ferry plan, Kari Holt said she would vote for it.",
            "criticizing",
            "the ferry plan",
            "Kari Holt",
        ),
        (
            "To address the rising fares, Sigrid Dahl proposed a new subsidy for commuters.",
            "address",
            "the rising fares",
            "Sigrid Dahl",
        ),
        (
            "By refusing to admit any fault, Nils Berg appeared to have lost the vote.",
            "refusing",
            "to admit any fault",
            "Nils Berg",
        ),
        (
            "After denouncing the harbour levy, Ivar Lund left the council meeting early.",
            "denouncing",
            "the harbour levy",
            "Ivar Lund",
        ),
    ],
)
def test_the_main_clause_subject_says_what_the_opening_adjunct_cue_says(
    text, cue, content, speaker
):
    quote = _with_cue(text, cue)[0]
    assert (quote.text, quote.speaker) == (content, speaker)
    assert quote.speaker_description == ""


def test_a_described_subject_after_the_adjunct_is_its_source():
    text = "In describing the levy as theft, the farmers of Vestby missed the point."
    quote = _with_cue(text, "describing")[0]
    assert quote.text == "the levy as theft"
    assert quote.speaker is None
    assert quote.speaker_description.startswith("the farmers")


def test_an_adjunct_that_holds_a_quotation_is_left_to_the_quotation_rules():
    text = 'Despite calling the levy "plain theft," Kari Holt voted for it on Monday.'
    for quote in _with_cue(text, "calling"):
        assert quote.speaker_description != "Despite"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "After thanking the cheering crowd, which chanted her name, Kari Holt "
            "promised a lower ferry fare.",
            "the cheering crowd, which chanted her name",
        ),
        (
            "While praising the harbours of Vestby, Moen and Lia, Sigrid Dahl warned "
            "that the fares would rise.",
            "the harbours of Vestby, Moen and Lia",
        ),
    ],
)
def test_the_adjunct_ends_at_the_comma_before_the_main_clause(text, content):
    quote = next(q for q in extract_quotes(text, scope=Scope.WIDE) if q.text == content)
    assert quote.speaker in ("Kari Holt", "Sigrid Dahl")
