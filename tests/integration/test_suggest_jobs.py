"""Suggestions for a whole project as a job, from the dashboard: each article in its own
transaction, progress shown, a cancel keeping the articles done, reviewers only."""

from importlib.util import find_spec

import pytest
from django.urls import reverse

from articles.jobs import lifecycle, suggesting
from articles.jobs.models import ProjectJob
from articles.models import Quote, Suggestion
from tests.logins import force_verified_login
from tests.scenes import team_scene

pytestmark = pytest.mark.django_db

_TASKS = "django.tasks" if find_spec("django.tasks") else "django_tasks"
IMMEDIATE = {"default": {"BACKEND": f"{_TASKS}.backends.immediate.ImmediateBackend"}}
DATABASE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

TEXTS = [
    "– The ferry must keep running all winter, says harbour master Siri Vold.",
    "– We cannot pay for empty boats, says county councillor Per Aune.",
    "The council met on Tuesday. Mayor Liv Dahl said that the budget is tight.",
]


@pytest.fixture
def scene():
    made = team_scene(slug="ferje")
    for text in TEXTS:
        made.add_article(text=text, status="todo")
    return made


def test_the_dashboard_starts_a_job_that_suggests_for_every_article(client, scene, settings):
    settings.TASKS = IMMEDIATE
    client.force_login(scene.reviewer)
    response = client.post(reverse("articles:suggest", args=["ferje"]))
    job = ProjectJob.objects.get(kind="suggest")
    assert response["Location"] == f"/projects/ferje/dashboard/#job-{job.pk}"
    assert job.status == "done"
    assert job.result["articles"] == 3
    assert Suggestion.objects.filter(article__project=scene.project).count() >= 3
    # Each of the two annotators got each article's suggestions to judge.
    copies = Quote.objects.filter(article__project=scene.project, origin="suggested").count()
    assert copies == 2 * Suggestion.objects.filter(article__project=scene.project).count()
    page = client.get(reverse("articles:dashboard", args=["ferje"])).content.decode()
    assert f'id="job-{job.pk}"' in page
    assert "3 articles:" in page


def test_running_it_again_adds_nothing_twice(client, scene, settings):
    settings.TASKS = IMMEDIATE
    client.force_login(scene.reviewer)
    client.post(reverse("articles:suggest", args=["ferje"]))
    before = Suggestion.objects.count(), Quote.objects.count()
    client.post(reverse("articles:suggest", args=["ferje"]))
    assert (Suggestion.objects.count(), Quote.objects.count()) == before
    assert ProjectJob.objects.filter(kind="suggest").latest("pk").result["suggestions"] == 0


def test_a_cancel_keeps_the_articles_done_and_stops_before_the_rest(scene, settings):
    settings.TASKS = DATABASE  # queued, not run: the test runs it by hand
    job = suggesting.start_suggestions(project=scene.project, user=scene.reviewer)
    job = lifecycle.claim(job.pk)
    ProjectJob.objects.filter(pk=job.pk).update(cancel_requested=True)
    suggesting.run_suggestions(job)
    job.refresh_from_db()
    assert job.status == "cancelled"
    assert job.result == {"articles": 0}
    assert not Suggestion.objects.exists()


def test_only_reviewers_and_admins_run_it(client, scene, settings):
    settings.TASKS = IMMEDIATE
    client.force_login(scene.annotators[0])
    assert client.post(reverse("articles:suggest", args=["ferje"])).status_code == 403
    assert not ProjectJob.objects.exists()


def test_an_admin_sees_the_job_and_polls_it(client, scene, settings, admin_user):
    settings.TASKS = DATABASE
    force_verified_login(client, admin_user)
    client.post(reverse("articles:suggest", args=["ferje"]))
    job = ProjectJob.objects.get()
    assert job.status == "queued"
    partial = client.get(reverse("articles:job", args=[job.pk]), headers={"HX-Request": "true"})
    assert 'hx-trigger="every 1s"' in partial.content.decode()
    assert client.get(reverse("articles:job", args=[job.pk]))["Location"].startswith(
        "/projects/ferje/dashboard/"
    )
