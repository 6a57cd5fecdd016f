"""Two-factor authentication: staff must, others may; recovery codes; the admin and the
API's sessions behind it."""

import base64
import re
from datetime import timedelta
from urllib.parse import unquote

import pytest
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import ApiToken
from tests.factories import UserFactory
from tests.logins import force_verified_login, totp_code

pytestmark = pytest.mark.django_db

PASSWORD = "pw-for-tests"  # the factories' password
PROJECTS = reverse("articles:project-list")
ENROL = reverse("accounts:two-factor-enrol")
VERIFY = reverse("accounts:two-factor-verify")
SETTINGS_PAGE = reverse("accounts:two-factor")


@pytest.fixture
def staff(db):
    return UserFactory(username="boss", is_staff=True, is_superuser=True)


def log_in(client, user):
    """The password step of a login, as the login form does it."""
    response = client.post(reverse("login"), {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302, response.content.decode()
    return response


def enrol(client, user) -> list[str]:
    """Set up an authenticator app through the enrolment page; the recovery codes."""
    assert client.get(ENROL).status_code == 200
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    response = client.post(ENROL, {"code": totp_code(device)})
    assert response.status_code == 200
    return response.context["codes"]


def wait_out_the_throttle(user):
    """As if the wait after one wrong code (a second) had passed."""
    earlier = timezone.now() - timedelta(seconds=2)
    for model in (TOTPDevice, StaticDevice):
        model.objects.filter(user=user).update(throttling_failure_timestamp=earlier)


def redirects_to(response, url) -> bool:
    return response.status_code == 302 and response.url.split("?")[0] == url


# Staff must enrol


def test_staff_without_a_device_is_sent_to_enrolment_from_every_page(client, staff):
    client.force_login(staff)
    for url in (PROJECTS, reverse("accounts:tokens"), SETTINGS_PAGE, reverse("admin:index")):
        response = client.get(url)
        assert redirects_to(response, ENROL), url
    assert unquote(client.get(PROJECTS).url) == f"{ENROL}?next={PROJECTS}"
    htmx = client.get(PROJECTS, headers={"HX-Request": "true"})
    assert htmx["HX-Redirect"].startswith(ENROL)
    assert client.get(ENROL).status_code == 200
    assert client.get(VERIFY).status_code == 302  # nothing to verify yet: enrol
    assert redirects_to(client.post(reverse("logout")), reverse("login"))


def test_staff_are_not_forced_when_the_setting_is_off(client, staff, settings):
    settings.TWO_FACTOR_REQUIRED_FOR_STAFF = False
    client.force_login(staff)
    assert client.get(PROJECTS).status_code == 200
    assert client.get(reverse("admin:index")).status_code == 200


def test_the_enrolment_page_shows_the_qr_code_as_an_svg_image_and_the_secret(client, staff):
    client.force_login(staff)
    response = client.get(ENROL)
    page = response.content.decode()
    assert "no-store" in response["Cache-Control"]
    device = TOTPDevice.objects.get(user=staff)
    assert not device.confirmed
    prefix = 'src="data:image/svg+xml;base64,'
    data = page.split(prefix, 1)[1].split('"', 1)[0]
    assert base64.b64decode(data).startswith(b"<svg")
    secret = base64.b32encode(device.bin_key).decode()
    assert secret[:4] + " " + secret[4:8] in page
    assert "<style" not in page
    assert " style=" not in page
    assert all("src=" in tag for tag in re.findall(r"<script[^>]*>", page))
    # Reloading keeps the secret the user may already have scanned.
    client.get(ENROL)
    assert TOTPDevice.objects.get(user=staff).key == device.key


def test_enrolment_confirms_only_with_a_valid_code_then_shows_recovery_codes_once(client, staff):
    client.force_login(staff)
    client.get(ENROL)
    device = TOTPDevice.objects.get(user=staff)
    wrong = client.post(ENROL, {"code": "000000" if totp_code(device) != "000000" else "111111"})
    assert wrong.status_code == 400
    assert "code: Wrong code" in wrong.content.decode()
    assert not TOTPDevice.objects.get(user=staff).confirmed
    assert client.post(ENROL, {"code": ""}).status_code == 400

    wait_out_the_throttle(staff)
    response = client.post(ENROL, {"code": totp_code(device), "next": reverse("accounts:tokens")})
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    codes = response.context["codes"]
    assert len(codes) == len(set(codes)) == 10
    for code in codes:
        assert f"<code>{code}</code>" in response.content.decode()
    assert TOTPDevice.objects.get(user=staff).confirmed
    assert set(StaticToken.objects.values_list("token", flat=True)) == set(codes)
    assert 'href="/account/tokens/"' in response.content.decode()
    # The session that confirmed is verified; the codes are never shown again.
    assert client.get(PROJECTS).status_code == 200
    assert redirects_to(client.get(ENROL), SETTINGS_PAGE)
    assert not any(code in client.get(SETTINGS_PAGE).content.decode() for code in codes)


# Staff log in with a code


def test_a_staff_login_then_needs_a_code_before_anything_else(client, staff):
    client.force_login(staff)
    enrol(client, staff)
    client.post(reverse("logout"))

    response = log_in(client, staff)
    assert redirects_to(client.get(response.url), VERIFY)
    assert redirects_to(client.get(reverse("admin:index")), VERIFY)
    assert redirects_to(client.get(ENROL), VERIFY)
    page = client.get(f"{VERIFY}?next=/admin/")
    assert page.status_code == 200
    assert 'name="next" value="/admin/"' in page.content.decode()
    session_before = client.session.session_key

    device = TOTPDevice.objects.get(user=staff)
    verified = client.post(VERIFY, {"code": totp_code(device, steps_ahead=1), "next": "/admin/"})
    assert redirects_to(verified, "/admin/")
    assert client.session.session_key != session_before  # rotated on verification
    assert client.get(reverse("admin:index")).status_code == 200
    assert client.get(PROJECTS).status_code == 200


def test_the_verify_page_never_sends_the_user_off_site(client, staff):
    device = TOTPDevice.objects.create(user=staff, name="app", confirmed=True)
    log_in(client, staff)
    response = client.post(
        VERIFY, {"code": totp_code(device), "next": "https://evil.example/phish"}
    )
    assert redirects_to(response, PROJECTS)


def test_a_wrong_code_is_a_form_error_and_further_codes_are_throttled(client, staff):
    device = TOTPDevice.objects.create(user=staff, name="app", confirmed=True)
    log_in(client, staff)
    right = totp_code(device)
    wrong = client.post(VERIFY, {"code": "12345" + str((int(right[-1]) + 1) % 10)})
    assert wrong.status_code == 400
    assert "code: Wrong code" in wrong.content.decode()
    assert TOTPDevice.objects.get(pk=device.pk).throttling_failure_count == 1

    # Even the right code is refused while the throttle holds, and counts no failure.
    throttled = client.post(VERIFY, {"code": right})
    assert throttled.status_code == 429
    assert "code: Too many wrong codes: try again in" in throttled.content.decode()
    assert redirects_to(client.get(PROJECTS), VERIFY)
    assert TOTPDevice.objects.get(pk=device.pk).throttling_failure_count == 1

    wait_out_the_throttle(staff)
    assert redirects_to(client.post(VERIFY, {"code": right}), PROJECTS)
    assert TOTPDevice.objects.get(pk=device.pk).throttling_failure_count == 0


def test_a_recovery_code_works_once(client, staff):
    client.force_login(staff)
    codes = enrol(client, staff)
    client.post(reverse("logout"))

    log_in(client, staff)
    spelled = codes[0].upper()[:4] + "-" + codes[0].upper()[4:]  # as people type them
    assert redirects_to(client.post(VERIFY, {"code": spelled}), PROJECTS)
    assert client.get(PROJECTS).status_code == 200
    assert StaticToken.objects.filter(device__user=staff).count() == 9
    client.post(reverse("logout"))

    log_in(client, staff)
    again = client.post(VERIFY, {"code": codes[0]})
    assert again.status_code == 400
    assert "code: Wrong or already used recovery code." in again.content.decode()
    assert redirects_to(client.get(PROJECTS), VERIFY)


def test_new_recovery_codes_need_a_current_code_and_replace_the_old_ones(client, staff):
    client.force_login(staff)
    old = enrol(client, staff)
    url = reverse("accounts:two-factor-recovery-codes")
    refused = client.post(url, {"code": "nonsense"})
    assert refused.status_code == 400
    assert "code: Wrong or already used recovery code." in refused.content.decode()

    wait_out_the_throttle(staff)
    response = client.post(url, {"code": old[0]})
    assert response.status_code == 200
    new = response.context["codes"]
    assert set(StaticToken.objects.values_list("token", flat=True)) == set(new)
    assert not set(new) & set(old)
    # The session verified by a recovery code stays verified.
    assert client.get(PROJECTS).status_code == 200
    assert "10 recovery codes left" in client.get(SETTINGS_PAGE).content.decode()


# The admin site


def test_the_admin_refuses_an_unverified_staff_session(client, staff):
    TOTPDevice.objects.create(user=staff, name="app", confirmed=True)
    client.force_login(staff)
    assert redirects_to(client.get(reverse("admin:index")), VERIFY)
    assert redirects_to(client.get(reverse("admin:accounts_user_changelist")), VERIFY)


def test_the_admin_site_itself_checks_the_second_factor(client, staff, settings):
    """Even without the middleware (a misconfiguration), the admin stays closed."""
    settings.MIDDLEWARE = [
        m for m in settings.MIDDLEWARE if m != "accounts.two_factor_guards.TwoFactorMiddleware"
    ]
    TOTPDevice.objects.create(user=staff, name="app", confirmed=True)
    client.force_login(staff)
    response = client.get(reverse("admin:index"))
    assert redirects_to(response, reverse("admin:login"))
    force_verified_login(client, staff)
    assert client.get(reverse("admin:index")).status_code == 200


# Others may enrol


def test_non_staff_may_enrol_and_then_must_verify_at_login(client):
    user = UserFactory(username="ann", role="annotator")
    client.force_login(user)
    assert client.get(PROJECTS).status_code == 200  # not forced
    assert "Set it up" in client.get(SETTINGS_PAGE).content.decode()
    enrol(client, user)
    client.post(reverse("logout"))

    log_in(client, user)
    assert redirects_to(client.get(PROJECTS), VERIFY)
    device = TOTPDevice.objects.get(user=user)
    assert redirects_to(client.post(VERIFY, {"code": totp_code(device, steps_ahead=1)}), PROJECTS)
    assert client.get(PROJECTS).status_code == 200


def test_non_staff_turn_it_off_with_a_current_code_and_staff_cannot(client, staff):
    user = UserFactory(username="ann", role="annotator")
    client.force_login(user)
    codes = enrol(client, user)
    url = reverse("accounts:two-factor-disable")
    refused = client.post(url, {"code": "zzzzzzzz"})
    assert refused.status_code == 400
    assert "code: Wrong or already used recovery code." in refused.content.decode()
    assert TOTPDevice.objects.filter(user=user).exists()

    wait_out_the_throttle(user)
    assert redirects_to(client.post(url, {"code": codes[1]}), SETTINGS_PAGE)
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert not StaticDevice.objects.filter(user=user).exists()
    client.post(reverse("logout"))
    log_in(client, user)
    assert client.get(PROJECTS).status_code == 200  # the password alone again

    force_verified_login(client, staff)
    response = client.post(url, {"code": "anything"})
    assert response.status_code == 403
    assert TOTPDevice.objects.filter(user=staff, confirmed=True).exists()


# The API


def test_session_api_requests_of_an_unverified_staff_user_get_a_403_naming_the_step(client, staff):
    api = reverse("api:project-list")
    client.force_login(staff)
    response = client.get(api)
    assert response.status_code == 403
    assert "Two-factor authentication required" in response.json()["detail"]
    # Another Authorization scheme does not make the session count.
    assert client.get(api, headers={"Authorization": "Basic Ym9zczp4"}).status_code == 403

    TOTPDevice.objects.create(user=staff, name="app", confirmed=True)
    response = client.get(api)
    assert response.status_code == 403
    assert "Two-factor verification required" in response.json()["detail"]

    force_verified_login(client, staff)
    assert client.get(api).status_code == 200


def test_api_token_requests_are_not_sessions_and_need_no_code(client, staff):
    TOTPDevice.objects.create(user=staff, name="app", confirmed=True)
    _, secret = ApiToken.objects.create(user=staff, expiry=None, name="script", scope="read")
    response = client.get(reverse("api:project-list"), headers={"Authorization": f"Token {secret}"})
    assert response.status_code == 200


# Single sign-on


def test_an_oidc_login_counts_as_verified_only_when_the_settings_say_so(client, staff, settings):
    client.force_login(staff)
    session = client.session
    session["login_method"] = "oidc"
    session.save()
    assert redirects_to(client.get(PROJECTS), ENROL)
    settings.OIDC_SATISFIES_TWO_FACTOR = True
    assert client.get(PROJECTS).status_code == 200
    assert client.get(reverse("admin:index")).status_code == 200


def test_the_admin_never_shows_anyones_secret_or_recovery_codes(client, staff):
    annotator = UserFactory(username="ann", role="annotator")
    client.force_login(annotator)
    codes = enrol(client, annotator)
    device = TOTPDevice.objects.get(user=annotator)
    force_verified_login(client, staff)
    url = reverse("admin:otp_totp_totpdevice_change", args=[device.pk])
    page = client.get(url).content.decode()
    assert "Authenticator app" in page
    assert device.key not in page
    assert client.get(url.replace("/change/", "/qrcode/")).status_code == 403
    static = StaticDevice.objects.get(user=annotator)
    page = client.get(reverse("admin:otp_static_staticdevice_change", args=[static.pk]))
    assert not any(code in page.content.decode() for code in codes)
    # Removing a lost app is the admin's way back in for its owner: they set up a new one.
    client.post(reverse("admin:otp_totp_totpdevice_delete", args=[device.pk]), {"post": "yes"})
    assert not TOTPDevice.objects.filter(user=annotator).exists()


def test_codes_accepted_and_refused_are_logged_without_the_code(client, staff, caplog):
    device = TOTPDevice.objects.create(user=staff, name="app", confirmed=True)
    log_in(client, staff)
    right = totp_code(device)
    wrong = "12345" + str((int(right[-1]) + 1) % 10)
    with caplog.at_level("INFO", logger="accounts.login"):
        client.post(VERIFY, {"code": wrong})
        wait_out_the_throttle(staff)
        client.post(VERIFY, {"code": right})
    lines = [r.getMessage() for r in caplog.records if r.name == "accounts.login"]
    assert any(line.startswith("two-factor app code refused: username='boss'") for line in lines)
    assert "two-factor app code accepted: username='boss'" in lines
    assert not any(wrong in line or right in line for line in lines)
