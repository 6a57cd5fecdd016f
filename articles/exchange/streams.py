"""Exports read from the database in chunks and streamed line by line, so that memory
stays flat whatever the project's size. Used by the export command (and the API).

Every export reads one snapshot (``snapshot``): annotators keep saving while it streams,
and a file mixing states from before and after their saves would hold combinations that
never existed.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version

from django.db import DatabaseError, connections, transaction
from django.db.models import Count
from django.utils import timezone

from articles.exchange import interop, pg_jsonl, trailer
from articles.exchange.export import (
    ARTICLE_FIELDS,
    article_record,
    csv_header,
    csv_rows,
    work_record,
)
from articles.exchange.fast_paths import postgresql, psycopg_cursor
from articles.models import Adjudication, Article, Assignment, Quote, SpeakerAlias, StanceLabel
from articles.review.team import project_agreement

# newsannot's own formats end with a trailer (counts and SHA-256: ``trailer``); the other
# tools' files cannot carry one that their readers would accept.
OWN_FORMATS = ("jsonl", "csv")
FORMATS = (*OWN_FORMATS, *interop.STREAMED)
CHUNK = 500
# What the JSONL export sends at a time: whole lines, about this many bytes.
CHUNK_BYTES = 256 * 1024
# Rows PostgreSQL sends the JSONL exporter at a time (a few MB of articles at most).
STREAM_ROWS = 100
# The article columns an export record is made of.
ARTICLE_VALUES = (*ARTICLE_FIELDS, "text", "text_sha256")


@dataclass(frozen=True)
class Selection:
    """Which annotations to export: every annotator's own, one annotator's, or the
    adjudicated gold set; or exactly the quotes ``found`` (a Quote queryset: a search's
    results), with their articles."""

    annotator: str | None = None
    gold: bool = False
    found: object = None

    @classmethod
    def parse(cls, value: str) -> Selection:
        """``all``, ``gold`` or ``annotator:<username>``; anything else is a ValueError."""
        if value == "all":
            return cls()
        if value == "gold":
            return cls(gold=True)
        if value.startswith("annotator:") and value.removeprefix("annotator:"):
            return cls(annotator=value.removeprefix("annotator:"))
        raise ValueError(f"annotations: {value!r} is not 'all', 'gold' or 'annotator:<username>'")

    @property
    def label(self) -> str:
        """The ``annotations`` value that means this selection."""
        if self.found is not None:
            return "search"
        if self.gold:
            return "gold"
        return "all" if self.annotator is None else f"annotator:{self.annotator}"

    def quotes(self, project):
        """The project's quotes this selection exports (JSONL and CSV, the manifest)."""
        return self.chosen(Quote.objects.filter(article__project=project))

    def chosen(self, quotes):
        """Those of ``quotes`` (a Quote queryset) this selection takes: the one place that
        chooses them, for exports and the API's article reads alike."""
        if self.found is not None:
            # One query, not a subquery: a search's raw SQL names the quote table.
            return quotes & self.found.order_by()
        if self.gold:
            return quotes.gold()
        quotes = quotes.annotations()
        if self.annotator is not None:
            quotes = quotes.filter(annotator__username=self.annotator)
        return quotes

    def assignments(self, project):
        """The project's assignments this selection exports (a gold export carries each
        article's adjudication instead)."""
        assignments = Assignment.objects.filter(article__project=project)
        if self.annotator is not None:
            assignments = assignments.filter(annotator__username=self.annotator)
        return assignments

    def annotated(self, project):
        """The articles this selection has annotated: for gold, the adjudicated ones
        (an adjudicated article may rightly have no quote)."""
        articles = Article.objects.filter(project=project)
        if self.gold and self.found is None:
            return articles.adjudicated()
        return articles.filter(pk__in=self.quotes(project).values("article_id"))


