"""Two people who say something together ('Berg and Lund said …'): a quote has one
speaker, the second; the first stays someone the registry knows, and is no part of the
second's description. The description tests fail with the rules as they were before
their fix (issue 14, round 20). The sentences are ours."""

import pytest

from articles.extraction import Scope, extract_quotes, extract_speakers

SCOPES = [Scope.CLAUSES, Scope.WIDE]


def _descriptions(text):
    return {s.name: s.description for s in extract_speakers(text)}


def test_the_first_of_two_subjects_is_no_description_of_the_second():
    # 'Anna Berg and' was taken for Ivar Lund's description.
    text = "The ferry board met on Monday. “The tolls will rise,” Anna Berg and Ivar Lund said."
    assert _descriptions(text) == {"Ivar Lund": ""}


@pytest.mark.parametrize("scope", SCOPES)
def test_the_first_subjects_title_gives_the_second_no_gender(scope):
    # 'Mrs. Berg and' made Ivar Lund a woman, so a later 'he' found no one.
    text = (
        "The ferry board met on Monday. “The tolls will rise,” Mrs. Berg and Ivar Lund "
        "said. “We have no choice,” he said."
    )
    quotes = extract_quotes(text, scope=scope)
    assert [(q.text, q.speaker) for q in quotes] == [
        ("The tolls will rise", "Ivar Lund"),
        ("We have no choice", "Ivar Lund"),
    ]


def test_according_to_is_no_description_of_the_source():
    text = "The ferry board met on Monday. According to Ivar Lund, the tolls will rise in spring."
    assert _descriptions(text) == {"Ivar Lund": ""}


@pytest.mark.parametrize("scope", SCOPES)
def test_the_first_of_two_speakers_stays_known(scope):
    # Only the second speaks the joint quote, but a later surname or pronoun finds the first.
    text = (
        "The ferry board met on Monday. “The tolls will rise,” Anna Berg and Ivar Lund "
        "said. Berg later added that the board would meet again. “We will manage,” she said."
    )
    speakers = [q.speaker for q in extract_quotes(text, scope=scope)]
    assert speakers[1:] == ["Anna Berg", "Anna Berg"]
    assert ("Berg",) in [s.aliases for s in extract_speakers(text)]
