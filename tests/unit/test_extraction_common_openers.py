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


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Mr. Harding said the ferry would stop running in winter.", "Harding"),
        ("“The ferry will stop in winter,” Dr. Harding said.", "Harding"),
        (
            "Harding, the ferry captain, said the crossing would stop in winter. "
            "Mr. Harding has run the route for years.",
            "Harding",
        ),
    ],
)
def test_a_name_after_a_title_stop_opens_no_sentence(text, speaker):
    quotes = extract_quotes(text)
    assert quotes
    assert speaker in (quotes[0].speaker or "")


def test_a_word_that_opens_a_quotation_is_no_name():
    text = (
        "The coach said “Lingering is not an option.” "
        "Lingering suggests that the club has lost its nerve."
    )
    speakers = {q.speaker for q in extract_quotes(text)}
    assert "Lingering" not in speakers
