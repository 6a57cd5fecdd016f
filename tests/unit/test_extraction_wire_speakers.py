"""Speakers that news writing names in common shapes the engine once missed (issue 14):
a name with its description in commas, a group a quantifier opens, a plural subject's
present tense after a quote. Each test fails with the rules before its fix, except the
guards (named so in their comments: the relative in commas and the quoted form), which
passed before it; the sentences are ours."""

import pytest

from articles.extraction import extract_quotes
from articles.extraction.model import Scope

SCOPES = (Scope.CLAUSES, Scope.WIDE)


def _one(text, scope):
    """The one quote of ``text``: its kind, words, speaker (or description) and cue."""
    quotes = extract_quotes(text, scope=scope)
    assert len(quotes) == 1, quotes
    quote = quotes[0]
    cue = text[quote.cue_start : quote.cue_end] if quote.cue_start is not None else None
    return quote.kind, quote.text, quote.speaker or quote.speaker_description, cue


@pytest.mark.parametrize("scope", SCOPES)
def test_a_description_before_the_name_keeps_the_clause_after_said(scope):
    # The clause after 'said' was taken for the speaker, the subject for the content.
    text = "A lawyer, Marta Solheim, said the ferry runs daily."
    assert _one(text, scope) == ("indirect", "the ferry runs daily", "Marta Solheim", "said")


@pytest.mark.parametrize("scope", SCOPES)
def test_a_longer_description_before_the_name_works_too(scope):
    text = "The ferry company's chief engineer, Odd Rustad, says the hull holds water."
    assert _one(text, scope) == ("indirect", "the hull holds water", "Odd Rustad", "says")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Fares will rise, Holt, the mayor, said.", "Holt"),
        ("Fares will rise, a spokeswoman, Ina Berg, said on Saturday.", "Ina Berg"),
        ("The bridge will close in June, the county engineer, Pia Lunde, said.", "Pia Lunde"),
    ],
)
@pytest.mark.parametrize("scope", SCOPES)
def test_a_name_and_description_in_commas_before_said_speak_after_a_clause(text, speaker, scope):
    # The content ran on over the name and its description, and nobody spoke.
    kind, content, who, cue = _one(text, scope)
    assert (kind, who, cue) == ("indirect", speaker, "said")
    assert text.startswith(content + ",")
    assert speaker not in content


@pytest.mark.parametrize("scope", SCOPES)
def test_a_description_in_commas_with_a_relative_is_no_apposed_speaker(scope):
    # Guards the fix above: 'the report, which Holt wrote' is no name and description.
    text = "Fares will rise next year, the report, which the council wrote, said."
    quotes = extract_quotes(text, scope=scope)
    relatives = [quote for quote in quotes if quote.text == "which"]
    # The wide scope's 'which', the object of 'wrote', is the council's and no other's.
    assert len(relatives) == (scope == Scope.WIDE)
    for which in relatives:
        assert which.speaker_description == "the council"
        assert text[which.speaker_start : which.speaker_end] == "the council"
        assert text[which.cue_start : which.cue_end] == "wrote"
    for quote in quotes:
        if quote.text == "which":
            continue
        # A described speaker has no name, only a description and a mention's place.
        mention = text[quote.speaker_start : quote.speaker_end] if quote.speaker_start else ""
        assert "council" not in (quote.speaker or "") + quote.speaker_description + mention


@pytest.mark.parametrize("scope", SCOPES)
def test_a_quote_then_a_name_and_description_in_commas(scope):
    # Already right before the fixes: guards the quoted form of the shape above.
    text = '"Fares will rise," a spokeswoman, Ina Berg, said on Saturday.'
    assert _one(text, scope) == ("direct", "Fares will rise", "Ina Berg", "said")


@pytest.mark.parametrize(
    "group",
    [
        "some protesters",
        "several protesters",
        "dozens of protesters",
        "many protesters",
        "a few protesters",
    ],
)
@pytest.mark.parametrize("scope", SCOPES)
def test_a_group_a_quantifier_opens_speaks_with_an_unlisted_verb(group, scope):
    # 'the protesters chanted' spoke, 'some protesters chanted' did not.
    text = f'"The square is ours," {group} chanted.'
    assert _one(text, scope) == ("direct", "The square is ours", group, "chanted")


@pytest.mark.parametrize("verb", ["write", "argue", "warn", "insist", "say"])
@pytest.mark.parametrize("scope", SCOPES)
def test_a_plural_subjects_present_tense_after_a_quote_is_its_cue(verb, scope):
    # 'writes' was a cue and 'write' was not: the quote had no speaker.
    text = f'"The count was wrong," the two {verb}.'
    assert _one(text, scope) == ("direct", "The count was wrong", "the two", verb)
