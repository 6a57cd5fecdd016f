"""A news page's HTML to the text annotators see: main text only, paragraphs kept, the
headline not repeated, metadata read, the raw HTML's hash kept (pages written for the
tests in tests/data/pages)."""

import hashlib
from pathlib import Path

import pytest

from articles.exchange.records import record_from_mapping
from articles.ingest.pages import PageError, read_page

PAGES = Path(__file__).resolve().parents[1] / "data" / "pages"


def page(name: str, **options):
    return read_page((PAGES / name).read_bytes(), url=f"https://news.example/{name}", **options)


def test_the_main_text_keeps_its_paragraphs_and_leaves_the_site_out():
    ferry = page("ferry-cuts.html")
    paragraphs = ferry.text.split("\n\n")
    assert paragraphs[0].startswith("The regional ferry operator says")
    assert "– We cannot run empty boats at a loss for another season" in paragraphs[1]
    assert paragraphs[-1].startswith("Residents on the outer islands")
    for boilerplate in ("Home", "Subscribe", "All rights reserved", "Photo: Coastal Courier"):
        assert boilerplate not in ferry.text


def test_the_headline_is_the_title_and_not_the_first_paragraph():
    ferry = page("ferry-cuts.html")
    assert ferry.title == "Ferry operator warns of winter cuts"
    assert not ferry.text.startswith(ferry.title)


def test_metadata_comes_from_meta_tags_or_json_ld():
    ferry, bridge = page("ferry-cuts.html"), page("bridge-nb.html")
    assert (ferry.outlet, ferry.author, ferry.published_at, ferry.language) == (
        "Coastal Courier",
        "Ingrid Solvang",
        "2026-11-18",
        "en",
    )
    assert (bridge.outlet, bridge.author, bridge.published_at, bridge.language) == (
        "Fjordposten",
        "Kari Nesheim",
        "2026-10-02",
        "nb-NO",
    )
    assert "informasjonskapsler" not in bridge.text  # the cookie banner
    assert "Les også" not in bridge.text


def test_the_raw_html_is_traceable_by_its_hash():
    raw = (PAGES / "bridge-nb.html").read_bytes()
    assert page("bridge-nb.html").html_sha256 == hashlib.sha256(raw).hexdigest()


def test_a_page_without_an_article_is_refused_with_a_reason():
    with pytest.raises(PageError, match="characters of text found"):
        page("empty-shell.html")


def test_a_page_becomes_a_valid_import_record():
    bridge = page("bridge-nb.html")
    record = record_from_mapping(bridge.as_record(), path=bridge.url, line=1)
    assert record.text == bridge.text
    assert record.published_at.date().isoformat() == "2026-10-02"
    assert record.metadata["source"]["html_sha256"] == bridge.html_sha256
