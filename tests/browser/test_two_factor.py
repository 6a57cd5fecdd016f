from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from tests.factories import UserFactory
from tests.logins import totp_code


def log_in_with_password(page, username):
    page.goto("/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", "pw-for-tests")
    page.click("button[type=submit]")


def test_staff_enrol_at_their_first_login_then_enter_a_code_at_the_next(
    page, transactional_db, artifacts
):
    UserFactory(username="boss", is_staff=True, is_superuser=True)
    log_in_with_password(page, "boss")

    expect(page.locator("h1")).to_have_text("Set up two-factor authentication")
    assert "/account/two-factor/enrol/" in page.url
    # The QR code is an SVG image from a data: URI, drawn under our CSP.
    qr = page.locator("img.qr-code")
    assert qr.get_attribute("src").startswith("data:image/svg+xml;base64,")
    expect(qr).to_have_js_property("complete", True)
    expect(qr).not_to_have_js_property("naturalWidth", 0)  # drawn, not broken
    device = TOTPDevice.objects.get(user__username="boss")
    page.screenshot(path=artifacts / "two-factor-enrol.png", full_page=True)

    page.fill("#id_code", "000000" if totp_code(device) != "000000" else "111111")
    page.click("button:text('Confirm')")
    expect(page.locator("[role=alert]")).to_contain_text("code: Wrong code")

    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_count=0)
    page.fill("#id_code", totp_code(device))
    page.click("button:text('Confirm')")
    expect(page.locator("h1")).to_have_text("Your recovery codes")
    expect(page.locator(".recovery-codes li")).to_have_count(10)
    page.click("text=Continue")
    expect(page.locator("h1")).to_have_text("Your projects")

    page.click("text=Log out")
    expect(page.locator("#id_username")).to_be_visible()
    log_in_with_password(page, "boss")
    expect(page.locator("h1")).to_have_text("Enter your code")
    page.fill("#id_code", totp_code(device, steps_ahead=1))
    page.click("button:text('Verify')")
    expect(page.locator("h1")).to_have_text("Your projects")
    # The browser logs the refused code's 400; nothing else went wrong (no CSP violation).
    assert [e for e in page.console_errors if "status of 400" not in e] == []
