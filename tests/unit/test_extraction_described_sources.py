"""A wide-scope content whose subject phrase the rules kept as a description: the name
that phrase opens with, before its verb, or the possessor before a noun cue, is whose
the content is."""

import re

import pytest

from articles.extraction import Scope, extract_quotes
from articles.extraction.described_sources import _infinitive_subject


def _speakers(text):
    return {q.text: q.speaker for q in extract_quotes(text, scope=Scope.WIDE)}


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "Tuva Brekkestad chairs the fisheries board. Over the summer, Brekkestad failed "
            "three times to refuse the endorsement of the trawler lobby.",
            "the endorsement of the trawler lobby",
            "Tuva Brekkestad",
        ),
        (
            "Sölvi Haraldsen runs a bakery in Grimsvik. Ms. Haraldsen avoids discussing "
            "the ferry toll with her customers.",
            "the ferry toll with her customers",
            "Sölvi Haraldsen",
        ),
    ],
)
def test_a_name_opening_the_clause_before_the_cue_is_the_source(text, content, speaker):
    assert _speakers(text)[content] == speaker


@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        (
            "Fossheim's impending endorsement for Vik seemed like a done deal.",
            "Vik seemed like a done deal",
        ),
        (
            "The only hitch in Fossheim's plans to rebuild the pier is the cost.",
            "to rebuild the pier is the cost",
        ),
    ],
)
def test_the_possessor_before_a_noun_cue_is_the_source(sentence, content):
    text = "Eirik Fossheim is the mayor of Lundvik. " + sentence
    assert _speakers(text)[content] == "Eirik Fossheim"


def test_a_contracted_pronoun_names_no_source():
    text = "Jorunn Vik sits on the council. It's easy to blame the board for the ferry toll."
    assert all(s is None for t, s in _speakers(text).items() if "blame" in t or "board" in t)


@pytest.mark.parametrize(
    "sentence",
    [
        # A possessive "family's" is no verb in -s: 'The Fossheim' opens no clause.
        "The Fossheim family's impending endorsement for Vik seemed like a done deal.",
        # The rival owns the endorsement; Fossheim only owns the rival.
        "Fossheim's rival's impending endorsement for Vik seemed like a done deal.",
    ],
)
def test_a_name_that_only_owns_the_owner_is_not_the_source(sentence):
    text = "Eirik Fossheim is the mayor of Lundvik. " + sentence
    assert _speakers(text)["Vik seemed like a done deal"] is None


@pytest.mark.parametrize(
    "text",
    [
        "Ivar Lund spoke on Monday. The flood has created a natural opening for Kari Holt "
        "to highlight her record as a harbour chief.",
        "The losses will almost certainly force Sen. Kari Holt to acknowledge a hard "
        "reality about the toll.",
    ],
)
def test_the_name_before_an_infinitive_is_its_contents_source(text):
    found = [q for q in extract_quotes(text, scope=Scope.WIDE) if q.start > text.index("Holt")]
    assert [q.speaker for q in found] == ["Kari Holt"]


def _words(phrase):
    return [(m.start(), m.end(), m.group()) for m in re.finditer(r"\S+", phrase)]


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        ("a natural opening for Kari Holt to", "Kari Holt"),
        ("who represents the harbour in Vestby to", None),
        ("made a trip to Vestby to", None),
        ("a long talk with Norway to", None),
        ("Kari Holt to", None),
        ("a plan of Holt's to", None),
    ],
)
def test_only_a_name_after_a_lower_case_word_is_an_infinitives_subject(phrase, name):
    span = _infinitive_subject(_words(phrase))
    assert (phrase[span[0] : span[1]] if span else None) == name


def test_a_place_visited_is_no_infinitives_subject():
    text = "The mayor made a trip to Vestby to highlight her record as a harbour chief."
    assert [q.speaker for q in extract_quotes(text, scope=Scope.WIDE)] == [None]
