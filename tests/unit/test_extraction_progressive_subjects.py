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


@pytest.mark.parametrize(
    "text",
    [
        # A quotation its lead's comma opens: the cue after the passive names the source.
        "According to the company handbook, his salespeople were told, “You do not sell "
        "tickets, you sell trips.”",
        # Quoted words inside the sentence, whose subject the lead's reader looks for:
        # without the participle's test, 'were' before 'told' read as a progressive's
        # and the staff who heard it spoke.
        "Kari Holt runs the shop in Vestby.\n\nThe new salespeople were told that tickets "
        "are “not for sale” on Sundays.",
        "Ivar Lund met the staff on Monday.\n\nThe night nurses were warned that the ward "
        "is “closing for good” in May.",
    ],
)
def test_a_passive_is_no_progressive(text):
    # 'were told' is no saying of the subject's: the staff heard it.
    quotes = extract_quotes(text)
    assert quotes
    assert all(q.speaker_start is None for q in quotes if "were" in text[: q.start])


@pytest.mark.parametrize(
    "text",
    [
        "Kari Holt is the mayor.\n\nThe question is telling voters that cuts are “coming "
        "soon” this year.",
        "Kari Holt is the mayor.\n\nHer strategy is telling voters that cuts are “coming "
        "soon” this year.",
    ],
)
def test_a_thing_before_is_and_a_gerund_says_nothing(text):
    # 'The question is telling voters …' is a copula and a gerund: a question, a
    # strategy tells no one, and the quoted words are no one's the lead names.
    (quote,) = extract_quotes(text)
    assert quote.speaker_start is None
    assert quote.speaker_description == ""


def test_a_body_before_is_and_a_participle_still_says_the_quote():
    # A body speaks: only a thing ('The question', 'Her strategy') is turned away.
    text = (
        "Kari Holt is back in Vestby.\n\nThe harbour group is calling on voters to “stop the "
        "toll” this year."
    )
    (quote,) = extract_quotes(text)
    assert text[quote.speaker_start : quote.speaker_end] == "The harbour group"
