"""The subject of a cue read before it when a description set off by commas stands
between them: 'Ivar Lund, leader of the Nordic Freedom Party, says' is Lund's."""

from __future__ import annotations

import re

from articles.extraction.names import is_place
from articles.extraction.paragraphs import tail_start
from articles.extraction.registry import Registry
from articles.extraction.speakers import Speaker, speaker_in

# A name opening its clause, then one comma part or more that each open in lower case (a
# description, a relative clause, 'however'), the last closed by a comma before the cue.
# A part opening with 'and' or 'or' is a list's last item, not a description.
_PART = r"(?!(?:and|or|but|nor)\b)[a-z][^,;:“”\"()]*"
_DESCRIPTION = re.compile(rf"\s+{_PART}")  # one comma part, fully
_APPOSED_AT_END = re.compile(
    r"(?:^\s*|(?<=,)\s+|\b(?:that|and|but|while|as|because|since|when)\s+)"
    r"(?P<name>(?:(?:Mr|Mrs|Ms|Dr|Sen|Gov|Rep)\.\s+)?(?:[A-Z][\w’'-]*\.?\s+){0,4}[A-Z][\w’'-]*)"
    rf",\s+{_PART}(?:,\s+{_PART})*,\s*$"
)

# The same with no comma closing the description, read only where the name opens the
# sentence and an article opens the description.
_OPEN_APPOSITION = re.compile(
    r"\s*(?P<name>(?:(?:Mr|Mrs|Ms|Dr|Sen|Gov|Rep)\.\s+)?(?:[A-Z][\w’'-]*\.?\s+){0,3}[A-Z][\w’'-]*)"
    r",\s+(?:a|an|the)\s+[a-z][^,;:“”\"()]*\s"
)
_OPEN_LEAD = 160


def apposed_lead_subject(
    registry: Registry, text: str, sentence_start: int, lead: str
) -> Speaker | None:
    """The name a lead's closing description is set off from; None when the lead does
    not end so or the name is a place's ('Bergen, the capital, …' speaks for no one)."""
    if lead.rstrip().endswith(","):
        found = _APPOSED_AT_END.search(lead, _name_part_start(lead))
    elif len(lead) < _OPEN_LEAD:
        # 'Ina Berg, a former aide to Sen. Lund has written': the closing comma left out.
        found = _OPEN_APPOSITION.fullmatch(lead)
    else:
        return None
    if found is None or is_place(found.group("name")):
        return None
    start = sentence_start + found.start("name")
    speaker = speaker_in(registry, text, start, sentence_start + found.end("name"))
    if speaker.entity is None or speaker.mention is None:
        return None
    return speaker


def _name_part_start(lead: str) -> int:
    """Where the comma part before the descriptions closing ``lead`` starts: the name
    holds no comma, so a search from there finds what one from the tail's start does."""
    # The lead's last characters only, as every search at its end reads them; read from
    # the end, each part once, so that no search runs to the end from every position.
    start = tail_start(lead, 0, len(lead))
    comma = lead.rindex(",")
    while True:
        before = lead.rfind(",", start, comma)
        if before < 0 or not _DESCRIPTION.fullmatch(lead, before + 1, comma):
            return before + 1 if before >= 0 else start
        comma = before
