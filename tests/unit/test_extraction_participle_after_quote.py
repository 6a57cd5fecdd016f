"""A present participle after quoted words ('“Bergen values,” saying the city …') has
no subject after it: whoever the sentence names before the quotation says it, not the
phrase that opens the participle's own clause."""

import pytest

from articles.extraction import extract_quotes


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            "Kari Holt has delivered a fierce defense of “Bergen values,” saying the city "
            "embodied the “heart of the west coast.”",
            "Bergen values",
            "Kari Holt",
        ),
        (
            "Ivar Lund spoke at the harbour. At the same time, Lund remarked that there is "
            "still “more work to do,” noting weak ferry sales in Vestby and Bergen.",
            "more work to do",
            "Ivar Lund",
        ),
    ],
)
def test_the_sentence_subject_says_the_words_before_a_participle(text, words, speaker):
    quote = next(q for q in extract_quotes(text) if q.text == words)
    assert quote.speaker == speaker
