"""A job whose worker died does not show "running" forever: each progress report is a
heartbeat, and a running job silent for JOB_STALE_AFTER is failed with a reason."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from articles.jobs import lifecycle
from articles.jobs.models import ProjectJob
from articles.jobs.progress import Progress
from tests.factories import ProjectFactory
from tests.logins import force_verified_login

pytestmark = pytest.mark.django_db


def running_job(project, *, silent_for: timedelta) -> ProjectJob:
    job = ProjectJob.objects.create(project=project, kind="import", status="queued")
    lifecycle.claim(job.pk)
    beat = timezone.now() - silent_for
    ProjectJob.objects.filter(pk=job.pk).update(started_at=beat, heartbeat_at=beat)
    return job


def test_a_progress_report_is_a_heartbeat():
    job = ProjectJob.objects.create(project=ProjectFactory(), kind="import", status="queued")
    lifecycle.claim(job.pk)
    ProjectJob.objects.filter(pk=job.pk).update(heartbeat_at=timezone.now() - timedelta(hours=1))
    progress = Progress(job.pk)
    progress.report(3, 10, "importing", force=True)
    progress.close()
    job.refresh_from_db()
    assert timezone.now() - job.heartbeat_at < timedelta(seconds=30)
    assert (job.done, job.total) == (3, 10)


def test_a_silent_running_job_is_failed_and_a_beating_one_is_not(settings):
    settings.JOB_STALE_AFTER = 600
    project = ProjectFactory()
    dead = running_job(project, silent_for=timedelta(minutes=11))
    alive = running_job(project, silent_for=timedelta(minutes=2))
    queued = ProjectJob.objects.create(project=project, kind="export", status="queued")
    assert lifecycle.fail_stale() == 1
    dead.refresh_from_db()
    assert dead.status == "failed"
    assert "The worker stopped while running this job" in dead.error
    assert dead.finished_at is not None
    assert ProjectJob.objects.get(pk=alive.pk).status == "running"
    assert ProjectJob.objects.get(pk=queued.pk).status == "queued"  # waits for a worker
    assert lifecycle.fail_stale() == 0


def test_the_job_partial_shows_a_dead_workers_job_as_failed(client, admin_user, settings):
    settings.JOB_STALE_AFTER = 600
    project = ProjectFactory(slug="kyst")
    job = running_job(project, silent_for=timedelta(hours=2))
    force_verified_login(client, admin_user)
    partial = client.get(reverse("articles:job", args=[job.pk]), headers={"HX-Request": "true"})
    html = partial.content.decode()
    assert "The worker stopped while running this job" in html
    assert 'hx-trigger="every 1s"' not in html  # it stops polling


def test_the_daily_command_fails_stale_jobs_too(settings):
    settings.JOB_STALE_AFTER = 600
    job = running_job(ProjectFactory(), silent_for=timedelta(days=1))
    call_command("prune_job_files")
    assert ProjectJob.objects.get(pk=job.pk).status == "failed"
