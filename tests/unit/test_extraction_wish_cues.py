"""'would like to', 'I’d like to', 'plan to': a wish or an intention the wide scope counts
as PARC does, weighed by its gate as 'wants to' is; the clauses scope reads no clause in
it."""

import pytest

from articles.extraction import Scope, extract_quotes
from articles.extraction.cues import tokens
from articles.extraction.desire_cues import wish_cues


def _quotes(text, scope):
    return [(q.text, q.speaker) for q in extract_quotes(text, scope=scope)]


@pytest.mark.parametrize(
    "text",
    [
        "Kari Holt would like to close the ferry before the winter.",
        "Kari Holt would really like to close the ferry before the winter.",
    ],
)
def test_a_wish_is_an_attribution_in_the_wide_scope(text):
    assert _quotes(text, Scope.WIDE) == [("to close the ferry before the winter", "Kari Holt")]
    assert _quotes(text, Scope.CLAUSES) == []


def test_an_intention_is_an_attribution_in_the_wide_scope_only():
    text = "Kari Holt planned to challenge the ferry board at once."
    assert _quotes(text, Scope.WIDE) == [("to challenge the ferry board at once", "Kari Holt")]
    assert _quotes(text, Scope.CLAUSES) == []


@pytest.mark.parametrize(
    ("text", "cue_words"),
    [
        ("I’d like to see the bridge rebuilt", ["like"]),
        ("The council would also like to wait", ["like"]),
        ("The council would like more time", []),
        ("It looks like to me a trap", []),
        ("Ferry workers plan to protest", ["plan"]),
        ("They plan to protest", ["plan"]),
        ("Kari Holt does not plan to run", ["plan"]),
        ("Holt and Lund also plan to run", ["plan"]),
        ("Kari Holt's bold plan to close the Vestby ferry drew protests", []),
        ("Ivar Lund ran on a ten-point plan to lower fares", []),
        ("The council backed a costly harbour plan to widen the quay", []),
        ("Critics of the toll plan to protest", []),
        ("Kari Holt planned to leave", ["planned"]),
        ("Her plan to rebuild the bridge", []),
        ("Vestby's plan to rebuild the bridge", []),
    ],
)
def test_which_word_is_a_wish_or_an_intention(text, cue_words):
    sentence = tokens(text, 0, len(text))
    assert [sentence[i][2] for i, _ in wish_cues(sentence, [])] == cue_words
