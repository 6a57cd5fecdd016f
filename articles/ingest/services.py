"""Writes of ingestion: a fetched page imported with its raw HTML kept, and a feed polled
so that each of its items is imported once (by URL, and by text like every import)."""

from dataclasses import dataclass, field
from urllib.parse import urlsplit

import feedparser
from django.db import transaction
from django.utils import timezone

from articles.exchange.importing import ImportProblem, import_articles
from articles.exchange.records import InvalidRecord, record_from_mapping, text_sha256
from articles.ingest.fetching import (
    FetchError,
    FetchPolicy,
    HostPacing,
    allowed_by_robots,
    fetch,
)
from articles.ingest.models import Feed, FeedEntry, PageSource
from articles.ingest.pages import Page, PageError, read_page
from articles.models import Article

MAX_ITEMS_PER_POLL = 100  # a feed's newest; a first poll of a long archive waits its turn


class PageRefused(ValueError):
    """A page that cannot become an article, with the reason a user can act on."""


@dataclass
class PageImport:
    article: Article
    created: bool  # False: the project had this text already


def fetch_page(url: str, *, policy: FetchPolicy, pacing: HostPacing | None = None):
    """Fetch ``url`` politely and read it; ``(page, fetched)`` or ``PageRefused``."""
    if pacing is not None:
        pacing.wait(urlsplit(url).hostname or "")
    try:
        if not allowed_by_robots(url, policy=policy):
            raise PageRefused("robots.txt disallows it")
        fetched = fetch(url, policy=policy)
        return read_page(fetched.body, url=url), fetched
    except (FetchError, PageError) as error:
        raise PageRefused(getattr(error, "message", str(error))) from None


def import_page(*, project, page: Page, html: bytes, final_url: str = "", actor=None) -> PageImport:
    """Import ``page`` into ``project`` and keep its raw HTML; a text the project has
    already is not imported again (its article is returned). Atomic."""
    try:
        record = record_from_mapping(page.as_record(), path=page.url or "page", line=0)
    except InvalidRecord as error:
        raise PageRefused(f"{error.field or 'page'}: {error.message}") from None
    with transaction.atomic():
        try:
            result = import_articles(project=project, records=[record], actor=actor)
        except ImportProblem as problem:
            raise PageRefused("; ".join(str(e) for e in problem.errors)) from None
        article = Article.objects.get(project=project, text_sha256=text_sha256(record.text))
        if result.created:
            PageSource.objects.create(
                article=article,
                url=page.url,
                final_url=final_url or page.url,
                html_sha256=page.html_sha256,
                html_zlib=PageSource.compress(html),
                html_bytes=len(html),
                extractor=page.as_record()["metadata"]["source"]["extractor"],
            )
    return PageImport(article=article, created=bool(result.created))


@dataclass
class PollResult:
    imported: int = 0
    duplicates: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)


def poll_feed(*, feed: Feed, policy: FetchPolicy, pacing: HostPacing | None = None) -> PollResult:
    """Read ``feed`` and import each item not seen before; each item is recorded once,
    imported, a duplicate text or failed (with the reason). Items are independent: one
    failing item does not undo the others."""
    result = PollResult()
    try:
        body = fetch(feed.url, policy=policy).body
    except FetchError as error:
        _polled(feed, error=error.message)
        raise PageRefused(error.message) from None
    parsed = feedparser.parse(body)
    if parsed.bozo and not parsed.entries:
        _polled(feed, error=f"not a readable RSS or Atom feed ({parsed.bozo_exception})")
        raise PageRefused(feed.last_error)
    links = [entry.get("link", "").strip() for entry in parsed.entries[:MAX_ITEMS_PER_POLL]]
    seen = set(feed.entries.filter(url__in=links).values_list("url", flat=True))
    for url in dict.fromkeys(link for link in links if link and link not in seen):
        try:
            page, fetched = fetch_page(url, policy=policy, pacing=pacing)
            made = import_page(
                project=feed.project, page=page, html=fetched.body, final_url=fetched.final_url
            )
        except PageRefused as refusal:
            FeedEntry.objects.create(
                feed=feed, url=url, status=FeedEntry.Status.FAILED, error=str(refusal)
            )
            result.failed += 1
            result.errors.append(f"{url}: {refusal}")
            continue
        status = FeedEntry.Status.IMPORTED if made.created else FeedEntry.Status.DUPLICATE
        FeedEntry.objects.create(feed=feed, url=url, status=status, article=made.article)
        if made.created:
            result.imported += 1
        else:
            result.duplicates += 1
    if not feed.title and parsed.feed.get("title"):
        feed.title = parsed.feed["title"][:300]
    _polled(feed, error="")
    return result


def _polled(feed: Feed, *, error: str) -> None:
    feed.last_polled_at, feed.last_error = timezone.now(), error
    feed.save(update_fields=["last_polled_at", "last_error", "title"])
