"""Each article's counts (articles.browse.counts) equal its rows after every kind of write,
on both databases, and the articles page's filters on them find exactly the articles that
the plain EXISTS queries they replace find."""

import threading

import pytest
from django.db import connection, connections
from django.db.models import Count, Exists, OuterRef, Q

from articles.assignments import assign_articles, set_assignment_status
from articles.browse.queries import browse
from articles.exchange import importing
from articles.exchange.records import record_from_mapping
from articles.models import Article, ArticleCounts, Assignment, Quote
from articles.quotes import accept_suggestion, delete_quote
from articles.review.distribution import distribute
from tests import scenes

TEXT = "– The ferry must run every hour, says Kari Moen.\n\nShe believes the county must pay."
FERRY = "The ferry must run every hour"
COUNTY = "the county must pay"


def counted(project) -> dict[int, tuple]:
    rows = ArticleCounts.objects.filter(project=project)
    return {c.article_id: (c.quotes, c.todo, c.in_progress, c.done) for c in rows}


def recounted(project) -> dict[int, tuple]:
    """The counts from the rows themselves, as the triggers should keep them."""

    def status(name):
        return Count("assignments", filter=Q(assignments__status=name), distinct=True)

    rows = project.articles.annotate(
        n_quotes=Count("quotes", filter=~Q(quotes__origin="suggested"), distinct=True),
        n_todo=status("todo"),
        n_in_progress=status("in_progress"),
        n_done=status("done"),
    )
    return {a.pk: (a.n_quotes, a.n_todo, a.n_in_progress, a.n_done) for a in rows}


def assert_counts_right(project):
    assert counted(project) == recounted(project)


@pytest.fixture
def scene(db):
    return scenes.team_scene(text=TEXT, annotators=("ana", "ben"), status="todo")


def test_a_new_article_counts_nothing(scene):
    assert counted(scene.project) == {scene.article.pk: (0, 2, 0, 0)}


def test_quotes_count_as_people_write_them_and_suggestions_only_once_accepted(scene):
    ana, ben = scene.annotators
    article = scene.article
    first = scenes.quote(article, ana, FERRY)
    scenes.quote(article, ben, FERRY)
    suggested = scenes.quote(article, ana, COUNTY, origin="suggested", kind="indirect")
    assert counted(scene.project)[article.pk][0] == 2
    accept_suggestion(quote=suggested, version=suggested.version)
    assert counted(scene.project)[article.pk][0] == 3
    delete_quote(quote=first, version=first.version)
    assert counted(scene.project)[article.pk][0] == 2
    Quote.objects.filter(article=article).update(origin="suggested")
    assert counted(scene.project)[article.pk][0] == 0
    Quote.objects.filter(article=article).delete()
    assert_counts_right(scene.project)


def test_assignments_count_by_status_and_a_skipped_one_not_at_all(scene):
    ana, ben = scene.annotators
    article = scene.article
    mine = Assignment.objects.get(article=article, annotator=ana)
    set_assignment_status(assignment=mine, status="in_progress")
    assert counted(scene.project)[article.pk] == (0, 1, 1, 0)
    set_assignment_status(assignment=Assignment.objects.get(pk=mine.pk), status="done")
    theirs = Assignment.objects.get(article=article, annotator=ben)
    set_assignment_status(assignment=theirs, status="skipped")
    assert counted(scene.project)[article.pk] == (0, 0, 0, 1)
    Assignment.objects.filter(article=article).delete()
    assert counted(scene.project)[article.pk] == (0, 0, 0, 0)


def test_bulk_writes_count_too(scene):
    project = scene.project
    ana, ben = scene.annotators
    records = [
        record_from_mapping(
            {
                "title": f"Ferry {n}",
                "text": f"{TEXT} Number {n}.",
                "quotes": [{"start": 2, "end": 2 + len(FERRY), "text": FERRY, "kind": "direct"}],
                "assignments": [{"annotator": "ana", "status": "done"}],
            },
            path="f.jsonl",
            line=n + 1,
            exported=True,
        )
        for n in range(3)
    ]
    importing.import_articles(project=project, records=records, annotator=ana)
    assert_counts_right(project)
    assert sorted(counted(project).values())[-1] == (1, 0, 0, 1)
    fresh = [scene.add_article(text=f"A new text {n}.", statuses={}) for n in range(4)]
    assign_articles(articles=fresh, annotators=[ben])
    distribute(project=project, annotators=[ana, ben], per_article=2)
    assert_counts_right(project)
    assert all(sum(c[1:]) == 2 for c in counted(project).values())