def records(project, selection: Selection, *, include_unannotated: bool = True) -> Iterator[dict]:
    """Export records for the project's articles, in id order, CHUNK articles a query."""
    quotes = selection.quotes(project)
    articles = exported_articles(project, selection, include_unannotated=include_unannotated)
    last = 0
    while True:
        chunk = list(articles.filter(pk__gt=last).order_by("pk").values(*ARTICLE_VALUES)[:CHUNK])
        if not chunk:
            return
        last = chunk[-1]["id"]
        ids = [a["id"] for a in chunk]
        by_article = quotes_by_article(quotes, ids)
        work = work_by_article(project, selection, ids)
        for article in chunk:
            yield article_record(article, by_article.get(article["id"], []), work[article["id"]])


def work_by_article(project, selection: Selection, article_ids: list[int]) -> dict[int, dict]:
    """Per article id, what its record carries last: its ``assignments`` (those the
    selection exports) or, in a gold export, its ``adjudication`` (or None). One query."""
    columns = ("article_id", "status", "started_at", "finished_at")
    if selection.gold:
        rows = Adjudication.objects.filter(article_id__in=article_ids).values_list(
            "reviewer__username", *columns
        )
        found = {pk: work_record("reviewer", name, *rest) for name, pk, *rest in rows}
        return {pk: {"adjudication": found.get(pk)} for pk in article_ids}
    listed: dict[int, list[dict]] = {pk: [] for pk in article_ids}
    rows = (
        selection.assignments(project)
        .filter(article_id__in=article_ids)
        .order_by("article_id", "annotator__username")
        .values_list("annotator__username", *columns)
    )
    for name, pk, *rest in rows:
        listed[pk].append(work_record("annotator", name, *rest))
    return {pk: {"assignments": items} for pk, items in listed.items()}


def exported_articles(project, selection: Selection, *, include_unannotated: bool = True):
    """The articles an export holds: all the project's, or those the selection annotated."""
    if include_unannotated:
        return Article.objects.filter(project=project)
    return selection.annotated(project)


def quotes_by_article(quotes, article_ids: list[int]) -> dict[int, list[dict]]:
    """The quotes (a Quote queryset, already filtered) of these articles as export
    dicts, with speakers' aliases and stances: three queries whatever their number."""
    rows = list(
        quotes.filter(article_id__in=article_ids)
        .order_by("article_id", "start", "end", "id")
        .values(
            "id",
            "article_id",
            "start",
            "end",
            "text",
            "kind",
            "origin",
            "cue_start",
            "cue_end",
            "speaker_start",
            "speaker_end",
            "created_at",
            "updated_at",
            "speaker_id",
            "speaker__name",
            "annotator__username",
        )
    )
    aliases: dict[int, list[str]] = {}
    speaker_ids = {r["speaker_id"] for r in rows if r["speaker_id"] is not None}
    for speaker_id, name in (
        SpeakerAlias.objects.filter(speaker_id__in=speaker_ids)
        .order_by("speaker_id", "name")
        .values_list("speaker_id", "name")
    ):
        aliases.setdefault(speaker_id, []).append(name)
    stances: dict[int, list[dict]] = {}
    for quote_id, target, label in (
        StanceLabel.objects.filter(quote_id__in=[row["id"] for row in rows])
        .order_by("quote_id", "target__name")
        .values_list("quote_id", "target__name", "label")
    ):
        stances.setdefault(quote_id, []).append({"target": target, "label": label})
    by_article: dict[int, list[dict]] = {}
    for row in rows:
        speaker = None
        if row["speaker_id"] is not None:
            speaker = {
                "id": row["speaker_id"],
                "name": row["speaker__name"],
                "aliases": aliases.get(row["speaker_id"], []),
            }
        by_article.setdefault(row["article_id"], []).append(
            {
                **row,
                "speaker": speaker,
                "annotator": row["annotator__username"],
                "stances": stances.get(row["id"], []),
            }
        )
    return by_article


