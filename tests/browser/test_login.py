from playwright.sync_api import expect

from tests.factories import ArticleFactory, ProjectFactory, UserFactory


def test_annotator_logs_in_and_sees_their_projects(page, transactional_db, artifacts):
    user = UserFactory(username="annotator1", role="annotator")
    project = ProjectFactory(name="Harbour debates")
    project.members.add(user)
    for _ in range(4):
        ArticleFactory(project=project)
    ProjectFactory(name="Not mine")

    page.goto("/")
    assert "/accounts/login/" in page.url
    page.fill("#id_username", "annotator1")
    page.fill("#id_password", "pw-for-tests")
    page.click("button[type=submit]")

    expect(page.locator("h1")).to_have_text("Your projects")
    expect(page.locator(".project h2")).to_have_text(["Harbour debates"])
    expect(page.locator("[data-testid=article-count]")).to_have_text("4 articles")
    # htmx loaded from our own static files, under a CSP with no inline script.
    assert page.evaluate("typeof window.htmx") == "object"
    assert page.evaluate("htmx.version").startswith("2.")
    assert page.console_errors == []
    page.screenshot(path=artifacts / "project-list.png", full_page=True)


def test_wrong_password_shows_an_error(page, transactional_db):
    UserFactory(username="ann")
    page.goto("/accounts/login/")
    page.fill("#id_username", "ann")
    page.fill("#id_password", "wrong")
    page.click("button[type=submit]")
    expect(page.locator("[role=alert]")).to_be_visible()
    assert "/accounts/login/" in page.url
    assert page.console_errors == []
