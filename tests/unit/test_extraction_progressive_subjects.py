"""A described subject before a progressive cue ('The senator is telling reporters that
… “…”'): the 'is' between them once hid the subject, and the quoted words went to nobody."""

import pytest

from articles.extraction import extract_quotes


def _mixed(text):
    quote = next(q for q in extract_quotes(text) if q.kind == "mixed")
    return quote.speaker, text[quote.speaker_start : quote.speaker_end]


@pytest.mark.parametrize(
    ("text", "speaker", "mention"),
    [
        (
            "Kari Holt is opening her campaign in Bergen this week.\n\n"
            "The Vestland senator is telling reporters in Oslo that she will have “a lot "
            "of delegates” after the spring vote.",
            "Kari Holt",
            "The Vestland senator",
        ),
        (
            "Ivar Lund spent the morning at the harbour.\n\n"
            "The former mayor was insisting to the crowd that the ferry plan is “dead in "
            "the water” this year.",
            "Ivar Lund",
            "The former mayor",
        ),
    ],
)
def test_a_described_subject_before_is_and_a_participle_says_the_quote(text, speaker, mention):
    assert _mixed(text) == (speaker, mention)


def test_a_passive_is_no_progressive():
    # 'were told' is no saying of the subject's: the staff heard it.
    text = (
        "According to the company handbook, his salespeople were told, “You do not sell "
        "tickets, you sell trips.”"
    )
    quotes = extract_quotes(text)
    assert all(
        q.speaker_start is None or "salespeople" not in text[q.speaker_start : q.speaker_end]
        for q in quotes
    )
