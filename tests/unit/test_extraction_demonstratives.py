"""A 'that' after a cue's object which points at a noun ('responsibility for that
attack') is part of the content, not the 'that' a reported clause opens with."""

import pytest

from articles.extraction import Scope, content_spans, extract_quotes
from articles.extraction.cues import tokens
from articles.extraction.demonstratives import demonstrative


def _contents(text, scope):
    return [q.text for q in extract_quotes(text, scope=scope)]


@pytest.mark.parametrize("scope", [Scope.CLAUSES, Scope.WIDE])
def test_a_demonstrative_after_a_preposition_stays_in_the_content(scope):
    text = (
        "The Vestby Front asserted responsibility for that attack, the worst night in "
        "the harbour since the war."
    )
    assert _contents(text, scope) == [
        "responsibility for that attack, the worst night in the harbour since the war"
    ]


@pytest.mark.parametrize("scope", [Scope.CLAUSES, Scope.WIDE])
def test_a_demonstrative_whose_noun_a_comma_ends_stays_in_the_content(scope):
    text = "Kari Holt urged people to leave the ferry that way, and the council agreed."
    assert [t for t in _contents(text, scope) if t.startswith("people")] == [
        "people to leave the ferry that way, and the council agreed"
    ]


@pytest.mark.parametrize("scope", [Scope.CLAUSES, Scope.WIDE])
@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Ivar Lund said on Monday that the ferry from Vestby would stop in June.",
            "the ferry from Vestby would stop in June",
        ),
        ("Kari Holt said on Monday that prices fell.", "prices fell"),
        ("Ivar Lund argued on Friday that tolls work.", "tolls work"),
    ],
)
def test_a_clause_after_that_still_starts_past_it(scope, text, content):
    assert _contents(text, scope) == [content]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Kari Holt said on Monday that prices fell.", "prices fell"),
        ("Ivar Lund argued on Friday that tolls work.", "tolls work"),
        ("Kari Holt said in Vestby that fares rose; Lund agreed.", "fares rose"),
        ("Kari Holt urged people to leave that same day.", "people to leave that same day"),
    ],
)
def test_a_content_after_its_cue_skips_only_a_clauses_that(text, content):
    sentence = tokens(text, 0, len(text))
    cue = next(i for i, (_, _, w) in enumerate(sentence) if w in ("said", "argued", "urged"))
    start, end = content_spans.right_content(text, sentence, cue)
    assert text[start:end] == content


@pytest.mark.parametrize(
    ("words", "at", "expected"),
    [
        (["responsibility", "for", "that", "attack", ","], 2, True),
        (["the", "ferry", "that", "way", ","], 2, True),
        (["on", "Monday", "that", "the", "ferry"], 2, False),
        (["this", "week", "that", "poor", "and", "rural", "voters"], 2, False),
        (["Saturday", "that", "Sen", ".", "Holt"], 1, False),
        (["that", "account", "."], 0, False),
        (["on", "Monday", "that", "prices", "fell"], 2, False),
        (["on", "Friday", "that", "tolls", "work", ","], 2, False),
        (["leave", "that", "same", "day"], 1, True),
        (["leave", "that", "very", "week", ","], 1, True),
    ],
)
def test_which_that_points_at_a_noun(words, at, expected):
    assert demonstrative(words, at) is expected
