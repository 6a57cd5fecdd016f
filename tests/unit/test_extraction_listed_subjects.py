"""A subject that lists names with commas means the first of them; a possessive pronoun
before an attributing noun means whom 'he' or 'she' would."""

import pytest

from articles.extraction import Scope, extract_quotes
from articles.extraction.listed_subjects import listed_names


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


# A pair keeps its last name as the speaker, as before lists were read. PolNeAR gives
# "X and Y said" both names as one source, so neither name alone is the better answer;
# the test pins that the list rule does not spill onto pairs (nor onto a pair after an
# opening phrase shaped like a name, 'Also Monday'), whichever name pairs get.
@pytest.mark.parametrize(
    "text",
    [
        "Kari Holt and Ivar Lund argued that the ferry toll would rise again.",
        "In May, Kari Holt and Ivar Lund argued that the ferry toll would rise again.",
        "Also Monday, Kari Holt and Ivar Lund argued that the ferry toll would rise again.",
    ],
)
def test_a_pair_with_no_list_before_it_is_left_as_it_was(text):
    assert _speakers(text) == ["Ivar Lund"]


@pytest.mark.parametrize("scope", list(Scope))
def test_a_list_ending_in_a_description_names_no_one(scope):
    text = "Vestby, Bergen and Oslo officials argued that the ferry toll would rise again."
    assert _speakers(text, scope) == [None]


@pytest.mark.parametrize("scope", list(Scope))
def test_a_company_heading_a_list_of_people_does_not_speak_for_it(scope):
    text = "Equinor, Ivar Lund and Per Berg argued that the ferry toll would rise again."
    assert _speakers(text, scope) == ["Per Berg"]


# What is left after a place or a day is a pair, which speaks as pairs do ('Equinor, Ivar
# Lund and Per Berg' above, 'Tuesday, Holt and Lund').
@pytest.mark.parametrize("scope", list(Scope))
@pytest.mark.parametrize("opening", ["Vestby", "Tuesday"])
def test_a_word_new_to_the_article_heading_a_list_of_known_surnames_does_not_speak(scope, opening):
    text = (
        "Kari Holt and Ivar Lund toured the quay. "
        f"{opening}, Holt and Lund argued that the ferry toll would rise again."
    )
    assert _speakers(text, scope)[-1:] == ["Ivar Lund"]


@pytest.mark.parametrize("scope", list(Scope))
def test_a_surname_named_before_may_head_a_list_of_full_names(scope):
    text = (
        "Ivar Lund met Kari Holt at the quay. Holt, Ivar Lund and Per Berg argued that "
        "the ferry toll would rise again."
    )
    assert _speakers(text, scope)[-1:] == ["Kari Holt"]


@pytest.mark.parametrize("scope", list(Scope))
def test_a_day_before_a_list_is_no_name_of_it(scope):
    text = "Tuesday, Kari Holt, Ivar Lund and Per Berg argued that the ferry toll would rise again."
    assert _speakers(text, scope) == ["Kari Holt"]


def test_an_opening_phrase_is_no_name_of_a_list():
    text = "On Monday, Holt, Lund and Berg argued that the ferry toll would rise."
    assert listed_names(text, text.index("Lund and"), "Lund and Berg") == [
        (text.index("Holt"), text.index("Holt") + 4)
    ]
    text = "Critics such as Holt, Lund and Berg argued that the ferry toll would rise."
    assert listed_names(text, text.index("Lund and"), "Lund and Berg") == []


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


# The phrase's first word is a name the article used before, with or without the comma
# that lists it ('Holt,' is Holt).
@pytest.mark.parametrize("phrase", ["Holt, Vestby and Bergen", "Holt, Vestby, Bergen and Oslo"])
def test_a_known_name_opening_a_list_is_read_without_its_comma(phrase):
    from articles.extraction.registry import Registry
    from articles.extraction.speakers import _known_after, speaker_in

    text = f"Kari Holt toured the quay. {phrase} argued that the toll would rise."
    registry = Registry()
    speaker_in(registry, text, 0, len("Kari Holt"))
    assert _known_after(registry, [], text, text.index(phrase), phrase)
