from django_otp.plugins.otp_totp.models import TOTPDevice

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

    page.wait_for_selector("text=Set up two-factor authentication")
    assert "/account/two-factor/enrol/" in page.url
    # The QR code is an SVG image from a data: URI, drawn under our CSP.
    qr = page.locator("img.qr-code")
    assert qr.get_attribute("src").startswith("data:image/svg+xml;base64,")
    assert qr.evaluate("img => img.complete && img.naturalWidth > 0")
    device = TOTPDevice.objects.get(user__username="boss")
    page.screenshot(path=artifacts / "two-factor-enrol.png", full_page=True)

    page.fill("#id_code", "000000" if totp_code(device) != "000000" else "111111")
    page.click("button:text('Confirm')")
    page.wait_for_selector("text=code: Wrong code")

    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_count=0)
    page.fill("#id_code", totp_code(device))
    page.click("button:text('Confirm')")
    page.wait_for_selector("text=Your recovery codes")
    assert page.locator(".recovery-codes li").count() == 10
    page.click("text=Continue")
    page.wait_for_selector("text=Your projects")

    page.click("text=Log out")
    page.wait_for_selector("#id_username")
    log_in_with_password(page, "boss")
    page.wait_for_selector("text=Enter your code")
    page.fill("#id_code", totp_code(device, steps_ahead=1))
    page.click("button:text('Verify')")
    page.wait_for_selector("text=Your projects")
    # The browser logs the refused code's 400; nothing else went wrong (no CSP violation).
    assert [e for e in page.console_errors if "status of 400" not in e] == []
