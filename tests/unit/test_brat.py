"""brat standoff reading (articles.exchange.brat) on texts we made up."""

import pytest

from articles.exchange.brat import BratError, attributions, kind_of, read_document

TEXT = (
    "Officials say the bridge will close in May.\n\n"
    "“We have no other choice,” the mayor said, “and we are sorry.”\n\n"
    "The council believes that the repairs will take a year."
)


def _ann(*lines: str) -> str:
    return "\n".join(lines) + "\n"


def _span(label: str, start: int, end: int, number: int, text: str = TEXT) -> str:
    return f"T{number}\t{label} {start} {end}\t{text[start:end]}"


def test_an_attribution_event_becomes_a_quote_with_speaker_and_cue():
    content = TEXT.index("the bridge"), TEXT.index(" May.") + 5
    ann = _ann(
        _span("Source", 0, 9, 1),
        _span("Cue", 10, 13, 2),
        _span("Content", *content, 3),
        _span("Attribution", 10, 13, 4),
        "E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3",
        "#1\tAnnotatorNotes T1\ta note is ignored",
    )
    (quote,) = attributions(read_document(ann, TEXT))
    assert quote["text"] == "the bridge will close in May."
    assert quote["speaker"] == "Officials"
    assert (quote["speaker_start"], quote["speaker_end"]) == (0, 9)
    assert TEXT[quote["cue_start"] : quote["cue_end"]] == "say"
    assert quote["kind"] == "indirect"


def test_discontinuous_content_around_the_speaker_stays_two_quotes():
    first = TEXT.index("We have"), TEXT.index(" choice,") + 7
    second = TEXT.index("and we"), TEXT.index("sorry.") + 6
    ann = _ann(
        f"T1\tContent {first[0]} {first[1]};{second[0]} {second[1]}\t"
        f"{TEXT[first[0] : first[1]]} {TEXT[second[0] : second[1]]}",
        _span("Source", TEXT.index("the mayor"), TEXT.index(" said,"), 2),
        _span("Cue", TEXT.index("said,"), TEXT.index("said,") + 4, 3),
        _span("Attribution", TEXT.index("said,"), TEXT.index("said,") + 4, 4),
        "E1\tAttribution:T4 Content:T1 Source:T2 Cue:T3",
    )
    quotes = attributions(read_document(ann, TEXT))
    assert [q["text"] for q in quotes] == ["We have no other choice", "and we are sorry."]
    assert {q["kind"] for q in quotes} == {"direct"}
    assert {q["speaker"] for q in quotes} == {"the mayor"}


def test_fragments_split_only_by_punctuation_are_joined():
    text = "“Never,” “ever.”"
    ann = _ann("T1\tContent 1 7;10 15\tNever, ever.", "E1\tAttribution:T1 Content:T1")
    (quote,) = attributions(read_document(ann, text))
    assert (quote["start"], quote["end"]) == (1, 15)


def test_an_event_without_a_source_gives_a_quote_without_speaker():
    start = TEXT.index("the repairs")
    ann = _ann(
        _span("Content", start, len(TEXT), 1),
        _span("Attribution-no-source", start - 5, start - 1, 2),
        "E1\tAttribution-no-source:T2 Content:T1",
    )
    (quote,) = attributions(read_document(ann, TEXT))
    assert quote["speaker"] is None
    assert quote["cue_start"] is None


def test_a_span_across_a_line_break_continues_on_the_next_line_of_the_file():
    text = "He said it was over.\nWe left."
    ann = _ann(
        "T1\tContent 8 29\tit was over.",
        "We left.",
        "T2\tSource 0 2\tHe",
        "E1\tAttribution:T1 Content:T1 Source:T2",
    )
    document = read_document(ann, text)
    assert set(document.spans) == {"T1", "T2"}
    assert attributions(document)[0]["speaker"] == "He"


@pytest.mark.parametrize(
    ("ann", "message"),
    [
        ("T1\tSource 0 9\tOfficial\n", "differs from the text at 0 9"),
        ("T1\tSource 0 9999\tx\n", "outside the text"),
        ("T1\tSource zero 9\tx\n", "not two numbers"),
        ("X1\tsomething\n", "unknown annotation"),
        ("E1\tAttribution:T9 Content:T8\n", "names T8"),
        ("E1\tAttribution:T9 Content\n", "is not ROLE:ID"),
    ],
)
def test_bad_lines_are_refused_with_file_and_line(ann, message):
    with pytest.raises(BratError) as raised:
        read_document(ann, TEXT, source="story.ann")
    assert str(raised.value).startswith("story.ann:1: ")
    assert message in str(raised.value)


def test_kind_follows_the_quotation_marks():
    text = "He said “we will win” and that taxes will fall, “a lot,” soon."
    assert kind_of(text, text.index("“we"), text.index(" and")) == "direct"
    assert kind_of(text, text.index("we will"), text.index("”")) == "direct"
    assert kind_of(text, text.index("taxes"), len(text)) == "mixed"
    assert kind_of(text, text.index("taxes"), text.index(", “a")) == "indirect"


def test_two_apostrophes_are_quotation_marks():
    text = "He said ''we will win'' and left."
    assert kind_of(text, text.index("''we"), text.index(" and")) == "direct"
    assert kind_of(text, text.index("we will"), text.index("'' and")) == "direct"
