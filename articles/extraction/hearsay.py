"""Hearsay adverbs in the wide scope (Scope.WIDE): 'The board has reportedly hired a
consultant' attributes its clause to an unnamed source, and PARC reads the clause the
adverb breaks as two pieces of what is reported: 'The board has' and 'hired a consultant'.
"""

from __future__ import annotations

from articles.extraction import cues
from articles.extraction.cues import Token
from articles.extraction.model import Candidate
from articles.extraction.patterns import ATTRIBUTING_WORDS

# Only 'reportedly': on PolNeAR train 'allegedly', 'apparently' and 'seemingly' mark a
# claim the annotators rarely take as reported.
HEARSAY = "reportedly"

# Where the subject piece before the adverb starts: after a mark or a word that opens
# a clause ('…, which has reportedly …', 'With the mayor reportedly …').
_CLAUSE_OPENERS = frozenset("who which that and but with while as after since".split())
_OPENING_MARKS = frozenset(",;:()[]—–")
_MIN_PIECE = 8  # characters, as the shortest content around a cue (handoff._MIN_CONTENT)
_CONFIDENCE = 0.5


def with_hearsay(sentence: list[Token], found: list[Candidate]) -> list[Candidate]:
    """``found`` with the two pieces of each clause a 'reportedly' breaks in ``sentence``,
    those no other candidate overlaps; nobody is their speaker. A gated candidate of the
    verb after the adverb gives way: 'has reportedly hired a consultant' reports the
    hiring, not the consultant."""
    pieces: list[Candidate] = []
    n = len(sentence)
    for i, (cue_start, cue_end, word) in enumerate(sentence):
        if word != HEARSAY or i == 0 or i + 1 >= n:
            continue
        if sentence[i + 1][2].lower() in ATTRIBUTING_WORDS:
            continue  # 'reportedly said': the verb is the attribution, the rules' to take
        verb = sentence[i + 1][0]
        found = [c for c in found if not (c.gated and c.cue is not None and c.cue[0] == verb)]
        subject_start = i
        while subject_start > 0:
            before = sentence[subject_start - 1][2]
            if before in _OPENING_MARKS or before in cues.QUOTE_MARKS:
                break
            if before.lower() in _CLAUSE_OPENERS:
                break
            subject_start -= 1
        # 'With the mayor reportedly weighing a run, the council met': the absolute
        # phrase ends at its comma; a clause runs to the sentence's end or a semicolon.
        absolute = subject_start > 0 and sentence[subject_start - 1][2].lower() == "with"
        ends = (";", ",") if absolute else (";",)
        end = n
        for j in range(i + 1, n):
            if sentence[j][2] in ends:
                end = j
                break
        while end > i + 1 and sentence[end - 1][2] in ".!?":
            end -= 1
        if end == i + 1 or any(w in cues.QUOTE_MARKS for _, _, w in sentence[i + 1 : end]):
            continue  # a quotation is the quote rules' to attribute
        spans = [(sentence[i + 1][0], sentence[end - 1][1])]
        if subject_start < i:
            spans.insert(0, (sentence[subject_start][0], sentence[i - 1][1]))
        for start, stop in spans:
            if stop - start < _MIN_PIECE:
                continue
            if any(other.start < stop and start < other.end for other in (*found, *pieces)):
                continue
            pieces.append(
                Candidate(
                    start, stop, "indirect", None, _CONFIDENCE, (cue_start, cue_end), None, True
                )
            )
    return found + pieces
