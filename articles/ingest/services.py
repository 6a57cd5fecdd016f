"""Writes of ingestion: a fetched page imported with its raw HTML kept (refused when it
is a near-duplicate of a project's article; a new version when its URL is known), and a
feed polled so that each of its items is imported once."""

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from articles.exchange.importing import ImportProblem, import_articles
from articles.exchange.records import InvalidRecord, record_from_mapping
from articles.history.record import record
from articles.ingest import similarity
from articles.ingest.fetching import (
    FetchError,
    FetchPolicy,
    HostPacing,
    allowed_by_robots,
    fetch,
)
from articles.ingest.models import (
    ArticleRevision,
    Feed,
    FeedEntry,
    PageSource,
    TextBand,
    TextFingerprint,
)
from articles.ingest.pages import Page, PageError, read_page
from articles.ingest.revisions import Anchored, reanchor
from articles.models import Article, Assignment, Quote, StanceLabel
from articles.quote_checks import stance_label_refused

MAX_ITEMS_PER_POLL = 100  # a feed's newest; a first poll of a long archive waits its turn


class PageRefused(ValueError):
    """A page that cannot become an article, with the reason a user can act on."""


class NearDuplicate(PageRefused):
    """The page is the same story as an article the project has (another outlet's copy,
    a wire text with a sentence changed): not imported twice."""

    def __init__(self, article: Article, score: float):
        super().__init__(
            f"near-duplicate of article {article.pk} {article.title!r} (similarity {score:.2f})"
        )
        self.article, self.score = article, score


def fingerprint(article: Article) -> TextFingerprint:
    """Store ``article``'s signature and bands (for later near-duplicate lookups)."""
    signature = similarity.signature(article.text)
    made = TextFingerprint.objects.create(article=article, signature=signature)
    TextBand.objects.bulk_create(
        TextBand(fingerprint=made, project_id=article.project_id, band=band, value=value)
        for band, value in enumerate(similarity.bands(signature))
    )
    return made


def nearest_duplicate(project, text: str, *, threshold: float):
    """``(article, similarity)`` of the project's fingerprinted article most like
    ``text`` at or above ``threshold``, or None."""
    signature = similarity.signature(text)
    wanted = set(enumerate(similarity.bands(signature)))
    candidates = {
        fingerprint_id
        for fingerprint_id, band, value in TextBand.objects.filter(
            project=project, value__in=[value for _, value in wanted]
        ).values_list("fingerprint_id", "band", "value")
        if (band, value) in wanted
    }
    best = None
    for found in TextFingerprint.objects.filter(pk__in=candidates).select_related("article"):
        score = similarity.similarity(signature, found.signature)
        if score >= threshold and (best is None or score > best[1]):
            best = (found.article, score)
    return best


@dataclass
class PageImport:
    article: Article
    created: bool  # False: the project had this text already
    revision: ArticleRevision | None = None  # the page is a new version of an article


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


def import_page(
    *,
    project,
    page: Page,
    html: bytes,
    final_url: str = "",
    actor=None,
    near_duplicates: float | None = None,
) -> PageImport:
    """Import ``page`` into ``project`` and keep its raw HTML; a text the project has
    already is not imported again (its article is returned), and one at least
    ``near_duplicates`` similar (default: the NEAR_DUPLICATE_THRESHOLD setting; 1.0 lets
    all in) raises ``NearDuplicate``. Atomic."""
    try:
        record = record_from_mapping(page.as_record(), path=page.url or "page", line=0)
    except InvalidRecord as error:
        raise PageRefused(f"{error.field or 'page'}: {error.message}") from None
    threshold = settings.NEAR_DUPLICATE_THRESHOLD if near_duplicates is None else near_duplicates
    with transaction.atomic():
        known = Article.objects.filter(project=project, text_sha256=record.text_sha256).first()
        if known is not None:
            return PageImport(article=known, created=False)
        revising = bool(page.url) and Article.objects.filter(project=project, url=page.url).exists()
        if threshold < 1.0 and not revising:
            near = nearest_duplicate(project, record.text, threshold=threshold)
            if near is not None:
                raise NearDuplicate(*near)
        try:
            result = import_articles(project=project, records=[record], actor=actor)
        except ImportProblem as problem:
            raise PageRefused("; ".join(str(e) for e in problem.errors)) from None
        article = Article.objects.get(project=project, text_sha256=record.text_sha256)
        revision = None
        if result.created:
            earlier = (
                Article.objects.filter(project=project, url=page.url)
                .exclude(pk=article.pk)
                .exclude(url="")
                .order_by("-created_at", "-pk")
                .first()
            )
            if earlier is not None:
                revision = revise(old=earlier, new=article, actor=actor)
            fingerprint(article)
            PageSource.objects.create(
                article=article,
                url=page.url,
                final_url=final_url or page.url,
                html_sha256=page.html_sha256,
                html_zlib=PageSource.compress(html),
                html_bytes=len(html),
                extractor=page.as_record()["metadata"]["source"]["extractor"],
            )
    return PageImport(article=article, created=bool(result.created), revision=revision)


