"""What the wide scope (Scope.WIDE) takes for a content, beyond the clauses scope: pieces
that are no one's words are left out."""

import pytest

from articles.extraction import Scope, cues, extract_quotes
from articles.extraction.clause_shapes import expletive_it


def _wide(text):
    return [q.text for q in extract_quotes(text, scope=Scope.WIDE)]


@pytest.mark.parametrize(
    "text",
    [
        "Lund spoke to the council on Monday. It now seems likely the tolls will rise next spring.",
        "The county board met late. It seems a near certainty that the pier will close in May.",
        "Berg left the hall early. It should be noted that the vote was delayed twice.",
    ],
)
def test_an_empty_it_before_a_raising_or_passive_cue_is_no_piece_of_the_content(text):
    assert "It" not in _wide(text)


def _expletive(sentence):
    tokens = cues.tokens(sentence, 0, len(sentence))
    words = [w for _, _, w in tokens]
    at = next(i for i, w in enumerate(words) if w in ("seems", "appears", "said", "mentioned"))
    return expletive_it(tokens, at, at)


def test_an_empty_it_is_told_from_one_that_stands_for_something():
    assert _expletive("It seems that the ferry is late .")
    assert _expletive("It appears , though , that the vote was close .")
    assert _expletive("It is said the tunnel was unlit .")
    assert not _expletive("It appears certain to pass in May .")
    assert not _expletive("It was never mentioned by the board .")
    assert not _expletive("The plan seems likely to fail .")


@pytest.mark.parametrize(
    "text",
    [
        "The pier plan was first reported by the Ledger on Tuesday.",
        "The plan was applauded by the county board.",
        "Her death was confirmed by the Haugen Institute.",
        "The statement was signed by Mireille Castel.",
    ],
)
def test_a_passive_cues_agent_alone_is_who_said_it_not_what(text):
    assert not [quote for quote in _wide(text) if quote.startswith("by ")]


@pytest.mark.parametrize(
    "text",
    [
        "The county board opened a hearing on the attacks on the harbour office in Lund.",
        "The ferry company counted three terrorist attacks on its depots last year.",
    ],
)
def test_attacks_with_arms_attribute_nothing(text):
    assert _wide(text) == []


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            'Holt said the ferry would run late all winter but added, "We will do our best."',
            "the ferry would run late all winter",
        ),
        (
            "Berg stated that the council had lost the plans, which he described as "
            "“a scandal for Vestby.”",
            "the council had lost the plans",
        ),
        (
            "Okafor suggested the mayor had a fondness for grand harbours - "
            "“He would have built ten,” Okafor said.",
            "the mayor had a fondness for grand harbours",
        ),
    ],
)
def test_a_clause_that_runs_on_into_a_quotation_keeps_the_words_before_it(text, content):
    assert content in _wide(text)


def test_a_clause_that_ends_in_quoted_words_is_not_cut_before_them():
    text = "Holt said the ferry would run late, but that the crew had “done all it could.”"
    assert "the ferry would run late" not in _wide(text)


@pytest.mark.parametrize(
    "text",
    [
        "Tolls rose sharply in May, which many residents say left the harbour empty.",
        "The ferry ran late all winter, which several councillors say cost the town its tourists.",
    ],
)
def test_a_relative_before_a_subject_that_names_no_one_is_a_piece_of_the_content(text):
    assert "which" in _wide(text)


def test_a_relative_that_is_its_own_verbs_subject_is_no_piece():
    text = "The ferry company, which has praised the new toll, cut its prices on Monday."
    assert "which" not in _wide(text)


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        (
            "The Vestby harbour fund, which has paid out nothing since 2019, is expected "
            "to close in May.",
            "The Vestby harbour fund",
        ),
        (
            "The new ferry board, headed by Mireille Castel, seems ready to cut fares.",
            "The new ferry board",
        ),
    ],
)
def test_the_subject_of_a_raising_cue_is_found_before_a_parenthetical(text, subject):
    assert subject in _wide(text)


def test_the_subject_of_a_passive_cue_of_telling_is_its_audience_not_a_piece():
    text = "Forty ferry workers, most of them from Lund, have been told to wait at home."
    assert "Forty ferry workers" not in _wide(text)
