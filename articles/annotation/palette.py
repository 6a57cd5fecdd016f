"""Which colour and pattern each speaker's highlights wear.

Pure Python, no Django. A speaker's place on the palette comes from its id, so it keeps
its colour when other speakers come and go, and on every article of the project. Twelve
hues times four patterns (flat, stripes, dotted underline, frame) give 48 places; two
speakers of one article never share one: a speaker whose place is taken gets the next
free one. The colours themselves live in static/css/app.css (``--spk-N``), where
tests/unit/test_palette.py checks their contrast in the light and the dark scheme.
"""

from __future__ import annotations

from collections.abc import Iterable

HUES = 12
PATTERNS = 4
PLACES = HUES * PATTERNS
UNKNOWN = "spk-none"
# Speakers made one after another have consecutive ids: stepping 5 of 12 hues puts
# their colours 150° apart on the colour wheel, never next to each other.
_HUE_STEP = 5


def place_classes(place: int) -> str:
    """The CSS classes of palette place ``place`` (0 to PLACES - 1): hue, then pattern."""
    return f"spk-{place * _HUE_STEP % HUES} pat-{place // HUES % PATTERNS}"


def speaker_classes(quotes: Iterable[tuple[int | None, int]]) -> dict[int | None, str]:
    """The CSS classes of each speaker, given ``(speaker id, quote id)`` for every quote
    shown (``None`` for a quote without a speaker).

    Speakers take their places in the order their first quote was made, so one who comes
    later (a higher quote id) only ever takes a free place and moves nobody.
    """
    first_quote: dict[int | None, int] = {}
    for speaker, quote in quotes:
        if speaker not in first_quote or quote < first_quote[speaker]:
            first_quote[speaker] = quote
    classes: dict[int | None, str] = {}
    taken: set[int] = set()
    for speaker in sorted(first_quote, key=first_quote.__getitem__):
        if speaker is None:
            classes[None] = UNKNOWN
            continue
        place = speaker % PLACES
        while place in taken and len(taken) < PLACES:
            place = (place + 1) % PLACES
        taken.add(place)
        classes[speaker] = place_classes(place)
    return classes
