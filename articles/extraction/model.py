"""What the extraction engine returns, and what its rules hand back to it."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from articles.extraction.registry import Entity

Span = tuple[int, int]  # code-point offsets, end excluded


class Scope(StrEnum):
    """What counts as an attribution, chosen per project: reported speech with a clause
    (newsannot's guideline), or also what PARC counts ('urged voters to stay home')."""

    CLAUSES = "clauses"
    WIDE = "wide"


@dataclass(frozen=True)
class QuoteSuggestion:
    """One quote the engine found: offsets are code points, quotation marks excluded.
    A speaker the text describes without naming ("a spokeswoman for the Treasury") has
    no ``speaker``: ``speaker_description`` holds the description and the speaker span
    points at it."""

    start: int
    end: int
    text: str
    kind: str  # "direct", "indirect" or "mixed"
    speaker: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    confidence: float = 0.5
    speaker_description: str = ""

    # Written out, as dataclass takes a class's own __init__: the generated one of a frozen
    # class sets each field through object.__setattr__, which cost more than twice as much,
    # and every rule's quote makes one (tests check it against the generated one).
    def __init__(
        self,
        start: int,
        end: int,
        text: str,
        kind: str,
        speaker: str | None = None,
        speaker_start: int | None = None,
        speaker_end: int | None = None,
        cue_start: int | None = None,
        cue_end: int | None = None,
        confidence: float = 0.5,
        speaker_description: str = "",
    ) -> None:
        self.__dict__.update(
            start=start,
            end=end,
            text=text,
            kind=kind,
            speaker=speaker,
            speaker_start=speaker_start,
            speaker_end=speaker_end,
            cue_start=cue_start,
            cue_end=cue_end,
            confidence=confidence,
            speaker_description=speaker_description,
        )


@dataclass(frozen=True)
class SpeakerEntry:
    """A quoted person or organisation, with the other names the text gives them."""

    name: str
    aliases: tuple[str, ...] = field(default_factory=tuple)
    description: str = ""


@dataclass(frozen=True)
class Candidate:
    """A quote as a rule finds it, before the engine keeps it: the span may still carry
    surrounding spaces, and the speaker is an entity whose final name is known only at
    the end (a fuller name may arrive later in the article). ``mention`` is where the
    attribution names the speaker, ``cue`` its verb or phrase."""

    start: int
    end: int
    kind: str
    entity: Entity | None
    confidence: float
    cue: Span | None = None
    mention: Span | None = None
    gated: bool = False  # admitted by the wide scope's gate, beyond the clauses scope

    # Written out for speed, as QuoteSuggestion's is.
    def __init__(
        self,
        start: int,
        end: int,
        kind: str,
        entity: Entity | None,
        confidence: float,
        cue: Span | None = None,
        mention: Span | None = None,
        gated: bool = False,
    ) -> None:
        self.__dict__.update(
            start=start,
            end=end,
            kind=kind,
            entity=entity,
            confidence=confidence,
            cue=cue,
            mention=mention,
            gated=gated,
        )
