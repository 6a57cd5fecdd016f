"""A cue standing inside a parenthetical or dashed aside: what was said ends where the
aside closes, not in the main clause after it (issue 14). The sentences are ours."""

import pytest

from articles.extraction import Scope, extract_quotes

_SCOPES = [Scope.CLAUSES, Scope.WIDE]


def _indirect(text, scope):
    return [q.text for q in extract_quotes(text, scope=scope) if q.kind == "indirect"]


@pytest.mark.parametrize("scope", _SCOPES)
def test_a_content_inside_parentheses_ends_at_the_closing_one(scope):
    text = "Ivar Lund met Sigrid Holt (who last week said the levy was unfair) on Monday."
    assert _indirect(text, scope) == ["the levy was unfair"]


@pytest.mark.parametrize("scope", _SCOPES)
@pytest.mark.parametrize("dash", [" - ", " -- ", " — ", "—"])
def test_a_content_inside_dashes_ends_at_the_closing_dash(scope, dash):
    text = f"Sigrid Holt{dash}who said he would cut the levy{dash}lost the vote."
    assert _indirect(text, scope) == ["he would cut the levy"]


@pytest.mark.parametrize("scope", _SCOPES)
def test_marks_that_open_no_aside_before_the_cue_leave_the_content_whole(scope):
    # Guards the rule: a parenthesis opened inside the content, a range, a lone dash.
    assert _indirect("Sigrid Holt said the ferry (which Berg runs) would stop.", scope) == [
        "the ferry (which Berg runs) would stop"
    ]
    assert _indirect("Ivar Lund said the toll rose in 2019-2020 - and will again.", scope) == [
        "the toll rose in 2019-2020 - and will again"
    ]
    text = "Ivar Lund (the harbour chief) said the ferry would stop (for a week) in May."
    assert _indirect(text, scope) == ["the ferry would stop (for a week) in May"]
