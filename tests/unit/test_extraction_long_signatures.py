"""A signature below a quotation and the evaluator's capitalised runs are read in linear
time over long runs (a quadratic or cubic search took seconds to hours)."""

from articles.extraction import Scope, extract_quotes
from articles.extraction.evaluation import _sentence_topics

_LONG = 200_000


def test_a_long_run_of_spaces_after_a_signature_is_read_in_linear_time():
    text = "“We will carry the valley.”\n- Nygaard" + " " * _LONG + "x\n"
    for scope in Scope:
        quotes = extract_quotes(text, scope=scope)
        assert quotes[0].speaker is None, scope


def test_a_long_run_of_initials_is_no_sentence_topic():
    assert _sentence_topics("A." * (_LONG // 2), set()) == []
