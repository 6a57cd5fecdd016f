"""Rival writes on real concurrent PostgreSQL connections: exactly one wins, the other is
told (409), nothing acknowledged is lost, and nothing answers 500."""

import threading
import time

import pytest
from django.db import connection, connections, transaction
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from accounts.models import ApiToken
from articles.assignments import hold_open_assignment, set_assignment_status
from articles.models import Assignment, Quote, Speaker, StanceLabel
from articles.projects import ProjectInvalid, edit_project
from articles.review import adjudication
from articles.review.distribution import distribute
from tests import scenes
from tests.admin_forms import change_form_data
from tests.factories import ArticleFactory, UserFactory
from tests.logins import force_verified_login

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="row locks need PostgreSQL (CI runs the suite on both databases)",
    ),
]

TEXT = "– Bussen må gå oftere, sier Nina Kvam.\n\nHun mener at fylket må betale."
SPAN = "Bussen må gå oftere"
ROUNDS = 30


@pytest.fixture
def scene(transactional_db):
    made = scenes.team_scene(
        text=TEXT,
        slug="buss",
        annotators=("ann1", "ann2"),
        reviewers=(),
        status="in_progress",
        targets=("Bussen",),
    )
    return {
        "project": made.project,
        "article": made.article,
        "target": made.targets["Bussen"],
        "people": made.annotators,
    }


def run_together(*calls):
    """Run the calls in threads of their own (each its own database connection), released
    together by a barrier; return their results (or exceptions) in order."""
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait()
            results[index] = call()
        except BaseException as error:  # reported to the test
            results[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return results


def browser(user):
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client


def api(user):
    client = APIClient(raise_request_exception=False)
    name = f"race {ApiToken.objects.count()}"
    _, token = ApiToken.objects.create(user=user, expiry=None, name=name, scope="write")
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return client


def fresh_quote(scene):
    return scenes.quote(
        scene["article"], scene["people"][0], SPAN, stances={scene["target"]: "favor"}
    )


def edit_data(scene, quote, **extra):
    return {
        "start": quote.start, "end": quote.end, "text": quote.text, "kind": "mixed",
        f"stance-{scene['target'].pk}": "against", **extra,
    }  # fmt: skip


def assert_one_winner(quote, edit_status, delete_status, edit_ok, delete_ok):
    assert (edit_status, delete_status) in [(edit_ok, 409), (409, delete_ok)]
    survivor = Quote.objects.filter(pk=quote.pk).first()
    if delete_status == delete_ok:
        assert survivor is None
        assert not StanceLabel.objects.filter(quote_id=quote.pk).exists()
    else:
        assert (survivor.version, survivor.kind) == (2, "mixed")
        assert list(survivor.stances.values_list("label", flat=True)) == ["against"]


def test_an_edit_and_a_stale_delete_in_the_workspace_never_both_win(scene):
    article = scene["article"]
    tab1, tab2 = browser(scene["people"][0]), browser(scene["people"][0])
    for _ in range(ROUNDS):
        quote = fresh_quote(scene)
        edit_url = reverse("articles:quote-update", args=[article.pk, quote.pk])
        delete_url = reverse("articles:quote-delete", args=[article.pk, quote.pk])
        edit = edit_data(scene, quote, version=1)
        edited, deleted = run_together(
            lambda url=edit_url, data=edit: tab1.post(url, data, HTTP_HX_REQUEST="1"),
            lambda url=delete_url: tab2.post(url, {"version": 1}, HTTP_HX_REQUEST="1"),
        )
        assert_one_winner(quote, edited.status_code, deleted.status_code, 200, 200)
        Quote.objects.filter(pk=quote.pk).delete()


def test_an_api_patch_and_a_stale_delete_never_both_win(scene):
    one, two = api(scene["people"][0]), api(scene["people"][0])
    for _ in range(ROUNDS):
        quote = fresh_quote(scene)
        url = f"/api/v1/quotes/{quote.pk}/"
        stances = [{"target": "Bussen", "label": "against"}]
        patch = {"version": 1, "kind": "mixed", "stances": stances}
        patched, deleted = run_together(
            lambda url=url, patch=patch: one.patch(url, patch, format="json"),
            lambda url=url: two.delete(f"{url}?version=1"),
        )
        assert_one_winner(quote, patched.status_code, deleted.status_code, 200, 204)
        if patched.status_code == 409:
            assert patched.json()["current"] is None  # it is gone: nothing to show
        Quote.objects.filter(pk=quote.pk).delete()


def test_two_annotators_naming_the_same_new_speaker_at_once_both_save(scene):
    article = scene["article"]
    clients = [browser(person) for person in scene["people"]]
    url = reverse("articles:quote-create", args=[article.pk])
    start = TEXT.index(SPAN)
    for round_ in range(ROUNDS):
        name = f"Nina Kvam {round_}"
        data = {"start": start, "end": start + len(SPAN), "text": SPAN, "kind": "direct",
                "speaker_name": name}  # fmt: skip
        answers = run_together(
            *(lambda c=c, data=data: c.post(url, data, HTTP_HX_REQUEST="1") for c in clients)
        )
        assert [answer.status_code for answer in answers] == [201, 201]
        [speaker] = Speaker.objects.filter(name=name)
        assert Quote.objects.filter(speaker=speaker).count() == 2
        Quote.objects.all().delete()


def wait_until_blocked(done: threading.Event) -> None:
    """Return once another connection waits for a lock (or ``done`` is set)."""
    deadline = time.monotonic() + 10
    with connection.cursor() as cursor:
        while time.monotonic() < deadline and not done.is_set():
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity "
                "WHERE datname = current_database() AND wait_event_type = 'Lock'"
            )
            if cursor.fetchone()[0]:
                return
            time.sleep(0.01)


