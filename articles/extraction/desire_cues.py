"""'would like to', 'I'd like to': a wish that PARC's annotators count as an attribution
('The council would like to close the ferry'), which the cue model never scores, as
'like' is no word of its vocabulary. In the wide scope such a 'like' is a cue the model
doubts: the gate weighs its content as it weighs 'wants to'."""

from __future__ import annotations

from articles.extraction.clause_shapes import adverb
from articles.extraction.cues import Token

# The probability a doubted cue is given: under the cue model's threshold, so that the
# clauses scope never reads it and the gate decides in the wide scope.
WISH_PROBABILITY = 0.3

_WOULD = frozenset("would 'd ’d".split())


def wish_cues(sentence: list[Token], scored: list[tuple[int, float]]) -> list[tuple[int, float]]:
    """``scored`` with each 'like' of 'would like to' or 'I'd like to' added, in order."""
    added = [
        (i, WISH_PROBABILITY)
        for i in range(1, len(sentence) - 1)
        if sentence[i][2] == "like" and sentence[i + 1][2] == "to" and _after_would(sentence, i)
    ]
    return sorted([*scored, *added]) if added else scored


def _after_would(sentence: list[Token], i: int) -> bool:
    """'would like', 'I’d like', and with an adverb between: 'would also like'."""
    before = sentence[i - 1][2].lower()
    if (before in _BETWEEN or adverb(before)) and i >= 2:
        before = sentence[i - 2][2].lower()
    return before in _WOULD or before.endswith(("'d", "’d"))


_BETWEEN = frozenset("also still just".split())
