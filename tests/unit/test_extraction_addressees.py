"""Whom a cue of telling addresses is no part of what was told, nor is a circumstance
after it; and an abbreviation such as 'U.S.' ends a sentence before a new one's opener."""

import pytest

from articles.extraction import Scope, extract_quotes
from articles.extraction.paragraphs import SENTENCE_END


def _quotes(text, scope):
    return [(q.text, q.speaker) for q in extract_quotes(text, scope=scope)]


@pytest.mark.parametrize("scope", [Scope.CLAUSES, Scope.WIDE])
def test_a_clause_before_told_and_its_audience_is_what_was_told(scope):
    text = "The harbour deal is finished, Mirela Osk told her advisers as she left the hall."
    assert ("The harbour deal is finished", "Mirela Osk") in _quotes(text, scope)
    assert not [t for t, _ in _quotes(text, scope) if "advisers" in t]


@pytest.mark.parametrize("scope", [Scope.CLAUSES, Scope.WIDE])
def test_what_was_told_starts_after_the_addressee_and_its_comma(scope):
    text = "Tomas Varga told the Fjordby Courier, the toll board would meet again in June."
    assert _quotes(text, scope) == [("the toll board would meet again in June", "Tomas Varga")]


@pytest.mark.parametrize("scope", [Scope.CLAUSES, Scope.WIDE])
@pytest.mark.parametrize(
    ("text", "told"),
    [
        ("Tomas Varga told the Fjordby Courier they would reopen the pier.", "they would"),
        ("Idun Matsson told her staff she would not run for the county seat.", "she would"),
    ],
)
def test_what_was_told_starts_at_the_subject_after_the_addressee(scope, text, told):
    [(content, _)] = _quotes(text, scope)
    assert content.startswith(told)


def _sentences(text):
    ends = [m.end() for m in SENTENCE_END.finditer(text)]
    return [text[a:b].strip() for a, b in zip([0, *ends], ends, strict=False)]


def test_an_abbreviation_before_a_pronoun_ends_its_sentence():
    text = "The ferry was built in the U.S. She says it will sail in June."
    assert _sentences(text) == ["The ferry was built in the U.S.", "She says it will sail in June."]


@pytest.mark.parametrize(
    "text",
    [
        "The U.S. Navy towed the ferry to Varnes.",
        "Aldo Brek met U.S. Sen. Idun Matsson in Varnes.",
        "The U.S. Coast Guard said the pier was safe.",
        "Tomas R. Varga said the pier was safe.",
    ],
)
def test_an_abbreviation_before_a_name_ends_no_sentence(text):
    assert _sentences(text) == [text]


@pytest.mark.parametrize("scope", [Scope.CLAUSES, Scope.WIDE])
def test_a_speaker_after_an_abbreviation_is_read_in_the_next_sentence(scope):
    text = "Aldo Brek runs the yard. The ferry was built in the U.S. He says it will sail in June."
    assert ("it will sail in June", "Aldo Brek") in _quotes(text, scope)


@pytest.mark.parametrize("scope", [Scope.CLAUSES, Scope.WIDE])
def test_what_was_told_after_a_long_addressee_leaves_out_its_that(scope):
    text = "Idun Matsson told a Varnes lunch group of bankers that her plan remains firm."
    assert _quotes(text, scope) == [("her plan remains firm", "Idun Matsson")]


@pytest.mark.parametrize("scope", [Scope.CLAUSES, Scope.WIDE])
@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("Mirela Osk asked the harbour staff whether the ferry would sail.", "whether the"),
        ("Tomas Varga asked two councillors how the tolls were set.", "how the"),
    ],
)
def test_what_was_asked_starts_at_its_question_word_after_the_addressee(scope, text, asked):
    assert [content for content, _ in _quotes(text, scope)] == [text[text.index(asked) : -1]]


def test_what_someone_was_asked_to_do_keeps_its_addressee():
    text = "Tomas Varga asked the county board to decide whether the ferry would sail."
    assert [c for c, _ in _quotes(text, Scope.WIDE)] == [text[text.index("the county") : -1]]


def test_an_addressee_in_an_aside_is_not_what_was_told():
    # The clauses scope read the addressee and the clause's verb after it as the content.
    text = "The tunnel budget, Signe Aalvik told the Gazette, cannot survive the audit."
    quotes = _quotes(text, Scope.CLAUSES)
    assert quotes == [("The tunnel budget", "Signe Aalvik")]


@pytest.mark.parametrize("scope", [Scope.CLAUSES, Scope.WIDE])
def test_an_aside_told_to_an_outlet_of_several_words_leaves_the_outlet_out(scope):
    # A name of four words ran past the three an addressee was allowed: its last words
    # became the start of what was told.
    text = "The ferry pier, Adaeze Okoro told the Brennock Evening Gazette, cannot stay shut."
    quotes = _quotes(text, scope)
    assert ("The ferry pier", "Adaeze Okoro") in quotes
    assert not [t for t, s in quotes if "Gazette" in t or "Gazette" in (s or "")]


@pytest.mark.parametrize("scope", [Scope.CLAUSES, Scope.WIDE])
def test_an_outlet_of_several_words_then_a_comma_opens_what_was_told(scope):
    text = "Adaeze Okoro told the Brennock Evening Gazette, the ferry pier cannot stay shut."
    assert _quotes(text, scope) == [("the ferry pier cannot stay shut", "Adaeze Okoro")]


@pytest.mark.parametrize("scope", [Scope.CLAUSES, Scope.WIDE])
def test_an_aside_told_to_a_one_word_outlet_still_leaves_it_out(scope):
    text = "The ferry pier, Adaeze Okoro told Ravenport, cannot stay shut."
    quotes = _quotes(text, scope)
    assert ("The ferry pier", "Adaeze Okoro") in quotes
    assert not [t for t, _ in quotes if "Ravenport" in t]


@pytest.mark.parametrize("scope", [Scope.CLAUSES, Scope.WIDE])
def test_a_time_after_the_addressee_is_not_what_was_told_before_it(scope):
    text = "The ferry will stay in dock all winter, Sigrun Aas told the Courier earlier this week."
    assert _quotes(text, scope) == [("The ferry will stay in dock all winter", "Sigrun Aas")]


@pytest.mark.parametrize("scope", [Scope.CLAUSES, Scope.WIDE])
@pytest.mark.parametrize(
    "text",
    [
        "Sigrun Aas told the Courier earlier this week the ferry would stay in dock.",
        "Sigrun Aas said late last month the ferry would stay in dock.",
        "Sigrun Aas told reporters early on Tuesday the ferry would stay in dock.",
    ],
)
def test_a_time_opened_by_earlier_or_late_is_not_the_clause_s_start(scope, text):
    assert _quotes(text, scope) == [("the ferry would stay in dock", "Sigrun Aas")]


@pytest.mark.parametrize("scope", [Scope.CLAUSES, Scope.WIDE])
def test_only_an_addressee_and_a_time_after_told_is_no_quote(scope):
    assert _quotes("Sigrun Aas told the Courier earlier this week.", scope) == []
