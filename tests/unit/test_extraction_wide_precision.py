"""Words the wide scope (Scope.WIDE) had taken for what someone said, and which are
nobody's words: where someone was seen, a plural noun read as a verb, and a lone 'what'
before a verb of saying."""

import pytest

from articles.extraction import Scope, extract_quotes


def _contents(text, scope=Scope.WIDE):
    return [q.text for q in extract_quotes(text, scope=scope)]


@pytest.mark.parametrize(
    "text",
    [
        "Okafor has appeared on a morning show in Dunmore and answered questions.",
        "Berg appeared at the mayor's side at three rallies last week.",
        "The governor previously appeared with Holt in Vestby in June.",
    ],
)
def test_where_someone_appeared_is_no_content(text):
    assert _contents(text) == []


def test_how_someone_appeared_is_still_content():
    text = "Okafor appeared to waver on the new harbour levy."
    assert "to waver on the new harbour levy" in _contents(text)


@pytest.mark.parametrize(
    "text",
    [
        "The mayor will now spend her money in states that she expects to win.",
        "Rallies in Vestby drew crowds from the four states that voted on Saturday.",
        "The ferry line serves 12 states that border the lake.",
    ],
)
@pytest.mark.parametrize("scope", [Scope.CLAUSES, Scope.WIDE])
def test_a_plural_noun_after_a_number_or_preposition_is_no_cue(text, scope):
    assert _contents(text, scope) == []


def test_a_doubted_cue_after_its_subject_still_attributes():
    text = "The harbour charter states that the pier belongs to the town."
    assert "the pier belongs to the town" in _contents(text)


@pytest.mark.parametrize(
    "text",
    [
        "The council spent less than half of what its members say they need every year.",
        "The council voted to close what the mayor said were the town's oldest schools.",
    ],
)
def test_a_lone_what_before_a_verb_of_saying_is_no_piece(text):
    assert "what" not in [quote.lower() for quote in _contents(text)]


def test_a_which_before_a_verb_of_saying_is_still_a_piece():
    text = "The ferry, which the mayor said was unsafe, sailed anyway."
    assert "which" in _contents(text)


@pytest.mark.parametrize(
    "text",
    [
        "In a 1990 speech, Holt declared:",
        "Shortly after the vote, Berg announced his resignation.",
        "When reached by the Vestby Ledger, Holt had little to say.",
        "As a newcomer, Okafor felt for the stranded passengers.",
    ],
)
@pytest.mark.parametrize("scope", [Scope.CLAUSES, Scope.WIDE])
def test_an_opening_phrase_of_place_or_time_is_no_content(text, scope):
    assert not [quote for quote in _contents(text, scope) if quote[:1].isupper()]


@pytest.mark.parametrize(
    "text",
    [
        "The ferry will stop running in May, Holt said.",
        "In all, the harbour board raised four million crowns, Holt said.",
    ],
)
def test_a_clause_before_its_speaker_is_still_content(text):
    assert _contents(text, Scope.CLAUSES) == [text.rsplit(",", 1)[0]]
