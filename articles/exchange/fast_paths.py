"""PostgreSQL's fast paths, and ``postgresql()``: the one place that asks which database
the articles live on.

Each fast path is one function that asks it and takes PostgreSQL's path or the plain
ORM path written beside it (the suite runs on both databases, and compares them):

- importing: ``with_hashes`` (the known texts looked up with one array parameter, or
  a thousand hashes a query) and ``insert_articles`` (a binary ``COPY``, or
  ``bulk_create``), here;
- the JSONL export: ``articles.exchange.streams.jsonl_lines`` (lines built by PostgreSQL
  with ``pg_jsonl``'s SQL, or by ``json.dumps`` of the records);
- the API's article read: ``articles.api.reads.article`` (one query with ``pg_jsonl``'s
  SQL, or the ORM with the export's Python);
- assigning: ``insert_assignments`` (new assignments and their history events in one
  ``INSERT … SELECT FROM unnest(…)``, or ``bulk_create``), here. On PostgreSQL the
  events' actor and project are checked once per statement by triggers (migration 0026:
  the statement's one person and one project, locked FOR KEY SHARE), not row by row at
  COMMIT by declared keys, which SQLite keeps; ``tests/integration/test_history_keys.py``
  holds both to the same behaviour, concurrent deletions included.

``streams.snapshot`` asks it too, for each database's way to read one snapshot.

Two of these paths need what only psycopg offers (``COPY`` and rows streamed in chunks):
``psycopg_cursor`` is the one place that reaches past Django's cursor for it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connections
from django.db.models.expressions import RawSQL
from django.utils import timezone

from articles.exchange.records import ArticleRecord
from articles.history import origin
from articles.history.models import HistoryEvent
from articles.history.record import assignment_events, by, record_all
from articles.models import Article, Assignment


def postgresql(using: str | None = None) -> bool:
    """Whether the articles' database (or ``using``) is PostgreSQL."""
    return connections[using or Article.objects.db].vendor == "postgresql"


@contextmanager
def psycopg_cursor(using: str) -> Iterator:
    """A psycopg cursor on Django's connection ``using`` (so inside its transaction), for
    psycopg's public API that Django's cursor does not offer: ``copy()``, ``stream()``.

    It is made from ``connection.connection``, the DB-API connection Django opened, not
    from the undocumented ``cursor`` attribute of Django's cursor wrapper. Django neither
    logs nor wraps its errors; callers stay on PostgreSQL paths only."""
    connection = connections[using]
    connection.ensure_connection()
    with connection.connection.cursor() as cursor:
        yield cursor


# The columns an imported article fills, with their types, for a binary COPY (a test
# checks they are all of the article table's, the id aside).
ARTICLE_COLUMNS = {
    "project_id": "int8", "title": "varchar", "text": "text", "text_sha256": "varchar",
    "url": "varchar", "outlet": "varchar", "author": "varchar", "published_at": "timestamptz",
    "language": "varchar", "external_id": "varchar", "metadata": "jsonb",
    "created_at": "timestamptz",
}  # fmt: skip
HASHES_A_QUERY = 1000


def existing_hashes(project, hashes: list[str]) -> dict[str, int]:
    """The ids of the project's articles with these text hashes, by hash."""
    existing: dict[str, int] = {}
    for articles in with_hashes(project, hashes):
        existing.update(articles.values_list("text_sha256", "pk"))
    return existing


def with_hashes(project, hashes: list[str]):
    """The project's articles with these text hashes, as a few querysets."""
    if postgresql():
        return _with_hashes_postgresql(project, hashes)
    return _with_hashes_plain(project, hashes)


def _with_hashes_postgresql(project, hashes: list[str]):
    # One parameter for them all: a thousand-item IN costs more to send than to run.
    given = RawSQL("SELECT unnest(string_to_array(%s, ','))", [",".join(hashes)])
    return [project.articles.filter(text_sha256__in=given)] if hashes else []


def _with_hashes_plain(project, hashes: list[str]):
    return [
        project.articles.filter(text_sha256__in=hashes[i : i + HASHES_A_QUERY])
        for i in range(0, len(hashes), HASHES_A_QUERY)
    ]


