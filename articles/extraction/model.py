"""What the extraction engine returns."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class QuoteSuggestion:
    """One quote the engine found: offsets are code points, quotation marks excluded."""

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


@dataclass(frozen=True)
class SpeakerEntry:
    """A quoted person or organisation, with the other names the text gives them."""

    name: str
    aliases: tuple[str, ...] = field(default_factory=tuple)
    description: str = ""