@contextmanager
def snapshot(using: str | None = None) -> Iterator[None]:
    """Let the block read one committed state of the database: a read-only REPEATABLE
    READ transaction on PostgreSQL, a deferred read transaction on SQLite (WAL keeps its
    snapshot). Inside a transaction already (a test's, an outer snapshot), that one is it."""
    alias = using or Article.objects.db
    connection = connections[alias]
    if connection.in_atomic_block or not connection.get_autocommit():
        yield
        return
    # Not atomic(): it would give READ COMMITTED on PostgreSQL, and on SQLite the settings'
    # BEGIN IMMEDIATE, which would lock every writer out for as long as a client downloads.
    transaction.set_autocommit(False, using=alias)
    try:
        with connection.cursor() as cursor:
            if postgresql(alias):
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            else:
                cursor.execute("BEGIN DEFERRED")
        yield
    finally:
        try:
            transaction.rollback(using=alias)  # nothing was written
            transaction.set_autocommit(True, using=alias)
        except DatabaseError:
            # A broken connection: the next use opens a new one, in autocommit.
            connection.close()


def chunks(
    project, selection: Selection, format: str, *, include_unannotated: bool = True
) -> Iterator[bytes]:
    """The export in one of ``FORMATS``, in UTF-8, whole lines at a time, from one
    snapshot taken when the first chunk is asked for (a streamed response asks after its
    view has returned)."""
    with snapshot():
        if format == "jsonl":
            yield from jsonl_chunks(project, selection, include_unannotated=include_unannotated)
        elif format in interop.STREAMED:
            found = records(project, selection, include_unannotated=include_unannotated)
            yield from interop.chunks(format, found)
        else:
            for line in csv_lines(project, selection, include_unannotated=include_unannotated):
                yield line.encode("utf-8")


def jsonl_chunks(project, selection: Selection, *, include_unannotated=True) -> Iterator[bytes]:
    """The JSONL export in UTF-8, whole lines at a time, ending with its final line
    (``trailer``). PostgreSQL builds most of each line (``pg_jsonl``); other databases go
    through ``records``, with the same bytes."""
    return _batched(_with_trailer(jsonl_lines(project, selection, include_unannotated)))


def _with_trailer(lines: Iterator[tuple[bytes, int]]) -> Iterator[bytes]:
    tally = trailer.Tally()
    with closing(lines):
        for line, quotes in lines:
            yield tally.add(line, articles=1, quotes=quotes)
    yield tally.jsonl_line()


def jsonl_lines(
    project, selection: Selection, include_unannotated: bool
) -> Iterator[tuple[bytes, int]]:
    """The JSONL export's lines, each with its number of quotes: PostgreSQL's fast path,
    or the plain one beside it."""
    if postgresql():
        return _postgresql_lines(project, selection, include_unannotated)
    return _plain_lines(project, selection, include_unannotated)


def _plain_lines(project, selection: Selection, include_unannotated: bool):
    return (
        (json.dumps(record, ensure_ascii=False).encode() + b"\n", len(record["quotes"]))
        for record in records(project, selection, include_unannotated=include_unannotated)
    )


def _postgresql_lines(project, selection: Selection, include_unannotated: bool):
    quotes, quote_params = selection.quotes(project).order_by().query.sql_with_params()
    articles = exported_articles(project, selection, include_unannotated=include_unannotated)
    ids, id_params = articles.order_by().values("pk").query.sql_with_params()
    work, work_params = None, ()
    if not selection.gold:
        work, work_params = selection.assignments(project).order_by().query.sql_with_params()
    # Imported here, on PostgreSQL's path only: SQLite needs no psycopg installed.
    import psycopg

    # Chunked rows need libpq 17 (psycopg[binary] ships it); row by row works with any.
    size = STREAM_ROWS if psycopg.pq.version() >= 170000 else 1
    alias = Article.objects.db
    with snapshot(alias), psycopg_cursor(alias) as cursor:
        # Sorts stay in memory (connections run without JIT, see settings).
        cursor.execute("SET LOCAL work_mem = '64MB'")
        # Closed before the transaction ends, also when the client goes away mid-export:
        # psycopg then cancels the query.
        sql = pg_jsonl.query(quotes, ids, selected_assignments=work)
        params = [project.pk, *quote_params, *work_params, *id_params]
        with closing(cursor.stream(sql, params, size=size)) as rows:
            for row in rows:
                yield pg_jsonl.line_and_quotes(row)


