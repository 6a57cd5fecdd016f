"""The extraction engine's kept answers say what computing them again would: each memo
against the function it spares, on our gold set's prose and on interleaved calls."""

from articles.extraction import clause_shapes, cues
from tests.gold_texts import gold_texts


def _sentences() -> list[list[cues.Token]]:
    """The tokens of each line of the gold set's texts: runs of many sentences, which
    ask the look-back about words far from the cue too."""
    return [
        cues.tokens(text, start, start + len(line))
        for text in gold_texts()
        for start, line in _lines(text)
        if line.strip()
    ]


def _lines(text: str) -> list[tuple[int, str]]:
    lines, at = [], 0
    for line in text.split("\n"):
        lines.append((at, line))
        at += len(line) + 1
    return lines


def test_skip_auxiliaries_kept_answers_are_those_computed():
    """Asked in any order, for one sentence and then another and back again, the kept
    answers are the look-back's own."""
    sentences = _sentences()
    assert len(sentences) > 100
    asked = 0
    for sentence, other in zip(sentences, sentences[1:] + sentences[:1], strict=True):
        # Back from the end, then scattered (a stride prime to most lengths), then again.
        n = len(sentence) + 1
        indices = [*range(n - 1, -1, -1), *((i * 7) % n for i in range(n))]
        for i in indices:
            assert clause_shapes.skip_auxiliaries(sentence, i) == (
                clause_shapes._skip_auxiliaries(sentence, i)
            )
            asked += 1
        if other:
            last = len(other) - 1
            assert clause_shapes.skip_auxiliaries(other, last) == (
                clause_shapes._skip_auxiliaries(other, last)
            )
        # An equal list made anew is asked about afresh, and answered alike.
        copy = list(sentence)
        for i in indices[:5]:
            assert clause_shapes.skip_auxiliaries(copy, i) == (
                clause_shapes._skip_auxiliaries(sentence, i)
            )
    assert asked > 10_000


def test_skip_auxiliaries_answers_a_new_sentence_not_the_last_one():
    """Two sentences whose cue stands at the same index: each gets its own answer."""
    first_text = "Officials have repeatedly said it"
    second_text = "The quiet baker Lund said it"
    first = cues.tokens(first_text, 0, len(first_text))
    second = cues.tokens(second_text, 0, len(second_text))
    assert first[3][2] == "said"
    assert second[3][2] == "Lund"
    assert clause_shapes.skip_auxiliaries(first, 3) == 1
    assert clause_shapes.skip_auxiliaries(second, 3) == 3
    assert clause_shapes.skip_auxiliaries(first, 3) == 1
