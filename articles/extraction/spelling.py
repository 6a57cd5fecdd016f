"""Comparing spellings of a name: folded (no case, no diacritics), and within an edit
distance, so that a misspelling ('Godzimirksi') meets the name it misspells."""

from __future__ import annotations

import unicodedata
from functools import lru_cache


@lru_cache(maxsize=65536)
def fold(name: str) -> str:
    """A name without case and diacritics, for comparing spellings."""
    folded = name.casefold()
    if folded.isascii():
        return folded  # most are: no diacritics to take off, and no 'ø'
    decomposed = unicodedata.normalize("NFKD", folded)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).replace("ø", "o")


def edit_distance(a: str, b: str, limit: int = 2) -> int:
    """Levenshtein distance with adjacent transpositions, giving up past ``limit``: only
    the cells within ``limit`` of the diagonal are computed."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    # The letters both spellings open and end with cost nothing: leave them out, as
    # the misspellings compared ('Godzimirksi', 'Godzimirski') mostly differ in one
    # place, so that only the few letters around it go through the table below.
    start, shorter = 0, min(len(a), len(b))
    while start < shorter and a[start] == b[start]:
        start += 1
    cut = 0
    while cut < shorter - start and a[-1 - cut] == b[-1 - cut]:
        cut += 1
    a, b = a[start : len(a) - cut], b[start : len(b) - cut]
    if not a or not b:
        return len(a) + len(b)  # letters to insert, no more than ``limit`` (above)
    # What is left opens and ends with different letters, so one letter each is one
    # substitution, and two letters each one transposition or two substitutions: the
    # commonest pairs of a long text's surnames, answered without the table.
    if len(a) == len(b) <= 2:
        distance = 1 if len(a) == 1 or a == b[::-1] else 2
        return min(distance, limit + 1)
    far = limit + 1
    previous2: list[int] = []
    previous = [j if j <= limit else far for j in range(len(b) + 1)]
    for i in range(1, len(a) + 1):
        ca = a[i - 1]
        current = [far] * (len(b) + 1)
        current[0] = i if i <= limit else far
        low, high = max(1, i - limit), min(len(b), i + limit)
        for j in range(low, high + 1):
            cb = b[j - 1]
            value = previous[j - 1] + (ca != cb)
            if previous[j] + 1 < value:
                value = previous[j] + 1
            if current[j - 1] + 1 < value:
                value = current[j - 1] + 1
            if (
                i > 1
                and j > 1
                and ca == b[j - 2]
                and a[i - 2] == cb
                and previous2[j - 2] + 1 < value
            ):
                value = previous2[j - 2] + 1
            current[j] = value if value < far else far
        if min(current[low : high + 1]) > limit:
            return far
        previous2, previous = previous, current
    return previous[-1]


@lru_cache(maxsize=65536)
def similar(a: str, b: str) -> bool:
    """Same word, or a plausible misspelling of it (Godzimirksi ~ Godzimirski)."""
    a, b = fold(a), fold(b)
    if a == b:
        return True
    if min(len(a), len(b)) < 5:
        return False
    # The band of the table no wider than the distance allowed: one edit for a short
    # word, where a band of two computed cells that could not change the answer.
    limit = 1 if min(len(a), len(b)) < 7 else 2
    return edit_distance(a, b, limit) <= limit


@lru_cache(maxsize=65536)
def deletions(word: str) -> tuple[str, ...]:
    """``word`` and every string made by deleting one letter of it, or two for words of
    seven letters or more (as ``similar`` allows two edits there), each once."""
    n = len(word)
    shorter = [word[:i] + word[i + 1 :] for i in range(n)]
    once = {word, *shorter}
    if n < 7:
        return tuple(once)
    # Each pair of letters once, the later taken from a word already one letter short:
    # fewer slices than cutting both out of ``word`` in both orders.
    twice = {short[:j] + short[j + 1 :] for i, short in enumerate(shorter) for j in range(i, n - 1)}
    # A tuple, not a set: the garbage collector stops visiting a tuple of strings, and
    # the cache keeps thousands of these.
    return tuple(once | twice)
