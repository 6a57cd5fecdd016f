"""The last mark breaking a clause before a subject, found by one search backing off
from the lead's end: where a search of the lead for each mark finds it, on made-up text."""

from hypothesis import example, given
from hypothesis import strategies as st

from articles.extraction.speakers import last_break

_BREAKS = '.,;:!?\n“”"–'


def _last_break_mark_by_mark(lead: str) -> int:
    """speakers.last_break as it was: a search for each mark."""
    return max(lead.rfind(ch) for ch in _BREAKS)


@given(st.text(alphabet=st.sampled_from(list(_BREAKS) + list("ab ’'-—\r\t") + ["\u2028"])))
@example("")
@example("Mayor Sigrid Holt")
@example("“It will pass,” said the harbour chief and former mayor ")
@example("In Vestby – a lawyer, Ivar Lund,\n")
def test_the_last_break_is_the_last_any_marks_search_finds(lead):
    assert last_break(lead) == _last_break_mark_by_mark(lead)
