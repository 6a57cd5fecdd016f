"""Attribution: where a quote says who spoke, as a cue (the verb) and a speaker, found
after its closing mark, before its opening mark, or at the end of a dash paragraph."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from articles.extraction.model import Span
from articles.extraction.names import Entity, Registry
from articles.extraction.patterns import (
    CUE_THEN_SPEAKER,
    CUE_WORD,
    NAMING_VERBS,
    SPEAKER_CUE_COLON,
    SPEAKER_THEN_CUE,
    TRAILING_CUE_THEN_SPEAKER,
    TRAILING_SPEAKER_THEN_CUE,
)
from articles.extraction.speakers import speaker_of


@dataclass(frozen=True)
class Attribution:
    """'said Dana Whitfield': the cue's span, the speaker, and where the text names them."""

    cue: Span
    entity: Entity
    mention: Span | None


def after_quote(registry: Registry, text: str, position: int, limit: int) -> Attribution | None:
    """From the closing mark at ``position`` to the sentence's end at ``limit``:
    '…,” said Dana Whitfield', '…,” she said', '…,” Whitfield said'."""
    tail = text[position:limit]
    match = CUE_THEN_SPEAKER.match(tail)
    if match and match.group("cue") not in NAMING_VERBS:
        attribution = _attribution(registry, text, match, position)
        if attribution is not None:
            return attribution
    match = SPEAKER_THEN_CUE.match(tail)
    if match:
        return _attribution(registry, text, match, position)
    return None


def before_quote(
    registry: Registry, text: str, sentence_start: int, position: int
) -> Attribution | None:
    """From the sentence's start to the opening mark at ``position``: 'Whitfield said: “',
    'She told the council, “'."""
    match = SPEAKER_CUE_COLON.search(text[sentence_start:position])
    if not match:
        return None
    return _attribution(registry, text, match, sentence_start)


def closing_dash_quote(
    registry: Registry, text: str, start: int, end: int
) -> tuple[int, Attribution] | None:
    """For a dash paragraph's content ``text[start:end]``: where the quote ends and its
    attribution, from ', says Hansen.' or ', Hansen says.' at the paragraph's end."""
    body = text[start:end]
    best = _last(TRAILING_CUE_THEN_SPEAKER.finditer(body)) or _last(
        TRAILING_SPEAKER_THEN_CUE.finditer(body)
    )
    if best is None:
        return None
    attribution = _attribution(registry, text, best, start)
    if attribution is None:
        return None
    return start + best.start(), attribution


def cue_in(text: str, start: int, end: int) -> Span | None:
    """The last cue in ``text[start:end]``: 'said', 'warns', 'according to'."""
    match = _last(CUE_WORD.finditer(text[start:end]))
    if match is None:
        return None
    return start + match.start(), start + match.end()


def _attribution(registry: Registry, text: str, match: re.Match, offset: int) -> Attribution | None:
    speaker = speaker_of(registry, text, match, offset)
    if speaker.entity is None:
        return None
    cue = (offset + match.start("cue"), offset + match.end("cue"))
    return Attribution(cue, speaker.entity, speaker.mention)


def _last(matches: Iterator[re.Match]) -> re.Match | None:
    last = None
    for match in matches:
        last = match
    return last
