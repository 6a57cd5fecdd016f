"""The articles page's read: status and "has quotes" from each article's counts, the other
filters as EXISTS subqueries (no join multiplies a row), one COUNT for the total (the
paginator's)."""

from django.db import connection
from django.db.models import (
    BooleanField,
    Exists,
    F,
    OuterRef,
    Q,
)
from django.db.models.expressions import RawSQL

from articles.models import Adjudication, Article, Assignment, Quote, StanceLabel

# PostgreSQL finds the words of a search in title, outlet and text in a stored column with
# its GIN index (migration 0015: to_tsvector('simple', …), words as written, in any
# language; the column named with its table, for the joins of a sort by quotes). SQLite
# looks for the search as a substring instead.
SEARCH_POSTGRESQL = (
    "articles_article.search_vector @@ websearch_to_tsquery('simple'::regconfig, %s)"
)


def browse(project, query: dict):
    """The project's articles that ``query`` (a valid ``BrowseForm``'s data) asks for,
    sorted; the caller pages them."""
    articles = Article.objects.filter(project=project)
    if text := query.get("q"):
        articles = articles.filter(_search(text))
    # Status and "has quotes" read each article's counts (articles.browse.counts), from
    # an index on the project's counts: no anti-join over the whole project.
    counted = Q(counts__project=project)
    status = query.get("status")
    if status == "unassigned":
        counted &= Q(counts__todo=0, counts__in_progress=0, counts__done=0)
    elif status == "done":
        counted &= Q(counts__todo=0, counts__in_progress=0, counts__done__gt=0)
    elif status:
        counted &= Q(**{f"counts__{status}__gt": 0})
    if query.get("has_quotes"):
        counted &= Q(counts__quotes__gt=0) if query["has_quotes"] == "yes" else Q(counts__quotes=0)
    if status or query.get("has_quotes"):
        articles = articles.filter(counted)
    if annotator := query.get("annotator"):
        assignments = Assignment.objects.filter(article=OuterRef("pk"), annotator=annotator)
        articles = articles.filter(Exists(assignments.exclude(status="skipped")))
    quotes = Quote.objects.filter(article=OuterRef("pk")).exclude(origin="suggested")
    if query.get("adjudicated"):
        done = Exists(Adjudication.objects.filter(article=OuterRef("pk"), status="done"))
        articles = articles.filter(done if query["adjudicated"] == "yes" else ~done)
    if start := query.get("published_from"):
        articles = articles.filter(published_at__date__gte=start)
    if end := query.get("published_to"):
        articles = articles.filter(published_at__date__lte=end)
    if speaker := query.get("speaker"):
        articles = articles.filter(Exists(quotes.filter(speaker=speaker)))
    if target := query.get("target"):
        stances = StanceLabel.objects.filter(quote__article=OuterRef("pk"), target=target)
        articles = articles.filter(Exists(stances))
    # Each order has its index (Article.Meta): the page is the first rows of an index scan.
    sort = query.get("sort") or "-published_at"
    if sort in ("published_at", "-published_at"):
        date = F("published_at")
        first = date.desc(nulls_last=True) if sort.startswith("-") else date.asc(nulls_last=True)
        return articles.order_by(first, "-id")
    return articles.order_by(sort, "-id")


def _search(text: str):
    if connection.vendor == "postgresql":
        return RawSQL(SEARCH_POSTGRESQL, [text], output_field=BooleanField())  # noqa: S611 - constant SQL
    return Q(title__icontains=text) | Q(outlet__icontains=text) | Q(text__icontains=text)
