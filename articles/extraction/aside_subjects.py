"""Whose cue it is when the subject found before it stands in an aside that is no
apposition: 'Berg (R-Ore.), facing a challenge from Lund, noted' is Berg's, not Lund's;
'Okafor, whose start-up, Nordata, sells data, said' is Okafor's.

Both readings of a subject, the patterns' (pattern_speakers.py) and the tokens'
(cue_subjects.py), ask it before taking the name nearest the cue.
"""

from __future__ import annotations

import re

from articles.extraction.names import is_place
from articles.extraction.phrases import subject_length
from articles.extraction.registry import Registry
from articles.extraction.speakers import Speaker, speaker_in


def subject_before_aside(registry: Registry, text: str, start: int, cue: int) -> Speaker | None:
    """The name opening the sentence when the subject found at ``start`` lies in the
    asides between it and the ``cue``, one of them no apposition: 'Berg (R-Ore.), facing
    a challenge from Lund, noted', 'Ana Roe, a nurse from Bergen, attending …, said'."""
    lead = text[max(0, start - 200) : cue]
    lead = lead[_sentence_opening(lead[: len(lead) - (cue - start)]) :]
    parts = lead.split(",")
    if len(parts) < 3 or cue - len(lead) + len(parts[0]) >= start:
        return None  # the subject opens the sentence: nothing stands before it
    if not any(_ASIDE_OPENER.match(part) for part in parts[1:-1]):
        return None
    subject = _PARTY_AND_STATE.sub("", parts[0]).rstrip()
    words = subject.split()
    if not words or len(words) > 5 or subject_length(words) != len(words):
        return None
    if words[0].lower() in _OPENING_WORDS or words[0].endswith(("ing", "ed")):
        return None  # 'At the forum, speaking to Reuters, Lund said': no subject opens it
    at = cue - len(lead)
    at += len(parts[0]) - len(parts[0].lstrip())
    speaker = speaker_in(registry, text, at, at + len(subject.strip()))
    entity = speaker.entity
    if entity is None or is_place(entity.name):
        return None
    if not entity.named and len(words) < 2:
        return None  # a common word the sentence opens with, not a described subject
    # 'The county office, when reached by the Ledger, said': a described subject is the
    # subject too.
    return speaker


def _sentence_opening(lead: str) -> int:
    """Where the last sentence of ``lead`` starts: after its last line break, or stop and
    space that ends no abbreviation ('Sen. ', 'Miss. ', 'R-Mo.)' end none)."""
    opening = 0
    for stop in _STOP.finditer(lead):
        word = lead[: stop.start()].rsplit(None, 1)[-1:] or [""]
        if stop.group() == "\n" or not (word[0][:1].isupper() and len(word[0]) <= 4):
            opening = stop.end()
    return opening


_STOP = re.compile(r"[.!?][\"”’']?\s+|\n")
# An aside that describes what someone does or when, not who they are: 'facing …',
# 'whose start-up …', 'when reached by …', 'later alleging …'.
_ASIDE_OPENER = re.compile(
    r"\s*(?:(?:later|again|also|then)\s+)?(?:[a-z]{3,}ing|whose|when|while|clad|flanked)\b"
)
_OPENING_WORDS = frozenset(
    """at in on after before during for from with by as since while when if despite amid
    under over inside outside near across following throughout""".split()
)
_PARTY_AND_STATE = re.compile(r"\s*\([^()]{1,30}\)\s*$")  # 'Sen. Ola Berg (R-Ore.)'
