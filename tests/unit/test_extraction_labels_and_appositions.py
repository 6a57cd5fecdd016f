"""A speaker's apposition with a relative clause after a trailing 'said', and headline
labels that go on past the speaker's name (issue 14): each test fails with the rules as
they were before its fix. The sentences are ours, in the style of the news they came from."""

import pytest

from articles.extraction import Scope, extract_quotes

_SCOPES = pytest.mark.parametrize("scope", [Scope.CLAUSES, Scope.WIDE])

_ARTICLE_BODY = "\n\nOSLO - The race for the county went on through the week."


def _reported(text, scope):
    return [(q.text, q.speaker) for q in extract_quotes(text, scope=scope) if q.kind == "indirect"]


@_SCOPES
@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "A series of storms raised the cost of the ferry, said Kari Holt, a harbour "
            "engineer who has written two books on the coast.",
            "A series of storms raised the cost of the ferry",
            "Kari Holt",
        ),
        (
            "That will hold up to a point, said Lund, a Bergen graduate whose energy has "
            "driven others off the harbour beat.",
            "That will hold up to a point",
            "Lund",
        ),
        (
            "The toll would fail, said Siv Aasen, director of the Coast Union, a union that "
            "has broken away from the others.",
            "The toll would fail",
            "Siv Aasen",
        ),
    ],
)
def test_a_relative_in_the_apposition_after_said_describes_the_speaker(
    scope, text, content, speaker
):
    # Its verb had made the name and apposition read as the clause said, whose speaker
    # was the clause before the comma.
    assert _reported(text, scope) == [(content, speaker)]


@_SCOPES
def test_a_relative_set_off_by_its_comma_still_describes_the_speaker(scope):
    # Guards the fix above: the shape it already read.
    text = "The harbour was full all week, said Kari Holt, who is one of the authors."
    assert _reported(text, scope) == [("The harbour was full all week", "Kari Holt")]


@_SCOPES
@pytest.mark.parametrize(
    ("headline", "content", "speaker"),
    [
        (
            "Holt camp: Berg’s toll plan threatens the coastal ferries.",
            "Berg’s toll plan threatens the coastal ferries",
            "Holt",
        ),
        (
            "Holt to Fishermen: Berg will close the northern harbour.",
            "Berg will close the northern harbour",
            "Holt",
        ),
        (
            "Former Mayor Kari Holt at Rally: The toll will ruin the coast.",
            "The toll will ruin the coast",
            "Kari Holt",
        ),
    ],
)
def test_a_headline_label_may_go_on_past_its_speakers_name(scope, headline, content, speaker):
    # Only a label of capitalised words had been a speaker's. The body names the label's
    # person again, as an article does (round 21: a label past a name needs a person).
    quotes = _reported(headline + _ARTICLE_BODY + " Kari Holt spoke at noon.", scope)
    assert quotes[:1] == [(content, speaker)]


@_SCOPES
@pytest.mark.parametrize(
    "text",
    [
        "A Curious Plan to Tax Ferries: Buy Boats, Sell Bridges." + _ARTICLE_BODY,
        "Limited Tools to Fight Pollution: The council was set up when rivers were clean. "
        "It failed within a year.",
    ],
)
def test_a_titles_label_or_a_sections_heading_names_no_speaker(scope, text):
    # Guards the fix above: a thing's title with 'A', and a heading that its section's
    # sentences follow on the same line.
    assert _reported(text, scope) == []
