"""``articles.review.distribution`` against the real database: the plan, ``distribute``
and ``reassign_open_work``."""

from collections import Counter

import pytest

from articles.models import Assignment, Quote
from articles.review.distribution import (
    DistributionError,
    distribute,
    plan_assignments,
    reassign_open_work,
)
from tests.factories import ArticleFactory, ProjectFactory, QuoteFactory, UserFactory
from tests.scenes import new_annotators

pytestmark = pytest.mark.django_db


def pairs(project):
    return sorted(
        Assignment.objects.filter(article__project=project).values_list(
            "article_id", "annotator__username", "status"
        )
    )


def active_loads(project):
    return Counter(
        Assignment.objects.filter(article__project=project)
        .exclude(status="skipped")
        .values_list("annotator__username", flat=True)
    )


# plan_assignments: the pure rule


def test_the_plan_rotates_pairs_and_breaks_ties_by_list_order():
    plan = plan_assignments(
        articles=[1, 2, 3], annotators=["a", "b", "c"], per_article=2, loads={}, existing={}
    )
    assert plan == [(1, "a"), (1, "b"), (2, "c"), (2, "a"), (3, "b"), (3, "c")]


def test_the_plan_breaks_ties_by_list_order_whatever_the_names():
    plan = plan_assignments(
        articles=[1, 2, 3, 4],
        annotators=["c", "a", "b"],
        per_article=1,
        loads={"a": 1},
        existing={},
    )
    assert plan == [(1, "c"), (2, "b"), (3, "c"), (4, "a")]


def test_the_plan_tops_up_what_articles_have_and_favours_the_least_loaded():
    plan = plan_assignments(
        articles=[1, 2],
        annotators=["a", "b", "c"],
        per_article={1: 2, 2: 1},
        loads={"a": 5, "b": 1},
        existing={1: {"b"}},
    )
    assert plan == [(1, "c"), (2, "b")]


@pytest.mark.parametrize(
    ("annotators", "per_article", "message"),
    [
        (["a"], 0, "per_article: must be at least 1"),
        ([], 1, "annotators: choose at least one"),
        (["a", "b"], 3, "per_article: 3 annotators per article"),
        # Named twice, one person: the plan gave the article to "a" twice.
        (["a", "a"], 2, "per_article: 2 annotators per article, but article 1 has 0 and only 1"),
    ],
)
def test_the_plan_refuses_what_cannot_be_met(annotators, per_article, message):
    with pytest.raises(DistributionError, match=message):
        plan_assignments(
            articles=[1], annotators=annotators, per_article=per_article, loads={}, existing={}
        )


def test_no_annotators_per_article_is_refused_even_for_a_project_without_articles():
    # It used to pass with nothing to assign, and the command then stored k = 0.
    with pytest.raises(DistributionError, match="per_article: must be at least 1"):
        plan_assignments(articles=[], annotators=["a"], per_article=0, loads={}, existing={})


def test_the_plan_counts_each_annotator_an_article_has_once():
    plan = plan_assignments(
        articles=[1], annotators=["a", "b"], per_article=2, loads={}, existing={1: ["a", "a"]}
    )
    assert plan == [(1, "b")]


# distribute


def test_distribute_balances_loads_to_within_one():
    project = ProjectFactory()
    team = new_annotators("a", "b", "c")
    ArticleFactory.create_batch(7, project=project)
    result = distribute(project=project, annotators=team, per_article=1)
    assert (result.assigned, result.articles) == (7, 7)
    assert result.loads == {"a": 3, "b": 2, "c": 2} == dict(active_loads(project))


def test_distribute_gives_every_article_k_distinct_annotators_and_records_k():
    project = ProjectFactory(annotators_per_article=1)
    team = new_annotators("a", "b", "c", "d")
    articles = ArticleFactory.create_batch(5, project=project)
    distribute(project=project, annotators=team, per_article=3)
    for article in articles:
        names = list(article.assignments.values_list("annotator__username", flat=True))
        assert len(names) == len(set(names)) == 3
    project.refresh_from_db()
    assert project.annotators_per_article == 3


