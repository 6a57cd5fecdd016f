"""A share of a poll's respondents speaks in the poll: the poll is the source. Each test
fails with the rules as they were before its fix (issue 14); the sentences are ours."""

from articles.extraction import Scope, extract_quotes


def _speaker_words(text, scope=Scope.CLAUSES):
    (quote,) = extract_quotes(text, scope=scope)
    return quote.speaker_description, text[quote.speaker_start : quote.speaker_end]


def test_the_poll_an_opening_phrase_names_is_the_source_of_a_share():
    text = (
        "In a Vestby Ledger poll released Monday, 41 percent of voters said the fares "
        "were too high."
    )
    for scope in Scope:
        assert _speaker_words(text, scope)[1] == "a Vestby Ledger poll released Monday"


def test_a_survey_by_someone_with_a_qualified_share():
    text = (
        "The vote is near. In a survey conducted by the Fjord Institute, just 12 percent "
        "of residents said they trusted the council."
    )
    assert _speaker_words(text)[1] == "a survey conducted by the Fjord Institute"


def test_a_share_after_a_place_keeps_its_own_words():
    # Guards the fix: only a poll's opening phrase lends the share its source.
    text = "In the harbour towns, 41 percent of workers said the fares were too high."
    assert _speaker_words(text)[1] == "41 percent of workers"
