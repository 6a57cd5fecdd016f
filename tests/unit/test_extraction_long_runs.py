"""The clause-break searches of nested and later attributions read a long run of spaces
or of joining words in linear time (a quadratic search took minutes on 200,000
characters)."""

from articles.extraction import later_speakers
from articles.extraction.outer_attribution import break_before, joining_tail

_LONG = 200_000


def test_a_long_run_of_spaces_has_no_clause_break():
    text = "Lunde" + " " * _LONG + "Dahl"
    assert break_before(text, 0, len(text)) is None


def test_a_long_run_of_joining_words_is_all_joining():
    text = "the quay" + " and" * (_LONG // 4)
    assert joining_tail(text, 0, len(text)) == len("the quay")


def test_a_long_run_of_spaces_before_a_later_speaker_is_no_break():
    text = "the ferry" + " " * _LONG
    assert later_speakers._BREAK.search(text, 0, len(text)) is None
