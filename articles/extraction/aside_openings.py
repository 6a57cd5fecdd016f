"""Where an aside that ends right before a cue opens, read from a sentence's tokens
alone: a bracket ('Rep. Alma Frost (D-Ore.) said'), a pair of dashes ('Byrne — a former
guard — said') or a relative clause between commas ('X, who served …, agreed').

cue_subjects.py asks, to find the subject before the aside.
"""

from __future__ import annotations

from articles.extraction import cues
from articles.extraction.clause_shapes import Token
from articles.extraction.sentence_openings import DASHES

# A bracketed aside before the cue may run this far back: 'Sen. Holt (a Dunmore Democrat so
# boyish he has been mistaken for an aide) says'.
_BRACKET_TOKENS = 30
_DASH_ASIDE_TOKENS = 30
_RELATIVE_CLAUSE_TOKENS = 40
# The relatives that open a clause set off between commas, an aside about the name
# before it: 'Holt, who served …,', 'the board, which …,', 'Lund, whose …,'. Not 'that'
# (no aside) nor 'whom' (an object's).
ASIDE_RELATIVES = frozenset("who which whose".split())


def bracket_opening(sentence: list[Token], closing: int) -> int | None:
    """Where the bracket that the token at ``closing`` closes opens, within reach; None
    when that token closes none."""
    if closing < 1 or sentence[closing][2] != ")":
        return None
    return next(
        (
            i
            for i in range(closing - 1, max(-1, closing + 1 - _BRACKET_TOKENS), -1)
            if sentence[i][2] == "("
        ),
        None,
    )


def dash_aside_opening(sentence: list[Token], closing: int) -> int | None:
    """The first dash of the pair that opens the aside the dash at ``closing`` ends (two
    hyphens, '--', are one dash), or None when no dash opens one within the sentence's
    clause."""
    while closing > 0 and sentence[closing - 1][2] in DASHES:
        closing -= 1
    marks = 0
    for i in range(closing - 1, max(0, closing - _DASH_ASIDE_TOKENS), -1):
        word = sentence[i][2]
        if word in ";:()":
            return None
        if word in cues.QUOTE_MARKS:
            # 'Lund -- who vowed to "cut the fat" -- said': words quoted whole inside
            # the aside; a mark left open crosses a quotation's edge.
            marks += 1
        elif word in DASHES:
            while i > 0 and sentence[i - 1][2] in DASHES:
                i -= 1
            return i if i > 0 and marks % 2 == 0 else None
    return None


def before_relative_clause(sentence: list[Token], comma: int) -> int:
    """The comma that opens a relative clause ending at ``comma`` (', who … ,'), or
    ``comma`` itself when none does."""
    for i in range(comma - 1, max(0, comma - _RELATIVE_CLAUSE_TOKENS), -1):
        word = sentence[i][2]
        if word in ";:()" or word in cues.QUOTE_MARKS:
            break
        if word.lower() in ASIDE_RELATIVES and sentence[i - 1][2] == ",":
            return i - 1
    return comma
