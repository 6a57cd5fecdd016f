"""An admin uploads articles in the browser: the dry run's report, then the import as a
job whose progress the page polls until a worker (``manage.py db_worker``) has done it."""

import json

import pytest
from playwright.sync_api import expect

from articles.models import Article
from tests.browser.actions import log_in, settled
from tests.factories import ProjectFactory, UserFactory
from tests.integration.test_jobs_worker import run_worker

DATABASE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def jsonl(records) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode()


ARTICLES = [
    {"title": f"Sak {n}", "text": f"– Sak {n} gjelder kysten, sier Ola Vik."} for n in range(3)
]


@pytest.fixture
def boss(transactional_db, settings):
    settings.TASKS = DATABASE
    settings.TWO_FACTOR_REQUIRED_FOR_STAFF = False
    ProjectFactory(slug="kyst", name="Kyst")
    return UserFactory(username="boss", is_staff=True, is_superuser=True)


def choose(page, name, data):
    page.set_input_files(
        "#id_file", files=[{"name": name, "mimeType": "application/octet-stream", "buffer": data}]
    )
    page.click("text=Check the file")
    settled(page)


def test_upload_dry_run_then_import_as_a_job(page, boss):
    log_in(page, "boss")
    page.click("text=Upload articles")
    expect(page.locator("h1")).to_have_text("Upload articles to Kyst")

    # A file with a problem: the line is named, nothing can be imported.
    choose(page, "bad.jsonl", jsonl([ARTICLES[0], {"text": "Uten tittel."}]))
    refused = page.locator("section.job").first
    expect(refused.get_by_test_id("job-status")).to_have_text("Refused by the check")
    expect(refused.get_by_test_id("job-errors")).to_contain_text("bad.jsonl:2: title: is required")
    expect(refused.get_by_role("button", name="Import")).to_have_count(0)

    choose(page, "batch.jsonl", jsonl(ARTICLES))
    job = page.locator("section.job").first
    expect(job.get_by_test_id("job-status")).to_have_text("Checked: ready to import")
    expect(job.get_by_test_id("job-counts")).to_contain_text("Would import 3 new articles")
    assert Article.objects.count() == 0

    # Polls wait in the browser while the worker runs in this thread: the live server
    # never serves a poll in the middle of the import.
    page.route("**/jobs/*/", lambda route: route.continue_())
    job.get_by_role("button", name="Import").click()
    expect(job.get_by_test_id("job-status")).to_have_text("Queued")
    expect(job.get_by_test_id("job-progress")).to_contain_text("Waiting for a worker")
    run_worker()
    expect(job.get_by_test_id("job-status")).to_have_text("Done", timeout=10_000)
    expect(job.get_by_test_id("job-counts")).to_contain_text("Imported 3 new articles")
    expect(job.get_by_test_id("job-progress")).to_have_count(0)
    assert sorted(Article.objects.values_list("title", flat=True)) == ["Sak 0", "Sak 1", "Sak 2"]

    # A reload keeps it, finished, without polling.
    page.reload()
    expect(page.locator("section.job").first.get_by_test_id("job-status")).to_have_text("Done")
    assert page.locator("[hx-trigger]").count() == 0
    assert page.console_errors == []
