"""Second readings the wide scope (Scope.WIDE) leaves out, as PARC's annotators count
one: a doubted clause inside another content, and a headline's quoted words read again
inside the content after its colon. The clauses scope keeps both readings."""

import pytest

from articles.extraction import Scope, extract_quotes


def _contents(text, scope):
    return [(q.kind, q.text) for q in extract_quotes(text, scope=scope)]


@pytest.mark.parametrize(
    ("text", "outer"),
    [
        (
            "Amundsen told the board that the ferry company would pay, and that those "
            "who believe the levy is fair are wrong.",
            "the ferry company would pay, and that those who believe the levy is fair are wrong",
        ),
        (
            "Amundsen said the ferry company, which many believe cheated the town, would "
            "pay for the new pier.",
            "the ferry company, which many believe cheated the town, would pay for the new pier",
        ),
    ],
)
def test_doubted_clause_inside_a_content_is_read_once_in_the_wide_scope(text, outer):
    wide = _contents(text, Scope.WIDE)
    assert ("indirect", outer) in wide
    # The wide scope reads nothing a second time inside the outer content; where the
    # clauses scope's inner reading ends is no matter here.
    assert not [t for _, t in wide if t != outer and t in outer]
    clauses = _contents(text, Scope.CLAUSES)
    assert [t for _, t in clauses if t != outer and t in outer]


def test_confident_clause_deep_in_a_content_stays_in_the_wide_scope():
    text = (
        "Vessel said the harbour board, which met twice last winter, argued that the "
        "levy would have to rise."
    )
    contents = [t for _, t in _contents(text, Scope.WIDE)]
    assert "the levy would have to rise" in contents


def test_headline_quotation_is_the_content_after_its_colon_in_the_wide_scope():
    text = "Berg: ‘The Pier Will Be Built by Spring.’"
    wide = _contents(text, Scope.WIDE)
    assert wide == [("indirect", "‘The Pier Will Be Built by Spring.’")]
    assert ("direct", "The Pier Will Be Built by Spring.") in _contents(text, Scope.CLAUSES)
