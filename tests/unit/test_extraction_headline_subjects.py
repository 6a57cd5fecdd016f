"""A headline in Title Case capitalises its verbs and adverbs too: the speaker's name
ends before a word no name holds (issue 14). The headlines are ours."""

import pytest

from articles.extraction import Scope, extract_quotes

_BODY = "\nThe council met on Monday. Ms. Varga said the vote was fully expected."


def _headline_speakers(headline, scope):
    text = headline + _BODY
    return [
        q.speaker or q.speaker_description
        for q in extract_quotes(text, scope=scope)
        if q.start < len(headline)
    ]


@pytest.mark.parametrize("scope", [Scope.CLAUSES, Scope.WIDE])
def test_a_headline_subject_ends_before_a_preposition(scope):
    # 'Varga To Farmers' was the speaker of the content after the colon.
    assert _headline_speakers(
        "Varga To Farmers Worried About Tolls: The Ferry Will Stay", scope
    ) == ["Varga"]


def test_a_headline_subject_ends_before_an_adverb_the_article_writes_in_lower_case():
    headline = "Ilona Varga Fully Backed Tolls When She Became Mayor"
    assert _headline_speakers(headline, Scope.WIDE) == ["Ilona Varga"]


def test_a_headline_subject_ends_before_an_adverb_before_its_verb():
    headline = "Ilona Varga Just Got Asked About Tolls – Her Answer Might Anger Everyone"
    assert _headline_speakers(headline, Scope.WIDE) == ["Ilona Varga"]


def test_a_name_with_of_in_a_headline_stays_whole():
    headline = "Bank of Brennock Says Ferry Tolls Will Rise In May"
    assert _headline_speakers(headline, Scope.WIDE) == ["Bank of Brennock"]


_GROUP_BODY = (
    "\nThe council met on Monday, and angry ferry workers and islanders filled the hall."
    " Kit Varga said the vote was expected."
)


@pytest.mark.parametrize("scope", [Scope.CLAUSES, Scope.WIDE])
def test_a_headline_adverb_the_article_never_repeats_ends_a_group_subject(scope):
    # 'Islanders Bitterly' was a person's name: the adverb is in the headline only.
    quotes = [
        q
        for q in extract_quotes(
            "Islanders Bitterly Say The Ferry Toll Will Empty Their Villages" + _GROUP_BODY,
            scope=scope,
        )
        if q.start < 60
    ]
    assert quotes
    assert all(q.speaker is None for q in quotes)
    assert [q.speaker_description for q in quotes] == ["Islanders"]


@pytest.mark.parametrize("scope", [Scope.CLAUSES, Scope.WIDE])
def test_a_headline_run_of_common_words_names_no_one(scope):
    # 'Angry Ferry Workers' was a name: each word is one the article writes in lower case.
    headline = "Angry Ferry Workers Warn That The Toll Will Empty Brindle Villages"
    quotes = [q for q in extract_quotes(headline + _GROUP_BODY, scope=scope) if q.start < 70]
    assert quotes
    assert all(q.speaker is None for q in quotes)


@pytest.mark.parametrize("scope", [Scope.CLAUSES, Scope.WIDE])
def test_a_surname_in_ly_after_a_first_name_stays_in_the_headline_name(scope):
    headline = "Dara Connolly Says The Ferry Toll Will Empty Brindle Villages"
    assert _headline_speakers(headline, scope) == ["Dara Connolly"]


@pytest.mark.parametrize("scope", [Scope.CLAUSES, Scope.WIDE])
def test_a_headline_name_of_common_words_after_a_first_name_stays_a_name(scope):
    # 'Rose Banks' was read as a group ('rose banks'): both words are also common words.
    text = (
        "Rose Banks Says The Ferry Toll Will Rise\n"
        "The toll rose again and the banks paid the levy. Banks said the vote was close."
    )
    quotes = extract_quotes(text, scope=scope)
    assert [q.speaker for q in quotes if q.start < 40] == ["Rose Banks"]
    assert [q.speaker for q in quotes if q.start > 40] == ["Rose Banks"]
