"""Wide scope: a content only the gate admits ends where another attribution's confident
cue begins inside it, without the words that join the two; a 'seem' the cue model
doubts gives its content, not its subject as a piece."""

import pytest

from articles.extraction import Scope, extract_quotes


def _wide(text):
    return {q.text: q.speaker for q in extract_quotes(text, scope=Scope.WIDE)}


@pytest.mark.parametrize(
    ("text", "outer", "inner"),
    [
        (
            "Einar Lunde praised the plan for the new ferry quay before explaining that "
            "the harbour board would pay for most of it.",
            "the plan for the new ferry quay",
            "the harbour board would pay for most of it",
        ),
        (
            "Tomas Brekke backed the harbour plan for months, then argued that the quay "
            "was too costly.",
            "the harbour plan for months",
            "the quay was too costly",
        ),
    ],
)
def test_a_gated_content_stops_before_a_confident_cue_inside_it(text, outer, inner):
    found = _wide(text)
    assert set(found) == {outer, inner}


def test_the_clauses_scope_keeps_only_the_confident_attribution():
    text = (
        "Einar Lunde praised the plan for the new ferry quay before explaining that "
        "the harbour board would pay for most of it."
    )
    found = [q.text for q in extract_quotes(text)]
    assert found == ["the harbour board would pay for most of it"]


def test_a_doubted_seem_gives_its_content_but_no_subject_piece():
    text = "Fear is rising along the fjord. We seem closer than usual to a strike."
    assert set(_wide(text)) == {"closer than usual to a strike"}


def test_a_gated_content_stops_before_the_inner_speaker_too():
    text = (
        "Sigrid Lunde praised the plan for the new quay as the harbourmaster explained "
        "that the tides had changed."
    )
    assert set(_wide(text)) == {"the plan for the new quay", "the tides had changed"}


def test_two_contents_of_one_cue_sort_though_only_one_names_its_speaker():
    from types import SimpleNamespace

    from articles.extraction.outer_attribution import confident_cue_speakers, confident_cues

    def quote(speaker_start):
        return SimpleNamespace(
            cue_start=10, cue_end=14, start=20, confidence=1.0, speaker_start=speaker_start
        ), None

    quotes = [quote(None), quote(3)]
    assert confident_cue_speakers(quotes) == [(10, None), (10, 3)]
    assert confident_cues(quotes) == [10, 10]
