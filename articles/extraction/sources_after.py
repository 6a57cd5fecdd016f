"""The source a cue names right after it, asked by around_cues.py in the wide scope:
'criticism from rival mayors', 'anxiety among senior fundraisers'."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace

from articles.extraction.clause_shapes import Token, agent_end
from articles.extraction.model import Candidate
from articles.extraction.names import is_place
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
    if _whence(sentence, at):
        return candidate
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


def _whence(sentence: list[Token], at: int) -> bool:
    """Whether the phrase after ``sentence[at]`` says from where or since when, not from
    whom: 'from the outset', 'from abroad', 'from both sides', 'from Oslo'."""
    end = agent_end(sentence, at, _ENDS)
    words = [w for _, _, w in sentence[at + 1 : end]]
    if not words:
        return False
    folded = " ".join(words).lower()
    if folded.startswith("the "):
        folded = folded[4:]
    return folded in _WHENCE or folded.split()[-1] in _WHENCE or is_place(" ".join(words))


def _token_end(token: Token) -> int:
    """Where a token ends in the text (the sentence's tokens are sorted by it too)."""
    return token[1]


# Prepositions whose phrase right after a cue is whose the words or the feeling are:
# 'criticism from rivals', 'anxiety among donors', 'the concern within the board'.
_SOURCE_WORDS = frozenset(("from", "among", "within"))
# What ends the source's phrase besides a passive agent's ends: 'complaints from Holt
# about the levy', 'doubts among farmers regarding'.
_ENDS = AGENT_ENDS | frozenset("about against regarding over".split())
# Where or since when a 'from' starts, beyond the times passive_agents.circumstance knows.
_WHENCE = frozenset(("outset", "beginning", "abroad", "home", "both sides"))
