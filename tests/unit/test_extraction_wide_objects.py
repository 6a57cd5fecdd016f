"""Wide scope: a cue's object that the gate admits stays, cut before another speaker's
clause inside it ('praised the plan, which she said …'), instead of being dropped as a
second reading of that clause; an object before ', saying that …' is the cue's own
content, not skipped for the participle's clause."""

import pytest

from articles.extraction import Scope, extract_quotes


def _wide(text):
    return {q.text: q.speaker for q in extract_quotes(text, scope=Scope.WIDE)}


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "Mayor Ingrid Solberg praised the harbour plan, which she said would bring "
            "jobs to the coast.",
            "the harbour plan",
            "Ingrid Solberg",
        ),
        (
            "Haugland lambasted the toll deal negotiated by the county, which he said "
            "would ruin the fishermen.",
            "the toll deal negotiated by the county",
            "Haugland",
        ),
        (
            "Solberg criticized the new bridge levy - a tax that she said falls hardest "
            "on farmers.",
            "the new bridge levy",
            "Solberg",
        ),
        (
            "Astrid Moen spoke about the toll and the bridge, which Kjell Nygaard says will "
            "cost more.",
            "the toll and the bridge",
            "Astrid Moen",
        ),
        (
            "Astrid Moen praised the toll as a fair way to pay for the bridge, which Nygaard "
            "says will cost more.",
            "the toll as a fair way to pay for the bridge",
            "Astrid Moen",
        ),
    ],
)
def test_an_object_holding_another_clause_is_cut_before_it(text, content, speaker):
    found = _wide(text)
    assert found[content] == speaker


def test_the_clauses_scope_keeps_no_object():
    text = "Mayor Ingrid Solberg praised the harbour plan, which she said would bring jobs."
    assert "the harbour plan" not in {q.text for q in extract_quotes(text)}


@pytest.mark.parametrize(
    ("text", "content", "cue", "clause"),
    [
        (
            "Councillor Tor Haugland endorsed Kari Vik, saying that she would keep the "
            "ferry running.",
            "Kari Vik",
            "endorsed",
            "she would keep the ferry running",
        ),
        (
            "The union leader Eirik Dahl has rejected the label, noting that the strike was legal.",
            "the label",
            "rejected",
            "the strike was legal",
        ),
    ],
)
def test_an_object_before_a_participle_and_its_that_clause_is_the_cues(text, content, cue, clause):
    found = {q.text: text[q.cue_start : q.cue_end] for q in extract_quotes(text, scope=Scope.WIDE)}
    assert found[content] == cue
    assert found[clause] != cue  # the clause is the participle's, not the first verb's
