"""Background jobs: the upload page's dry run and import job, the export page's small
downloads and export jobs, cancelling, and the job record the pages poll. Tasks run with
django-tasks' immediate backend here; test_jobs_worker.py runs them through db_worker."""

import hashlib
import json
from datetime import timedelta
from importlib.util import find_spec

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from articles.exchange import streams, trailer
from articles.history.models import HistoryEvent
from articles.jobs import importing
from articles.jobs.models import ProjectJob
from articles.models import Article, Assignment
from tests.exports import csv_rows as exported_csv_rows
from tests.exports import records as exported_records
from tests.factories import ArticleFactory, ProjectFactory, QuoteFactory, UserFactory
from tests.logins import force_verified_login

pytestmark = pytest.mark.django_db

# Django 6's own framework, or the django-tasks backport on 5.2 (as settings.py chooses).
_TASKS = "django.tasks" if find_spec("django.tasks") else "django_tasks"
IMMEDIATE = {"default": {"BACKEND": f"{_TASKS}.backends.immediate.ImmediateBackend"}}
DATABASE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture(autouse=True)
def immediate(settings):
    settings.TASKS = IMMEDIATE


@pytest.fixture
def project():
    return ProjectFactory(slug="kyst", name="Kyst")


@pytest.fixture
def boss(client, project, admin_user):
    force_verified_login(client, admin_user)
    return admin_user


def jsonl(*records) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode()


def article(n, **extra):
    return {"title": f"Sak {n}", "text": f"– Sak nummer {n} er viktig, sier Ola Vik.", **extra}


def upload(client, slug, data: bytes, name="batch.jsonl"):
    return client.post(
        reverse("articles:upload", args=[slug]), {"file": SimpleUploadedFile(name, data)}
    )


def checked(client, project, data, name="batch.jsonl") -> ProjectJob:
    response = upload(client, project.slug, data, name)
    assert response.status_code == 302, response.content.decode()
    return ProjectJob.objects.get(project=project, kind="import", file_name=name)


def start(client, job, **headers):
    return client.post(reverse("articles:job-start", args=[job.pk]), headers=headers)


# The upload page: dry run, then import -------------------------------------------------


def test_the_dry_run_reports_what_would_be_imported_and_writes_nothing(client, project, boss):
    ArticleFactory(project=project, title="Sak 1", text=article(1)["text"])
    job = checked(client, project, jsonl(article(1), article(2), article(3)))
    assert job.status == "checked"
    assert job.errors == []
    assert job.result["records"] == 3
    assert job.result["counts"]["created"] == 2
    assert job.result["counts"]["duplicates"] == 1
    assert job.result["new_titles"] == ["Sak 2", "Sak 3"]
    assert job.result["known_titles"] == ["Sak 1"]
    assert job.file  # kept for the import
    assert Article.objects.count() == 1
    page = client.get(reverse("articles:upload", args=[project.slug])).content.decode()
    assert "Would import\n      2 new articles of 3 records" in page
    assert reverse("articles:job-start", args=[job.pk]) in page


def test_the_dry_run_lists_each_problem_with_file_and_line_and_keeps_no_file(client, project, boss):
    data = jsonl(article(1), {"text": "Ingen tittel her."}, article(3)) + b"{broken\n"
    job = checked(client, project, data)
    assert [(e["path"], e["line"], e["field"]) for e in job.errors] == [
        ("batch.jsonl", 2, "title"),
        ("batch.jsonl", 4, None),
    ]
    assert job.error == "2 problems; nothing was imported."
    assert not job.file
    page = client.get(reverse("articles:upload", args=[project.slug])).content.decode()
    assert "<code>batch.jsonl:2</code>: title: is required" in page
    assert reverse("articles:job-start", args=[job.pk]) not in page
    assert start(client, job).status_code == 302  # refused: back to the page
    job.refresh_from_db()
    assert job.status == "checked"
    assert Article.objects.count() == 0


