"""The poll a share of its respondents speaks in: 'In a county poll released Monday, 40
percent of voters said …' reports what the poll found, so the poll is the source (as
PARC reads it), not the share, which is no one a reader can name."""

from __future__ import annotations

import re

from articles.extraction.descriptions import is_fraction, is_number

# 'In a national Ledger/Fjord poll released Monday, ', 'In a survey conducted by the
# Ledger, ': the sentence opens with the poll the finding is in, up to the comma.
_OPENING_POLL = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=\n))(?:In|in)\s+"
    r"(?P<poll>(?:a|an|the|its|their|this)\s+[^,;:.\n]{0,80}?\b(?i:poll|survey)\b"
    r"[^,;:\n]{0,60}?),\s*$"
)
# Words that may qualify a share before its number: 'just 8 percent', 'Some 55 percent'.
_QUALIFIERS = frozenset("just only some about nearly almost roughly around over fewer".split())
# How far back the poll's opening phrase may start.
_LOOK_BACK = 160


def poll_of_share(text: str, start: int, phrase: str) -> tuple[int, int] | None:
    """The span of the poll an opening phrase names when the subject ``phrase`` at
    ``start`` is a share ('29 percent', 'two-thirds of voters') right after its comma."""
    words = phrase.split()[:3]
    while words and words[0].lower() in _QUALIFIERS:
        words = words[1:]
    if not words or not (is_number(words[0]) or is_fraction(words[0])):
        return None
    lead = max(0, start - _LOOK_BACK)
    match = _OPENING_POLL.search(text[lead:start])
    if match is None:
        return None
    return lead + match.start("poll"), lead + match.end("poll")
