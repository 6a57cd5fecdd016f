"""newsannot.prepared: SQL compiled once, run with new values, giving what the ORM gives."""

import uuid

import pytest
from django.db import connection
from django.db.models import Count

from articles.models import Assignment, Quote, Speaker, StanceTarget
from newsannot.prepared import PreparedQuery
from tests.factories import (
    ArticleFactory,
    ProjectFactory,
    QuoteFactory,
    SpeakerFactory,
    StanceTargetFactory,
    UserFactory,
)


@pytest.fixture
def assignments(db):
    annotator = UserFactory()
    first, second = ArticleFactory(), ArticleFactory()
    return [
        Assignment.objects.create(article=first, annotator=annotator),
        Assignment.objects.create(article=second, annotator=annotator, status="done"),
    ]


def test_model_rows_match_the_orm_with_related_objects_and_annotations(assignments):
    def build(article_id):
        return (
            Assignment.objects.select_related("article__project")
            .annotate(others=Count("article__assignments"))
            .filter(article_id=article_id)
        )

    prepared = PreparedQuery(build)
    for assignment in assignments:
        (got,) = prepared(assignment.article_id)
        (expected,) = build(assignment.article_id)
        assert isinstance(got, Assignment)
        assert (got.pk, got.status, got.created_at, got.others) == (
            expected.pk,
            expected.status,
            expected.created_at,
            expected.others,
        )
        assert got.article.text == expected.article.text
        assert got.article.project.slug == expected.article.project.slug
        assert got._state.db == "default"
        assert not got._state.adding


def test_related_objects_come_without_further_queries(assignments, django_assert_num_queries):
    prepared = PreparedQuery(
        lambda pk: Assignment.objects.select_related("article__project").filter(pk=pk)
    )
    with django_assert_num_queries(1):
        assignment = prepared.first(assignments[0].pk)
        assert assignment.article.project.name


def test_compiles_once_and_reads_current_rows(assignments):
    built = []

    def build(annotator_id):
        built.append(annotator_id)
        return Assignment.objects.filter(annotator_id=annotator_id, status="todo").order_by("pk")

    prepared = PreparedQuery(build)
    annotator = assignments[0].annotator_id
    assert not prepared.is_compiled(annotator)
    assert [a.pk for a in prepared(annotator)] == [assignments[0].pk]
    Assignment.objects.filter(pk=assignments[1].pk).update(status="todo")
    assert [a.pk for a in prepared(annotator)] == [assignments[0].pk, assignments[1].pk]
    assert prepared(annotator + 1000) == []
    assert len(built) == 1
    assert prepared.is_compiled(annotator)


def test_values_list_rows_are_tuples_and_flat_ones_values(db):
    quote = QuoteFactory()
    StanceTargetFactory(project=quote.article.project, name="B")
    StanceTargetFactory(project=quote.article.project, name="A")
    rows = PreparedQuery(
        lambda pk: Quote.objects.filter(pk=pk).values_list("id", "text", "article__title")
    )
    assert rows(quote.pk) == [(quote.pk, quote.text, quote.article.title)]
    names = PreparedQuery(
        lambda project_id: (
            StanceTarget.objects.filter(project_id=project_id)
            .order_by("name")
            .values_list("name", flat=True)
        )
    )
    assert names(quote.article.project_id) == ["A", "B"]


def test_first_gives_none_when_nothing_matches(db):
    prepared = PreparedQuery(lambda pk: Quote.objects.filter(pk=pk)[:1])
    assert prepared.first(123456) is None


def test_each_shape_gets_its_own_sql(assignments):
    prepared = PreparedQuery(
        lambda done, annotator_id: Assignment.objects.filter(
            annotator_id=annotator_id, status="done" if done else "todo"
        )
    )
    annotator = assignments[0].annotator_id
    assert [a.pk for a in prepared(annotator, shape=(False,))] == [assignments[0].pk]
    assert [a.pk for a in prepared(annotator, shape=(True,))] == [assignments[1].pk]


@pytest.fixture
def speakers(db):
    project = ProjectFactory()
    return {name: SpeakerFactory(project=project, name=name) for name in ("a_c", "abc", "A%")}


def test_strings_sent_as_they_are_are_compiled_and_never_wildcards(speakers):
    prepared = PreparedQuery(lambda name: Speaker.objects.filter(name=name))
    assert prepared("a_c") == [speakers["a_c"]]
    assert prepared.is_compiled("a_c")
    assert prepared("A%") == [speakers["A%"]]
    assert prepared("a%") == []


def test_values_the_orm_rewrites_run_through_the_orm_and_stay_right(speakers):
    # ``contains`` sends "%<escaped value>%": the SQL cannot be reused for other values.
    contains = PreparedQuery(lambda text: Speaker.objects.filter(name__contains=text))
    assert contains("_") == [speakers["a_c"]]
    assert not contains.is_compiled("_")
    # SQLite's iexact escapes the value for LIKE; PostgreSQL's sends it as it is.
    iexact = PreparedQuery(lambda name: Speaker.objects.filter(name__iexact=name))
    assert iexact("A_C") == [speakers["a_c"]]
    assert iexact.is_compiled("A_C") == (connection.vendor == "postgresql")


def test_a_column_the_stand_in_does_not_fit_runs_through_the_orm(db):
    # Offsets are positive: Django answers a filter on a negative one without SQL.
    quote = QuoteFactory(start=0)
    prepared = PreparedQuery(lambda start: Quote.objects.filter(start=start))
    assert prepared(0) == [quote]
    assert prepared(5) == []
    assert not prepared.is_compiled(0)


def test_values_of_other_types_run_through_the_orm(db):
    quote = QuoteFactory(request_id=uuid.uuid4())
    prepared = PreparedQuery(lambda request_id: Quote.objects.filter(request_id=request_id))
    assert prepared(quote.request_id) == [quote]
    assert not prepared.is_compiled(quote.request_id)


def test_querysets_it_cannot_reproduce_are_refused(db):
    with pytest.raises(TypeError, match="prefetch"):
        PreparedQuery(lambda pk: Quote.objects.filter(pk=pk).prefetch_related("stances"))(1)
    with pytest.raises(TypeError, match="values_list"):
        PreparedQuery(lambda pk: Quote.objects.filter(pk=pk).values("id"))(1)


def test_the_hot_paths_queries_compile(assignments):
    from accounts.backends import _user_with_role
    from articles.annotation.forms import _project_speaker
    from articles.annotation.workspace import _own_rows, _targets
    from articles.api.auth import _tokens
    from articles.permissions import _assignment
    from articles.speakers import _speaker_named

    assignment = assignments[0]
    project = assignment.article.project_id
    for query, values, shape in [
        (_user_with_role, (assignment.annotator_id,), ()),
        (_tokens, ("abcd1234",), ()),
        (_assignment, (assignment.article_id, assignment.annotator_id), (False,)),
        (_assignment, (assignment.article_id, assignment.annotator_id), (True,)),
        (_targets, (project,), ()),
        (_own_rows, (assignment.article_id, assignment.annotator_id), ()),
        (_project_speaker, (project, 1), ()),
    ]:
        query(*values, shape=shape)
        assert query.is_compiled(*values, shape=shape), query.build
    # SQLite's iexact escapes names for LIKE: there the ORM builds it every time.
    _speaker_named(project, "Ola Berg")
    assert _speaker_named.is_compiled(project, "Ola Berg") == (connection.vendor == "postgresql")