def test_a_zip_archive_is_checked_member_by_member(client, project, boss):
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a/one.txt", "– Det blir bra, sier Kari.\n")
        archive.writestr("b.csv", "title,text\nSak,\n")
    job = checked(client, project, buffer.getvalue(), name="batch.zip")
    assert ("batch.zip:b.csv", 2, "text") in [
        (e["path"], e["line"], e["field"]) for e in job.errors
    ]
    assert not job.file


def test_a_file_over_the_import_limit_is_refused(client, project, boss, settings):
    settings.ARTICLE_IMPORT_MAX_BYTES = 1024
    response = upload(client, project.slug, jsonl(*[article(n) for n in range(40)]))
    assert response.status_code in (400, 413)
    assert "the limit is 1,024 bytes" in response.content.decode().replace(
        "larger than 1,024 bytes", "the limit is 1,024 bytes"
    )
    assert not ProjectJob.objects.exists()


def test_the_import_job_imports_the_checked_file_and_deletes_it(client, project, boss):
    job = checked(client, project, jsonl(article(1), article(2)))
    response = start(client, job, **{"HX-Request": "true"})
    assert response.status_code == 200
    assert "HX-Request" in response["Vary"]
    job.refresh_from_db()
    assert job.status == "done", job.error
    assert job.result["counts"]["created"] == 2
    assert job.done == job.total == 2
    assert not job.file
    assert sorted(Article.objects.values_list("title", flat=True)) == ["Sak 1", "Sak 2"]
    assert job.task_id
    (event,) = HistoryEvent.objects.filter(project=project)  # the import, one batch
    assert (event.actor, event.job_id) == (boss, str(job.pk))
    body = response.content.decode()
    assert "Imported\n      2 new articles" in body
    assert "hx-trigger" not in body  # finished: no more polling


def test_a_failing_import_writes_nothing_and_shows_the_error_with_its_line(client, project, boss):
    ann = UserFactory(username="ann", role="annotator")
    work = {"assignments": [{"annotator": "ann", "status": "todo"}]}
    job = checked(client, project, jsonl(article(1), article(2, **work)))
    assert job.errors == []
    ann.delete()  # between the check and the import
    start(client, job)
    job.refresh_from_db()
    assert job.status == "failed"
    assert job.errors == [
        {
            "path": "batch.jsonl",
            "line": 2,
            "field": "assignments[0].annotator",
            "message": "no user 'ann' here",
        }
    ]
    assert Article.objects.count() == 0
    assert not job.file
    page = client.get(reverse("articles:job", args=[job.pk]), headers={"HX-Request": "true"})
    assert "<code>batch.jsonl:2</code>: assignments[0].annotator: no user" in page.content.decode()


def test_a_cancel_seen_after_writing_rolls_the_whole_import_back(
    client, project, boss, monkeypatch
):
    real = importing.import_articles

    def import_then_cancel(**kwargs):
        result = real(**kwargs)
        if kwargs.get("dry_run"):
            return result
        assert Article.objects.count() == 2  # written, not yet committed
        ProjectJob.objects.filter(kind="import").update(cancel_requested=True)
        return result

    monkeypatch.setattr(importing, "import_articles", import_then_cancel)
    job = checked(client, project, jsonl(article(1), article(2)))
    start(client, job)
    job.refresh_from_db()
    assert job.status == "cancelled"
    assert Article.objects.count() == 0


def test_a_queued_import_cancelled_never_runs(client, project, boss, settings):
    settings.TASKS = DATABASE  # queued, no worker here
    job = checked(client, project, jsonl(article(1)))
    start(client, job)
    job.refresh_from_db()
    assert job.status == "queued"
    response = client.post(reverse("articles:job-cancel", args=[job.pk]))
    assert response.status_code == 302
    job.refresh_from_db()
    assert job.status == "cancelled"
    assert not job.file
    from articles.jobs.tasks import run_import

    assert run_import.call(job.pk) == "cancelled"
    assert Article.objects.count() == 0


def test_a_running_import_stops_at_its_next_look_at_the_cancel_flag(client, project, boss):
    job = checked(client, project, jsonl(article(1)))
    ProjectJob.objects.filter(pk=job.pk).update(status="queued", cancel_requested=True)
    from articles.jobs.tasks import run_import

    assert run_import.call(job.pk) == "cancelled"
    job.refresh_from_db()
    assert job.status == "cancelled"
    assert job.started_at is not None
    assert Article.objects.count() == 0


