"""A signature below a quotation is read in linear time after a long run of
spaces (a quadratic search took seconds)."""

from articles.extraction import Scope, extract_quotes

_LONG = 200_000


def test_a_long_run_of_spaces_after_a_signature_is_read_in_linear_time():
    text = "“We will carry the valley.”\n- Nygaard" + " " * _LONG + "x\n"
    for scope in Scope:
        quotes = extract_quotes(text, scope=scope)
        assert quotes[0].speaker is None, scope

