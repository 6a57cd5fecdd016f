"""'Since last spring, according to the union, the ferry company has cut forty jobs': an
'according to' aside after a lead with no verb attributes the clause after it."""

import pytest

from articles.extraction import Scope, extract_quotes


def _contents(text, scope):
    return [(q.text, q.speaker) for q in extract_quotes(text, scope=scope)]


@pytest.mark.parametrize("scope", [Scope.CLAUSES, Scope.WIDE])
@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Since last spring, according to the harbour union, the ferry company has cut "
            "forty jobs.",
            "the ferry company has cut forty jobs",
        ),
        (
            "At the heart of the quarrel, according to Kari Holt, was a dispute over fees.",
            "was a dispute over fees",
        ),
    ],
)
def test_the_clause_after_the_aside_is_what_it_attributes(text, content, scope):
    assert content in [quote for quote, _ in _contents(text, scope)]


@pytest.mark.parametrize(
    "text",
    [
        "Ivar Lund leads by nine points in Tromsdal, according to the latest poll, and "
        "trails in two other towns.",
        "The ferry company cut forty jobs, according to the harbour union, a group that "
        "counts them.",
    ],
)
def test_a_lead_with_its_own_verb_stays_the_content(text):
    quotes = [quote for quote, _ in _contents(text, Scope.CLAUSES)]
    assert quotes
    assert quotes[0].startswith(("Ivar Lund leads", "The ferry company cut"))
