"""A relative that is a cue's subject across an adjunct or an aside: 'Holt, who for weeks
had criticised', 'Holt, who, after the debate, said', 'who a week ago … by declaring'."""

from __future__ import annotations

import re

from articles.extraction.clause_shapes import (
    AUXILIARIES,
    CLAUSE_SUBJECTS,
    PREPOSITIONS,
    TIMES,
    WH_RELATIVES,
    Token,
)
from articles.extraction.names import MONTHS

# Words of a time or manner adjunct between a relative and its verb: 'who last week',
# 'who for weeks had', 'who just a year ago'.
_ADJUNCT_WORDS = (
    PREPOSITIONS
    | TIMES
    | frozenset(
        """a an the this last next past few several recently previously earlier later just
        long also once still already often repeatedly now then first even never always ago
        weeks months years day days decade decades time times""".split()
    )
)
# How many tokens an adjunct or an aside between commas may have.
_REACH = 12
# Marks that end the search: a relative beyond them opens no clause of the cue's.
_STOPS = frozenset(';:()[]—–"“”')
# The words and marks of a lead's last characters, as far as an aside may reach.
_TOKEN = re.compile(r"[\w’'-]+|[^\w\s]")
_LEAD_CHARS = 160
# Any relative in a lead's tail, after a space, a dash, a bracket or a line break.
_ANY_RELATIVE = re.compile(r"\bwh(?:o|ich)\b")
# Subjects of a clause the relative is the object of: 'who Holt then surprised by'.
_CLAUSE_SUBJECTS = CLAUSE_SUBJECTS | frozenset(("you", "it"))


def relative_across(sentence: list[Token], end: int) -> int | None:
    """The index of the 'who' or 'which' before the subject's end ``end`` with only an
    adjunct ('who last week') or one aside ('who, after the debate,') between; or None."""
    i = end - 1
    if i >= 1 and sentence[i][2] == ",":
        opening = _aside_opening(sentence, i)
        if opening is None or opening < 2:
            return None
        return opening - 1 if _relative(sentence, opening - 1) else None
    while i >= 1 and end - i <= _REACH and _adjunct(sentence[i][2]):
        i -= 1
    return i if i < end - 1 and _relative(sentence, i) else None


def relative_in_lead(lead: str) -> tuple[int, int] | None:
    """:func:`relative_across` for the text ``lead`` before a cue: the span in it of the
    relative that is the cue's subject, or None."""
    at = max(0, len(lead) - _LEAD_CHARS)
    if _ANY_RELATIVE.search(lead, at) is None:
        return None  # most leads hold no relative: no need to split them
    tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(lead, at)]
    end = len(tokens)
    while end > 1 and tokens[end - 1][2].lower() in AUXILIARIES:
        end -= 1
    relative = relative_across(tokens, end)
    return tokens[relative][:2] if relative is not None else None


def relative_before_participle(sentence: list[Token], preposition: int) -> int | None:
    """The 'who' or 'which' opening the clause up to 'by' before a participle ('who then
    surprised Lund by declaring'), its subject; None past a mark, or after other words."""
    # After 'while' or 'when' the participle is as often the main clause's.
    if sentence[preposition][2].lower() != "by":
        return None
    for i in range(preposition - 1, max(0, preposition - _REACH) - 1, -1):
        word = sentence[i][2]
        if word in _STOPS or word == "," or word.lower() == "that":
            return None
        if word in WH_RELATIVES:
            if i == preposition - 1 or not _relative(sentence, i):
                return None
            # 'who Holt then surprised by saying': the relative is the object, and whoever
            # follows it is the participle's subject.
            after = sentence[i + 1][2]
            return None if after[:1].isupper() or after.lower() in _CLAUSE_SUBJECTS else i
    return None


def _aside_opening(sentence: list[Token], comma: int) -> int | None:
    """The comma opening the aside that ``comma`` closes, with no mark or relative in it."""
    for i in range(comma - 1, max(0, comma - _REACH) - 1, -1):
        word = sentence[i][2]
        if word == ",":
            return i if i < comma - 1 else None
        if word in _STOPS or word in WH_RELATIVES:
            return None
    return None


def _relative(sentence: list[Token], i: int) -> bool:
    """Whether token ``i`` is a lower-case 'who' or 'which' that is a subject: not the
    object of a preposition ('in which'), not opening the sentence."""
    return (
        i >= 1 and sentence[i][2] in WH_RELATIVES and sentence[i - 1][2].lower() not in PREPOSITIONS
    )


def _adjunct(word: str) -> bool:
    lower = word.lower()
    return (
        lower in _ADJUNCT_WORDS
        or (lower in MONTHS and word[:1].isupper())
        or word.isdigit()
        or (word.islower() and word.endswith("ly") and len(word) > 4)
    )
