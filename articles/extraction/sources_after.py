"""The source a cue names right after it: 'criticism from rival mayors', 'anxiety among
senior fundraisers', 'is revered among farmers'. around_cues.py asks it, in the wide
scope, for each content whose cue has no speaker.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace

from articles.extraction.clause_shapes import Token
from articles.extraction.model import Candidate
from articles.extraction.passive_agents import AGENT_ENDS, agent_after
from articles.extraction.registry import Registry


def with_source_after(
    registry: Registry, text: str, sentence: list[Token], candidate: Candidate
) -> Candidate:
    """``candidate`` said by whom the 'from' or 'among' right after its cue names, when
    no one, or only a thing its subject describes, says it."""
    if candidate.cue is None or not _unsaid(candidate):
        return candidate
    at = bisect_left(sentence, candidate.cue[1], key=_token_end) + 1
    if at >= len(sentence) or sentence[at][2].lower() not in _SOURCE_WORDS:
        return candidate
    if sentence[at - 1][1] != candidate.cue[1]:
        return candidate
    if at + 1 < len(sentence) and _TIME.match(sentence[at + 1][2]):
        return candidate  # 'criticism within hours', 'doubts from 2015 on': when, not who
    source = agent_after(registry, text, sentence, at, _ENDS)
    if source is None:
        return candidate
    return replace(candidate, entity=source.entity, mention=source.mention)


def _unsaid(candidate: Candidate) -> bool:
    """Whether nobody says ``candidate``, or only a described thing: 'The levy reflects
    anxiety among farmers' is the farmers' anxiety, not the levy's."""
    entity = candidate.entity
    if entity is None:
        return candidate.mention is None
    return entity.thing and not entity.named


def _token_end(token: Token) -> int:
    """Where a token ends in the text (the sentence's tokens are sorted by it too)."""
    return token[1]


# Prepositions whose phrase right after a cue is whose the words or the feeling are:
# 'criticism from rivals', 'anxiety among donors', 'the concern within the board'.
_SOURCE_WORDS = frozenset(("from", "among", "within"))
_TIME = re.compile(r"\d|(?i:(?:minute|hour|day|week|month|year)s?$)")
# What ends the source's phrase besides a passive agent's ends: 'complaints from Holt
# about the levy', 'doubts among farmers regarding'.
_ENDS = AGENT_ENDS | frozenset("about against regarding over".split())
