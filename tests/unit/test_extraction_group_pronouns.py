"""'We' or 'they' with no group named before still says what follows: an unnamed group
speaks, and the quote's mention is the pronoun (issue 14). Each test fails with the rules
as they were before its fix; the sentences are ours."""

import pytest

from articles.extraction import Scope, extract_quotes


@pytest.mark.parametrize("scope", [Scope.CLAUSES, Scope.WIDE])
@pytest.mark.parametrize(
    ("text", "start", "pronoun"),
    [
        (
            "The ferry timetable is set. We believe six crossings a day are enough for the island.",
            "six crossings",
            "We",
        ),
        (
            "The harbour fees rose again. Unless the towns cut their costs, they warn, the "
            "old quay will close.",
            "the old quay",
            "they",
        ),
    ],
)
def test_a_group_pronoun_with_no_group_before_is_the_speaker(text, start, pronoun, scope):
    quote = next(q for q in extract_quotes(text, scope=scope) if q.text.startswith(start))
    assert text[quote.speaker_start : quote.speaker_end] == pronoun
