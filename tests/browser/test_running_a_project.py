"""An admin runs a project in the browser, without the Django admin: makes the project
(its guidelines previewed as typed), adds two people from a CSV file (the dry run's
report first), and makes them members."""

import pytest
from django.core import mail
from playwright.sync_api import expect

from accounts.models import User
from articles.models import Project
from tests.browser.actions import log_in, settled
from tests.factories import UserFactory

PEOPLE_CSV = (
    b"username,email,role\nalice,alice@example.org,annotator\nbob,bob@example.org,reviewer\n"
)


@pytest.fixture
def boss(transactional_db, settings):
    settings.TWO_FACTOR_REQUIRED_FOR_STAFF = False
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    return UserFactory(username="boss", is_staff=True, is_superuser=True)


def upload_csv(page, data: bytes):
    page.set_input_files(
        "#id_file", files=[{"name": "people.csv", "mimeType": "text/csv", "buffer": data}]
    )
    page.click("text=Check the file")


def test_an_admin_makes_a_project_adds_people_by_csv_and_makes_them_members(page, boss, artifacts):
    log_in(page, "boss")
    page.click("text=New project")
    expect(page.locator("h1")).to_have_text("New project")
    page.fill("#id_name", "Kyst")
    page.fill("#id_slug", "kyst")
    page.fill("#id_guidelines", "Mark **every** quote.")
    expect(page.locator("#guidelines-preview strong")).to_have_text("every")
    page.fill("#id_targets", "Tolls\nWind power")
    page.screenshot(path=artifacts / "project-form.png", full_page=True)
    page.click("text=Make the project")
    expect(page.locator("h1")).to_have_text("Members of Kyst")
    project = Project.objects.get(slug="kyst")
    assert project.guidelines == "Mark **every** quote."
    assert project.targets.count() == 2

    page.click("nav.site-nav >> text=People")
    expect(page.locator("h1")).to_have_text("People")
    # A line at fault: named, and nobody added.
    upload_csv(page, PEOPLE_CSV.replace(b"bob@example.org", b"bob@"))
    expect(page.get_by_test_id("bulk-verdict")).to_contain_text("Nobody was added")
    expect(page.locator("#bulk-report")).to_contain_text("line 3: email: is not an e-mail address")
    assert not User.objects.filter(username="alice").exists()

    upload_csv(page, PEOPLE_CSV)
    expect(page.get_by_test_id("bulk-verdict")).to_contain_text("2 people to add")
    page.screenshot(path=artifacts / "people-csv-report.png", full_page=True)
    page.click("text=Add these 2 people")
    expect(page.locator(".messages")).to_contain_text("Added 2 people")
    rows = page.get_by_test_id("person")
    expect(rows.filter(has_text="alice").get_by_test_id("person-role")).to_have_text("annotator")
    expect(rows.filter(has_text="bob").get_by_test_id("person-role")).to_have_text("reviewer")
    assert sorted(m.to[0] for m in mail.outbox) == ["alice@example.org", "bob@example.org"]

    page.goto("/projects/kyst/members/")
    page.select_option("#id_users", ["alice", "bob"])
    page.click("#members-form button[type=submit]")
    expect(page.locator(".messages")).to_contain_text("Added alice, bob to Kyst")
    expect(page.get_by_test_id("member")).to_have_count(2)
    page.screenshot(path=artifacts / "members.png", full_page=True)
    settled(page)
    assert sorted(project.members.values_list("username", flat=True)) == ["alice", "bob"]
    # The file with a line at fault was answered 400, as it should; nothing else failed.
    assert [e for e in page.console_errors if "status of 400" not in e] == []
