"""A verb of saying right after a comma, its speaker after it ('The trouble, says Ola
Nilsen, a historian, is that …'): the name speaks, and the clause goes on after the name's
comma and its descriptions, in both scopes. Each test fails with the rules as they were
before its fix (issue 14, round 21). The sentences are ours."""

import pytest

from articles.extraction import Scope, extract_quotes

SCOPES = [Scope.CLAUSES, Scope.WIDE]


def _quotes(text, scope):
    return [(q.text, q.speaker) for q in extract_quotes(text, scope=scope)]


@pytest.mark.parametrize("scope", SCOPES)
def test_the_name_after_the_cue_speaks_and_its_description_is_no_content(scope):
    # The description before the comma had been the speaker, and the name with its
    # description the start of the content.
    text = (
        "Kari Berg teaches at the Fjord College. The trouble with the harbour, says Ola "
        "Nilsen, historian at the Tromsø Museum, is that it was built too late."
    )
    assert _quotes(text, scope) == [
        ("The trouble with the harbour", "Ola Nilsen"),
        ("is that it was built too late", "Ola Nilsen"),
    ]


@pytest.mark.parametrize("scope", SCOPES)
def test_a_relative_clause_after_the_name_is_the_speakers_description(scope):
    # The name before the comma had spoken ('And Lund, said …' read as a subject and cue).
    text = (
        "Kari Berg spoke first. And Lund, said Eskil Nilsen, who remains friendly with her, "
        "doesn't forget a slight."
    )
    assert _quotes(text, scope) == [
        ("Lund", "Eskil Nilsen"),
        ("doesn't forget a slight", "Eskil Nilsen"),
    ]


@pytest.mark.parametrize("scope", SCOPES)
def test_the_clause_may_go_on_right_after_the_name(scope):
    text = (
        "Kari Berg spoke first. Because of the schedule, explained Eskil Nilsen, the vote "
        "will be over by March."
    )
    assert ("the vote will be over by March", "Eskil Nilsen") in _quotes(text, scope)


@pytest.mark.parametrize("scope", SCOPES)
def test_descriptions_that_end_the_sentence_leave_the_lead_as_the_content(scope):
    # A description holding a verb ('a charity that has run it') had been the content.
    text = (
        "The ferry is always late, said Ola Nilsen, director of the Fjord Trust, a charity "
        "that has run it since 1990."
    )
    assert _quotes(text, scope) == [("The ferry is always late", "Ola Nilsen")]


@pytest.mark.parametrize("scope", SCOPES)
@pytest.mark.parametrize(
    "text",
    [
        "The ferry will stop in May, said Ola Nilsen, and the board agreed with him.",
        "The ferry will stop in May, said Ola Nilsen, the mayor.",
        "One delegate, Kari Holt, said the ferry would stop in May.",
    ],
)
def test_other_shapes_keep_their_reading(text, scope):
    quotes = _quotes(text, scope)
    assert quotes
    assert all(speaker in ("Ola Nilsen", "Kari Holt") for _, speaker in quotes)
    assert not [t for t, _ in quotes if "Nilsen" in t or "board" in t or "mayor" in t]


@pytest.mark.parametrize("scope", SCOPES)
def test_a_second_aside_ends_the_first_speakers_clause(scope):
    # The first speaker's clause had run to the sentence's end, taking the second aside
    # and its speaker's words with it.
    text = (
        "The road, said Ola Nilsen, is closed, and the ferry, said Kari Holt, is late again today."
    )
    quotes = _quotes(text, scope)
    assert ("is closed", "Ola Nilsen") in quotes
    assert ("is late again today", "Kari Holt") in quotes
    assert not [t for t, s in quotes if s == "Ola Nilsen" and "Holt" in t]


@pytest.mark.parametrize("scope", SCOPES)
def test_a_verb_after_the_speakers_comma_goes_on_with_the_clause(scope):
    # 'remains' had opened a description of the speaker, leaving the subject alone as
    # what he said.
    text = "Kari Berg spoke first. The question, says Ola Nilsen, remains open."
    assert _quotes(text, scope) == [
        ("The question", "Ola Nilsen"),
        ("remains open", "Ola Nilsen"),
    ]


@pytest.mark.parametrize("scope", SCOPES)
@pytest.mark.parametrize(
    "text",
    [
        "The vote was close, said Ola Nilsen, an engineer who has written about the bridge.",
        "The vote was close, said Ola Nilsen, a reporter whose work has covered the council "
        "for years.",
    ],
)
def test_verbs_in_a_trailing_description_of_the_speaker_say_nothing(text, scope):
    # The wide scope had read 'written' and 'covered' as cues of quotes of their own.
    assert _quotes(text, scope) == [("The vote was close", "Ola Nilsen")]


@pytest.mark.parametrize("scope", SCOPES)
def test_a_verb_of_saying_in_the_speakers_description_still_says(scope):
    text = (
        "The toll is too high, said Ola Nilsen, a planner at the Fjord Trust, who notes "
        "that the ferry has lost money for a decade."
    )
    assert ("the ferry has lost money for a decade", "Ola Nilsen") in _quotes(text, scope)
