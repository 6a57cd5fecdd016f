"""A 'that' after a cue which points at a noun rather than opening a clause: 'asserted
responsibility for [that attack]', 'withdrew [that bill], and …', 'questioned Holt about
[that position]'. The content after such a cue starts at the cue's object, not past the
'that' as it does in 'told reporters on Monday that [the bill …]'."""

from __future__ import annotations

from articles.extraction.clause_shapes import FINITE, PREPOSITIONS, adverb, subject_pronoun

# A preposition before a 'that' makes it a demonstrative ('for that attack'); 'in that'
# and 'as' open clauses ('in that it …').
_BEFORE_DEMONSTRATIVE = PREPOSITIONS - frozenset("in as while when".split())

# What may end a demonstrative's noun ('that bill,', 'that same day.'); a clause's subject
# after 'that' is followed by its verb instead. Not 'and': 'that poor and working-class
# voters have …' coordinates the subject's adjectives.
_AFTER_NOUN = frozenset(", . ; : — –".split())

# Words that open a clause's subject after its 'that' ('that the bill, …'), never a
# demonstrative's noun.
_NOT_NOUNS = frozenset("a an the his her its their our my your this these those".split())

_NOUN_WORDS = 2  # 'that same day,'


def demonstrative(words: list[str], at: int) -> bool:
    """Whether ``words[at]`` (a 'that' among the words after a cue) points at
    a noun: after a preposition ('for that attack'), or before one or two lower-case words
    that a mark ends ('urged people to seek shelter that way, and', 'that same day,')."""
    if not at:
        # 'disputes that account': a content of the demonstrative's noun alone says too
        # little to report, so it is left to the rule below it ('that' opens a clause).
        return False
    if words[at - 1].lower() in _BEFORE_DEMONSTRATIVE:
        return True
    for j in range(at + 1, min(len(words), at + 1 + _NOUN_WORDS)):
        word = words[j]
        if (
            not word.isalpha()
            or not word.islower()
            or word in FINITE
            or subject_pronoun(word)
            or adverb(word)
            or word in _NOT_NOUNS
        ):
            return False
        if j + 1 == len(words) or words[j + 1] in _AFTER_NOUN:
            return True
    return False
