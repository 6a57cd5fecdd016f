"""Whom a cue of telling addresses, and where what was told starts after it: 'told
[the Courier] they would wait', 'told [her aides] she was done', 'told [the Ledger], the
council would meet'. The addressee is no part of the content; a clause after it is."""

from __future__ import annotations

from articles.extraction import cues
from articles.extraction.clause_shapes import (
    BOUNDARY_WORDS,
    FINITE,
    Token,
    subject_pronoun,
)

TELLING = frozenset("told tell tells telling".split())
ASKING = frozenset("asked ask asks asking".split())
# The words that open a question after its addressee: 'asked [Holt] if …'; after 'told',
# only those that cannot open a circumstance ('told reporters when he arrived').
_QUESTION_WORDS = frozenset("if whether how why what who whom which where when".split())
_TOLD_QUESTIONS = frozenset("whether how why what".split())
# The addressee's words before the clause: 'told [host Tove Rask] she', 'told [The
# Vestby Ledger of Lenmark last week] she'.
_ADDRESSEE_WORDS = 7
# After an addressee's comma, how far the clause's verb may be: 'the council would'.
_SUBJECT_WORDS = 5
# The verbs that make a clause after the comma: 'cannot' is one word, unlike "ca n't".
_CLAUSE_VERBS = FINITE | {"cannot"}
# Words after an addressee's comma that open no clause of what was told: a relative, an
# aside ('told the FBI, which …', 'told reporters, according to …').
_NO_CLAUSE = BOUNDARY_WORDS | frozenset("who which whom whose where according".split())


def clause_after_addressee(sentence: list[Token], at: int, asking: bool = False) -> int | None:
    """The index of the first word of the clause told (or, ``asking``, asked) after the
    addressee that opens ``sentence[at:]``: a question word ('asked Holt [if] …'), a
    subject pronoun ('told the Courier [they] …'), the word after its 'that' or after the
    addressee's comma when a clause with a verb follows; None when no addressee is read."""
    n = len(sentence)
    questions = _QUESTION_WORDS if asking else _TOLD_QUESTIONS
    for i in range(at, min(n, at + _ADDRESSEE_WORDS + 1)):
        word = sentence[i][2]
        low = word.lower()
        if i > at and low in questions:
            return i  # 'asked [Holt] whether …', 'told [reporters] how …'
        if low == "to":
            return None  # 'asked the board to rule whether …': what it was asked to do
        if asking:
            if not word[:1].isalnum() or low in BOUNDARY_WORDS or low in FINITE:
                return None
            continue  # whom a question was asked has no clause of its own after it
        if i > at and subject_pronoun(low):
            return i
        if low == "that" and i > at and i + 1 < n:
            # 'told a lunch group [that] her position …': never the 'that'; but 'told
            # the panel that met in May …' has a relative 'that'.
            return None if _relative_that(sentence, i) else i + 1
        if word == "," and i > at:
            return i + 1 if _clause_follows_comma(sentence, i + 1) else None
        if not word[:1].isalnum() or low in BOUNDARY_WORDS or low in FINITE:
            return None  # a mark, a verb or a subordinator: no addressee before a clause
    return None


def _relative_that(sentence: list[Token], that: int) -> bool:
    """A 'that' whose clause qualifies the word before it: 'the group [that] met', 'the
    panel [that] was'; its verb follows at once."""
    after = sentence[that + 1][2]
    return after.lower() in FINITE or (after.islower() and after.endswith("ed"))


def _clause_follows_comma(sentence: list[Token], at: int) -> bool:
    """A clause opens at ``at`` after an addressee's comma: a subject, then its verb
    ('the council would meet'), not a verb of the sentence's own ('…, will fail')."""
    if at >= len(sentence):
        return False
    first = sentence[at][2]
    if not first[:1].isalnum() or first.lower() in _NO_CLAUSE or first.lower() in FINITE:
        return False
    if first.endswith("ing") and first.islower():
        return False  # 'told the hosts, sounding …': a participle of the teller
    for _, _, word in sentence[at + 1 : at + 1 + _SUBJECT_WORDS]:
        if word.lower() in _CLAUSE_VERBS:
            return True
        if not word[:1].isalnum():
            return False
    return False


def told_start(text: str, cue_end: int, start: int, end: int) -> int | None:
    """Where what was told starts in ``text[start:end]`` when a cue of telling ending at
    ``cue_end`` opens it with its addressee ('told the Ledger, the council would …');
    None when no addressee is read there."""
    sentence = cues.tokens(text, cue_end, end)
    if not sentence or sentence[0][0] > start:
        return None
    at = clause_after_addressee(sentence, 0)
    return sentence[at][0] if at is not None and sentence[at][0] > start else None
