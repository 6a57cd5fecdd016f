import re

from articles.annotation.highlight import Span, paragraphs, render_text

SPAN_RE = re.compile(r'<span data-s="(\d+)" data-e="(\d+)"([^>]*)>(.*?)</span>', re.S)


def spans_of(html):
    return [(int(s), int(e), attrs, body) for s, e, attrs, body in SPAN_RE.findall(html)]


def test_paragraphs_skip_line_breaks_and_blank_lines():
    text = "One\r\n\r\nTwo\n\nThree"
    assert [text[s:e] for s, e in paragraphs(text)] == ["One", "Two", "Three"]


def test_segments_cover_every_paragraph_character_exactly_once():
    text = "– «Hei» 👋, sier Zoe\u0301.\r\n\r\n– Neste avsnitt."
    html = render_text(text, [Span(1, 2, 7, "spk-0"), Span(2, 3, 6, "spk-1")])
    covered = []
    for start, end, _, _ in spans_of(html):
        covered.extend(range(start, end))
    expected = [i for s, e in paragraphs(text) for i in range(s, e)]
    assert covered == expected


def test_nested_quote_shows_innermost_colour_and_depth():
    text = "abcdefghij"
    html = render_text(text, [Span(1, 0, 10, "spk-0"), Span(2, 3, 6, "spk-1", suggested=True)])
    segments = {(s, e): attrs for s, e, attrs, _ in spans_of(html)}
    assert 'class="q spk-1 depth-2 suggested"' in segments[(3, 6)]
    assert 'data-q="2 1"' in segments[(3, 6)]
    assert 'class="q spk-0 depth-1"' in segments[(0, 3)]


def test_cue_is_marked_inside_and_outside_its_quote():
    text = "– Ja, sier hun."
    html = render_text(text, [Span(7, 2, 4, "spk-0", cue_start=6, cue_end=10)])
    segments = {(s, e): attrs for s, e, attrs, _ in spans_of(html)}
    assert 'class="cue"' in segments[(6, 10)]
    assert 'data-cue="7"' in segments[(6, 10)]


def test_text_is_escaped_never_markup():
    text = '<script>alert(1)</script> <img src=x onerror="alert(2)"> hx-get="/x"'
    html = render_text(text, [Span(1, 0, 8, "spk-0")])
    assert "<script>" not in html
    assert "<img" not in html
    assert "&lt;script&gt;" in html
    assert "&lt;img" in html


def test_quote_across_paragraphs_is_split_per_paragraph():
    text = "First para.\nSecond para."
    html = render_text(text, [Span(1, 6, 18, "spk-2")])
    quoted = [(s, e) for s, e, attrs, _ in spans_of(html) if "spk-2" in attrs]
    assert quoted == [(6, 11), (12, 18)]


def test_quoted_stretches_are_marks_and_the_rest_is_not():
    text = "– Ja, sier hun."
    html = render_text(text, [Span(7, 2, 4, "spk-0", cue_start=6, cue_end=10)])
    assert (
        '<mark><span data-s="2" data-e="4" class="q spk-0 depth-1" data-q="7">Ja</span></mark>'
        in html
    )
    assert html.count("<mark>") == 1


def test_a_quote_says_whose_it_is_where_it_starts_only():
    text = "abcdefghij\nklmno"
    html = render_text(
        text,
        [
            Span(1, 0, 13, "spk-0", label="Quote by Eva <Hansen>"),
            Span(2, 3, 6, "spk-1", label="Suggested quote by Putin"),
        ],
    )
    labels = re.findall(r'<span class="visually-hidden">([^<]*)</span>', html)
    assert labels == ["Quote by Eva &lt;Hansen&gt;: ", "Suggested quote by Putin: "]
    # Each label comes right before the first stretch of its quote, inside the mark.
    assert (
        '<mark><span class="visually-hidden">Quote by Eva &lt;Hansen&gt;: </span><span data-s="0"'
        in html
    )
    assert '<span class="visually-hidden">Suggested quote by Putin: </span><span data-s="3"' in html


def test_quotes_starting_together_are_labelled_outermost_first():
    html = render_text(
        "abcdefghij",
        [Span(1, 0, 4, "spk-0", label="Quote by B"), Span(2, 0, 10, "spk-1", label="Quote by A")],
    )
    assert '<span class="visually-hidden">Quote by A: Quote by B: </span>' in html


def test_labels_stay_outside_the_offset_segments():
    text = "– «Hei» 👋, sier Zoe\u0301.\n\n– Neste avsnitt."
    html = render_text(text, [Span(1, 2, 7, "spk-0", label="Quote by Zoé")])
    segments = "".join(body for _, _, _, body in spans_of(html))
    assert segments == "".join(text[s:e] for s, e in paragraphs(text))
    assert "Quote by Zoé: " in html
