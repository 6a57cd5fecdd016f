"""What annotators need not read twice or at all: a caption printed again, the site's
own text after the article; the text itself unchanged."""

from articles.annotation.highlight import Span, paragraphs, render_text
from articles.ingest.cleanup import REPEAT, SITE, marked_paragraphs

TEXT = (
    "Harbour fees will rise by a fifth next year, the port authority says.\n\n"
    "– We have no choice, says harbour master Siri Vold.\n\n"
    "FEES: The harbour in Lysvik.  Photo: Coastal Courier\n\n"
    "FEES: The harbour in Lysvik. Photo: Coastal Courier\n\n"
    "– The fishermen will pay the most, says Tor Lie.\n\n"
    "Coastal Courier\n\n"
    "Welcome to Coastal Courier, your number one source for news from the coast.\n\n"
    "Leave a Reply"
)


def marks_of(text):
    return {text[start : text.index("\n", start) if "\n" in text[start:] else None][:12]: kind
            for start, kind in marked_paragraphs(text, paragraphs(text)).items()}  # fmt: skip


def test_a_caption_printed_twice_marks_the_copy_and_site_text_closes_the_page():
    assert marks_of(TEXT) == {
        "FEES: The ha": REPEAT,
        "Coastal Cour": SITE,
        "Welcome to C": SITE,
        "Leave a Repl": SITE,
    }


def test_the_article_s_own_last_paragraph_is_never_site_text():
    text = "Fees rise.\n\n– We pay the most, says Tor Lie."
    assert marked_paragraphs(text, paragraphs(text)) == {}


def page_marks(text):
    return marked_paragraphs(text, paragraphs(text))


def test_the_copy_is_hidden_unless_a_quote_lies_in_it_and_site_text_is_named():
    html = render_text(TEXT, [], page_marks(TEXT))
    assert html.count(' class="para-repeat" hidden') == 1
    assert html.count("Site text, not the article: ") == 3
    second = TEXT.rindex("FEES: The harbour in Lysvik.")
    quoted = render_text(TEXT, [Span(1, second, second + 4, "spk-1")], page_marks(TEXT))
    assert "para-repeat" not in quoted
