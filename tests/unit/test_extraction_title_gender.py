"""A courtesy title's gender and a shared surname: 'Mr. Lie' means the man of that name
met last, whether or not the lists of first names know his."""

from articles.extraction import extract_quotes


def _speaker(text):
    return extract_quotes(text)[-1].speaker


def test_a_man_whose_first_name_no_list_knows_is_mr():
    text = (
        "Torstein Lie founded the boatyard in 1961.\n\n"
        "Years later his nephew Ottar Lie took over the harbour.\n\n"
        "“We will rebuild,” Mr. Lie said."
    )
    assert _speaker(text) == "Ottar Lie"


def test_a_woman_met_since_is_not_mr():
    text = (
        "Torstein Lie founded the boatyard in 1961.\n\n"
        "Ivana Lie took over the harbour.\n\n"
        "“We will rebuild,” Mr. Lie said."
    )
    assert _speaker(text) == "Torstein Lie"
