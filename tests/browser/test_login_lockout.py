from playwright.sync_api import expect

from tests.factories import UserFactory

HTMX_BUSY = ".htmx-request, .htmx-swapping, .htmx-settling"


def submit_wrong_password(page):
    page.fill("#id_username", "ann")
    page.fill("#id_password", "wrong")
    with page.expect_response(
        lambda r: r.url.endswith("/accounts/login/") and r.request.method == "POST"
    ):
        page.click("button[type=submit]")
    expect(page.locator(HTMX_BUSY)).to_have_count(0)


def test_a_locked_out_login_shows_why_and_a_way_back(page, transactional_db, settings):
    settings.AXES_FAILURE_LIMIT = 3
    UserFactory(username="ann")
    page.goto("/accounts/login/")
    for _ in range(3):
        submit_wrong_password(page)
    expect(page.locator("h1")).to_have_text("Too many failed logins")
    assert "15 minutes" in page.locator("[role=alert]").inner_text()
    page.click("text=reset your password")
    expect(page.locator("h1")).to_have_text("Reset your password")
    assert "/accounts/password/reset/" in page.url
    # The browser reports the 429 itself; nothing else may go wrong.
    assert [e for e in page.console_errors if "status of 429" not in e] == []
