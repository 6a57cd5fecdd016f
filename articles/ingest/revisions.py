"""Carry spans from an article's old text onto its revised text. No Django imports.

News is edited after publication. A quote of the old text keeps its place in the new one
when its words are still there: the offsets are mapped through a character diff
(diff-match-patch, in code points like our offsets), and where the mapped span no longer
holds the same words, the words are looked for elsewhere, the occurrence nearest the
mapped place winning. A span whose words are gone is reported as lost, never moved onto
different text: after re-anchoring, ``new_text[start:end]`` is the old span's text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from diff_match_patch import diff_match_patch

# Seconds the diff may take on a long article before it settles for a coarser one (the
# search for moved words still places every span whose text survived).
DIFF_TIMEOUT = 2.0


@dataclass(frozen=True)
class Anchored:
    start: int
    end: int
    moved: bool  # found elsewhere than where the diff mapped it


@dataclass(frozen=True)
class Lost:
    reason: str


def reanchor(
    old_text: str, new_text: str, spans: Sequence[tuple[int, int]]
) -> list[Anchored | Lost]:
    """For each ``(start, end)`` span of ``old_text``, where the same text lies in
    ``new_text``, or why it is lost."""
    engine = diff_match_patch()
    engine.Diff_Timeout = DIFF_TIMEOUT
    diffs = engine.diff_main(old_text, new_text)
    engine.diff_cleanupSemantic(diffs)
    results: list[Anchored | Lost] = []
    for start, end in spans:
        if not 0 <= start < end <= len(old_text):
            raise ValueError(f"span {start}–{end} is outside the old text")
        words = old_text[start:end]
        mapped = engine.diff_xIndex(diffs, start)
        if new_text[mapped : mapped + len(words)] == words:
            results.append(Anchored(mapped, mapped + len(words), moved=False))
            continue
        found = _nearest(new_text, words, mapped)
        if found is None:
            results.append(Lost("its words are not in the revised text"))
        else:
            results.append(Anchored(found, found + len(words), moved=True))
    return results


def _nearest(text: str, words: str, near: int) -> int | None:
    best, position = None, text.find(words)
    while position != -1:
        if best is None or abs(position - near) < abs(best - near):
            best = position
        position = text.find(words, position + 1)
    return best
