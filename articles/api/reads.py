"""One article with its quotes as the API returns it (``article``): made by PostgreSQL in
one query with the export's SQL (``articles.exchange.pg_jsonl``), or on other databases
by the plain path beside it, with the export's Python (``articles.exchange.export``).

Who may read what stays in the QuerySet methods (``visible_to``, ``Selection.chosen``).
Their SQL is compiled once per user and selection and kept, because compiling it took
longer than running it: it depends on nothing else than a user's id, staff flag and role
and the selection (memberships and assignments are in the tables it reads, not in it).
"""

from __future__ import annotations

import orjson
from django.db import connections

from articles.exchange import pg_jsonl, streams
from articles.exchange.export import article_record
from articles.exchange.fast_paths import postgresql
from articles.exchange.streams import Selection
from articles.models import Article, Quote

_COMPILED: dict[tuple, tuple[str, tuple]] = {}
_QUERYSETS: dict[tuple, object] = {}
_MOST_KEPT = 4096  # then a cache starts again: a bound on memory, rarely reached


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
    key = user_key(user)
    quotes, quote_params = _compiled(
        ("quotes", selection, *key),
        lambda: selection.chosen(Quote.objects.visible_to(user)).order_by(),
    )
    articles, article_params = _compiled(
        ("articles", *key), lambda: Article.objects.visible_to(user).order_by().values("pk")
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


def user_key(user) -> tuple:
    """What ``visible_to`` makes its SQL of: a user's id, staff flag and role."""
    return (user.pk, user.is_staff, user.role)


def cached(key: tuple, queryset):
    """A clone of the queryset ``queryset()`` builds, built once per key (``user_key``,
    a selection...): never evaluated itself, so never stale."""
    return _kept(_QUERYSETS, key, queryset).all()


def _compiled(key: tuple, queryset) -> tuple[str, tuple]:
    sql, params = _kept(_COMPILED, key, lambda: queryset().query.sql_with_params())
    return sql, tuple(params)


def _kept(cache: dict, key: tuple, make):
    """``cache[key]``, made by ``make()`` the first time."""
    found = cache.get(key)
    if found is None:
        if len(cache) >= _MOST_KEPT:
            cache.clear()
        found = cache[key] = make()
    return found