def test_deleting_an_article_or_a_project_leaves_the_counts_right(scene):
    ana, _ = scene.annotators
    other = scene.add_article(text="Another text about the ferry.", status="done")
    scenes.quote(other, ana, "the ferry")
    scenes.quote(scene.article, ana, FERRY)
    scene.article.delete()
    assert counted(scene.project) == {other.pk: (1, 0, 0, 2)}
    scene.project.delete()
    assert not ArticleCounts.objects.exists()


FILTERS = [
    {"status": "unassigned"},
    {"status": "todo"},
    {"status": "in_progress"},
    {"status": "done"},
    {"has_quotes": "yes"},
    {"has_quotes": "no"},
    {"status": "done", "has_quotes": "no"},
]


def plain(project, query):
    """The articles a filter means, by the EXISTS queries the counts replaced."""
    live = Assignment.objects.filter(article=OuterRef("pk")).exclude(status="skipped")
    quotes = Quote.objects.filter(article=OuterRef("pk")).exclude(origin="suggested")
    found = Article.objects.filter(project=project)
    status = query.get("status")
    if status == "unassigned":
        found = found.filter(~Exists(live))
    elif status == "done":
        found = found.filter(Exists(live), ~Exists(live.exclude(status="done")))
    elif status:
        found = found.filter(Exists(live.filter(status=status)))
    if query.get("has_quotes"):
        found = found.filter(Exists(quotes) if query["has_quotes"] == "yes" else ~Exists(quotes))
    return set(found.values_list("pk", flat=True))


def test_the_filters_find_what_the_plain_queries_find(scene):
    ana = scene.annotators[0]
    shapes = [
        {},
        {"ana": "todo"},
        {"ana": "in_progress", "ben": "done"},
        {"ana": "done", "ben": "done"},
        {"ana": "skipped"},
        {"ana": "skipped", "ben": "done"},
    ]
    for n, statuses in enumerate(shapes * 2):
        made = scene.add_article(text=f"{TEXT} Copy {n}.", statuses=statuses)
        if n >= len(shapes):
            scenes.quote(made, ana, FERRY, origin="human" if n % 2 else "suggested")
    for query in FILTERS:
        found = set(browse(scene.project, query).values_list("pk", flat=True))
        assert found == plain(scene.project, query), query
        assert found or query == {"status": "in_progress", "has_quotes": "yes"}


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="concurrent writers need PostgreSQL's row locks (CI runs both databases)",
)
def test_two_annotators_writing_at_once_are_both_counted(transactional_db):
    made = scenes.team_scene(text=TEXT, annotators=("ana", "ben"), status="in_progress")
    article, people = made.article, made.annotators
    rounds = 20
    barrier = threading.Barrier(len(people))
    failures = []

    def write(person):
        try:
            barrier.wait()
            for n in range(rounds):
                quote = scenes.quote(article, person, FERRY[: 9 + n])  # a new span each time
                if n % 3 == 0:
                    delete_quote(quote=quote, version=quote.version)
        except BaseException as error:  # reported to the test
            failures.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=write, args=(p,)) for p in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert failures == []
    assert counted(made.project)[article.pk][0] == Quote.objects.filter(article=article).count()
    assert_counts_right(made.project)


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="reads PostgreSQL's plans (CI runs both databases)"
)
@pytest.mark.parametrize(
    ("status", "index"),
    [
        ("unassigned", "article_counts_unassigned_idx"),
        ("todo", "article_counts_todo_idx"),
        ("in_progress", "article_counts_in_progress_idx"),
        ("done", "article_counts_done_idx"),
    ],
)
def test_each_status_filter_can_read_its_own_partial_index(scene, status, index):
    # A filter whose condition stops implying its index's would read the whole project
    # at 100,000 articles; with sequential scans priced out, the plan shows which it can.
    query = browse(scene.project, {"status": status}).order_by()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        sql, params = query.query.sql_with_params()
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert index in plan
