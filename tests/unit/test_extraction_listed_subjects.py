"""A subject that lists names with commas means the first of them; a possessive pronoun
before an attributing noun means whom 'he' or 'she' would."""

import pytest

from articles.extraction import Scope, extract_quotes
from articles.extraction.listed_subjects import first_listed


def _speakers(text, scope=Scope.CLAUSES):
    return [q.speaker for q in extract_quotes(text, scope=scope)]


@pytest.mark.parametrize("scope", list(Scope))
@pytest.mark.parametrize(
    "text",
    [
        "Kari Holt, Ivar Lund and Per Berg argued that the ferry toll would rise again.",
        "Kari Holt, Ivar Lund, and Per Berg argued that the ferry toll would rise again.",
        "Indeed, while Kari Holt, Ivar Lund and Per Berg argued that the ferry toll would "
        "rise again, the board kept silent.",
    ],
)
def test_a_list_of_names_with_commas_is_spoken_for_by_its_first(text, scope):
    assert _speakers(text, scope)[:1] == ["Kari Holt"]


@pytest.mark.parametrize(
    "text",
    [
        "Kari Holt and Ivar Lund argued that the ferry toll would rise again.",
        "In May, Kari Holt and Ivar Lund argued that the ferry toll would rise again.",
    ],
)
def test_a_pair_with_no_list_before_it_is_left_as_it_was(text):
    assert _speakers(text) == ["Ivar Lund"]


def test_an_opening_phrase_is_no_name_of_a_list():
    text = "On Monday, Holt, Lund and Berg argued that the ferry toll would rise."
    assert first_listed(text, text.index("Lund and"), "Lund and Berg") == (
        text.index("Holt"),
        text.index("Holt") + 4,
    )
    text = "Critics such as Holt, Lund and Berg argued that the ferry toll would rise."
    assert first_listed(text, text.index("Lund and"), "Lund and Berg") is None


@pytest.mark.parametrize("possessive", ["His", "Her"])
def test_a_possessive_before_an_attributing_noun_names_its_person(possessive):
    name, pronoun = ("Ivar Lund", "he") if possessive == "His" else ("Kari Holt", "she")
    text = (
        f"{name} toured the harbour on Monday, where {pronoun} met the ferry crews. "
        f"{possessive} support for scrapping the toll is well known in the town."
    )
    found = [q for q in extract_quotes(text, scope=Scope.WIDE) if q.start > text.index(".")]
    assert [q.speaker for q in found] == [name]
    assert text[found[0].speaker_start : found[0].speaker_end] == possessive
