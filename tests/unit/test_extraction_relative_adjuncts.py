"""A relative pronoun is its verb's subject across an adjunct or an aside between them
('Holt, who for weeks had …', 'Holt, who, after …, said'): the name it stands for speaks,
not a name inside the aside nor the sentence's subject. And a group described before a
relative clause with a pronoun object speaks, without the clause."""

import pytest

from articles.extraction import Scope, extract_quotes
from articles.extraction.relative_adjuncts import relative_in_lead


def _speaker(text, content, scope=Scope.CLAUSES):
    quote = next(q for q in extract_quotes(text, scope=scope) if content in q.text)
    return quote.speaker


@pytest.mark.parametrize("scope", [Scope.CLAUSES, Scope.WIDE])
def test_aside_after_relative(scope):
    text = (
        "Ivar Lund met Sigrid Holt, who, after trading barbs with Berg, said on the radio "
        "that the levy was unfair."
    )
    assert _speaker(text, "the levy was unfair", scope) == "Sigrid Holt"


def test_adjunct_after_relative_before_a_participle():
    text = (
        "Ivar Lund sat face to face with Sigrid Holt, who just a week ago surprised Lund "
        "by declaring she could not back him."
    )
    assert _speaker(text, "she could not back him", Scope.WIDE) == "Sigrid Holt"


def test_aside_after_relative_before_an_object():
    text = (
        "Ivar Lund praised the union's leadership, who, on a call with reporters Friday, "
        "criticized Berg for the levy."
    )
    quote = next(q for q in extract_quotes(text, scope=Scope.WIDE) if q.text.startswith("Berg"))
    assert quote.speaker_description == "the union's leadership"


def test_relative_after_a_preposition_is_no_subject():
    text = (
        "Sigrid Holt wrote the report, in which, for the first time, Ivar Lund said that "
        "the levy was unfair."
    )
    assert _speaker(text, "the levy was unfair") == "Ivar Lund"


@pytest.mark.parametrize("scope", [Scope.CLAUSES, Scope.WIDE])
def test_group_before_relative_with_pronoun_object(scope):
    text = "Sigrid Holt runs the port. Several ferry unions who backed her say the fares will rise."
    quote = next(q for q in extract_quotes(text, scope=scope) if "fares" in q.text)
    assert text[quote.speaker_start : quote.speaker_end] == "Several ferry unions"


@pytest.mark.parametrize("dash", [" - ", " -- "])
def test_relative_after_a_typed_dash(dash):
    text = f"Front-runner Ivar Lund{dash}who previously said he would cut the levy{dash}lost."
    quote = next(q for q in extract_quotes(text, scope=Scope.CLAUSES) if "levy" in q.text)
    assert quote.speaker == "Ivar Lund"
    # The content ends at the aside's closing dash (test_extraction_aside_ends.py).
    assert quote.text == "he would cut the levy"


@pytest.mark.parametrize("scope", [Scope.CLAUSES, Scope.WIDE])
@pytest.mark.parametrize("subject", ["Sigrid Holt", "she"])
def test_relative_as_object_before_a_participle_is_not_its_subject(scope, subject):
    text = (
        f"Per Berg thanked Ivar Lund, who {subject} then surprised by saying the levy was unfair."
    )
    assert _speaker(text, "the levy was unfair", scope) != "Ivar Lund"


@pytest.mark.parametrize("dash", [" -- ", " — "])
def test_place_before_a_dashed_relative_is_no_antecedent(dash):
    text = f"Voters in Bergen{dash}who said the levy was unfair{dash}backed Lund."
    quote = next(q for q in extract_quotes(text, scope=Scope.CLAUSES) if "levy" in q.text)
    assert quote.speaker is None
    assert quote.speaker_description == "Voters in Bergen"


@pytest.mark.parametrize("aside", [" ", " last week ", ", in Bergen, "])
def test_description_before_a_relative_stops_at_the_verb(aside):
    text = f"Ivar Lund met the voters who{aside}said the levy was unfair."
    quote = next(q for q in extract_quotes(text, scope=Scope.CLAUSES) if "levy" in q.text)
    assert quote.speaker_description == "the voters"


@pytest.mark.parametrize(
    "lead", ["Holt—who last week ", "Holt (who for weeks had ", "Holt\nwho last week "]
)
def test_relative_after_a_dash_bracket_or_break_in_a_lead(lead):
    assert relative_in_lead(lead) == (lead.index("who"), lead.index("who") + 3)


def test_relative_in_brackets():
    text = "Ivar Lund met Sigrid Holt (who last week said the levy was unfair) on Monday."
    assert _speaker(text, "the levy was unfair") == "Sigrid Holt"
