"""Jobs through the database backend and a real worker loop (``manage.py db_worker``):
the request only queues; the worker claims, runs and records, with progress and the
cancel flag on a connection of their own, outside any test transaction."""

import signal
from contextlib import contextmanager

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from articles.jobs.models import ProjectJob
from articles.models import Article
from tests.exports import records as exported_records
from tests.factories import ProjectFactory, UserFactory
from tests.logins import force_verified_login

DATABASE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
TEXTS = [f"– Sak {n} er viktig for kysten, sier Ola Vik." for n in range(5)]


@contextmanager
def kept_signal_handlers():
    """db_worker installs its own SIGINT/SIGTERM handlers; give pytest its own back."""
    kept = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
    try:
        yield
    finally:
        for sig, handler in kept.items():
            signal.signal(sig, handler)


def run_worker():
    """Process every queued task, then exit, as `manage.py db_worker --batch` does."""
    with kept_signal_handlers():
        call_command(
            "db_worker",
            "--batch",
            "--no-startup-delay",
            "--no-reload",
            "--interval",
            "0",
            verbosity=0,
        )


def test_db_worker_runs_the_queued_import_and_export(transactional_db, client, settings):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = DATABASE
    project = ProjectFactory(slug="kyst")
    boss = UserFactory(username="boss", is_staff=True, is_superuser=True)
    researcher = UserFactory(username="res", role="researcher")
    project.members.add(researcher)
    force_verified_login(client, boss)
    body = "".join(f'{{"title": "Sak {n}", "text": "{text}"}}\n' for n, text in enumerate(TEXTS))
    client.post(
        reverse("articles:upload", args=["kyst"]),
        {"file": SimpleUploadedFile("batch.jsonl", body.encode())},
    )
    imported = ProjectJob.objects.get(kind="import")
    client.post(reverse("articles:job-start", args=[imported.pk]))
    imported.refresh_from_db()
    assert imported.status == "queued"
    assert DBTaskResult.objects.filter(status="READY").count() == 1
    assert Article.objects.count() == 0  # the request only queued it

    run_worker()

    imported.refresh_from_db()
    assert imported.status == "done", imported.error
    assert (imported.done, imported.total) == (5, 5)
    assert Article.objects.count() == 5
    assert not imported.file

    client.force_login(researcher)
    form = {"format": "jsonl", "annotations": "all", "include_unannotated": "on", "what": "file"}
    client.post(reverse("articles:export", args=["kyst"]), form)
    exported = ProjectJob.objects.get(kind="export")
    assert exported.status == "queued"

    run_worker()

    exported.refresh_from_db()
    assert exported.status == "done", exported.error
    assert exported.done == exported.total == 5
    assert exported.manifest["file"]["lines"] == 5 + 1  # and the final line
    download = client.get(reverse("articles:job-download", args=[exported.pk]))
    assert len(exported_records(b"".join(download.streaming_content))) == 5
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"SUCCESSFUL"}


def test_a_failed_import_under_the_worker_writes_nothing(transactional_db, client, settings):
    settings.TASKS = DATABASE
    project = ProjectFactory(slug="kyst")
    ann = UserFactory(username="ann", role="annotator")
    boss = UserFactory(username="boss", is_staff=True, is_superuser=True)
    force_verified_login(client, boss)
    lines = [
        f'{{"title": "Sak {n}", "text": "{text}", '
        f'"assignments": [{{"annotator": "ann", "status": "todo"}}]}}\n'
        for n, text in enumerate(TEXTS)
    ]
    client.post(
        reverse("articles:upload", args=["kyst"]),
        {"file": SimpleUploadedFile("batch.jsonl", "".join(lines).encode())},
    )
    job = ProjectJob.objects.get(kind="import")
    assert job.errors == []
    ann.delete()
    client.post(reverse("articles:job-start", args=[job.pk]))

    run_worker()

    job.refresh_from_db()
    assert job.status == "failed"
    assert [(e["path"], e["line"]) for e in job.errors] == [("batch.jsonl", n) for n in range(1, 6)]
    assert Article.objects.count() == 0
    assert project.articles.count() == 0
