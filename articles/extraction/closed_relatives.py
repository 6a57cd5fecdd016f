"""'The report, which the council wrote last year, said the levy was unfair': a cue
inside a relative clause whose object is the relative word attributes neither the noun
the clause describes (the relative word stands for it, which relative_objects.py reads)
nor what follows the clause's end, where a verb of saying of the main clause begins."""

from __future__ import annotations

from articles.extraction.clause_shapes import TIMES, Token, words_back
from articles.extraction.patterns import SAYING_VERBS

# The relative words that may stand for a cue's object: 'the memo which Holt wrote',
# 'the letter that Holt wrote', 'the aide whom Holt hired'.
RELATIVES = frozenset("which that whom who".split())
_SUBJECT_WORDS = 5  # 'which [the county board] wrote', 'which [Sen. Kari Holt] wrote'
# The words of when the relative clause's verb was said, before the main verb: 'which
# Holt wrote [last week] said', 'which Holt wrote [in March] said'.
_WHEN = TIMES | frozenset("last this earlier in on ago years months weeks days".split())
_WHEN_WORDS = 3


def in_object_relative(sentence: list[Token], first: int) -> bool:
    """Whether the cue at ``first`` has a subject of its own after a relative word:
    'which the council wrote', not 'which said' (there the relative is the subject)."""
    start = words_back(sentence, first, _SUBJECT_WORDS + 1, RELATIVES)
    return 0 < start < first and sentence[start - 1][2].lower() in RELATIVES


def splits_cue(sentence: list[Token], first: int, i: int) -> bool:
    """Whether the cue word at ``i`` after the cue begun at ``first`` is the main verb
    that ends its relative clause: 'which Holt wrote [says] …' is two cues, not one."""
    return sentence[i][2].lower() in SAYING_VERBS and in_object_relative(sentence, first)


def relative_lead(sentence: list[Token], comma: int, first: int) -> bool:
    """Whether the comma before the cue at ``first`` opens an object relative clause that
    the main clause goes on after ('The report, which the council wrote, said …'): what
    precedes is the clause's noun, not a content its cue trails. A clause that ends the
    sentence may report its noun ('…, which Holt had said was unfair.'), as PARC reads it."""
    return (
        sentence[comma + 1][2].lower() in RELATIVES
        and first > comma + 2
        and any(word == "," for _, _, word in sentence[first + 1 :])
    )


def main_verb_follows(sentence: list[Token], first: int, content_start: int) -> bool:
    """Whether a content after a cue inside an object relative clause opens with a verb of
    saying: the relative clause has ended there, and the verb is the main clause's."""
    if not in_object_relative(sentence, first):
        return False
    return _opens_with_saying([w for s, _, w in sentence if s >= content_start][: _WHEN_WORDS + 1])


def _opens_with_saying(words: list[str]) -> bool:
    """Whether a verb of saying opens ``words``, after at most a few words of when."""
    for word in words[: _WHEN_WORDS + 1]:
        if word.lower() in SAYING_VERBS:
            return True
        if not (word.lower() in _WHEN or (word[:1].isupper() and word.isalpha())):
            return False
    return False


_RELATIVE_REACH = 12  # characters before a subject read for its relative word


def relative_clause_ends(text: str, subject_start: int, content_start: int) -> bool:
    """Whether a relative word stands right before a cue's subject at ``subject_start``
    and the content after the cue opens with a verb of saying: 'the letter that Holt wrote
    last week [said …]', where the verb is the main clause's."""
    before = text[max(0, subject_start - _RELATIVE_REACH) : subject_start].split()
    if not before or before[-1].lower() not in RELATIVES:
        return False
    return _opens_with_saying(text[content_start : content_start + _OPENING_REACH].split())


_OPENING_REACH = 40  # characters of a content read for its opening words
