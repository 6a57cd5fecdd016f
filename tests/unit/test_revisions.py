"""Re-anchoring quotes onto a revised article: kept where the words survive (even moved,
even beside emoji and combining marks), lost where they changed, never onto other text."""

import pytest

from articles.ingest.revisions import Anchored, Lost, reanchor

OLD = (
    "The ferry will stop in January.\n\n"
    "– We cannot run empty boats, says Marte Lindqvist.\n\n"
    "Per Aune believes that the operator is exaggerating.\n\n"
    "Zoe\u0301 🙂 says the islands need the boat."
)


def span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def test_spans_follow_inserted_and_removed_text():
    new = "UPDATED 10:42. " + OLD.replace("in January", "in late January")
    quotes = ["We cannot run empty boats", "the operator is exaggerating", "the islands need"]
    results = reanchor(OLD, new, [span(OLD, q) for q in quotes])
    for quote, result in zip(quotes, results, strict=True):
        assert isinstance(result, Anchored)
        assert new[result.start : result.end] == quote
        assert not result.moved


def test_a_quote_whose_words_changed_is_lost_not_moved_onto_other_words():
    new = OLD.replace("We cannot run empty boats", "We will not run empty boats")
    (result,) = reanchor(OLD, new, [span(OLD, "We cannot run empty boats")])
    assert result == Lost("its words are not in the revised text")


def test_a_paragraph_moved_elsewhere_is_found_and_marked_moved():
    paragraphs = OLD.split("\n\n")
    new = "\n\n".join([paragraphs[0], paragraphs[3], paragraphs[2], paragraphs[1]])
    (result,) = reanchor(OLD, new, [span(OLD, "We cannot run empty boats")])
    assert isinstance(result, Anchored)
    assert new[result.start : result.end] == "We cannot run empty boats"


def test_offsets_are_code_points_beside_emoji_and_combining_marks():
    new = OLD.replace("Zoe\u0301 🙂", "Zoe\u0301 🙂🙂")
    (result,) = reanchor(OLD, new, [span(OLD, "the islands need the boat")])
    assert isinstance(result, Anchored)
    assert new[result.start : result.end] == "the islands need the boat"


def test_a_repeated_phrase_goes_to_the_occurrence_nearest_its_place():
    old = "Yes, says Odd. Later: yes, says Odd. And: Yes, says Odd."
    new = "Intro. " + old
    third = old.rindex("Yes, says Odd")
    (result,) = reanchor(old, new, [(third, third + len("Yes, says Odd"))])
    assert result.start == len("Intro. ") + third


def test_a_span_outside_the_old_text_is_refused():
    with pytest.raises(ValueError, match="outside the old text"):
        reanchor("short", "short", [(2, 99)])
