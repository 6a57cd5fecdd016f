"""A capitalised word that opens a sentence is no speaker's name when it is a gerund, a
participle, an adverb, a determiner or an indefinite pronoun, even where the article
never writes it in lower case. Each test fails with the rules as they were before its
fix (issue 14); the sentences are ours."""

import pytest

from articles.extraction import Scope, extract_quotes


@pytest.mark.parametrize("scope", [Scope.CLAUSES, Scope.WIDE])
@pytest.mark.parametrize(
    "text",
    [
        "Lingering doubts among harbour pilots suggest that the new quay is too short.",
        "Everyone at the toll office thinks that the bridge can open in May.",
        "Another wrote that the Fjordby mayor had misled the council about the tunnel.",
    ],
)
def test_a_capitalised_opening_word_is_no_speaker(scope, text):
    speakers = [q.speaker for q in extract_quotes(text, scope=scope)]
    assert speakers
    assert not {"Lingering", "Everyone", "Another"} & set(speakers)