def while_held(hold, request):
    """Run ``hold`` in a transaction of its own that stays open until ``request`` (in
    another thread) has blocked on it or finished; then commit; return the request's
    answer. Makes "the rival write lands between read and write" happen every time."""
    held, release, finished = threading.Event(), threading.Event(), threading.Event()
    answer = {}

    def holder():
        try:
            with transaction.atomic():
                hold()
                held.set()
                release.wait(15)
        finally:
            held.set()
            connections.close_all()

    def requester():
        try:
            answer["response"] = request()
        finally:
            finished.set()
            connections.close_all()

    first = threading.Thread(target=holder)
    first.start()
    held.wait(15)
    second = threading.Thread(target=requester)
    second.start()
    wait_until_blocked(finished)
    release.set()
    first.join(15)
    second.join(15)
    return answer["response"]


def test_a_new_speaker_committed_by_someone_else_meanwhile_is_the_one_named(scene):
    article, two = scene["article"], scene["people"][1]
    start = TEXT.index(SPAN)
    data = {"start": start, "end": start + len(SPAN), "text": SPAN, "kind": "direct",
            "speaker_name": "Nina Kvam"}  # fmt: skip
    response = while_held(
        lambda: Speaker.objects.create(project=scene["project"], name="Nina Kvam"),
        lambda: browser(two).post(
            reverse("articles:quote-create", args=[article.pk]), data, HTTP_HX_REQUEST="1"
        ),
    )
    assert response.status_code == 201
    [speaker] = Speaker.objects.filter(name="Nina Kvam")
    assert Quote.objects.get(annotator=two).speaker == speaker


def test_a_save_that_meets_a_concurrent_done_is_refused(scene):
    article, one = scene["article"], scene["people"][0]
    assignment = Assignment.objects.get(article=article, annotator=one)
    start = TEXT.index(SPAN)
    data = {"start": start, "end": start + len(SPAN), "text": SPAN, "kind": "direct"}
    response = while_held(
        lambda: set_assignment_status(assignment=assignment, status="done"),
        lambda: browser(one).post(
            reverse("articles:quote-create", args=[article.pk]), data, HTTP_HX_REQUEST="1"
        ),
    )
    assert response.status_code == 409
    assert not Quote.objects.exists()
    assert Assignment.objects.get(pk=assignment.pk).status == "done"


