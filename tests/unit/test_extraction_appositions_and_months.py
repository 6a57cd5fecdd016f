"""Speakers issue 14 lists as misread: a description in commas after the name in
reported speech ('Marta Solheim, a lawyer, said the …'), which the quoted form already
kept, and a given name that is also a month ('May Olsen said'). The sentences are ours."""

import pytest

from articles.extraction.engine import extract
from articles.extraction.model import Scope
from articles.extraction.month_names import _PAIR, given_month

SCOPES = (Scope.CLAUSES, Scope.WIDE)


def _speakers(text, scope):
    """Each speaker's name and description, with the quotes' speakers."""
    quotes, speakers = extract(text, scope=scope)
    return [q.speaker for q in quotes], [(s.name, s.description) for s in speakers]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Marta Solheim, a lawyer, said the ferry runs daily.", "Marta Solheim"),
        ("Solheim, a lawyer, said the ferry runs daily.", "Solheim"),
        ("Dr. Solheim, a lawyer, said the ferry runs daily.", "Solheim"),
    ],
)
@pytest.mark.parametrize("scope", SCOPES)
def test_a_description_after_the_name_in_reported_speech_is_the_speakers(text, name, scope):
    # Only 'Marta Solheim, a lawyer, said: “…”' gave the description before.
    assert _speakers(text, scope) == ([name], [(name, "lawyer")])


@pytest.mark.parametrize("scope", SCOPES)
def test_a_clause_in_commas_after_the_name_is_no_description(scope):
    # Guards the fix above: the words in commas must describe someone.
    text = "Marta Solheim, however, said the ferry runs daily."
    _, speakers = _speakers(text, scope)
    assert speakers == [("Marta Solheim", "")]


@pytest.mark.parametrize(
    "text",
    [
        "Ivar Lund, whose studio, Nordlys, made the films, said the ferry runs daily.",
        "Marta Solheim, as expected, said the ferry runs daily.",
    ],
)
@pytest.mark.parametrize("scope", SCOPES)
def test_words_in_commas_that_say_no_ones_role_are_no_description(text, scope):
    # 'made the films' reads as a plural noun phrase to describes(); it is a clause, and
    # 'Nordlys' is the studio's name, no one's role.
    _, speakers = _speakers(text, scope)
    assert all(description == "" for _, description in speakers), speakers


@pytest.mark.parametrize(
    "aside",
    [
        "the next day",
        "an hour later",
        "her voice low",
        "each time",
        "all smiles",
        "both times",
        "the week before",
    ],
)
@pytest.mark.parametrize("scope", SCOPES)
def test_a_time_or_manner_in_commas_after_the_name_is_no_description(aside, scope):
    # A determiner opens these as it opens 'a lawyer'; only a noun for a person as the
    # head says who someone is.
    text = f"Marta Solheim, {aside}, said the ferry runs daily."
    assert _speakers(text, scope) == (["Marta Solheim"], [("Marta Solheim", "")])


@pytest.mark.parametrize(
    ("aside", "description"),
    [
        ("a lawyer", "lawyer"),
        ("Vestby's mayor", "Vestby's mayor"),
        ("the board's chair", "board's chair"),
        ("a law professor at Vestby College", "law professor at Vestby College"),
        ("a Vestby Republican", "Vestby Republican"),
        ("a lawyer based in Vestby", "lawyer based in Vestby"),
    ],
)
@pytest.mark.parametrize("scope", SCOPES)
def test_a_person_noun_in_commas_after_the_name_is_its_description(aside, description, scope):
    # Guards the fix above: a person's role, with or without a determiner, still counts.
    text = f"Marta Solheim, {aside}, said the ferry runs daily."
    assert _speakers(text, scope) == (["Marta Solheim"], [("Marta Solheim", description)])


@pytest.mark.parametrize("scope", SCOPES)
def test_a_body_noun_in_commas_after_a_firms_name_is_its_description(scope):
    # Guards the fix above: the apposition may say what a firm is, not only a person.
    text = "Nordlys Ferries, a small shipping company, said the ferry runs daily."
    _, speakers = _speakers(text, scope)
    assert speakers == [("Nordlys Ferries", "small shipping company")]


