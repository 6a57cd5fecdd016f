"""A cue in the progressive ('is calling for', 'are saying') is active, as its simple
past is: its subject says the content, and the 'be' before it makes no passive."""

from articles.extraction import Scope, extract_quotes


def _quotes(text, scope=Scope.CLAUSES):
    return [(q.text, q.speaker) for q in extract_quotes(text, scope=scope)]


def test_a_progressive_call_for_is_the_subjects_demand():
    text = "Sigrun Aaberg is calling for the county to reopen the ferry line before winter."
    assert ("the county to reopen the ferry line before winter", "Sigrun Aaberg") in _quotes(text)


def test_a_progressive_cue_before_a_bare_clause_attributes_it():
    text = "Halvard Eik is now suggesting he lost the vote because the ballots arrived late."
    found = _quotes(text)
    assert ("he lost the vote because the ballots arrived late", "Halvard Eik") in found


def test_a_real_passive_still_reads_as_one():
    text = "Halvard Eik was asked about the ferry line on Tuesday."
    assert not [t for t, _ in _quotes(text) if t.startswith("about")]
