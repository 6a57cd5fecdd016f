"""A subject set off by an apposition longer than the subject's phrase reads, or holding
a name or a relative clause of its own: the name before it is who speaks."""

import pytest

from articles.extraction import Scope, extract_quotes

_OPENING = "Kari Holt spoke at the harbour on Monday. "


def _speakers(text):
    return {q.text: q.speaker for q in extract_quotes(text, scope=Scope.WIDE)}


@pytest.mark.parametrize(
    ("sentence", "content", "speaker"),
    [
        (
            "Representative Ivar Lund of Vestby, a Republican who served two terms as a "
            "Marine, denounced the new ferry timetable.",
            "the new ferry timetable",
            "Ivar Lund",
        ),
        (
            "Per Strand, the Republican half of a polling team for Vestby Radio and Nordic "
            "News, sounded a cautious note about the jobs report.",
            "a cautious note about the jobs report",
            "Per Strand",
        ),
        (
            "Earlier this year, Sigrid Berg, author of Harbour Lights: The Trouble With "
            "Vestby, spoke with Nordic News about the ferry.",
            "Nordic News about the ferry",
            "Sigrid Berg",
        ),
    ],
)
def test_the_name_before_a_long_apposition_speaks(sentence, content, speaker):
    assert _speakers(_OPENING + sentence)[content] == speaker


_MARINE = "a Republican who served two terms as a Marine, denounced the levy, saying it was unfair."


@pytest.mark.parametrize(
    "opening",
    ["On March 3, 2019, Ivar Lund, ", "In Vestby, Nordland, Ivar Lund, "],
)
def test_an_opening_date_or_place_pair_holds_commas_of_its_own(opening):
    assert _speakers(_OPENING + opening + _MARINE)["the levy"] == "Ivar Lund"


def test_the_apposition_describes_the_name_it_is_set_off_from():
    assert _speakers(_OPENING + "Per Dahl and Ivar Lund, " + _MARINE)["the levy"] == "Ivar Lund"


def test_a_party_member_opens_an_apposition():
    sentence = (
        "Ivar Lund, Republican of Vestby and a Marine for two terms under Per Dahl, "
        "denounced the levy, saying it was unfair."
    )
    assert _speakers(_OPENING + sentence)["the levy"] == "Ivar Lund"
