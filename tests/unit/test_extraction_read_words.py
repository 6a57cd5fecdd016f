"""A sentence's words read once and handed down: the same cues as reading them again."""

from hypothesis import example, given, settings
from hypothesis import strategies as st

from articles.extraction import cues
from articles.extraction.desire_cues import wish_cues

_WORDS = [
    "Ivar", "Lund", "said", "that", "the", "board", "would", "like", "to", "plan", "plans",
    "planned", "intend", "Sigrid", "Holt", "told", "Berg", "according", ",", ".", "“", "”",
    "they", "believes", "wants", "SAID", "Says",
]  # fmt: skip


@settings(max_examples=200)
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=14), st.sampled_from([None, 0.0]))
@example(["Sigrid", "Holt", "would", "like", "to", "thank", "Berg", "."], 0.0)
def test_cues_of_words_handed_down_are_those_read_from_the_tokens(words, threshold):
    model = cues.load()
    text = " ".join(words)
    sentence = cues.tokens(text, 0, len(text))
    read = [word for _, _, word in sentence]
    scored = model.cues(sentence, threshold)
    assert model.cues(sentence, threshold, read) == scored
    assert wish_cues(sentence, scored, read) == wish_cues(sentence, scored)
