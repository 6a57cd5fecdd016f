"""Whose a quote with no cue of its own is: the subject of the colon's sentence right
before it ('Holt had a message:'), or the last name before it in its paragraph;
for a quote that opens its paragraph, the subject of the colon before it ('Okafor told the
council:') or someone who became a subject since the last speaker spoke; else the last
speaker."""

from __future__ import annotations

import re

from articles.extraction.lead_subjects import colon_subject, may_speak, subject_speaker_before
from articles.extraction.names import (
    names_found,
)
from articles.extraction.paragraphs import SENTENCE_END, sentence_start
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
    """For an unattributed quote: the subject of a colon's sentence just before it, the
    last name before it in its paragraph, or else the last speaker."""
    registry.read(text)
    before = text[p_start:position].rstrip(" “\"'‘")
    if before.endswith(":"):
        # 'Holt had a message for the council: “…”': the colon's sentence is the quote's
        # lead, and its subject speaks, not the last name in its object.
        colon = p_start + len(before) - 1
        subject = colon_subject(registry, text, sentence_start(text, p_start, colon), colon)
        entity = subject.entity
        # Not a section's heading in capitals ('POLLS MISSED - …'), nor an opening word.
        if entity is not None and entity.named and not entity.name.isupper():
            opener = " " not in entity.name and registry.opens_sentences_only(entity.name)
            if not opener and may_speak(registry, entity.name):
                return entity
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