@pytest.mark.parametrize(
    "text",
    [
        "The biggest loser, Lund said, is the ferry company.",
        "The real winner, Lund argued, was the ferry company.",
    ],
)
@pytest.mark.parametrize("scope", SCOPES)
def test_the_words_a_cue_interrupts_are_no_description_of_its_speaker(text, scope):
    # The sentence opens with what Lund said; only a name in commas ('A lawyer, Marta
    # Solheim, said') is in apposition to the words before it.
    _, speakers = _speakers(text, scope)
    assert speakers == [("Lund", "")]


@pytest.mark.parametrize("scope", SCOPES)
def test_a_description_that_opens_the_sentence_before_a_name_in_commas_is_kept(scope):
    # Guards the fix above.
    _, speakers = _speakers("A lawyer, Marta Solheim, said the ferry runs daily.", scope)
    assert speakers == [("Marta Solheim", "lawyer")]


@pytest.mark.parametrize(
    "text",
    [
        "May Olsen said the ferry runs daily.",
        "May Olsen runs the kiosk by the quay. Olsen said the timetable is wrong.",
        "“The ferry runs daily,” said June Holt.",
    ],
)
@pytest.mark.parametrize("scope", SCOPES)
def test_a_month_that_is_a_given_name_stays_on_the_name(text, scope):
    quotes, speakers = _speakers(text, scope)
    name = "June Holt" if "June" in text else "May Olsen"
    assert set(quotes) == {name}
    assert [s for s, _ in speakers] == [name]


@pytest.mark.parametrize("scope", SCOPES)
def test_a_month_after_a_preposition_is_a_date(scope):
    # Guards the fix above: 'In May' opens the sentence with a date.
    quotes, _ = _speakers("In May Olsen said the ferry runs daily.", scope)
    assert quotes == ["Olsen"]


@pytest.mark.parametrize(
    "text",
    [
        "In May and June Holt said the ferry runs daily.",
        "In April or June Holt said the ferry runs daily.",
    ],
)
@pytest.mark.parametrize("scope", SCOPES)
def test_a_month_joined_to_a_month_before_it_is_a_date(text, scope):
    # 'and June' was read as the words before a given name, not part of the date.
    quotes, _ = _speakers(text, scope)
    assert quotes == ["Holt"]


@pytest.mark.parametrize(
    ("before", "given"),
    [
        ("In", False),
        ("Since", False),
        ("Last", False),
        ("From", False),
        ("Each", False),
        ("Later that", False),
        ("In May and", False),
        ("Then", True),
        ("asked", True),
        ("", True),
    ],
)
def test_the_words_before_a_month_decide_whether_it_is_a_date(before, given):
    # 'Holt' alone later makes 'June' a given name unless the words before make it a date.
    text = f"{before} June Holt rang the office. Holt said the ferry is late.".strip()
    assert given_month(text, "June", "Holt") is given


def test_the_pair_pattern_is_anchored_on_the_month():
    # A pattern that reached back for the word before the month retried at every letter
    # of a long word, so one long token made the search quadratic ('See xxx…xxx for
    # more'); anchored on the month, each match opens at the month itself and the words
    # before it are read back from the text.
    text = "Then May Olsen said so, and " + "x" * 50 + " June Holt agreed."
    starts = [m.start() for m in _PAIR.finditer(text)]
    assert starts == [text.index("May"), text.index("June")]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("“The ferry is late,” asked Ivar Holt.", "Ivar Holt"),
        ("Berg and Ivar Lund said the ferry runs daily.", "Ivar Lund"),
    ],
)
@pytest.mark.parametrize("scope", SCOPES)
def test_a_cue_or_a_second_subject_before_the_name_is_no_description(text, name, scope):
    # Role words before a name describe it ('ferry expert Ivar Lund'); 'asked' and
    # 'Berg and' do not.
    _, speakers = _speakers(text, scope)
    assert (name, "") in speakers
