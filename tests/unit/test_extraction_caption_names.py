"""A photo caption names people but quotes no one: a later surname may mean a full name
it writes, while a 'he' or 'she' does not, nor is its photographer anyone quoted."""

import pytest

from articles.extraction import Scope, extract_quotes

# Our news style prints a caption twice, its credit last.
_CAPTION = "Kari Holt on the quay at dawn. Photo: Ivar Lund"
_TWICE = f"{_CAPTION}\n\n{_CAPTION}\n\n"


def _speakers(text, scope):
    return [q.speaker for q in extract_quotes(text, scope=scope)]


@pytest.mark.parametrize("scope", [Scope.CLAUSES, Scope.WIDE])
def test_a_surname_means_the_full_name_only_a_caption_wrote(scope):
    text = _TWICE + "The ferry board met for two hours.\n\n“We will not move,” Holt said."
    assert _speakers(text, scope) == ["Kari Holt"]


@pytest.mark.parametrize("scope", [Scope.CLAUSES, Scope.WIDE])
def test_a_caption_name_is_no_one_a_later_pronoun_means(scope):
    text = _TWICE + "The ferry board met for two hours.\n\n“We will not move,” she said."
    assert _speakers(text, scope) == [None]


@pytest.mark.parametrize("scope", [Scope.CLAUSES, Scope.WIDE])
def test_a_caption_leaves_the_subject_before_it_the_one_a_pronoun_means(scope):
    text = (
        "Marta Solheim chairs the ferry board.\n\n"
        + _TWICE
        + "“We will not move,” she said.\n\n“Nor will I,” Holt said."
    )
    assert _speakers(text, scope) == ["Marta Solheim", "Kari Holt"]


@pytest.mark.parametrize("scope", [Scope.CLAUSES, Scope.WIDE])
def test_the_caption_s_photographer_is_not_a_later_surname(scope):
    text = _TWICE + "The ferry board met for two hours.\n\n“We will not move,” Lund said."
    assert _speakers(text, scope) == ["Lund"]
