"""The source a closing 'according to' names for a reported clause no one says in its
sentence: in 'Most farmers now believe the levy is unfair, according to a new Vestby
survey' the survey reports what the farmers believe, and PolNeAR's annotators give it
the clause. Words in quotation marks stay with whoever the rules find says them (see
outer_attribution.py), and a clause whose subject names someone keeps its speaker."""

from __future__ import annotations

from dataclasses import replace

from articles.extraction.model import Candidate
from articles.extraction.registry import Registry
from articles.extraction.speakers import source_in


def with_according_source(
    registry: Registry, text: str, start: int, end: int, found: list[Candidate]
) -> list[Candidate]:
    """``found`` (the reported clauses of the sentence ``text[start:end]``) with each
    speakerless one before a closing ', according to X' said by X."""
    if all(c.entity is not None and c.entity.named for c in found):
        return found
    according = text.find(_ACCORDING, start, end)
    if according < 0:
        return found
    source_start = according + len(_ACCORDING)
    source_end = next(
        (i for i in range(source_start, end) if text[i] in _SOURCE_ENDS),
        end,
    )
    source = source_in(registry, text, source_start, source_end)
    if source.entity is None:
        return found
    return [
        replace(c, entity=source.entity, mention=source.mention)
        if (c.entity is None or not c.entity.named) and c.end <= according
        else c
        for c in found
    ]


_ACCORDING = ", according to "
# What ends the source's phrase: 'according to a Vestby survey, which …', '… survey.'
_SOURCE_ENDS = frozenset(",.;:!?()—–")
