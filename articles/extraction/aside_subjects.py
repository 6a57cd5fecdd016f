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
    nested = _nested_apposition(parts, start - (cue - len(lead)))
    part = any(_PART_ASIDE.match(part) for part in parts[1:-1])
    if not (nested or part) and not any(_ASIDE_OPENER.match(part) for part in parts[1:-1]):
        return None
    subject = _PARTY_AND_STATE.sub("", parts[0]).rstrip()
    words = subject.split()
    if part:
        if not words or len(words) > _GROUP_WORDS:
            return None
    elif not words or len(words) > 5 or subject_length(words) != len(words):
        return None
    if words[0].lower() in _OPENING_WORDS or words[0].endswith(("ing", "ed")):
        return None  # 'At the forum, speaking to Reuters, Lund said': no subject opens it
    at = cue - len(lead)
    at += len(parts[0]) - len(parts[0].lstrip())
    speaker = speaker_in(registry, text, at, at + len(subject.strip()))
    entity = speaker.entity
    if entity is None or (is_place(entity.name) and (entity.named or not part)):
        return None  # a group described ('critics in the valley') is no place
    if nested and not entity.named:
        return None
    if not entity.named and len(words) < 2:
        return None  # a common word the sentence opens with, not a described subject
    # 'The county office, when reached by the Ledger, said': a described subject is the
    # subject too.
    return speaker


def _nested_apposition(parts: list[str], at: int) -> bool:
    """Whether the subject found at ``at`` (an offset into the joined ``parts``) names
    what an apposition after the opening name describes: 'Quenby, the editor of the
    weekly, the Ledger, said', where the Ledger is the weekly, not the subject."""
    if len(parts) < 4 or parts[1].split()[:1] not in (["the"], ["a"], ["an"]):
        return False
    if any(part.split()[:1] in (["and"], ["or"]) for part in parts[2:]):
        return False  # 'Holt, the mayor, and Lund, …': two subjects, not one described
    return at > len(parts[0]) + len(parts[1]) + 1


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
# Or one that picks out part of the subject: 'many of them farmers', 'both lawyers'.
_ASIDE_OPENER = re.compile(
    r"\s*(?:(?:later|again|also|then)\s+)?(?:[a-z]{3,}ing|whose|when|while|clad|flanked)\b"
)
# An aside that picks out part of the subject before it, which may then be a group of
# any length: 'His critics in the valley, many of them farmers,', 'Berg and Lund, both'.
_PART_ASIDE = re.compile(r"\s*(?:(?:many|most|some|all|each|several) of them|among them|both)\b")
_OPENING_WORDS = frozenset(
    """at in on after before during for from with by as since while when if despite amid
    under over inside outside near across following throughout""".split()
)
_GROUP_WORDS = 10
_PARTY_AND_STATE = re.compile(r"\s*\([^()]{1,30}\)\s*$")  # 'Sen. Ola Berg (R-Ore.)'