def test_distribute_never_gives_an_article_twice_to_one_annotator_when_topping_up():
    project = ProjectFactory()
    a, b, c = new_annotators("a", "b", "c")
    first = ArticleFactory(project=project)
    Assignment.objects.create(article=first, annotator=a, status="done")
    ArticleFactory(project=project)
    distribute(project=project, annotators=[a, b, c], per_article=2)
    assert first.assignments.filter(annotator=a).count() == 1
    assert first.assignments.get(annotator=a).status == "done"  # existing work untouched
    assert first.assignments.count() == 2


def test_distribute_makes_the_annotators_members_of_the_project():
    project = ProjectFactory()
    team = new_annotators("a", "b")
    ArticleFactory(project=project)
    distribute(project=project, annotators=team, per_article=1)
    assert set(project.members.values_list("username", flat=True)) == {"a", "b"}


def test_distribute_refusing_k_above_the_people_writes_nothing_at_all():
    project = ProjectFactory(annotators_per_article=1)
    ArticleFactory.create_batch(2, project=project)
    with pytest.raises(DistributionError, match="per_article"):
        distribute(project=project, annotators=new_annotators("a", "b"), per_article=3)
    project.refresh_from_db()
    assert project.annotators_per_article == 1
    assert not project.members.exists()
    assert not Assignment.objects.exists()


def test_distribute_run_again_with_the_same_k_changes_nothing():
    project = ProjectFactory()
    team = new_annotators("a", "b", "c")
    ArticleFactory.create_batch(4, project=project)
    distribute(project=project, annotators=team, per_article=2)
    before = pairs(project)
    again = distribute(project=project, annotators=team, per_article=2)
    assert (again.assigned, again.articles) == (0, 0)
    assert pairs(project) == before
    assert again.loads == dict(active_loads(project))


def test_distribute_gives_a_handed_back_article_to_its_old_annotator_by_reviving_the_row():
    project = ProjectFactory()
    (a,) = new_annotators("a")
    article = ArticleFactory(project=project)
    old = Assignment.objects.create(article=article, annotator=a, status="skipped")
    result = distribute(project=project, annotators=[a], per_article=1)
    assert result.assigned == 1
    old.refresh_from_db()
    assert (old.status, old.started_at, old.finished_at) == ("todo", None, None)
    assert article.assignments.count() == 1


def test_distribute_does_not_count_skipped_work_in_the_loads():
    project = ProjectFactory()
    a, b = new_annotators("a", "b")
    for article in ArticleFactory.create_batch(3, project=ProjectFactory()):
        Assignment.objects.create(article=article, annotator=a)  # another project's load
    handed = ArticleFactory(project=project)
    Assignment.objects.create(article=handed, annotator=b, status="skipped")
    Assignment.objects.create(article=handed, annotator=a)
    fresh = ArticleFactory(project=project)
    distribute(project=project, annotators=[a, b], per_article=1)
    # a has one active article here, b none: the fresh article goes to b.
    assert list(fresh.assignments.values_list("annotator__username", flat=True)) == ["b"]


# reassign_open_work


@pytest.fixture
def leaving():
    project = ProjectFactory()
    a, b, c = new_annotators("a", "b", "c")
    done, started, todo = ArticleFactory.create_batch(3, project=project)
    for article, status in ((done, "done"), (started, "in_progress"), (todo, "todo")):
        Assignment.objects.create(article=article, annotator=a, status=status)
        Assignment.objects.create(article=article, annotator=b, status="todo")
    return project, a, b, c, done, started, todo


def test_reassign_hands_on_only_unfinished_work_and_marks_it_skipped(leaving):
    project, a, b, c, done, started, todo = leaving
    result = reassign_open_work(project=project, leaving=a, annotators=[b, c])
    assert (result.assigned, result.articles) == (2, 2)
    assert dict(a.assignments.values_list("article_id", "status")) == {
        done.pk: "done",
        started.pk: "skipped",
        todo.pk: "skipped",
    }
    for article in (started, todo):
        active = article.assignments.exclude(status="skipped")
        assert sorted(active.values_list("annotator__username", flat=True)) == ["b", "c"]
    assert not done.assignments.filter(annotator=c).exists()
    assert result.loads == {"b": 3, "c": 2}


