"""A reported content of the clauses scope ends where another speaker's own attribution
begins after a clause break, so that both attributions come out with their speakers."""

import pytest

from articles.extraction import extract_quotes


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        (
            "Solberg said the harbour fees were fair, while Haugland argued that they "
            "would drive the ferries away.",
            ("the harbour fees were fair", "Solberg"),
            ("they would drive the ferries away", "Haugland"),
        ),
        (
            "Vik said the bridge would be repaired by autumn, whereas Nygaard insisted it "
            "had to be torn down.",
            ("the bridge would be repaired by autumn", "Vik"),
            ("it had to be torn down", "Nygaard"),
        ),
        (
            "Dahl told the council the school would stay open, while Strand warned that "
            "the budget could not carry it.",
            ("the school would stay open", "Dahl"),
            ("the budget could not carry it", "Strand"),
        ),
    ],
)
def test_a_content_ends_before_a_second_speakers_attribution(text, first, second):
    found = [(q.text, q.speaker) for q in extract_quotes(text)]
    assert first in found
    assert second in found
