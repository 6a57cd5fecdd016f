from dataclasses import dataclass, field

from articles.annotation.quote_list import render_quote_items


@dataclass
class Listed:
    id: int
    speaker_name: str = ""
    origin: str = "human"
    kind_label: str = "Direct"
    preview: str = "words"
    chips: list[tuple[str, str, str]] = field(default_factory=list)


def test_no_quotes_says_how_to_make_one():
    assert "No quotes yet" in render_quote_items([])


def test_every_quote_gets_its_own_speaker_and_chips_escaped():
    quotes = [
        Listed(1, "Ola <b>", chips=[("Plan & co", "favor", "favor")]),
        Listed(2, "", origin="suggested", chips=[("Plan & co", "favor", "favor")]),
        Listed(3, "Ola <b>", chips=[("Plan & co", "against", "against"), ("<T>", "x", "x")]),
    ]
    items = render_quote_items(quotes).split("</li>")[:-1]
    assert len(items) == 3
    assert "Ola &lt;b&gt;" in items[0]
    assert "<em>unknown</em>" in items[1]
    assert 'class="quote-item suggested"' in items[1]
    assert '<span class="badge">suggested</span>' in items[1]
    assert items[0].count('<span class="chip favor">Plan &amp; co: favor</span>') == 1
    assert items[1].count('<span class="chip favor">Plan &amp; co: favor</span>') == 1
    assert '<span class="chip against">Plan &amp; co: against</span>' in items[2]
    assert '<span class="chip x">&lt;T&gt;: x</span>' in items[2]
    html = "".join(items)
    assert "<b>" not in html
    assert "<T>" not in html
