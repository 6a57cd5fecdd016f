"""Quotation marks typed wrong at a quote's close: an opening curly mark ('…late,“ she
said') and a spaced pair of apostrophes ('…coalitions, '' said'). The quote ends there,
so the attribution after it is read and the next quotation is a quote of its own."""

import pytest

from articles.extraction import Scope, extract_quotes

SCOPES = pytest.mark.parametrize("scope", [Scope.CLAUSES, Scope.WIDE])


def _quotes(text, scope):
    return [(q.text, q.speaker) for q in extract_quotes(text, scope=scope)]


@SCOPES
def test_an_opening_curly_mark_before_a_space_closes_the_quote(scope):
    text = (
        "“The ferry is late again,“ said Sindre Haugland, a skipper in Florø. "
        "“Nobody plans for the winter storms.”"
    )
    assert _quotes(text, scope) == [
        ("The ferry is late again", "Sindre Haugland"),
        ("Nobody plans for the winter storms.", "Sindre Haugland"),
    ]


@SCOPES
def test_an_opening_curly_mark_after_a_question_closes_it(scope):
    text = "Eldbjørg Nygaard frowned. “Do you want the quay closed?“ she asked."
    assert _quotes(text, scope) == [("Do you want the quay closed?", "Eldbjørg Nygaard")]


@SCOPES
def test_an_opening_curly_mark_after_a_word_closes_a_scare_quote(scope):
    text = "Halvor Rønning said the plan was “a gift“ to the shipowners."
    assert ("a gift", "Halvor Rønning") in _quotes(text, scope)


@SCOPES
def test_an_opening_curly_mark_before_a_word_still_opens_the_quote(scope):
    text = "“We sail at dawn,” Halvor Rønning said. “The storm,“ he added,“will pass by noon.”"
    assert _quotes(text, scope)[1:] == [
        ("The storm", "Halvor Rønning"),
        ("will pass by noon.", "Halvor Rønning"),
    ]


@SCOPES
def test_a_pair_of_apostrophes_between_spaces_closes_the_quote(scope):
    text = (
        "''The harbour board failed because it never listened, '' said Mr. Brekke, who "
        "now runs the ferry union. ''It heard only the shipowners.''"
    )
    assert _quotes(text, scope) == [
        ("The harbour board failed because it never listened", "Brekke"),
        ("It heard only the shipowners.", "Brekke"),
    ]


@SCOPES
def test_a_spaced_pair_after_a_single_mark_closes_the_quote(scope):
    text = "''I dislike the word 'island poor,' '' Ms. Vatne said, and left the quay."
    quotes = _quotes(text, scope)
    assert quotes[0] == ("I dislike the word 'island poor,'", "Vatne")
    assert all("left the quay" not in quote for quote, _ in quotes)


@SCOPES
def test_a_low_opening_mark_still_closes_at_the_paragraph_end(scope):
    text = "Halvor Rønning warned the crews. „The storm will reach the fjord by noon.“"
    assert ("The storm will reach the fjord by noon.", "Halvor Rønning") in _quotes(text, scope)


@SCOPES
def test_an_opening_curly_mark_typed_to_close_a_paragraph_is_trimmed(scope):
    text = "“The ferry is late,“ Sigrid Aune said,“and the buses are later.“"
    assert ("and the buses are later.", "Sigrid Aune") in _quotes(text, scope)
