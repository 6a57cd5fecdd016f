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
            "Berg spoke first. Holt spoke about the importance of the harbour at the meeting.",
            "the importance of the harbour at the meeting",
        ),
        (
            "Berg spoke first. Holt cast doubt on the official figures for the harbour.",
            "the official figures for the harbour",
        ),
        (
            "Berg spoke first. Holt weighed in on the toll debate at the harbour.",
            "the toll debate at the harbour",
        ),
        (
            "Berg spoke first. Holt spoke passionately about the harbour and its history.",
            "the harbour and its history",
        ),
        (
            "Berg spoke first. Lund has said little about the toll plan in recent weeks.",
            "the toll plan in recent weeks",
        ),
    ],
)
def test_the_preposition_after_a_cue_is_no_part_of_its_content(text, content):
    # Like the 'that' before a clause, the word joining the cue to its object is the cue's.
    assert content in _wide(text)


def test_an_infinitive_after_a_cue_keeps_its_to():
    text = "Berg spoke first. Lund is expected to win the vote in Vestby."
    assert "to win the vote in Vestby" in _wide(text)
