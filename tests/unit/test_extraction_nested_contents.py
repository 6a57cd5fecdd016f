"""Wide scope: a content nested inside another content is a second attribution where its
cue is confident, lies well inside the outer content and is no passive; otherwise it is
a second reading of the outer one and is dropped."""

import pytest

from articles.extraction import Scope, extract_quotes


def _wide(text):
    return {q.text: q.speaker for q in extract_quotes(text, scope=Scope.WIDE)}


@pytest.mark.parametrize(
    ("text", "inner", "speaker"),
    [
        (
            "Orvik said the vote came only a few weeks after Tomas Brekke mocked the "
            "council's plan for the harbour.",
            "the council's plan for the harbour",
            "Tomas Brekke",
        ),
        (
            "The mayor said the vote came only days after the union leader Tomas Brekke "
            "urged the council to drop the levy.",
            "the council to drop the levy",
            "Tomas Brekke",
        ),
        (
            "Orvik said the levy would pass, although the harbour master Ines Kvale has "
            "long opposed the plan for new moorings.",
            "the plan for new moorings",
            "Ines Kvale",
        ),
    ],
)
def test_a_confident_cue_deep_inside_another_content_keeps_its_own_content(text, inner, speaker):
    found = _wide(text)
    assert found[inner] == speaker
    assert len(found) == 2


def test_a_passive_inside_another_content_adds_no_content():
    text = (
        "Orvik said the vote came only a few weeks after the harbour plan was expected "
        "to pass without a fight."
    )
    assert list(_wide(text)) == [
        "the vote came only a few weeks after the harbour plan was expected to pass without a fight"
    ]


def test_a_nested_cue_near_the_outer_contents_opening_or_unsure_is_dropped():
    from articles.extraction.outer_attribution import nested_dropped

    text = "Orvik said Brekke took swipes at the levy and at everyone who had backed it in May."
    said, took, backed = (text.index(word) for word in ("said", "took", "backed"))
    outer = ((said + 5, len(text) - 1), (said, said + 4), 0.65)
    near = ((took + 5, took + 23), (took, took + 4), 0.9)  # 'took', 7 characters in
    unsure = ((backed + 7, len(text) - 1), (backed, backed + 6), 0.5)  # 38 characters in
    deep = ((backed + 7, len(text) - 1), (backed, backed + 6), 0.9)
    assert nested_dropped(text, [outer, near, unsure]) == {near[0], unsure[0]}
    assert nested_dropped(text, [outer, deep]) == set()


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        (
            "Vik denied the ferry crew was at fault but on Tuesday wrote that the inquiry "
            "should go ahead.",
            "the ferry crew was at fault",
            "the inquiry should go ahead",
        ),
        (
            "Vik said the ferry crew had done nothing wrong - noting that the storm had "
            "closed the harbour for two days.",
            "the ferry crew had done nothing wrong",
            "the storm had closed the harbour for two days",
        ),
    ],
)
def test_a_second_verb_of_the_subject_ends_the_first_content(text, first, second):
    # 'and'/'but' and a cue with no subject of its own, or a participle after a comma:
    # the speaker's second attribution.
    found = _wide(text)
    assert found.get(first) == found.get(second) != None  # noqa: E711
    assert not any(first in quote and second in quote for quote in found)


def test_a_reported_clause_opening_another_content_is_that_attribution_alone():
    # 'saying' lies a few words into what 'accused' reports: the wide scope keeps the
    # accusation only, as PARC counts it; the clauses scope keeps both readings.
    text = "Ada Brekke accused the ferry board of saying the crossing was safe when it was not."
    assert list(_wide(text)) == ["the ferry board of saying the crossing was safe when it was not"]
    clauses = [q.text for q in extract_quotes(text)]
    assert "the crossing was safe when it was not" in clauses


def test_a_clause_opening_a_content_only_the_gate_admits_stands_alone():
    # 'call for' lies a few words into what 'used' would report: the clause rules'
    # reading stands, the gate's outer reading of the same words goes.
    text = (
        "Councillor Ada Brekke used her speech to call for the resignation of the harbour master."
    )
    assert _wide(text) == {"the resignation of the harbour master": "Ada Brekke"}
