"""A relative pronoun is its verb's subject across an adjunct or an aside between them
('Holt, who for weeks had …', 'Holt, who, after …, said'): the name it stands for speaks,
not a name inside the aside nor the sentence's subject. And a group described before a
relative clause with a pronoun object speaks, without the clause."""

import pytest

from articles.extraction import Scope, extract_quotes


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
    assert _speaker(text, "he would cut the levy") == "Ivar Lund"
