"""Whose a quote with no cue of its own is: the last name before it in its paragraph;
for a quote that opens its paragraph, the subject of the colon before it ('Okafor told the
council:') or someone who became a subject since the last speaker spoke; else the last
speaker."""

from __future__ import annotations

import re

from articles.extraction.lead_subjects import may_speak, subject_speaker_before
from articles.extraction.names import (
    names_found,
)
from articles.extraction.paragraphs import SENTENCE_END
from articles.extraction.patterns import (
    CUE,
)
from articles.extraction.registry import Entity, Registry

# A sentence that introduces the quote in the next paragraph: 'The Times reported:'.
_LAST_CUE = re.compile(
    rf"\b(?:{CUE}|continued|responded|observed|echoed|wrote|reported|reports|tweeted|"
    rf"declared|remarked|testified|read|reads)\b[^:]*:$"
)


def nearby_speaker(registry: Registry, text: str, p_start: int, position: int) -> Entity | None:
    """For an unattributed quote: the last name before it in its paragraph, or else the
    last speaker."""
    registry.read(text)
    lead = text[max(p_start, position - 400) : position]
    names = [f for f in names_found(lead) if may_speak(registry, f.name)]
    if names:
        return registry.resolve(names[-1].name, "", names[-1].gender)
    if not text[p_start:position].strip(" “\"'"):
        introduced = _introduced_by(registry, text, p_start) or registry.new_subject()
        if introduced is not None:
            return introduced
    return registry.last_speaker


def _introduced_by(registry: Registry, text: str, p_start: int) -> Entity | None:
    """A quote opening its paragraph after one that ends in a colon ('He said:', 'The
    New York Times reports:'): the subject of that colon's sentence."""
    before = text[max(0, p_start - 400) : p_start].rstrip()
    if not before.endswith(":"):
        return None
    line_start = max(before.rfind("\n") + 1, 0)
    sentence = before[line_start:]
    offset = max(0, p_start - 400) + line_start
    stops = [m.end() for m in SENTENCE_END.finditer(sentence[:-1])]
    cut = stops[-1] if stops else 0
    cue = _LAST_CUE.search(sentence, cut)
    if cue is None:
        return None
    speaker = subject_speaker_before(registry, text, offset + cut, offset + cue.start())
    if speaker.entity is None or speaker.mention is None:
        return None
    registry.introduced(speaker.entity, speaker.mention, p_start)
    return speaker.entity
