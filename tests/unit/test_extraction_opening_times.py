"""A phrase of time that opens a sentence with no comma ('Late on Sunday …', 'Early
Tuesday …') is no one: the name after it is the subject. Each test fails with the rules
as they were before its fix (issue 14); the sentences are ours."""

import pytest

from articles.extraction import Scope, extract_quotes


def _speakers(text, scope):
    return [q.speaker for q in extract_quotes(text, scope=scope)]


@pytest.mark.parametrize("scope", [Scope.CLAUSES, Scope.WIDE])
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Late on Sunday Ms. Rannveig Holt put out a short note, writing that the "
            "ferry contract had been signed in secret.",
            "Rannveig Holt",
        ),
        (
            "Early on Thursday Mr. Brask sent the council a letter, arguing that the "
            "toll would hurt small farms.",
            "Brask",
        ),
    ],
)
def test_a_time_phrase_before_a_titled_name_is_not_the_speaker(scope, text, speaker):
    assert _speakers(text, scope) == [speaker]


def test_a_comma_before_a_participle_ends_no_opening_phrase():
    # The wide scope took the comma before 'writing' for the end of the phrase that
    # 'On' opens, and looked for the subject after it.
    # The wide scope also takes what was posted ('a long reply'), the same speaker's.
    text = "On Tuesday Mrs. Alvhild Nesse posted a long reply, writing that the audit was flawed."
    assert set(_speakers(text, Scope.WIDE)) == {"Alvhild Nesse"}
