"""Speaker colours: a speaker keeps its colour and pattern, speakers of one article never
share one, and text stays readable on every colour in the light and the dark scheme (the
WCAG contrast ratios are computed from the custom properties of static/css/app.css)."""

import re
from pathlib import Path

import pytest

from articles.annotation.palette import HUES, PATTERNS, PLACES, UNKNOWN, speaker_classes

CSS = (Path(__file__).resolve().parents[2] / "static" / "css" / "app.css").read_text()
TEXT_CONTRAST = 4.5  # WCAG 2.2 1.4.3, normal text
EDGE_CONTRAST = 3.0  # WCAG 2.2 1.4.11, graphical objects (underline, frame)


def classes_of(speakers, first_quote_id=1):
    """Each speaker's classes when speaker ``speakers[i]`` made quote ``first_quote_id + i``."""
    quotes = [(speaker, first_quote_id + i) for i, speaker in enumerate(speakers)]
    return speaker_classes(quotes)


def test_adding_a_speaker_moves_nobody():
    before = classes_of([7, 3, 12])
    after = classes_of([7, 3, 12, 5])
    assert {speaker: after[speaker] for speaker in before} == before


def test_a_speaker_keeps_its_colour_whatever_the_order_of_the_text():
    # Same speaker, other articles, other company: its place comes from its id.
    alone = classes_of([42])[42]
    assert classes_of([3, 42, 9])[42] == alone
    assert classes_of([9, 10, 11, 42])[42] == alone


def test_sixteen_speakers_get_sixteen_distinct_colour_and_pattern_pairs():
    classes = classes_of(range(1, 17))
    assert len(set(classes.values())) == 16
    # Beyond the twelve hues the pattern tells them apart.
    hues = {value.split()[0] for value in classes.values()}
    assert len(hues) == HUES


def test_consecutive_speakers_get_distant_hues():
    classes = classes_of(range(1, 13))
    hue = {speaker: int(classes[speaker].split()[0].removeprefix("spk-")) for speaker in classes}
    for speaker in range(1, 12):
        steps = abs(hue[speaker] - hue[speaker + 1])
        assert min(steps, HUES - steps) >= 3, (speaker, hue)


def test_ids_sharing_a_place_still_get_distinct_ones_and_the_later_moves():
    classes = classes_of([5, 5 + PLACES, 5 + 2 * PLACES])
    assert len(set(classes.values())) == 3
    assert classes[5] == classes_of([5])[5]


def test_a_speaker_joining_with_an_old_id_and_a_clashing_place_moves_nobody():
    # Speaker 1 is on the article first; speaker 1 + PLACES (same preferred place) joins.
    before = classes_of([1 + PLACES, 2], first_quote_id=10)
    joined = speaker_classes([(1 + PLACES, 10), (2, 11), (1, 12)])
    assert joined[1 + PLACES] == before[1 + PLACES]
    assert joined[2] == before[2]
    assert len(set(joined.values())) == 3


def test_every_place_is_used_once_before_any_repeats():
    classes = classes_of(range(PLACES))
    assert len(set(classes.values())) == PLACES
    # With more speakers than places, colours repeat but nothing fails.
    assert len(classes_of(range(PLACES + 5))) == PLACES + 5


def test_quotes_without_a_speaker_are_grey():
    assert speaker_classes([(None, 4), (8, 5)])[None] == UNKNOWN


# ---- Contrast, from the stylesheet ---------------------------------------------------


def custom_properties(block: str) -> dict[str, str]:
    return dict(re.findall(r"(--[\w-]+):\s*(#[0-9a-fA-F]{6})\b", block))


def scheme(name: str) -> dict[str, str]:
    """The colour custom properties of the light (``:root``) or the dark scheme."""
    light_block = re.search(r"^:root \{(.*?)^\}", CSS, re.S | re.M).group(1)
    dark_block = re.search(
        r"@media \(prefers-color-scheme: dark\) \{\s*:root \{(.*?)\}", CSS, re.S
    ).group(1)
    colours = custom_properties(light_block)
    if name == "dark":
        colours |= custom_properties(dark_block)
    return colours


def luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    lighter, darker = sorted((luminance(a), luminance(b)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_contrast_of_known_pairs():
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("name", ["light", "dark"])
def test_text_is_readable_on_every_speaker_colour_and_stripe(name):
    colours = scheme(name)
    backgrounds = [f"--spk-{hue}{part}" for hue in range(HUES) for part in ("", "-alt")]
    backgrounds += ["--spk-none", "--grp-gold", "--grp-open", "--grp-dropped"]
    low = {
        background: round(contrast(colours["--ink"], colours[background]), 2)
        for background in backgrounds
        if contrast(colours["--ink"], colours[background]) < TEXT_CONTRAST
    }
    assert low == {}


@pytest.mark.parametrize("name", ["light", "dark"])
def test_underlines_and_frames_stand_out_from_their_colour(name):
    colours = scheme(name)
    low = {
        hue: round(contrast(colours[f"--spk-{hue}-edge"], colours[f"--spk-{hue}"]), 2)
        for hue in range(HUES)
        if contrast(colours[f"--spk-{hue}-edge"], colours[f"--spk-{hue}"]) < EDGE_CONTRAST
    }
    assert low == {}


@pytest.mark.parametrize("name", ["light", "dark"])
def test_text_is_readable_on_the_page_panels_and_chips(name):
    colours = scheme(name)
    pairs = [("--ink", background) for background in (
        "--paper", "--card", "--tint", "--info-bg", "--ok-bg", "--warn-bg", "--soft",
        "--kbd-bg", "--favor", "--against", "--neutral", "--agree", "--disagree", "--middling",
    )]  # fmt: skip
    pairs += [
        ("--muted", "--paper"),
        ("--muted", "--card"),
        ("--quote-ink", "--card"),
        ("--accent", "--paper"),
        ("--accent", "--card"),
        ("--accent-ink", "--accent"),
        ("--danger", "--card"),
        ("--error-ink", "--error-bg"),
        ("--accept-ink", "--card"),
        ("--gold-ink", "--gold"),
        ("--header-ink", "--header-bg"),
        ("--header-muted", "--header-bg"),
    ]
    low = {
        pair: round(contrast(colours[pair[0]], colours[pair[1]]), 2)
        for pair in pairs
        if contrast(colours[pair[0]], colours[pair[1]]) < TEXT_CONTRAST
    }
    assert low == {}


@pytest.mark.parametrize("name", ["light", "dark"])
def test_the_focus_ring_stands_out_from_what_it_surrounds(name):
    colours = scheme(name)
    for ring, background in [("--focus", "--paper"), ("--focus", "--card"),
                             ("--header-focus", "--header-bg")]:  # fmt: skip
        assert contrast(colours[ring], colours[background]) >= EDGE_CONTRAST, (ring, background)


def test_every_hue_and_pattern_has_its_class():
    for hue in range(HUES):
        assert re.search(rf"^\.spk-{hue} \{{ --hl: var\(--spk-{hue}\);", CSS, re.M), hue
    for pattern in range(1, PATTERNS):
        assert f".pat-{pattern} {{" in CSS
