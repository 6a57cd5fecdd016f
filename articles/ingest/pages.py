"""A news page's HTML to the article we annotate, with trafilatura. No Django imports.

trafilatura finds the main text (navigation, footers, "related" boxes and photo
captions left out) and the metadata (its htmldate reads the publication date from the
page's meta tags, JSON-LD or text). What we add: paragraphs separated by a blank line as
in every other article, the headline not repeated as the first paragraph, the language
from ``<html lang>``, and the SHA-256 of the raw HTML so the extraction can be redone and
audited against the page it came from.
"""

from __future__ import annotations

import functools
import hashlib
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")
# Below this, what was found is a menu or a teaser, not an article (shortest wire briefs
# run to a few hundred characters).
MIN_TEXT_CHARS = 80


class PageError(ValueError):
    """The HTML holds no article text we can use."""


@dataclass(frozen=True)
class Page:
    """The article a page holds, as an import record takes it."""

    title: str
    text: str
    url: str
    outlet: str
    author: str
    published_at: str  # ISO 8601 date, or ""
    language: str
    html_sha256: str

    def as_record(self) -> dict:
        """The page as an import record (records.py's fields), its source in metadata."""
        return {
            "title": self.title,
            "text": self.text,
            "url": self.url,
            "outlet": self.outlet,
            "author": self.author,
            "published_at": self.published_at or None,
            "language": self.language,
            "metadata": {"source": {"html_sha256": self.html_sha256, "extractor": _extractor()}},
        }


@functools.cache
def _extractor() -> str:
    import trafilatura

    return f"trafilatura {trafilatura.__version__}"


def read_page(html: bytes | str, *, url: str = "", min_chars: int = MIN_TEXT_CHARS) -> Page:
    """The article in ``html`` (fetched from ``url``; a saved page names its own with a
    canonical link); raise ``PageError`` when it has no main text of ``min_chars``."""
    # trafilatura is imported by the first page read, not at every process's start (about
    # 60 ms, with lxml and its date and URL helpers).
    import trafilatura

    raw = html.encode("utf-8") if isinstance(html, str) else html
    document = trafilatura.bare_extraction(
        raw,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        favor_precision=True,
    )
    if document is None or not (document.text or "").strip():
        raise PageError("no article text found in the page")
    title = (document.title or "").strip()
    paragraphs = [line.strip() for line in document.text.splitlines() if line.strip()]
    if paragraphs and paragraphs[0] == title:
        paragraphs = paragraphs[1:]
    text = "\n\n".join(paragraphs)
    if len(text) < min_chars:
        raise PageError(
            f"only {len(text)} characters of text found (at least {min_chars} make an "
            "article): is this an article page?"
        )
    return Page(
        title=title or paragraphs[0][:200],
        text=text,
        url=url or document.url or "",
        outlet=(document.sitename or urlsplit(url or document.url or "").hostname or "")[:200],
        author=(document.author or "").strip()[:200],
        published_at=document.date or "",
        language=_language(trafilatura.load_html(raw)),
        html_sha256=hashlib.sha256(raw).hexdigest(),
    )


def _language(tree) -> str:
    value = (tree.get("lang") or "").strip() if tree is not None else ""
    return value if _LANGUAGE.match(value) else ""