def _batched(lines: Iterator[bytes]) -> Iterator[bytes]:
    # Closing this (a client that went away) closes ``lines`` at once: the export's
    # query is cancelled, its transaction ended.
    with closing(lines):
        batch: list[bytes] = []
        size = 0
        for line in lines:
            batch.append(line)
            size += len(line)
            if size >= CHUNK_BYTES:
                yield b"".join(batch)
                batch, size = [], 0
        if batch:
            yield b"".join(batch)


def csv_lines(project, selection: Selection, *, include_unannotated: bool = True):
    """The CSV export's text, a header row and an article's rows at a time, ending with
    its final line (``trailer``: ``# `` and the counts and SHA-256 as JSON)."""
    targets = list(project.targets.order_by("name").values_list("name", flat=True))
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    tally = trailer.Tally()

    def flush(**counts) -> str:
        value = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        tally.add(value.encode("utf-8"), **counts)
        return value

    writer.writerow(csv_header(targets))
    yield flush()
    for record in records(project, selection, include_unannotated=include_unannotated):
        rows = 0
        for row in csv_rows(record, targets, include_unannotated):
            writer.writerow(row)
            rows += 1
        yield flush(articles=1, quotes=len(record["quotes"]), rows=rows)
    yield tally.csv_line().decode()


def manifest(project, selection: Selection, *, include_unannotated: bool = True) -> dict:
    """A datasheet for an export: what it holds, under which scheme and guidelines, read
    from one snapshot (the export command reads the body from the same one)."""
    with snapshot():
        return _manifest(project, selection, include_unannotated)


def _manifest(project, selection: Selection, include_unannotated: bool) -> dict:
    articles = exported_articles(project, selection, include_unannotated=include_unannotated)
    quotes = selection.quotes(project)
    if not include_unannotated:
        # The quotes of the exported articles only: a gold set still being adjudicated
        # is not in an export of the adjudicated articles.
        quotes = quotes.filter(article__in=articles)
    assignments = selection.assignments(project).filter(article__in=articles)
    try:
        software = version("newsannot")
    except PackageNotFoundError:
        software = "unknown"
    return {
        "project": {"slug": project.slug, "name": project.name, "description": project.description},
        "exported_at": timezone.now().isoformat(),
        "software": {"name": "newsannot", "version": software},
        "annotations": selection.label,
        "offset_unit": "codepoint",
        "counts": {
            "articles": articles.count(),
            "annotated_articles": quotes.values("article_id").distinct().count(),
            "quotes": quotes.count(),
            "by_kind": dict(quotes.order_by().values_list("kind").annotate(n=Count("pk"))),
            "by_origin": dict(quotes.order_by().values_list("origin").annotate(n=Count("pk"))),
            "annotators": quotes.values("annotator").distinct().count(),
            # What the records carry: a gold export carries no assignments.
            "assignments": {} if selection.gold else _by_status(assignments),
            "adjudications": _by_status(Adjudication.objects.filter(article__in=articles)),
        },
        "label_scheme": {
            "kinds": [choice for choice, _ in Quote.Kind.choices],
            "stance_labels": project.stance_labels,
            "targets": list(project.targets.order_by("name").values("name", "description")),
        },
        "guidelines": {
            "text": project.guidelines,
            "sha256": hashlib.sha256(project.guidelines.encode("utf-8")).hexdigest(),
        },
        # What the engine's suggestions (origin 'suggested') took as attributed, now.
        "suggestions": {"attribution_scope": project.attribution_scope},
        "adjudicated_articles": project.articles.adjudicated().count(),
        # Per-article figures are at /api/v1/projects/<slug>/agreement/.
        "agreement": {
            key: value
            for key, value in project_agreement(project).as_dict().items()
            if key != "per_article"
        },
    }


def _by_status(rows) -> dict[str, int]:
    return dict(rows.order_by().values_list("status").annotate(n=Count("pk")))
