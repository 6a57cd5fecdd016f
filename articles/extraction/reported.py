"""Reported speech: a sentence with no quotation marks whose clause someone said,
'According to the ministry, prices will fall', 'Prices will fall, the ministry said',
'Energy researcher Ola Nygaard believes that the grid will fail'."""

from __future__ import annotations

import re

from articles.extraction.model import Candidate, Span
from articles.extraction.names import Entity, Registry
from articles.extraction.patterns import (
    ACCORDING_TO_FIRST,
    ACCORDING_TO_LAST,
    CLAUSE_THEN_SPEAKER,
    NOT_A_CLAUSE,
    PRONOUN,
    SPEAKER_THEN_CLAUSE,
)
from articles.extraction.speakers import named_by, org_or_named_by, speaker_of

ACCORDING_TO = "according to"


def reported_speech(registry: Registry, text: str, start: int, end: int) -> Candidate | None:
    """The reported clause in the sentence ``text[start:end]``, if someone said it. A
    speaker named by a verb ('the ministry said') becomes the registry's last speaker,
    even when the clause is too short to keep."""
    sentence = text[start:end]
    according = ACCORDING_TO_FIRST.match(sentence) or ACCORDING_TO_LAST.match(sentence)
    if according:
        return _according_to(registry, text, start, according)
    clause_first = CLAUSE_THEN_SPEAKER.match(sentence)
    if clause_first:
        entity = _said_by(registry, clause_first)
        if entity is not None:
            return _clause_then_speaker(registry, text, start, clause_first, entity)
    speaker_first = SPEAKER_THEN_CLAUSE.search(sentence)
    if speaker_first:
        return _speaker_then_clause(registry, text, start, speaker_first)
    return None


def _according_to(registry: Registry, text: str, offset: int, match: re.Match) -> Candidate | None:
    """'According to the ministry, …' or '…, according to the ministry'."""
    entity = named_by(registry, match.group("who"))
    if entity is None:
        return None  # "according to a letter": no one to attribute it to
    cue_at = match.string.lower().find(ACCORDING_TO)
    cue = (offset + cue_at, offset + cue_at + len(ACCORDING_TO))
    return _clause(text, _span(match, "clause", offset), entity, cue, 0.7)


def _said_by(registry: Registry, match: re.Match) -> Entity | None:
    """Who said the clause before '…, the ministry said' or '…, said Hansen'."""
    who = match.group("who") or match.group("who2")
    if PRONOUN.fullmatch(who):
        return registry.person_for_pronoun()
    return org_or_named_by(registry, who)


def _clause_then_speaker(
    registry: Registry, text: str, offset: int, match: re.Match, entity: Entity
) -> Candidate | None:
    """'The ferry will stop in May, the ministry said on Monday.'"""
    cue = _span(match, "cue" if match.group("cue") else "cue2", offset)
    registry.spoke(entity)
    return _clause(text, _span(match, "clause", offset), entity, cue, 0.6)


def _speaker_then_clause(
    registry: Registry, text: str, offset: int, match: re.Match
) -> Candidate | None:
    """'Energy researcher Ola Nygaard believes (that) the grid will fail.'"""
    clause = match.group("clause")
    if len(clause.split()) < 3 or clause.startswith(NOT_A_CLAUSE):
        return None
    speaker = speaker_of(registry, text, match, offset)
    if speaker.entity is None:
        return None
    cue = _span(match, "cue", offset)
    registry.spoke(speaker.entity)
    return _clause(text, _span(match, "clause", offset), speaker.entity, cue, 0.65, speaker.mention)


def _clause(
    text: str,
    span: Span,
    entity: Entity,
    cue: Span,
    confidence: float,
    mention: Span | None = None,
) -> Candidate | None:
    """The clause as an indirect quote, without its final stop and a leading 'that';
    None when fewer than eight characters are left."""
    start, end = span
    while end > start and text[end - 1] in ".!? ":
        end -= 1
    if text[start:end].startswith("that "):
        start += 5
    if end - start < 8:
        return None
    return Candidate(start, end, "indirect", entity, confidence, cue, mention)


def _span(match: re.Match, group: str, offset: int) -> Span:
    return offset + match.start(group), offset + match.end(group)
