"""One project from creation to a researcher's gold export, in the browser alone: no
Django admin page, no command line. An admin makes the project, adds four people from a
CSV file, makes them members, uploads an article (a dry run, then the import as a job)
and distributes it to two annotators; each sets their password from the e-mail and
annotates; a reviewer adjudicates; the researcher downloads the gold export."""

import json
import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from articles.models import Assignment
from tests.browser.actions import drag_select, log_in, saved, settled
from tests.factories import UserFactory
from tests.integration.test_jobs_worker import run_worker

PASSWORD = "a-long-walk-by-the-harbour-7"
PEOPLE = (
    b"username,email,role\n"
    b"alice,alice@example.org,annotator\n"
    b"bob,bob@example.org,annotator\n"
    b"rev,rev@example.org,reviewer\n"
    b"rita,rita@example.org,researcher\n"
)
TEXT = (
    "The harbour board met on Monday to discuss the new tolls.\n\n"
    "– The quay is crumbling and someone has to pay, says harbour master Siri Vold.\n\n"
    "Fisherman Odd Berg believes that the tolls will drive boats away."
)
QUAY = "The quay is crumbling and someone has to pay"
ARTICLE = {"title": "Tolls at the harbour", "text": TEXT, "outlet": "Kystposten"}


@pytest.fixture
def boss(transactional_db, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.TWO_FACTOR_REQUIRED_FOR_STAFF = False
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    return UserFactory(username="boss", is_staff=True, is_superuser=True)


def set_password_from_mail(page, email):
    """What each person does with the e-mail the People page sent them."""
    [message] = [m for m in mail.outbox if m.to == [email]]
    link = re.search(r"https?://\S+", message.body).group(0)
    page.goto(re.sub(r"^https?://[^/]+", "", link))
    page.fill("#id_new_password1", PASSWORD)
    page.fill("#id_new_password2", PASSWORD)
    page.click("button[type=submit]")
    settled(page)
    page.context.clear_cookies()


def log_in_as(page, username):
    page.goto("/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    expect(page.locator("h1")).to_have_text("Your projects")


def annotate(page, username, speaker):
    log_in_as(page, username)
    page.click("text=Kyst")
    expect(page.locator("table.queue")).to_be_visible()
    page.keyboard.press("n")
    page.wait_for_url("**/articles/*/")
    expect(page.locator("#article-text")).to_be_visible()
    drag_select(page, QUAY)
    page.keyboard.press("d")
    page.keyboard.press("s")
    page.keyboard.type(speaker)
    page.keyboard.press("Enter")
    saved(page, lambda: page.keyboard.press("Enter"))
    page.keyboard.press("Control+Enter")
    page.wait_for_url("**/projects/kyst/")
    page.context.clear_cookies()


def test_from_a_new_project_to_a_researchers_gold_export(page, boss):
    log_in(page, "boss")
    page.click("text=New project")
    page.fill("#id_name", "Kyst")
    page.fill("#id_slug", "kyst")
    page.fill("#id_targets", "Harbour tolls")
    page.click("text=Make the project")
    expect(page.locator("h1")).to_have_text("Members of Kyst")

    page.click("nav.site-nav >> text=People")
    page.set_input_files(
        "#id_file", files=[{"name": "people.csv", "mimeType": "text/csv", "buffer": PEOPLE}]
    )
    page.click("text=Check the file")
    expect(page.get_by_test_id("bulk-verdict")).to_contain_text("4 people to add")
    page.click("text=Add these 4 people")
    expect(page.locator(".messages")).to_contain_text("Added 4 people")

    page.goto("/projects/kyst/members/")
    page.select_option("#id_users", ["alice", "bob", "rev", "rita"])
    page.click("#members-form button[type=submit]")
    expect(page.get_by_test_id("member")).to_have_count(4)

    page.goto("/projects/kyst/upload/")
    page.set_input_files(
        "#id_file",
        files=[
            {
                "name": "harbour.jsonl",
                "mimeType": "application/octet-stream",
                "buffer": (json.dumps(ARTICLE) + "\n").encode(),
            }
        ],
    )
    page.click("text=Check the file")
    job = page.locator("section.job").first
    expect(job.get_by_test_id("job-counts")).to_contain_text("Would import 1 new article")
    job.get_by_role("button", name="Import").click()
    expect(job.get_by_test_id("job-status")).to_have_text("Queued")
    run_worker()
    expect(job.get_by_test_id("job-status")).to_have_text("Done", timeout=10_000)

    page.goto("/projects/kyst/distribute/")
    form = page.locator("#distribute-form")
    form.get_by_label("alice").check()
    form.get_by_label("bob").check()
    form.locator("input[name=per_article]").fill("2")
    form.locator("button[type=submit]").click()
    expect(page.locator(".messages")).to_contain_text("2")
    assert sorted(Assignment.objects.values_list("annotator__username", flat=True)) == [
        "alice",
        "bob",
    ]
    page.context.clear_cookies()

    for person in ("alice", "bob", "rev", "rita"):
        set_password_from_mail(page, f"{person}@example.org")
    annotate(page, "alice", "Siri Vold")
    annotate(page, "bob", "Siri Vold")

    log_in_as(page, "rev")
    page.goto("/projects/kyst/dashboard/")
    page.keyboard.press("n")
    page.wait_for_url("**/adjudicate/")
    expect(page.locator("#board .group")).to_have_count(1)
    with page.expect_response(lambda r: "/adjudicate/unanimous/" in r.url):
        page.click("#take-unanimous")
    settled(page)
    with page.expect_response(lambda r: "/adjudicate/finish/" in r.url):
        page.keyboard.press("Control+Enter")
    page.wait_for_url("**/projects/kyst/dashboard/")
    expect(page.locator("#adjudicated-count")).to_have_text("1")
    page.context.clear_cookies()

    log_in_as(page, "rita")
    page.goto("/projects/kyst/export/")
    page.select_option("#id_annotations", "gold")
    with page.expect_download() as download:
        page.click("button[name=what][value=export]")
    lines = download.value.path().read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    articles = [r for r in records if "quotes" in r]
    assert [(q["text"], q["speaker"]["name"], q["annotator"]) for q in articles[0]["quotes"]] == [
        (QUAY, "Siri Vold", "rev")
    ]
    assert [e for e in page.console_errors if "status of 400" not in e] == []
