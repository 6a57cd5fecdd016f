"""Attribution by 'make' and a word that says what is made of a clause: 'Holt made it
clear that the ferry would run', 'Berg made the case to the council that the toll is
unfair'. The cue model finds 'made' or 'clear' at best, and the rules around a cue read
'it clear to the council …' as what was said."""

from __future__ import annotations

from articles.extraction.clause_shapes import BE, FINITE, Token, zero_that_clause
from articles.extraction.content_spans import right_content
from articles.extraction.cue_subjects import subject_before
from articles.extraction.handoff import WORD, indirect_candidate, subject_source
from articles.extraction.model import Candidate
from articles.extraction.registry import Registry

MAKE = frozenset("make makes made making".split())
_CASE_OPENERS = frozenset("the a an his her its their our my".split())
_CASE_WORDS = 4  # 'made an increasingly explicit, urgent and desperate case': adjectives
_ADDRESSEE_WORDS = 8  # 'to the council on Wednesday', between the cue and its 'that'
_CONFIDENCE = 0.8


def make_contents(
    registry: Registry, text: str, sentence: list[Token], found: list[Candidate]
) -> list[Candidate]:
    """``found`` with the clauses that a 'made it clear' or 'made the case' attributes in
    the sentence, in place of any reading of the wide scope's gate over them."""
    words = [w.lower() for w in map(WORD, sentence)]
    for i, word in enumerate(words):
        if word not in MAKE or (i and words[i - 1] in BE):
            continue  # 'as was made clear last week': what was clear, and to nobody said
        last = _cue_end(words, i)
        if last is None:
            continue
        that = _that(sentence, words, last)
        if that is None:
            continue
        content = right_content(text, sentence, that, min_words=2)
        if content is None:
            continue
        if any(not c.gated and c.start < content[1] and content[0] < c.end for c in found):
            continue  # a reading the rules made already
        cue = (sentence[i][0], sentence[last][1])
        speaker = subject_before(registry, text, sentence, i)
        if speaker.entity is None:
            # 'Many islanders made it clear …': a subject the registry does not know is
            # the source, in its own words.
            speaker = subject_source(registry, text, sentence, i)
        candidate = indirect_candidate(content, speaker, cue, _CONFIDENCE)
        if candidate is None:
            continue
        found = [c for c in found if not (c.gated and c.start < content[1] and cue[0] < c.end)]
        found.append(candidate)
    return found


def _cue_end(words: list[str], i: int) -> int | None:
    """The last word of 'made (it) clear' or 'made the (…) case' from ``i``, or None."""
    j = i + 1
    if j < len(words) and words[j] == "it":
        j += 1
    if j < len(words) and words[j] == "clear":
        return j
    if j >= len(words) or words[j] not in _CASE_OPENERS or j > i + 1:
        return None
    for k in range(j + 1, min(len(words), j + 2 + _CASE_WORDS)):
        if words[k] == "case":
            return k
        if not ((words[k].isalpha() and words[k].islower()) or words[k] == ","):
            return None
    return None


def _that(sentence: list[Token], words: list[str], last: int) -> int | None:
    """Where the clause after the cue at ``last`` opens: the index of its 'that', after
    whom and when at most ('made the case to voters on Monday that'), or ``last`` itself
    when a clause follows it directly ('made it clear they would not agree')."""
    if words[last] == "clear" and zero_that_clause(sentence, last):
        return last
    for k in range(last + 1, min(len(words), last + 2 + _ADDRESSEE_WORDS)):
        if words[k] == "that":
            return k if k + 1 < len(words) else None
        if words[k] in FINITE or words[k] in ",;:.":
            return None
    return None
