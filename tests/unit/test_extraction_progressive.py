"""A cue in the progressive ('is calling for', 'are saying') is active, as its simple
past is: its subject says the content, and the 'be' before it makes no passive."""

import pytest

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


@pytest.mark.parametrize(
    "text",
    ["Halvard Eik was told the ferry is late.", "Halvard Eik is being told the ferry is late."],
)
def test_a_real_passive_still_reads_as_one(text):
    # Read actively, 'told' would give Eik the content; he is the one told, not the
    # speaker, and 'told' is no progressive, so the 'be' before it still makes a passive.
    assert ("the ferry is late", "Halvard Eik") not in _quotes(text)


def test_the_wide_scope_still_reads_a_progressive_cue_as_passive():
    # The wide scope's gate learnt 'is considering' as a passive cue's content (to the
    # clause's end, its comma) and weighs it so (around_cues._around); read actively,
    # the content would run on over 'Sigrun Aaberg is reporting'.
    text = "The county is considering a new pier at Vossby, Sigrun Aaberg is reporting."
    assert _quotes(text, Scope.WIDE) == [("a new pier at Vossby", None)]
