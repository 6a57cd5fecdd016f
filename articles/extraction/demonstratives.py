"""A 'that' after a cue which points at a noun rather than opening a clause: 'asserted
responsibility for [that attack]', 'withdrew [that bill], and …', 'questioned Holt about
[that position]'. The content after such a cue starts at the cue's object, not past the
'that' as it does in 'told reporters on Monday that [the bill …]'."""

from __future__ import annotations

from articles.extraction.clause_shapes import FINITE, PREPOSITIONS, adverb, subject_pronoun
from articles.extraction.subject_words import NOUN_OPENERS

# A preposition before a 'that' makes it a demonstrative ('for that attack'); 'in that'
# and 'as' open clauses ('in that it …').
_BEFORE_DEMONSTRATIVE = PREPOSITIONS - frozenset("in as while when".split())

# What may end a demonstrative's noun ('that bill,', 'that way;'); a clause's subject
# after 'that' is followed by its verb instead. Not 'and': 'that poor and working-class
# voters have …' coordinates the subject's adjectives. Not '.': the sentence's own end
# is read as the words' end, and a '.' inside a sentence is an abbreviation's.
_AFTER_NOUN = frozenset(", ; : — –".split())

# Words that open a clause's subject after its 'that' ('that the bill, …'), never a
# demonstrative's noun.
_NOT_NOUNS = NOUN_OPENERS | {"this"}

# Adjectives a demonstrative's noun may follow ('that same day,', 'that very week.'). Any
# other two words may be a clause's subject and its verb ('that prices fell.'), which no
# closed list of verbs tells apart from a noun's modifier and noun.
_ADJECTIVES = frozenset("same very".split())


def demonstrative(words: list[str], at: int) -> bool:
    """Whether ``words[at]`` (a 'that' among the words after a cue) points at
    a noun: after a preposition ('for that attack'), or before one lower-case noun that
    a mark or the words' end ends ('urged people to seek shelter that way, and'), or
    'same' or 'very' and a noun ('that same day,')."""
    if not at:
        # 'disputes that account': a content of the demonstrative's noun alone says too
        # little to report, so it is left to the rule below it ('that' opens a clause).
        return False
    if words[at - 1].lower() in _BEFORE_DEMONSTRATIVE:
        return True
    noun = at + 1
    if noun < len(words) and words[noun] in _ADJECTIVES:
        noun += 1
    if noun >= len(words) or not _noun(words[noun]):
        return False
    return noun + 1 == len(words) or words[noun + 1] in _AFTER_NOUN


def _noun(word: str) -> bool:
    """A lower-case word that may be a noun: no verb, pronoun, adverb or determiner."""
    return (
        word.isalpha()
        and word.islower()
        and word not in FINITE
        and not subject_pronoun(word)
        and not adverb(word)
        and word not in _NOT_NOUNS
    )
