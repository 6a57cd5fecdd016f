"""One article with its quotes as the API returns it (``article``): made by PostgreSQL in
one query with the export's SQL (``articles.exchange.pg_jsonl``), or on other databases
by the plain path beside it, with the export's Python (``articles.exchange.export``).

Who may read what stays in the QuerySet methods (``visible_to``, ``Selection.chosen``):
their SQL is built by the ORM on every request (no per-process cache of compiled SQL).
"""

from __future__ import annotations

import orjson
from django.db import connections

from articles.exchange import pg_jsonl, streams
from articles.exchange.export import article_record
from articles.exchange.fast_paths import postgresql
from articles.exchange.streams import Selection
from articles.models import Article, Quote


def article(user, article_id: int, selection: Selection) -> bytes | dict | None:
    """The article with the quotes of the selection that the user may read, or None if
    the user may not read it: its JSON already made (bytes) on PostgreSQL, else the
    record to render (``{"project": slug, ...the export record}``)."""
    if postgresql():
        return article_json(user, article_id, selection)
    return _article_record(user, article_id, selection)


def _article_record(user, article_id: int, selection: Selection) -> dict | None:
    try:
        found = Article.objects.visible_to(user).select_related("project").get(pk=article_id)
    except Article.DoesNotExist:
        return None
    quotes = selection.chosen(Quote.objects.visible_to(user))
    by_article = streams.quotes_by_article(quotes, [found.pk])
    values = {name: getattr(found, name) for name in streams.ARTICLE_VALUES}
    record = article_record(values, by_article.get(found.pk, []))
    return {"project": found.project.slug, **record}


def article_json(user, article_id: int, selection: Selection) -> bytes | None:
    """``{"project": slug, ...the export record}`` with the quotes of the selection that
    the user may read, or None if the user may not read the article."""
    quotes, quote_params = (
        selection.chosen(Quote.objects.visible_to(user)).order_by().query.sql_with_params()
    )
    articles, article_params = (
        Article.objects.visible_to(user).order_by().values("pk").query.sql_with_params()
    )
    # (Connections run without JIT, see settings: it made this 0.3 ms read take 300 ms.)
    sql = pg_jsonl.article_query(quotes, articles)
    with connections[Article.objects.db].cursor() as cursor:
        cursor.execute(sql, [*quote_params, article_id, *article_params])
        row = cursor.fetchone()
    if row is None:
        return None
    *record, slug = row
    return b'{"project": ' + orjson.dumps(slug) + b", " + pg_jsonl.line(record)[1:-1]