def test_discarding_a_checked_upload_deletes_its_file(client, project, boss):
    job = checked(client, project, jsonl(article(1)))
    client.post(reverse("articles:job-cancel", args=[job.pk]))
    job.refresh_from_db()
    assert job.status == "cancelled"
    assert not job.file


def test_only_admins_upload(client, project):
    for role in ("annotator", "reviewer", "researcher"):
        user = UserFactory(username=role, role=role)
        project.members.add(user)
        client.force_login(user)
        assert client.get(reverse("articles:upload", args=[project.slug])).status_code == 403
        assert upload(client, project.slug, jsonl(article(1))).status_code == 403
    assert not ProjectJob.objects.exists()


def test_an_import_job_is_only_the_admins(client, project, boss):
    job = checked(client, project, jsonl(article(1)))
    reviewer = UserFactory(username="rev", role="reviewer")
    project.members.add(reviewer)
    client.force_login(reviewer)
    assert start(client, job).status_code == 403
    assert client.post(reverse("articles:job-cancel", args=[job.pk])).status_code == 403
    assert client.get(reverse("articles:job", args=[job.pk])).status_code == 403
    job.refresh_from_db()
    assert job.status == "checked"


# The job record and its partial --------------------------------------------------------


def test_the_partial_polls_while_the_job_runs_and_a_full_page_goes_to_its_page(
    client, project, boss, settings
):
    settings.TASKS = DATABASE
    job = checked(client, project, jsonl(article(1)))
    start(client, job)
    url = reverse("articles:job", args=[job.pk])
    partial = client.get(url, headers={"HX-Request": "true"})
    assert 'hx-trigger="every 1s"' in partial.content.decode()
    assert "Waiting for a worker" in partial.content.decode()
    full = client.get(url)
    assert full.status_code == 302
    assert full["Location"] == f"/projects/kyst/upload/#job-{job.pk}"
    # The page lists it after a reload, polling.
    page = client.get(reverse("articles:upload", args=[project.slug])).content.decode()
    assert f'id="job-{job.pk}"' in page
    assert 'hx-trigger="every 1s"' in page


def test_the_pages_read_a_bounded_number_of_queries(
    client, project, boss, django_assert_max_num_queries
):
    for n in range(12):
        checked(client, project, jsonl(article(n)), name=f"batch{n}.jsonl")
        ProjectJob.objects.create(project=project, kind="export", started_by=boss, status="done")
    with django_assert_max_num_queries(12):
        assert client.get(reverse("articles:upload", args=[project.slug])).status_code == 200
    with django_assert_max_num_queries(12):
        assert client.get(reverse("articles:export", args=[project.slug])).status_code == 200


# The export page -----------------------------------------------------------------------


@pytest.fixture
def researcher(client, project):
    user = UserFactory(username="res", role="researcher")
    project.members.add(user)
    client.force_login(user)
    return user


@pytest.fixture
def annotated(project):
    ann = UserFactory(username="ann", role="annotator")
    project.members.add(ann)
    articles = [ArticleFactory(project=project) for _ in range(3)]
    for item in articles[:2]:
        Assignment.objects.create(article=item, annotator=ann)
        QuoteFactory(article=item, annotator=ann)
    return articles


def export(client, project, **data):
    form = {"format": "jsonl", "annotations": "all", "include_unannotated": "on", **data}
    return client.post(reverse("articles:export", args=[project.slug]), form)


def test_a_small_export_downloads_at_once(client, project, researcher, annotated):
    response = export(client, project)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="kyst-')
    assert len(exported_records(b"".join(response.streaming_content))) == 3
    response = export(client, project, format="csv", include_unannotated="")
    assert response["Content-Type"].startswith("text/csv")
    assert not ProjectJob.objects.exists()


