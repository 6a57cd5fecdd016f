"""A history event's actor and project are keys the database keeps: no event names a user
or a project that does not exist, on either database and under concurrent writes.

PostgreSQL checks them with statement-level triggers (migration 0026: one check for the
ten thousand events of an assignment, not one per event), SQLite with its declared
foreign keys; each test runs on both and expects the same. SQLite checks its keys at
COMMIT, which a test's transaction never reaches: ``committing`` checks them as COMMIT
would (Django's TestCase does the same at the end of each test).
"""

import threading
from contextlib import contextmanager

import pytest
from django.contrib.auth import get_user_model
from django.db import (
    DatabaseError,
    IntegrityError,
    NotSupportedError,
    connection,
    connections,
    transaction,
)
from django.db.models import ProtectedError

from articles.exchange.fast_paths import insert_assignments
from articles.models import Assignment, HistoryEvent, Project
from articles.review.distribution import distribute
from tests.factories import ArticleFactory, ProjectFactory, UserFactory
from tests.integration.test_races import wait_until_blocked

pytestmark = pytest.mark.django_db
User = get_user_model()
postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="PostgreSQL's own (CI runs the suite on both databases)",
)


@contextmanager
def committing():
    """A transaction whose keys are checked as its COMMIT would check them."""
    with transaction.atomic():
        yield
        connection.check_constraints()


@pytest.fixture
def w():
    project = ProjectFactory()
    articles = [ArticleFactory(project=project) for _ in range(3)]
    return {
        "project": project,
        "articles": articles,
        "annotators": [UserFactory(username="ann1"), UserFactory(username="ann2")],
        "boss": UserFactory(username="boss"),  # referenced by nothing until they act
    }


