"""The wide scope (Scope.WIDE) and a quotation that goes on with the sentence an aside
broke: 'The plan, Holt said, “would fail”' is one content in two pieces, the lead
before the aside in the writer's words and the quotation after it."""

import pytest

from articles.extraction import Scope, extract_quotes


def _wide(text):
    return [(q.text, q.kind, q.speaker) for q in extract_quotes(text, scope=Scope.WIDE)]


@pytest.mark.parametrize(
    ("text", "lead", "speaker"),
    [
        (
            "The new ferry timetable, Kari Holt said, “would help every commuter on the island.”",
            "The new ferry timetable",
            "Kari Holt",
        ),
        (
            "While the tolls may rise in the spring, Ivar Lund added, “nobody in Vestby "
            "should worry about it.”",
            "While the tolls may rise in the spring",
            "Ivar Lund",
        ),
    ],
)
def test_the_lead_before_an_aside_is_a_piece_when_the_quotation_goes_on_with_it(
    text, lead, speaker
):
    quotes = _wide(text)
    assert (lead, "indirect", speaker) in quotes
    assert [kind for _, kind, _ in quotes].count("direct") == 1


@pytest.mark.parametrize(
    "text",
    [
        # A quotation that opens a sentence of its own: the lead is the writer's.
        "After the vote on Tuesday, Marta Solheim said, “We will appeal the ruling.”",
        # Only a connective before the aside: nothing of the content.
        "Still, Marta Solheim said, “we will appeal the ruling.”",
    ],
)
def test_no_lead_piece_before_a_quoted_sentence_or_a_bare_connective(text):
    assert [kind for _, kind, _ in _wide(text)] == ["direct"]


def test_the_clauses_scope_keeps_the_quotation_alone():
    text = "The new ferry timetable, Kari Holt said, “would help every commuter on the island.”"
    assert [q.kind for q in extract_quotes(text)] == ["direct"]


@pytest.mark.parametrize(
    "text",
    [
        # A preposition or subordinator and one word only set the scene of the quotation.
        "On Thursday, Ivar Lund said, “the ferry tolls are far too high.”",
        "When questioned, Marta Solheim said, “nobody asked the fishermen.”",
    ],
)
def test_no_lead_piece_for_a_phrase_that_sets_the_scene(text):
    assert [kind for _, kind, _ in _wide(text)] == ["direct"]


def test_the_quotation_an_aside_breaks_is_the_asides_speakers_not_a_later_cues():
    text = (
        "The plan for the new ferry quay, Kari Holt said, “was drawn up in a hurry.” "
        "Ivar Lund agreed."
    )
    quotes = _wide(text)
    assert ("The plan for the new ferry quay", "indirect", "Kari Holt") in quotes
    assert ("was drawn up in a hurry.", "direct", "Kari Holt") in quotes


def test_a_participle_after_a_quotation_shares_its_leads_cue_subject():
    # The participle after the quotation is said by the subject of the cue before it,
    # which the lead already read; reading again up to the participle ran across the
    # quotation and took the first clause's subject.
    text = (
        "Ivar Lund is gone and Kari Holt called the plan “a gift to the rich,” saying the "
        "council had misled voters."
    )
    (quote,) = [q for q in extract_quotes(text) if q.kind == "mixed"]
    assert quote.speaker == "Kari Holt"
    assert text[quote.speaker_start : quote.speaker_end] == "Kari Holt"