def test_the_manifest_alone_downloads_for_the_same_choice(client, project, researcher, annotated):
    response = export(client, project, what="manifest", annotations="annotator:ann")
    manifest = json.loads(response.content)
    assert manifest["annotations"] == "annotator:ann"
    assert manifest["counts"]["articles"] == 3


def test_a_large_export_becomes_a_job_with_a_file_and_its_manifest(
    client, project, researcher, annotated, settings
):
    settings.EXPORT_INLINE_MAX_ARTICLES = 1
    response = export(client, project, include_unannotated="")
    job = ProjectJob.objects.get(kind="export")
    assert response.status_code == 302
    assert response["Location"] == f"/projects/kyst/export/#job-{job.pk}"
    assert job.status == "done", job.error
    assert job.options == {"format": "jsonl", "annotations": "all", "include_unannotated": False}
    assert job.expires_at > timezone.now() + timedelta(days=6)
    download = client.get(reverse("articles:job-download", args=[job.pk]))
    assert download.status_code == 200
    assert download["X-Content-Type-Options"] == "nosniff"
    body = b"".join(download.streaming_content)
    expected = b"".join(
        streams.chunks(project, streams.Selection(), "jsonl", include_unannotated=False)
    )
    assert body == expected
    assert len(exported_records(body)) == 2
    manifest = json.loads(client.get(reverse("articles:job-manifest", args=[job.pk])).content)
    assert manifest["file"]["sha256"] == hashlib.sha256(body).hexdigest()
    # The manifest repeats what the file's final line says.
    assert manifest["file"]["export"] == trailer.check(body)
    assert manifest["file"]["export"]["articles"] == manifest["counts"]["articles"]
    assert manifest["file"]["export"]["quotes"] == manifest["counts"]["quotes"]
    assert manifest["file"]["bytes"] == len(body)
    assert manifest["counts"]["articles"] == 2
    page = client.get(reverse("articles:export", args=[project.slug])).content.decode()
    assert reverse("articles:job-download", args=[job.pk]) in page


def test_prepare_as_a_file_makes_a_job_whatever_the_size(client, project, researcher, annotated):
    export(client, project, what="file", format="csv")
    job = ProjectJob.objects.get(kind="export")
    assert job.status == "done", job.error
    body = b"".join(client.get(reverse("articles:job-download", args=[job.pk])).streaming_content)
    assert body.startswith(b"article_id") or b"," in body.splitlines()[0]
    assert job.manifest["file"]["export"] == trailer.check(body)
    assert job.manifest["file"]["export"]["rows"] == len(exported_csv_rows(body)) - 1


@pytest.mark.parametrize(("format", "suffix"), [("cas", ".zip"), ("parquet", ".parquet")])
def test_a_binary_export_file_is_the_stream_with_its_digest(
    client, project, researcher, annotated, format, suffix
):
    export(client, project, what="file", format=format)
    job = ProjectJob.objects.get(kind="export")
    assert job.status == "done", job.error
    assert job.file_name.endswith(suffix)
    download = client.get(reverse("articles:job-download", args=[job.pk]))
    body = b"".join(download.streaming_content)
    assert body == b"".join(streams.chunks(project, streams.Selection(), format))
    assert job.manifest["file"]["sha256"] == hashlib.sha256(body).hexdigest()
    assert job.manifest["file"]["export"] is None  # no final line in another tool's file


def test_an_export_file_is_downloaded_only_by_whoever_may_export_the_project(
    client, project, researcher, annotated
):
    export(client, project, what="file")
    job = ProjectJob.objects.get(kind="export")
    url = reverse("articles:job-download", args=[job.pk])
    ann = UserFactory(username="ann")
    client.force_login(ann)
    assert client.get(url).status_code == 403
    assert client.get(reverse("articles:export", args=[project.slug])).status_code == 403
    outsider = UserFactory(username="other", role="researcher")
    client.force_login(outsider)
    assert client.get(url).status_code == 404
    assert client.get(reverse("articles:job-manifest", args=[job.pk])).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302  # to the login page