@pytest.fixture
def finished(scene):
    """Both annotators done with the article, each with a quote on it; a reviewer."""
    Assignment.objects.filter(article=scene["article"]).update(status="done")
    quotes = [scenes.quote(scene["article"], person, SPAN) for person in scene["people"]]
    reviewer = UserFactory(username="rev", role="reviewer")
    scene["project"].members.add(reviewer)
    return {**scene, "quotes": quotes, "reviewer": reviewer}


def test_a_reopen_that_meets_a_starting_adjudication_is_refused(finished):
    article, one = finished["article"], finished["people"][0]
    response = while_held(
        lambda: adjudication.take_version(
            article=article, reviewer=finished["reviewer"], quote_id=finished["quotes"][0].pk
        ),
        lambda: browser(one).post(
            reverse("articles:article-status", args=[article.pk]),
            {"status": "in_progress"},
            HTTP_HX_REQUEST="1",
        ),
    )
    assert response.status_code == 409
    assert Assignment.objects.get(article=article, annotator=one).status == "done"


def test_an_adjudication_that_meets_a_concurrent_reopen_is_refused(finished):
    article, one = finished["article"], finished["people"][0]
    assignment = Assignment.objects.get(article=article, annotator=one)
    reviewer = browser(finished["reviewer"])
    response = while_held(
        lambda: set_assignment_status(assignment=assignment, status="in_progress"),
        lambda: reviewer.post(
            reverse("articles:adjudicate-group", args=[article.pk, "take"]),
            {"quote": finished["quotes"][1].pk},
            HTTP_HX_REQUEST="1",
        ),
    )
    assert response.status_code == 400
    assert "ann1 has not finished" in response.content.decode()
    assert not Quote.objects.gold().exists()


def test_an_open_adjudication_holds_off_no_writes_to_its_article_or_project(scene):
    """Starting an adjudication locks the adjudication's row alone: its query joins the
    article and the project (to order them), and a plain FOR UPDATE locked theirs too."""
    article, project = scene["article"], scene["project"]
    Assignment.objects.filter(article=article).update(status="done")
    reviewer = UserFactory(username="rev", role="reviewer")
    project.members.add(reviewer)
    adjudication.take_unanimous(article=article, reviewer=reviewer)  # the row exists

    def elsewhere():
        with connection.cursor() as cursor:
            cursor.execute("SET lock_timeout = '2s'")
        quote = scenes.quote(article, scene["people"][0], SPAN)  # FOR SHARE of the article
        return ArticleFactory(project=project, text="Another text.").pk, quote.pk

    with transaction.atomic():
        adjudication.take_unanimous(article=article, reviewer=reviewer)  # locks, holds
        (result,) = run_together(elsewhere)
    assert not isinstance(result, BaseException), result


def labels_used_and_kept(project):
    """The labels the project's stances use, and the project's labels as stored."""
    project.refresh_from_db()
    used = set(StanceLabel.objects.filter(target__project=project).values_list("label", flat=True))
    return used, set(project.stance_labels)


def test_a_label_taken_away_while_a_stance_with_it_is_being_saved_is_kept(scene):
    """The stance is written (not committed) before the admin's edit reads the stances:
    the edit waits for it, then refuses to take its label away."""
    project = scene["project"]
    admin = UserFactory(username="boss", is_staff=True, is_superuser=True)

    def take_neutral_away():
        try:
            return edit_project(project=project, actor=admin, stance_labels=["favor", "against"])
        except ProjectInvalid as invalid:
            return invalid

    refusal = while_held(
        lambda: scenes.quote(
            scene["article"], scene["people"][0], SPAN, stances={scene["target"]: "neutral"}
        ),
        take_neutral_away,
    )
    used, kept = labels_used_and_kept(project)
    assert used <= kept, f"stances use {used - kept}, which the project no longer has"
    assert isinstance(refusal, ProjectInvalid)
    assert "neutral" in refusal.errors["stance_labels"][0]


