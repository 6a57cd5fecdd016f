"""A group described right before a cue whose object is a name earlier in the phrase
speaks: the name is what the group says something about."""

import pytest

from articles.extraction import extract_quotes


def _mention(text, content):
    quote = next(q for q in extract_quotes(text) if content in q.text)
    assert quote.speaker_start is not None
    return text[quote.speaker_start : quote.speaker_end]


@pytest.mark.parametrize(
    ("text", "content", "group"),
    [
        (
            "The ferry stops at Port Alder, which even the most hopeful traders doubt "
            "will reopen before spring.",
            "will reopen",
            "even the most hopeful traders",
        ),
        (
            "The new judge is Ingrid Vasbo, exactly the sort of jurist many farmers fear "
            "Governor Lund would pick.",
            "Governor Lund would pick",
            "many farmers",
        ),
        (
            "Alder Point is now the place Marrow officials say the ferry line might end.",
            "the ferry line might end",
            "Marrow officials",
        ),
        (
            "The tax hit Ola Strand, whom many merchants believed was unfairly singled "
            "out by the council.",
            "was unfairly singled out",
            "many merchants",
        ),
    ],
)
def test_group_before_cue_speaks_not_the_name_it_talks_about(text, content, group):
    assert _mention(text, content) == group


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "“We will take this to the high court,” a lawyer for the merchants said.",
            "We will take this",
            "a lawyer for the merchants",
        ),
        (
            "The new toll was unfair, a spokeswoman for Brindle merchants said.",
            "new toll was unfair",
            "a spokeswoman for Brindle merchants",
        ),
    ],
)
def test_group_after_an_affiliation_is_not_the_speaker(text, content, speaker):
    assert _mention(text, content) == speaker


def test_plural_of_a_thing_is_no_group_before_the_cue():
    text = "The seat went to Tove Lindahl, whom the latest documents suggest will easily win."
    mention = _mention(text, "will easily win")
    assert "documents" not in mention
