"""The cheap checks before a subject's lead searches let through exactly the leads those
searches can match, and the words before a name are read from the right only."""

import pytest

from articles.extraction import coordinated_subjects, lead_subjects, pattern_speakers


@pytest.mark.parametrize(
    "lead",
    [
        "A spokeswoman for ",
        "A spokeswoman for the ",
        "One analyst at the independent ",
        "Kari Holt at digital consulting firm ",
        "Two officials who spoke to ",
    ],
)
def test_a_lead_ending_in_a_preposition_and_qualifiers_is_searched(lead):
    assert pattern_speakers._preposition_last(lead)


@pytest.mark.parametrize(
    "lead",
    [
        # A word that opens a clause is no qualifier: the clause has its own subject.
        "Kari Holt spoke in the hall as she ",
        # More than three lower-case words after the preposition.
        "Ivar Lund at very old small harbour ",
        "Ivar Lund met the ",
    ],
)
def test_a_lead_no_search_can_match_is_passed_over(lead):
    assert not pattern_speakers._preposition_last(lead)


def test_the_word_before_a_name_is_the_last_one():
    words = "Kari Holt met the board, and a spokesman for the Ivar Lund"
    at = words.index("Ivar")
    assert lead_subjects._word_before(words, at, 0) == "the"
    assert lead_subjects._word_before(words, at, 1) == "for"
    assert lead_subjects._word_before("  Lund", 2, 1) == ""


def test_guillemets_count_as_quotation_marks_for_a_shared_subject():
    assert {"«", "»", "„", '"', "“", "”", "''"} <= set(coordinated_subjects._QUOTE_MARKS)
    assert "’" not in coordinated_subjects._QUOTE_MARKS  # an apostrophe as often as a mark
