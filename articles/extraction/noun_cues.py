"""Nouns that attribute in the wide scope (Scope.WIDE): PARC counts what 'his support
for the levy', 'attacks on the mayor' or 'a call for a recount' attribute, with no verb
of saying. This module finds such a noun and its phrase; the gate weighs each. It also
says whose such a noun's words are not: the subject's of 'faced criticism for'.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace

from articles.extraction.cues import Token
from articles.extraction.model import Candidate
from articles.extraction.patterns import alternation

# The nouns and the word that opens what they attribute; which pairs PARC counts, and
# after what, is the gate's to learn. Left out: nouns whose contents the gate admitted
# on PolNeAR train were mostly not gold ('attack', 'claim', 'opposition', 'questions',
# 'fear', 'allegations', 'accusations', 'demands': 8 of 31).
NOUNS = frozenset(
    """support criticism criticisms attacks endorsement call calls concern concerns warning
    warnings promise promises pledge pledges doubt doubts praise condemnation complaint
    complaints views positions announcement rejection denunciation defense""".split()
)
NOUN_CUE = re.compile(
    rf"\b(?:{alternation(sorted(NOUNS, key=len, reverse=True))})"
    r"\s+(?:for|of|on|to|that|about|against)\b"
)
SHAPE = "noun"
# The fewest tokens a phrase has: 'attacks on Holt'.
_MIN_WORDS = 1


def noun_cues(text: str, sentence: list[Token], start: int, end: int):
    """``(first, last, content)`` for each attributing noun in ``text[start:end]`` (the
    tokens ``sentence``): the noun and its preposition's token indices, and the phrase
    after them, to its first comma, semicolon or the sentence's end."""
    starts = [token[0] for token in sentence]
    for match in NOUN_CUE.finditer(text, start, end):
        first = bisect_left(starts, match.start())
        last = bisect_left(starts, match.end() - 1)
        if last >= len(sentence) or starts[first] != match.start():
            continue
        if sentence[last][1] != match.end():
            last -= 1  # the preposition is the token that ends at the match's end
            if sentence[last][1] != match.end():
                continue
        if _armed(sentence, first):
            continue
        stop = last + 1
        while stop < len(sentence) and sentence[stop][2] not in ',;:()—–"“”':
            stop += 1
        while stop > last + 1 and sentence[stop - 1][2] in ".!?":
            stop -= 1
        if stop - (last + 1) < _MIN_WORDS:
            continue
        yield first, last, (sentence[last + 1][0], sentence[stop - 1][1])


def _armed(sentence: list[Token], first: int) -> bool:
    """'the attacks on the embassy', 'terrorist attacks on the port': attacks with arms,
    no words; 'his attacks on Holt', 'the mayor's attacks on the board' are words."""
    if sentence[first][2].lower() != "attacks" or first == 0 or first + 1 >= len(sentence):
        return False
    if sentence[first + 1][2].lower() not in ("on", "against"):
        return False  # 'the attacks that she is untrustworthy': a clause said
    before = sentence[first - 1][2].lower()
    return before in _ARMED or before.isdigit()


# Words right before 'attacks' that make them violence: 'the attacks' is mostly an
# event in the news ('during the attacks on the consulate'), someone's attacks are his.
_ARMED = frozenset("the terrorist terror violent deadly military armed".split())


def suffered(text: str, sentence: list[Token], candidate: Candidate) -> Candidate:
    """``candidate`` without a speaker when its subject suffers what its noun says: in
    'Holt faced criticism for the levy', 'came under sharp criticism', 'has fielded
    questions about', the subject is whom the criticism is aimed at, and whoever voices
    it goes unnamed (PolNeAR gives no source)."""
    if not candidate.gated or candidate.cue is None or candidate.entity is None:
        return candidate
    cue_start, cue_end = candidate.cue
    # The cue's words read from the text first: most cues hold none of the nouns. A cue
    # spans whole tokens, words without marks, so its text split at spaces gives them.
    if _SUFFERED_NOUNS.isdisjoint(text[cue_start:cue_end].lower().split()):
        return candidate
    first = bisect_left(sentence, cue_start, key=_token_start)
    if first >= len(sentence) or sentence[first][0] != cue_start:
        return candidate
    before = [t[2].lower() for t in sentence[max(0, first - _SUFFERED_REACH) : first]]
    if _SUFFERING_VERBS.isdisjoint(before):
        return candidate
    return replace(candidate, entity=None, mention=None)


def _token_start(token: Token) -> int:
    """Where a token starts in the text: the key the sentence's tokens are sorted by."""
    return token[0]


# The nouns someone can be the target of, and the verbs (within _SUFFERED_REACH tokens
# before the noun: 'has faced her own litany of questions') that make the subject their
# target. 'answered a question about' is not among them: PolNeAR gives the answer to the
# one who answers.
_SUFFERED_NOUNS = frozenset(
    """criticism criticisms questions question doubts allegations accusations scrutiny
    pressure attacks calls""".split()
)
_SUFFERING_VERBS = frozenset(
    """face faces faced facing under endure endured endures drew draw draws drawing
    take took taking takes fielded fielding received weathered""".split()
)
_SUFFERED_REACH = 5
