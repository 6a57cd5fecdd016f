"""A label set in quotation marks by a passive cue ('was called “…” by Ola Nilsen',
'known by some voters as a “…”') is the agent's, in both scopes. Each test fails with the
rules as they were before its fix (issue 14, round 21). The sentences are ours."""

import pytest

from articles.extraction import Scope, extract_quotes
from articles.extraction.quoted import _AGENT_BEFORE_LABEL, _NOTHING_BEFORE_LABEL

SCOPES = [Scope.CLAUSES, Scope.WIDE]


def _mixed(text, scope):
    return [
        (q.text, q.speaker, q.speaker_description)
        for q in extract_quotes(text, scope=scope)
        if q.kind == "mixed"
    ]


@pytest.mark.parametrize("scope", SCOPES)
def test_the_agent_after_the_label_is_its_speaker(scope):
    # The label had no speaker (or the subject of an earlier sentence).
    text = (
        "Kari Berg spoke first. This habit of the trust has been called “strategic "
        "silence” by Ola Nilsen, a professor at the Fjord College, and it hides the money."
    )
    assert [(t, s) for t, s, _ in _mixed(text, scope)] == [("strategic silence", "Ola Nilsen")]


@pytest.mark.parametrize("scope", SCOPES)
def test_an_agent_after_labelled_as_is_its_speaker(scope):
    text = (
        "Kari Berg spoke first. The hearing, often labeled as a “witch hunt” by Eskil Dahl, "
        "went on."
    )
    assert [(t, s) for t, s, _ in _mixed(text, scope)] == [("witch hunt", "Eskil Dahl")]


@pytest.mark.parametrize("scope", SCOPES)
def test_an_agent_before_the_label_is_its_speaker(scope):
    text = (
        "Kari Berg spoke first. The new levy came to be derisively known by the Fjord "
        "Ferry Union as a “toll” within a week."
    )
    assert [(t, s) for t, s, _ in _mixed(text, scope)] == [("toll", "Fjord Ferry Union")]


@pytest.mark.parametrize("scope", SCOPES)
def test_by_after_an_active_label_names_no_agent(scope):
    text = "Kari Berg called the levy a “harbour toll” by mistake."
    assert [(t, s) for t, s, _ in _mixed(text, scope)] == [("harbour toll", "Kari Berg")]


_LONG = 100_000


def test_a_long_run_of_spaces_between_cue_and_label_is_read_in_linear_time():
    # Two runs of spaces side by side had made the label's lead quadratic (seconds here).
    spaces = " " * _LONG + "x"
    assert _NOTHING_BEFORE_LABEL.fullmatch(spaces) is None
    assert _AGENT_BEFORE_LABEL.fullmatch(" by Eskil Dahl as" + spaces) is None


@pytest.mark.parametrize("scope", SCOPES)
def test_a_passive_label_after_a_long_run_of_spaces_is_quick(scope):
    text = "The levy was called" + " " * _LONG + "x “a toll” by Eskil Dahl."
    assert isinstance(extract_quotes(text, scope=scope), list)
