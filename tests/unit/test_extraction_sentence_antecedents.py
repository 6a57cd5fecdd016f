"""A 'he' or 'she' whose antecedent is named earlier in its own sentence, in an article
that named no one of that gender before: each test fails with the rules as they were
before the fix (issue 14). The sentences are ours, written in the style of news copy."""

from articles.extraction import Scope, extract_quotes


def _speaker_of(text, words, scope=Scope.WIDE):
    quote = next(q for q in extract_quotes(text, scope=scope) if q.text.startswith(words))
    return quote.speaker


def test_he_after_the_subject_of_his_sentence():
    text = (
        "Senator Ivar Lund has faced the hardest week of his campaign as he tries to put "
        "to rest questions about his readiness."
    )
    assert _speaker_of(text, "to put to rest") == "Ivar Lund"


def test_he_in_a_relative_clause_after_his_name():
    text = (
        "At Ivar Lund's news conference, in which he said the ferry plan would fail, "
        "nobody laughed."
    )
    assert _speaker_of(text, "the ferry plan") == "Ivar Lund"


def test_a_team_named_with_the_is_no_he():
    text = (
        "Ivar Lund led the campaign to rename the Lakeside Rovers mascot because he "
        "claimed it was offensive to fishermen."
    )
    assert _speaker_of(text, "it was offensive") == "Ivar Lund"