def test_expired_export_files_are_pruned(client, project, researcher, annotated):
    export(client, project, what="file")
    job = ProjectJob.objects.get(kind="export")
    ProjectJob.objects.filter(pk=job.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    call_command("prune_job_files", stdout=open("/dev/null", "w"))  # noqa: SIM115
    job.refresh_from_db()
    assert not job.file
    assert client.get(reverse("articles:job-download", args=[job.pk])).status_code == 404
    page = client.get(reverse("articles:export", args=[project.slug])).content.decode()
    assert "The file has expired" in page


def test_a_cancelled_export_keeps_no_file(client, project, researcher, annotated, settings):
    settings.TASKS = DATABASE
    export(client, project, what="file")
    job = ProjectJob.objects.get(kind="export")
    ProjectJob.objects.filter(pk=job.pk).update(cancel_requested=True)
    from articles.jobs.tasks import run_export

    assert run_export.call(job.pk) == "cancelled"
    job.refresh_from_db()
    assert job.status == "cancelled"
    assert not job.file
    assert job.manifest is None


def test_the_project_list_links_the_pages_for_those_who_may_use_them(client, project, boss):
    page = client.get(reverse("articles:project-list")).content.decode()
    assert reverse("articles:upload", args=["kyst"]) in page
    assert reverse("articles:export", args=["kyst"]) in page
    researcher = UserFactory(username="res", role="researcher")
    annotator = UserFactory(username="ann", role="annotator")
    project.members.add(researcher, annotator)
    client.force_login(researcher)
    page = client.get(reverse("articles:project-list")).content.decode()
    assert reverse("articles:export", args=["kyst"]) in page
    assert reverse("articles:upload", args=["kyst"]) not in page
    client.force_login(annotator)
    page = client.get(reverse("articles:project-list")).content.decode()
    assert reverse("articles:export", args=["kyst"]) not in page


def test_an_upload_is_imported_once_however_often_import_is_pressed(client, project, boss):
    job = checked(client, project, jsonl(article(1)))
    assert start(client, job, **{"HX-Request": "true"}).status_code == 200
    again = start(client, job, **{"HX-Request": "true"})
    assert again.status_code == 409
    job.refresh_from_db()
    assert job.status == "done"
    assert Article.objects.count() == 1


def test_the_upload_page_takes_the_txt_title_rule_and_the_check_shows_it(client, project, boss):
    data = b"The port doubles its tolls.\nIt is the first rise.\n"
    response = client.post(
        reverse("articles:upload", args=[project.slug]),
        {"file": SimpleUploadedFile("lead.txt", data), "txt_title": "first-line"},
    )
    assert response.status_code == 302
    job = ProjectJob.objects.get(file_name="lead.txt")
    assert job.result["new_titles"] == ["The port doubles its tolls."]
    automatic = checked(client, project, data, name="lead2.txt")
    assert automatic.result["new_titles"] == ["lead2"]


def test_an_upload_can_hold_back_near_duplicates(client, project, boss, settings):
    from articles.ingest.models import TextFingerprint

    text = (
        "The harbour board in Vesterhavn will double its tolls for cargo ships from the new "
        "year, the port director told the council on Monday. The quay needs repairs worth "
        "forty million kroner, and the state has refused to pay for them, she said."
    )
    data = jsonl(
        {"title": "Tolls", "text": text},
        {"title": "Tolls (wire)", "text": text + " Ships may go elsewhere."},
    )
    response = client.post(
        reverse("articles:upload", args=[project.slug]),
        {"file": SimpleUploadedFile("batch.jsonl", data), "near_duplicates": "on"},
    )
    assert response.status_code == 302
    job = ProjectJob.objects.get(file_name="batch.jsonl")
    (held,) = job.result["near_duplicates"]
    assert held.startswith("batch.jsonl:2: near-duplicate of batch.jsonl:1 (similarity")
    assert job.result["counts"]["created"] == 1
    page = client.get(reverse("articles:upload", args=[project.slug])).content.decode()
    assert "1 near-duplicate held back" in page
    importing.run_import(job)
    assert list(Article.objects.values_list("title", flat=True)) == ["Tolls"]
    assert TextFingerprint.objects.count() == 1