def test_a_stance_saved_while_its_label_is_being_taken_away_is_refused(scene):
    """The admin's edit holds the project (not committed) when the stance is written: the
    write waits for it, then finds the label gone and answers 400 naming the stances."""
    project = scene["project"]
    admin = UserFactory(username="boss", is_staff=True, is_superuser=True)
    client = api(scene["people"][0])
    start = TEXT.index(SPAN)
    body = {
        "quotes": [
            {"start": start, "end": start + len(SPAN), "text": SPAN, "kind": "direct",
             "stances": [{"target": "Bussen", "label": "neutral"}]}
        ]
    }  # fmt: skip
    article = scene["article"]
    response = while_held(
        lambda: edit_project(project=project, actor=admin, stance_labels=["favor", "against"]),
        lambda: client.post(f"/api/v1/articles/{article.pk}/quotes/", body, format="json"),
    )
    used, kept = labels_used_and_kept(project)
    assert used <= kept, f"stances use {used - kept}, which the project no longer has"
    assert response.status_code == 400, response.content
    assert "stances" in response.json()
    assert not Quote.objects.exists()


def test_a_label_taken_away_in_the_admin_while_a_stance_with_it_is_saved_is_kept(scene):
    """The admin's change form too: its check of the stances must see the stance being
    written, or its save would take the label away once that stance commits."""
    project = scene["project"]
    admin = UserFactory(username="boss", is_staff=True, is_superuser=True)
    client = Client()
    force_verified_login(client, admin)
    url = reverse("admin:articles_project_change", args=[project.pk])
    data = change_form_data(client, url)
    data["members"] = list(project.members.values_list("pk", flat=True))
    data["stance_labels"] = '["favor", "against"]'  # "neutral" taken away
    response = while_held(
        lambda: scenes.quote(
            scene["article"], scene["people"][0], SPAN, stances={scene["target"]: "neutral"}
        ),
        lambda: client.post(url, data),
    )
    used, kept = labels_used_and_kept(project)
    assert used <= kept, f"stances use {used - kept}, which the project no longer has"
    assert response.status_code == 200
    assert "Stances use “neutral” (1)" in response.content.decode()


def test_spreading_work_while_an_annotator_saves_a_stance_deadlocks_neither(scene):
    """Distribute locks the project, then the articles' counts; a save holds its
    article's counts, then its stance reads the project's labels. The project lock of
    a distribution must not stand in the stance's way, or the two wait for each other
    and PostgreSQL aborts one: a lost save, or a failed distribution."""
    project, article = scene["project"], scene["article"]
    first, second = scene["people"]
    third = UserFactory(username="ann3", role="annotator")
    project.members.add(third)
    counts_held, distribution_waits, outcome = threading.Event(), threading.Event(), {}

    def save():
        try:
            with transaction.atomic():
                hold_open_assignment(article_id=article.pk, annotator_id=first.pk)
                made = scenes.quote(article, first, SPAN)  # the article's counts: held
                counts_held.set()
                distribution_waits.wait(15)
                StanceLabel.objects.create(quote=made, target=scene["target"], label="favor")
            outcome["save"] = "stored"
        except Exception as error:  # whichever it is, the test reads it
            outcome["save"] = error
        finally:
            connections.close_all()

    def spread():
        counts_held.wait(15)
        try:
            outcome["spread"] = distribute(
                project=project, annotators=[first, second, third], per_article=3
            )
        except Exception as error:
            outcome["spread"] = error
        finally:
            connections.close_all()

    saver, spreader = threading.Thread(target=save), threading.Thread(target=spread)
    saver.start()
    spreader.start()
    counts_held.wait(15)
    wait_until_blocked(threading.Event())
    distribution_waits.set()
    saver.join(20)
    spreader.join(20)
    assert outcome["save"] == "stored", outcome["save"]
    assert not isinstance(outcome["spread"], Exception), outcome["spread"]
    assert StanceLabel.objects.filter(quote__annotator=first, label="favor").count() == 1
    assert Assignment.objects.filter(article=article).count() == 3
