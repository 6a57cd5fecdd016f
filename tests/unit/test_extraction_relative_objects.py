"""'the plan, which Holt has denied': the 'which' a cue's object stands for is what PARC
counts as attributed, a content only the wide scope takes."""

import pytest

from articles.extraction import Scope, extract_quotes


def _quotes(text, scope):
    return [(q.text, q.speaker) for q in extract_quotes(text, scope=scope)]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Ivar Lund pointed to the harbour plan, which Sigrid Holt has denied.", "Sigrid Holt"),
        (
            "Ivar Lund pointed to the harbour plan, which Sigrid Holt has long denied.",
            "Sigrid Holt",
        ),
        ("Ivar Lund pointed to the harbour plan, which Sen. Kari Holt has denied.", "Kari Holt"),
        (
            "Ivar Lund pointed to the harbour plan, which Kari Holt criticized on Monday.",
            "Kari Holt",
        ),
    ],
)
def test_the_object_of_a_cue_after_which_is_the_which(text, speaker):
    assert ("which", speaker) in _quotes(text, Scope.WIDE)
    assert "which" not in [quote for quote, _ in _quotes(text, Scope.CLAUSES)]


def test_which_before_a_described_subject_and_its_cue():
    text = "Ivar Lund pointed to the harbour plan, which the county board has denied."
    assert "which" in [quote for quote, _ in _quotes(text, Scope.WIDE)]


def test_which_before_a_pronoun_and_its_cue():
    text = "Per Berg will build a quay at the harbour, which he said the county should fund."
    quotes = _quotes(text, Scope.WIDE)
    # PARC's content, in two pieces: the 'which' once and the clause it is the object of.
    assert [quote for quote, _ in quotes].count("which") == 1
    assert ("which", "Per Berg") in quotes
    assert ("the county should fund", "Per Berg") in quotes


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # A question word, not a relative: what was asked holds it.
        ("Reporters asked which Holt said she would back.", "she would back"),
        ("Reporters asked which Sigrid Holt has denied.", None),
        ("Ivar Lund wondered which Sigrid Holt has denied.", None),
        ("Reporters asked which plan Sigrid Holt has denied.", None),
    ],
)
def test_which_asking_a_question_is_no_content_of_its_own(text, content):
    quotes = [quote for quote, _ in _quotes(text, Scope.WIDE)]
    assert "which" not in quotes
    assert content is None or content in quotes


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The levy, which Sigrid Holt says is unfair, passed on Monday.", "is unfair"),
        (
            "Ivar Lund backed the harbour plan, which Sigrid Holt said would cost millions.",
            "would cost millions",
        ),
        (
            "Ivar Lund backed the harbour plan, which Sigrid Holt said the county should fund.",
            "the county should fund",
        ),
    ],
)
def test_which_in_a_clause_after_the_cue_is_a_piece_of_its_content(text, content):
    # PARC's content is the 'which' and the clause, in two pieces of the same speaker's:
    # the 'which' once, as the clause's subject or object.
    quotes = _quotes(text, Scope.WIDE)
    assert [quote for quote, _ in quotes].count("which") == 1
    assert ("which", "Sigrid Holt") in quotes
    assert any(quote.startswith(content) and who == "Sigrid Holt" for quote, who in quotes)


@pytest.mark.parametrize(
    "text",
    [
        # The place of the clause, not the object of its cue.
        "The meeting in Vestby, in which Sigrid Holt denied everything, ended late.",
        # A verb the cue model does not read as attributing.
        "The ferry, which Sigrid Holt hosted, sailed on Monday.",
    ],
)
def test_which_with_no_object_of_a_cue(text):
    assert "which" not in [quote for quote, _ in _quotes(text, Scope.WIDE)]


def test_which_read_already_is_not_read_twice():
    text = "The levy, which Holt supports, passed on Monday."
    assert [quote for quote, _ in _quotes(text, Scope.WIDE)].count("which") == 1


def test_which_inside_another_content_is_an_attribution_of_its_own():
    # The outer content is what Lund refused; the 'which' is what Holt opposed, no second
    # reading of Lund's.
    text = "Ivar Lund refused to sign the ferry deal, which Kari Holt vehemently opposed."
    quotes = _quotes(text, Scope.WIDE)
    assert ("which", "Kari Holt") in quotes
    assert ("to sign the ferry deal, which Kari Holt vehemently opposed", "Ivar Lund") in quotes
