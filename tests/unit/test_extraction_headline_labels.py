"""A headline label that goes on past a name ('Holt to Fishermen: …') has a speaker only
when its leading words name a person: a known given name, or a word met again in the
text; a topic's heading ('Vote on Friday: …') has none. Each test fails with the rules
as they were before its fix (issue 14, round 21). The sentences are ours."""

import pytest

from articles.extraction import Scope, extract_quotes

SCOPES = [Scope.CLAUSES, Scope.WIDE]


def _quotes(text, scope):
    return [(q.text, q.speaker) for q in extract_quotes(text, scope=scope)]


@pytest.mark.parametrize("scope", SCOPES)
@pytest.mark.parametrize(
    "label", ["Vote on Friday", "Ferry Fares to Islanders", "New Toll at Harbour"]
)
def test_a_topics_heading_names_no_speaker(label, scope):
    text = f"{label}: The board will decide the ferry fares\nThe meeting starts at noon."
    assert not [s for _, s in _quotes(text, scope) if s and s.split()[0] in label]


@pytest.mark.parametrize("scope", SCOPES)
@pytest.mark.parametrize(
    "text",
    [
        "Kari Holt to Fishermen: The board will decide the ferry fares\nThe meeting starts "
        "at noon.",
        "Solvang to Fishermen: The board will decide the ferry fares\nThe mayor, Eskil "
        "Solvang, spoke at noon.",
    ],
)
def test_a_person_s_label_keeps_its_speaker(text, scope):
    assert _quotes(text, scope)[0][0] == "The board will decide the ferry fares"
    assert _quotes(text, scope)[0][1] in ("Kari Holt", "Solvang", "Eskil Solvang")


def test_a_label_surname_ending_in_s_is_met_again_whole():
    # 'Strandvoss camp:' looks for 'Strandvoss' in the body; stripping the letters of a
    # possessive one by one had looked for 'Strandvo' and found nobody.
    text = (
        "Strandvoss camp: The ferry fares will rise next spring for everyone\n\n"
        "The board met on Friday. Strandvoss had promised lower fares.\n"
    )
    quotes = extract_quotes(text, scope=Scope.CLAUSES)
    assert [(q.text, q.speaker) for q in quotes] == [
        ("The ferry fares will rise next spring for everyone", "Strandvoss")
    ]