def insert_articles(project, records: list[ArticleRecord], *, want_ids: bool) -> dict[str, int]:
    """Write the records' articles; return their ids by text hash if ``want_ids``, else
    (on PostgreSQL) an empty dict."""
    if not postgresql():
        return _create_articles(project, records)
    _copy_articles(project, records)
    if not want_ids or not records:
        return {}
    return existing_hashes(project, [r.text_sha256 for r in records])


def _copy_articles(project, records: list[ArticleRecord]) -> None:
    now = timezone.now()
    rows = (
        (
            project.pk, r.title, r.text, r.text_sha256, r.url, r.outlet, r.author,
            r.published_at, r.language, r.external_id, r.metadata, now,
        )
        for r in records
    )  # fmt: skip
    with psycopg_cursor(Article.objects.db) as cursor:
        # A binary COPY writes in a tenth of the time that INSERTs take. LZ4 compresses
        # the texts (TOAST) several times faster than the default pglz, where it exists.
        cursor.execute(
            "SELECT 'lz4' = ANY(enumvals) FROM pg_settings WHERE name = 'default_toast_compression'"
        )
        if cursor.fetchone()[0]:
            cursor.execute("SET LOCAL default_toast_compression = 'lz4'")
        columns = ", ".join(ARTICLE_COLUMNS)
        sql = f"COPY articles_article ({columns}) FROM STDIN (FORMAT BINARY)"
        with cursor.copy(sql) as copy:
            copy.set_types(list(ARTICLE_COLUMNS.values()))  # metadata: json.dumps, as JSONField
            for row in rows:
                copy.write_row(row)


def _create_articles(project, records: list[ArticleRecord]) -> dict[str, int]:
    made = Article.objects.bulk_create(
        (
            Article(
                project=project, title=r.title, text=r.text, text_sha256=r.text_sha256,
                url=r.url, outlet=r.outlet, author=r.author, published_at=r.published_at,
                language=r.language, external_id=r.external_id, metadata=r.metadata,
            )
            for r in records
        ),
        batch_size=500,
    )  # fmt: skip
    return {article.text_sha256: article.pk for article in made}


def insert_assignments(pairs: list[tuple[int, int]], *, project_id: int, actor) -> None:
    """Write a new (to do) assignment per ``(article id, annotator id)`` pair, and its
    ``assignment.created`` history event naming ``actor``. Call inside
    transaction.atomic()."""
    if not pairs:
        return
    if not postgresql():
        made = Assignment.objects.bulk_create(
            Assignment(article_id=article, annotator_id=annotator) for article, annotator in pairs
        )
        record_all(assignment_events(made, project_id=project_id, actor=actor))
        return
    # Ten thousand model instances and their INSERT parameters cost a second; two
    # arrays cost nothing. The rows are what the plain path writes (a test compares).
    # The arrays go as text literals: psycopg's adaptation of a list of ints looks at
    # every item (12 ms for ten thousand), joining them takes 2.
    articles, annotators = [
        "{" + ",".join(map(str, map(int, column))) + "}" for column in zip(*pairs, strict=True)
    ]
    now = timezone.now()
    where, person = origin.current(), by(actor)
    with connections[Assignment.objects.db].cursor() as cursor:
        cursor.execute(
            "WITH made AS ("  # noqa: S608 - the table name below is ours, values parameters
            " INSERT INTO articles_assignment (article_id, annotator_id, status, created_at)"
            " SELECT article_id, annotator_id, %s, %s"
            " FROM unnest(%s::bigint[], %s::bigint[]) WITH ORDINALITY"
            " AS given (article_id, annotator_id, n) ORDER BY n"
            " RETURNING id, article_id, annotator_id)"
            f" INSERT INTO {HistoryEvent._meta.db_table}"
            " (at, project_id, article_id, actor_id, agent, kind, payload,"
            "  request_id, token, job_id)"
            " SELECT %s, %s, article_id, %s, %s, 'assignment.created',"
            "  jsonb_build_object('annotator', annotator_id), %s, %s, %s"
            " FROM made ORDER BY id",
            [
                Assignment.Status.TODO, now, articles, annotators,
                now, project_id, person["actor_id"], person["agent"],
                where.request_id, where.token, where.job_id,
            ],
        )  # fmt: skip
