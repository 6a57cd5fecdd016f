"""A name that ends a short phrase of place opening the sentence ('Here in Vestby,') is
no speaker: the clause after its comma has the subject, whose participle or cue leads
into the quotation."""

import pytest

from articles.extraction import extract_quotes


def _speaker(text, content):
    return next(q for q in extract_quotes(text) if content in q.text).speaker


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "The vote is near. Here in Vestby, Lund stepped up his talk of housing, "
            'saying, "We have to build more homes."',
            "We have to build more homes.",
            "Lund",
        ),
        (
            "The ferry was late again. There in Dunmore, Kari Holt waved at the crowd, "
            'adding: "The port will stay open."',
            "The port will stay open.",
            "Kari Holt",
        ),
    ],
)
def test_the_subject_follows_an_opening_phrase_of_place(text, content, speaker):
    assert _speaker(text, content) == speaker


def test_a_name_opening_the_sentence_still_speaks():
    text = 'The vote is near. In Vestby, Lund, a farmer, said: "We have to build more."'
    assert _speaker(text, "We have to build more.") == "Lund"