@dataclass
class PollResult:
    imported: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
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
    import feedparser  # imported by the first poll, not at every process's start

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
        except NearDuplicate as near:
            FeedEntry.objects.create(
                feed=feed,
                url=url,
                status=FeedEntry.Status.NEAR_DUPLICATE,
                article=near.article,
                error=str(near),
            )
            result.near_duplicates += 1
            continue
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


def revise(*, old: Article, new: Article, actor=None) -> ArticleRevision:
    """Carry ``old``'s annotators' quotes (speaker, kind, stances; the cue and the
    speaker's mention where their words survive too) and assignments onto ``new``, a
    later version of its text; list the quotes whose words are gone. Gold quotes stay
    with the old version: adjudication starts again on the new one. Call inside
    transaction.atomic()."""
    quotes = list(
        Quote.objects.annotations()
        .filter(article=old)
        .exclude(origin="suggested")
        .select_related("annotator")
        .prefetch_related("stances")
        .order_by("pk")
    )
    spans = [(q.start, q.end) for q in quotes]
    cues = [(q.cue_start, q.cue_end) for q in quotes if q.cue_start is not None]
    mentions = [(q.speaker_start, q.speaker_end) for q in quotes if q.speaker_start is not None]
    placed = reanchor(old.text, new.text, spans + cues + mentions)
    cue_places = iter(placed[len(spans) : len(spans) + len(cues)])
    mention_places = iter(placed[len(spans) + len(cues) :])
    carried, lost, stances = [], [], []
    for quote, place in zip(quotes, placed[: len(spans)], strict=True):
        cue = next(cue_places) if quote.cue_start is not None else None
        mention = next(mention_places) if quote.speaker_start is not None else None
        if not isinstance(place, Anchored):
            lost.append(
                {
                    "quote": quote.pk,
                    "annotator": quote.annotator.get_username(),
                    "text": quote.text,
                    "reason": place.reason,
                }
            )
            continue
        cue_kept = isinstance(cue, Anchored)
        mention_kept = isinstance(mention, Anchored)
        copy = Quote(
            article=new,
            annotator=quote.annotator,
            start=place.start,
            end=place.end,
            text=new.text[place.start : place.end],
            kind=quote.kind,
            speaker_id=quote.speaker_id,
            cue_start=cue.start if cue_kept else None,
            cue_end=cue.end if cue_kept else None,
            speaker_start=mention.start if mention_kept else None,
            speaker_end=mention.end if mention_kept else None,
            origin=quote.origin,
        )
        carried.append(copy)
        stances.append(list(quote.stances.all()))
    Quote.objects.bulk_create(carried)
    try:
        StanceLabel.objects.bulk_create(
            StanceLabel(quote=copy, target_id=stance.target_id, label=stance.label)
            for copy, labels in zip(carried, stances, strict=True)
            for stance in labels
        )
    except IntegrityError as error:
        # Stances made before the database checked labels (migration 0025) may name one
        # the project has since lost: their copies are refused.
        if not stance_label_refused(error):
            raise
        raise PageRefused(
            "stances: a quote of the earlier version has a stance whose label the project "
            "no longer has; change it first"
        ) from None
    Assignment.objects.bulk_create(
        Assignment(article=new, annotator_id=a.annotator_id, status=a.status)
        for a in old.assignments.all()
    )
    revision = ArticleRevision.objects.create(old=old, new=new, carried=len(carried), lost=lost)
    record(
        kind="article.revised",
        project_id=new.project_id,
        article_id=new.pk,
        payload={"old": old.pk, "carried": [q.pk for q in carried], "lost": lost},
        **({"actor_id": actor.pk} if actor else {"actor_id": None, "agent": "command"}),
    )
    return revision
