"""One rule for the lower-case words between a preposition and the organisation it
governs (org_qualifiers.py), read by both of its former copies: the phrase reader
(phrases.py, 'a spokeswoman for the city's Nordvik Ferry Office') and the pattern
speakers' leads (pattern_speakers.py, 'Kari Holt at the office of Nordvik Ferries').
The test marked as failing before fails with the two copies as they were (issue 14,
round 23). The sentences and names are ours."""

import pytest

from articles.extraction import Scope, extract_quotes

SCOPES = [Scope.CLAUSES, Scope.WIDE]


def _speakers(text, scope):
    return [(q.text, q.speaker, q.speaker_description) for q in extract_quotes(text, scope=scope)]


@pytest.mark.parametrize("scope", SCOPES)
@pytest.mark.parametrize("city", ["city's", "city’s"])
def test_a_possessive_qualifier_keeps_the_organisation_governed(scope, city):
    # Failing before: the phrase reader took only letters and hyphens as qualifiers, so
    # 'Nordvik Ferry Office' headed the phrase and spoke.
    text = (
        f"The ferry board met on Monday. A spokeswoman for the {city} Nordvik Ferry Office "
        "said the tolls would rise in spring."
    )
    assert _speakers(text, scope) == [
        (
            "the tolls would rise in spring",
            None,
            f"A spokeswoman for the {city} Nordvik Ferry Office",
        )
    ]


@pytest.mark.parametrize("scope", SCOPES)
def test_a_named_person_before_a_possessive_qualifier_speaks(scope):
    # Failing before, as above: 'Nordvik Ferry Office' spoke.
    text = (
        "The ferry board met on Monday. “The tolls will rise,” said Kari Holt of the "
        "city's Nordvik Ferry Office."
    )
    assert _speakers(text, scope) == [("The tolls will rise", "Kari Holt", "")]


@pytest.mark.parametrize("scope", SCOPES)
@pytest.mark.parametrize(
    "lead",
    [
        "Kari Holt at the office of",  # a preposition among the qualifiers
        "Kari Holt of an independent",  # an article among them
        "Ivar Lund of the port at the",  # both
    ],
)
def test_a_pattern_subject_widens_across_articles_and_prepositions(scope, lead):
    # The pattern leads' reading, kept: the phrase reader's stricter word test (no
    # article, no preposition), had it been the one rule, made the organisation speak.
    text = f"The ferry board met on Monday. {lead} Nordvik Ferry Report said the tolls would rise."
    assert [(q.speaker, q.speaker_description) for q in extract_quotes(text, scope=scope)] == [
        (lead.split(" of ")[0].split(" at ")[0], "")
    ]


def test_both_readers_accept_the_same_words():
    from articles.extraction import org_qualifiers  # new in round 23

    for word in ["independent", "state-owned", "city's", "of", "the"]:
        assert org_qualifiers.is_qualifier(word)
    for word in ["as", "which", "whom", "Nordvik", "2024", "said,"]:
        assert not org_qualifiers.is_qualifier(word)
    assert org_qualifiers.trailing_qualifiers("a spokeswoman for the city's".split()) == 3
    assert org_qualifiers.trailing_qualifiers("Lund said as the".split()) == 1