def test_reassign_keeps_the_leavers_quotes_for_the_record(leaving):
    project, a, b, c, _, started, _ = leaving
    kept = QuoteFactory(article=started, annotator=a, start=0, end=5)
    reassign_open_work(project=project, leaving=a, annotators=[b, c])
    assert Quote.objects.filter(pk=kept.pk).exists()


def test_reassign_never_hands_work_back_to_the_leaver(leaving):
    project, a, b, c, *_ = leaving
    result = reassign_open_work(project=project, leaving=a, annotators=[a, b, c])
    assert "a" not in result.loads
    assert not a.assignments.filter(status__in=["todo", "in_progress"]).exists()


def test_reassign_refuses_when_nobody_is_left_to_take_the_work(leaving):
    project, a, b, *_ = leaving
    before = pairs(project)
    with pytest.raises(DistributionError):
        reassign_open_work(project=project, leaving=a, annotators=[b])
    assert pairs(project) == before  # the skips were rolled back too


def test_reassign_run_again_changes_nothing(leaving):
    project, a, b, c, *_ = leaving
    reassign_open_work(project=project, leaving=a, annotators=[b, c])
    before = pairs(project)
    again = reassign_open_work(project=project, leaving=a, annotators=[b, c])
    assert (again.assigned, again.articles) == (0, 0)
    assert pairs(project) == before


def test_distribute_writes_the_same_rows_on_the_fast_path_as_on_the_plain_one(monkeypatch):
    from articles.exchange import fast_paths
    from articles.history import origin
    from articles.history.models import HistoryEvent

    boss = UserFactory(username="boss")
    team = new_annotators("ann", "ben")

    def distributed(fast: bool) -> tuple[list, list]:
        project = ProjectFactory()
        ArticleFactory.create_batch(3, project=project)
        with monkeypatch.context() as patch:
            if not fast:
                patch.setattr(fast_paths, "postgresql", lambda using=None: False)
            with origin.during(job_id="j1"):
                distribute(project=project, annotators=team, per_article=2, actor=boss)
        first = project.articles.order_by("pk").first().pk
        assignments = [
            (a - first, who, status, made is not None, started, finished)
            for a, who, status, made, started, finished in Assignment.objects.filter(
                article__project=project
            )
            .order_by("pk")
            .values_list(
                "article_id", "annotator_id", "status", "created_at", "started_at", "finished_at"
            )
        ]
        events = [
            (kind, article - first, actor, agent, payload, request, token, job)
            for kind, article, actor, agent, payload, request, token, job in HistoryEvent.objects
            .filter(project=project, kind__startswith="assignment")
            .order_by("pk")
            .values_list(
                "kind", "article_id", "actor_id", "agent", "payload", "request_id", "token",
                "job_id",
            )
        ]  # fmt: skip
        return assignments, events

    fast, plain = distributed(True), distributed(False)
    assert fast == plain
    assert len(fast[0]) == len(fast[1]) == 6
    assert fast[1][0][4] == {"annotator": team[0].pk}


# The distribution page's forms


def test_the_distribution_forms_offer_only_the_projects_members(client, admin_user):
    from django.urls import reverse

    from tests.logins import force_verified_login

    project = ProjectFactory(slug="dist")
    member, stranger = new_annotators("member", "stranger")
    project.members.add(member)
    ArticleFactory(project=project)
    force_verified_login(client, admin_user)
    url = reverse("articles:distribute", args=["dist"])
    page = client.get(url)
    for form in ("distribute_form", "reassign_form"):
        offered = list(page.context[form].fields["annotators"].queryset)
        assert offered == [member], form
    assert "stranger" not in page.content.decode()
    refused = client.post(url, {"annotators": [stranger.pk], "per_article": 1})
    assert refused.status_code == 400
    assert not Assignment.objects.exists()
    assert not project.members.filter(pk=stranger.pk).exists()