def nobody() -> int:
    return (User.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1000


def nowhere() -> int:
    return (Project.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1000


def dangling() -> list:
    """Events naming a user or a project that does not exist."""
    return list(
        HistoryEvent.objects.exclude(actor_id__isnull=True)
        .exclude(actor_id__in=User.objects.values("pk"))
        .values_list("pk", flat=True)
    ) + list(
        HistoryEvent.objects.exclude(project_id__in=Project.objects.values("pk")).values_list(
            "pk", flat=True
        )
    )


def event(**fields) -> HistoryEvent:
    return HistoryEvent(kind="test.made", **fields)


def test_an_event_naming_a_user_who_does_not_exist_is_refused(w):
    with pytest.raises(IntegrityError), committing():
        event(project=w["project"], actor_id=nobody()).save()
    with pytest.raises(IntegrityError), committing():
        HistoryEvent.objects.bulk_create(
            [
                event(project=w["project"], actor=w["boss"]),
                event(project=w["project"], actor_id=nobody()),
            ]
        )
    assert not HistoryEvent.objects.exists()


def test_an_event_naming_a_project_that_does_not_exist_is_refused(w):
    with pytest.raises(IntegrityError), committing():
        event(project_id=nowhere(), actor=w["boss"]).save()
    with pytest.raises(IntegrityError), committing():
        event(project_id=nowhere(), agent="command").save()
    assert not HistoryEvent.objects.exists()


def test_an_assignment_by_a_user_who_does_not_exist_is_refused_with_its_assignments(w):
    ghost = User(pk=nobody(), username="ghost")
    pairs = [(article.pk, w["annotators"][0].pk) for article in w["articles"]]
    with pytest.raises(IntegrityError), committing():
        insert_assignments(pairs, project_id=w["project"].pk, actor=ghost)
    assert not Assignment.objects.exists()
    assert not HistoryEvent.objects.exists()


def test_events_by_existing_users_and_commands_are_written(w):
    distribute(project=w["project"], annotators=w["annotators"], per_article=1, actor=w["boss"])
    distribute(project=w["project"], annotators=w["annotators"], per_article=2)
    events = HistoryEvent.objects.filter(kind="assignment.created")
    assert events.filter(actor=w["boss"]).count() == 3
    assert events.filter(actor__isnull=True, agent="command").count() == 3
    assert dangling() == []


@pytest.mark.parametrize(
    "sql",
    [
        "DELETE FROM accounts_user WHERE id = %s",
        "UPDATE accounts_user SET id = id + 100000 WHERE id = %s",
    ],
)
def test_a_user_named_by_an_event_can_be_neither_deleted_nor_given_another_id(w, sql):
    distribute(project=w["project"], annotators=w["annotators"], per_article=1, actor=w["boss"])
    with pytest.raises(ProtectedError):
        w["boss"].delete()
    with pytest.raises(IntegrityError), committing(), connection.cursor() as cursor:
        cursor.execute(sql, [w["boss"].pk])
    assert User.objects.filter(pk=w["boss"].pk).exists()
    assert HistoryEvent.objects.filter(actor=w["boss"]).count() == 3
    assert dangling() == []


@pytest.mark.parametrize(
    "sql",
    [
        "DELETE FROM articles_project WHERE id = %s",
        "UPDATE articles_project SET id = id + 100000 WHERE id = %s",
    ],
)
def test_a_project_named_by_an_event_can_be_neither_deleted_nor_given_another_id(sql):
    project = ProjectFactory()  # nothing but an event names it
    HistoryEvent.objects.create(project=project, kind="test.made", agent="command")
    with pytest.raises(ProtectedError):
        project.delete()
    with pytest.raises(IntegrityError), committing(), connection.cursor() as cursor:
        cursor.execute(sql, [project.pk])
    assert HistoryEvent.objects.get().project_id == project.pk
    assert dangling() == []


def test_users_and_projects_no_event_names_are_deleted_and_renumbered_as_before(w):
    distribute(project=w["project"], annotators=w["annotators"], per_article=1, actor=w["boss"])
    other, spare = UserFactory(username="other"), ProjectFactory()
    with connection.cursor() as cursor:
        cursor.execute("UPDATE accounts_user SET id = id + 100000 WHERE id = %s", [other.pk])
        cursor.execute("UPDATE articles_project SET id = id + 100000 WHERE id = %s", [spare.pk])
    User.objects.get(pk=other.pk + 100000).delete()
    Project.objects.get(pk=spare.pk + 100000).delete()
    assert not User.objects.filter(username="other").exists()
    assert not Project.objects.filter(slug=spare.slug).exists()
    assert dangling() == []


@postgresql_only
@pytest.mark.parametrize("table", ["accounts_user", "articles_project"])
def test_truncating_users_or_projects_leaves_no_event_naming_one_that_is_gone(w, table):
    """The declared keys took the events along (CASCADE) or refused; the triggers refuse
    while an event names one of them."""
    distribute(project=w["project"], annotators=w["annotators"], per_article=1, actor=w["boss"])
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(f"TRUNCATE {table} CASCADE")
    except DatabaseError:
        assert HistoryEvent.objects.filter(actor=w["boss"]).count() == 3
    assert dangling() == []


@postgresql_only
def test_on_postgresql_an_event_naming_a_missing_user_is_refused_at_its_statement(w):
    """The one difference from the declared key, which refused at COMMIT: the statement
    fails, so a savepoint around it keeps the transaction's other writes (none of them
    names a missing user)."""
    with committing():
        event(project=w["project"], actor=w["boss"]).save()
        with pytest.raises(IntegrityError), transaction.atomic():
            event(project=w["project"], actor_id=nobody()).save()
    assert HistoryEvent.objects.get().actor == w["boss"]
    assert dangling() == []


def run_both(first, second):
    """``first`` in a transaction held open until ``second`` (another connection) waits
    for a lock or ends; then both finish. Returns each one's result or exception."""
    held, release, finished = threading.Event(), threading.Event(), threading.Event()
    outcome = {}

    def holder():
        try:
            with transaction.atomic():
                first()
                held.set()
                release.wait(15)
            outcome["first"] = "committed"
        except Exception as error:  # the test reads it
            outcome["first"] = error
        finally:
            held.set()
            connections.close_all()

    def requester():
        try:
            second()
            outcome["second"] = "committed"
        except Exception as error:
            outcome["second"] = error
        finally:
            finished.set()
            connections.close_all()

    one = threading.Thread(target=holder)
    one.start()
    held.wait(15)
    two = threading.Thread(target=requester)
    two.start()
    wait_until_blocked(finished)
    release.set()
    one.join(20)
    two.join(20)
    return outcome["first"], outcome["second"]


def assert_one_won(w, outcome):
    """The user's deletion or their assignment won, never both: no event names a
    missing user, and the loser was told."""
    boss_left = not User.objects.filter(username="boss").exists()
    events = HistoryEvent.objects.filter(kind="assignment.created").count()
    assert dangling() == []
    if boss_left:
        assert events == 0
        assert not Assignment.objects.exists()
    else:
        assert events == 3
        assert Assignment.objects.count() == 3
    assert sum(isinstance(o, IntegrityError) for o in outcome) == 1, outcome
    assert sum(o == "committed" for o in outcome) == 1, outcome


def spread(w):
    return lambda: distribute(
        project=w["project"], annotators=w["annotators"], per_article=1, actor=w["boss"]
    )


def delete_boss():
    User.objects.get(username="boss").delete()


@pytest.mark.django_db(transaction=True)
@postgresql_only
def test_a_user_deleted_while_an_assignment_by_them_commits_leaves_no_dangling_actor(w):
    outcome = run_both(delete_boss, spread(w))
    assert outcome[0] == "committed"
    assert_one_won(w, outcome)


@pytest.mark.django_db(transaction=True)
@postgresql_only
def test_an_assignment_committed_while_its_actor_is_being_deleted_leaves_no_dangling_actor(w):
    outcome = run_both(spread(w), delete_boss)
    assert_one_won(w, outcome)


def delete_boss_in_sql():
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM accounts_user WHERE username = 'boss'")


@pytest.mark.django_db(transaction=True)
@postgresql_only
@pytest.mark.parametrize(
    "deletion_first", [True, False], ids=["deletion-first", "assignment-first"]
)
def test_a_user_deleted_in_sql_meeting_an_assignment_by_them_leaves_no_dangling_actor(
    w, deletion_first
):
    calls = (delete_boss_in_sql, spread(w)) if deletion_first else (spread(w), delete_boss_in_sql)
    assert_one_won(w, run_both(*calls))


def dangling_actors() -> list:
    """Events whose actor is no user, by a join (not by the ORM's NOT IN)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT e.id FROM articles_historyevent e"
            " LEFT JOIN accounts_user u ON u.id = e.actor_id"
            " WHERE e.actor_id IS NOT NULL AND u.id IS NULL"
        )
        return [row[0] for row in cursor.fetchall()]


def in_another_connection(work):
    """``work`` on a connection of its own (a thread's), committed before this returns."""
    failure = []

    def run():
        try:
            work()
        except Exception as error:  # the test reads it
            failure.append(error)
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(20)
    assert not thread.is_alive()
    assert not failure, failure


def in_isolation(isolation, *statements):
    """A transaction of ``isolation`` running ``statements`` (SQL, or callables)."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"SET TRANSACTION ISOLATION LEVEL {isolation}")
        for statement in statements:
            if callable(statement):
                statement()
            else:
                cursor.execute(*statement)


@pytest.mark.django_db(transaction=True)
@postgresql_only
@pytest.mark.parametrize("way", ["sql", "orm"])
@pytest.mark.parametrize("isolation", ["REPEATABLE READ", "SERIALIZABLE"])
def test_a_user_deleted_on_a_snapshot_older_than_an_assignment_by_them_is_refused(
    w, isolation, way
):
    """The deleter's snapshot is taken first; another connection then commits an
    assignment by the user; the deletion, on that snapshot, sees none of its events (nor
    does Django's PROTECT): the trigger must refuse it rather than leave them dangling."""
    snapshot = ["SELECT count(*) FROM articles_historyevent"]
    deletion = delete_boss if way == "orm" else delete_boss_in_sql
    with pytest.raises(NotSupportedError, match="READ COMMITTED"):
        in_isolation(isolation, snapshot, lambda: in_another_connection(spread(w)), deletion)
    assert User.objects.filter(username="boss").exists()
    assert HistoryEvent.objects.filter(actor=w["boss"], kind="assignment.created").count() == 3
    assert dangling_actors() == []
    assert dangling() == []


@pytest.mark.django_db(transaction=True)
@postgresql_only
@pytest.mark.parametrize(
    "sql",
    [
        "DELETE FROM accounts_user WHERE username = 'boss'",
        "UPDATE accounts_user SET id = id + 100000 WHERE username = 'boss'",
        "DELETE FROM articles_project WHERE id = %(spare)s",
        "TRUNCATE accounts_user CASCADE",
    ],
)
def test_outside_read_committed_users_and_projects_are_neither_deleted_nor_renumbered(w, sql):
    """Even one no event names: the trigger cannot see what other connections committed
    after the transaction's snapshot, so outside READ COMMITTED (which Django's
    connections use; only ``streams.snapshot`` asks for REPEATABLE READ, read-only) it
    refuses every deletion or renumbering that touches a row, and every TRUNCATE; a
    deletion touching none passes."""
    spare = ProjectFactory()
    with pytest.raises(NotSupportedError, match="READ COMMITTED"):
        in_isolation("REPEATABLE READ", [sql, {"spare": spare.pk}])
    in_isolation(
        "REPEATABLE READ",
        ["DELETE FROM accounts_user WHERE username = 'nobody at all'"],
        ["DELETE FROM articles_project WHERE id = %s", [nowhere()]],
    )
    assert User.objects.filter(pk=w["boss"].pk).exists()
    assert Project.objects.filter(pk=spare.pk).exists()
    # The same deletions under READ COMMITTED pass.
    with transaction.atomic():
        w["boss"].delete()
        spare.delete()
    assert not User.objects.filter(username="boss").exists()
    assert dangling() == []
