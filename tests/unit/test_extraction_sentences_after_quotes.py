"""A sentence that ends inside its closing quotation mark ('… “a waste of money.”') ends
there: the next sentence's clause is read from its own start, not from inside the
quotation before it."""

import pytest

from articles.extraction import Scope, extract_quotes
from articles.extraction.paragraphs import sentence_ends


@pytest.mark.parametrize("scope", [Scope.CLAUSES, Scope.WIDE])
def test_a_clause_broken_by_an_aside_after_a_quoted_sentence_end(scope):
    text = (
        "Kari Holt called the ferry plan “a waste of money.” The pier, Ivar Lund said, "
        "will close in May."
    )
    quotes = [(q.text, q.speaker) for q in extract_quotes(text, scope=scope)]
    assert ("The pier", "Ivar Lund") in quotes
    assert ("will close in May", "Ivar Lund") in quotes


@pytest.mark.parametrize("scope", [Scope.CLAUSES, Scope.WIDE])
def test_according_to_after_a_quoted_sentence_end(scope):
    text = "Kari Holt called the plan “a waste of money.” It is not, according to Ivar Lund."
    quotes = [(q.text, q.speaker) for q in extract_quotes(text, scope=scope)]
    assert ("It is not", "Ivar Lund") in quotes


def _ends(text):
    close = text.index("”")
    return sentence_ends(text, 0, len(text), [(text.index("“"), close + 1)])


def test_only_a_full_stop_before_the_mark_and_a_capital_after_it_end_the_sentence():
    assert _ends("Holt said “it is late.” Lund left.") == [23, 34]
    assert _ends("Holt said “it is late.” and left.") == [33]  # the sentence goes on
    assert _ends("“Is it late?” Lund asked the board.") == [35]  # the question's attribution


@pytest.mark.parametrize("scope", [Scope.CLAUSES, Scope.WIDE])
@pytest.mark.parametrize(
    "text",
    [
        "At the harbour on Friday, Sigrid Dahl said, “We never promised to pay the fares.” "
        "Asked whether the plan had stalled, Per Strand replied, “Not at all.”",
        "At the harbour on Friday, Sigrid Dahl said, “Who will pay the fares?” Asked "
        "whether the plan had stalled, Per Strand replied, “Not at all.”",
    ],
)
def test_a_quoted_sentence_its_lead_opens_keeps_the_leads_speaker(text, scope):
    # The stop closes the quotation the lead's cue opened; the cue after it is the next
    # sentence's.
    first = extract_quotes(text, scope=scope)[0]
    assert first.speaker == "Sigrid Dahl"
    assert text[first.cue_start : first.cue_end] == "said"
