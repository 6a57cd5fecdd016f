"""Passwords: reset by e-mail (expiring, throttled), change when logged in, Django's
validators on every path that sets one, and what a new password ends."""

import re
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.tokens import default_token_generator
from django.core import mail
from django.urls import reverse
from rest_framework.test import APIClient

from accounts.models import ApiToken, User
from tests.factories import UserFactory
from tests.logins import force_verified_login

pytestmark = pytest.mark.django_db

STRONG = "harbour-lantern-quietly-92"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def policy(settings):
    settings.PASSWORD_RESET_RATE = "3/hour"
    settings.TRUSTED_PROXY_COUNT = 0
    settings.AXES_FAILURE_LIMIT = 5


@pytest.fixture
def ann(db):
    return UserFactory(username="ann", email="ann@example.org", role="annotator")


def reset_link(client, email="ann@example.org") -> str:
    """Ask for a reset and return the path of the link sent."""
    response = client.post(reverse("password_reset"), {"email": email})
    assert response.status_code == 302, response.content.decode()
    [message] = mail.outbox
    return re.search(r"https?://[^/\s]+(/\S+)", message.body).group(1)


def set_password_page(client, link: str) -> str:
    """Follow a reset link to the form that sets the password (the token moves to the session)."""
    response = client.get(link)
    assert response.status_code == 302
    return response.url


# Reset by e-mail.


def test_a_reset_link_sets_a_new_password_that_logs_in(client, ann):
    link = reset_link(client)
    assert mail.outbox[0].to == ["ann@example.org"]
    form_url = set_password_page(client, link)
    response = client.post(form_url, {"new_password1": STRONG, "new_password2": STRONG})
    assert response.status_code == 302
    assert response.url == reverse("password_reset_complete")
    assert User.objects.get(pk=ann.pk).check_password(STRONG)
    done = client.get(response.url).content.decode()
    assert reverse("login") in done


def test_the_reset_form_refuses_a_weak_password_naming_the_rule(client, ann):
    form_url = set_password_page(client, reset_link(client))
    response = client.post(form_url, {"new_password1": "password", "new_password2": "password"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "new_password2" in page
    assert "too common" in page
    assert User.objects.get(pk=ann.pk).check_password("pw-for-tests")


def test_the_reset_page_says_the_same_whether_or_not_the_address_is_known(client, ann):
    known = client.post(reverse("password_reset"), {"email": "ann@example.org"})
    unknown = client.post(reverse("password_reset"), {"email": "nobody@example.org"})
    assert (known.status_code, known.url) == (unknown.status_code, unknown.url)
    assert len(mail.outbox) == 1


def test_a_malformed_address_is_a_400_naming_the_field(client):
    response = client.post(reverse("password_reset"), {"email": "not-an-address"})
    assert response.status_code == 400
    assert "email: Enter a valid email address." in response.content.decode()
    assert mail.outbox == []


def test_a_reset_link_expires(client, ann, settings, monkeypatch):
    settings.PASSWORD_RESET_TIMEOUT = 3600
    link = reset_link(client)
    later = datetime.now() + timedelta(hours=1, minutes=1)
    monkeypatch.setattr(default_token_generator, "_now", lambda: later)
    response = client.get(link)
    assert response.status_code == 200
    assert "expired" in response.content.decode()
    assert not response.context["validlink"]


def test_a_reset_link_works_once(client, ann):
    link = reset_link(client)
    form_url = set_password_page(client, link)
    client.post(form_url, {"new_password1": STRONG, "new_password2": STRONG})
    assert not client.get(link).context["validlink"]


def test_reset_requests_are_throttled_per_address(client, ann):
    for number in range(3):
        response = client.post(reverse("password_reset"), {"email": f"x{number}@example.org"})
        assert response.status_code == 302
    refused = client.post(reverse("password_reset"), {"email": "ann@example.org"})
    assert refused.status_code == 429
    assert 0 < int(refused["Retry-After"]) <= 3600
    assert "Too many reset requests" in refused.content.decode()
    assert mail.outbox == []
    other_address = client.post(
        reverse("password_reset"), {"email": "ann@example.org"}, REMOTE_ADDR="198.51.100.1"
    )
    assert other_address.status_code == 302


def test_reset_requests_are_throttled_per_target_from_any_address(client, ann):
    for number in range(3):
        client.post(
            reverse("password_reset"),
            {"email": "ann@example.org"},
            REMOTE_ADDR=f"198.51.100.{number}",
        )
    assert len(mail.outbox) == 3
    refused = client.post(
        reverse("password_reset"), {"email": "ANN@example.org"}, REMOTE_ADDR="198.51.100.9"
    )
    assert refused.status_code == 429
    assert len(mail.outbox) == 3


def test_a_reset_lifts_the_login_lock_on_that_username(client, ann):
    for _ in range(5):
        client.post(
            reverse("login"), {"username": "ann", "password": "wrong"}, REMOTE_ADDR="6.6.6.6"
        )
    login = {"username": "ann", "password": STRONG}
    form_url = set_password_page(client, reset_link(client))
    client.post(form_url, {"new_password1": STRONG, "new_password2": STRONG})
    assert not AccessAttempt.objects.filter(username="ann").exists()
    assert client.post(reverse("login"), login, REMOTE_ADDR="198.51.100.1").status_code == 302


def test_a_reset_ends_every_session_of_the_user(client, ann):
    elsewhere = type(client)()
    elsewhere.force_login(ann)
    form_url = set_password_page(client, reset_link(client))
    client.post(form_url, {"new_password1": STRONG, "new_password2": STRONG})
    assert elsewhere.get(reverse("articles:project-list")).status_code == 302


# Change, logged in.


def test_the_change_page_needs_a_login(client):
    response = client.get(reverse("password_change"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_changing_the_password_ends_the_users_other_sessions_but_not_this_one(client, ann):
    here, elsewhere = client, type(client)()
    here.force_login(ann)
    elsewhere.force_login(ann)
    response = here.post(
        reverse("password_change"),
        {"old_password": "pw-for-tests", "new_password1": STRONG, "new_password2": STRONG},
    )
    assert response.status_code == 302
    assert response.url == reverse("password_change_done")
    assert here.get(reverse("articles:project-list")).status_code == 200
    gone = elsewhere.get(reverse("articles:project-list"))
    assert gone.status_code == 302
    assert gone.url.startswith(reverse("login"))


def test_api_tokens_stay_valid_after_a_change_and_the_done_page_says_so(client, ann):
    _, secret = ApiToken.objects.create(user=ann, expiry=None, name="laptop")
    client.force_login(ann)
    client.post(
        reverse("password_change"),
        {"old_password": "pw-for-tests", "new_password1": STRONG, "new_password2": STRONG},
    )
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {secret}")
    assert api.get("/api/v1/targets/").status_code == 200
    done = client.get(reverse("password_change_done")).content.decode()
    assert "1 API token still works" in done
    assert reverse("accounts:tokens") in done


def test_the_change_page_refuses_a_weak_password_and_a_wrong_old_one(client, ann):
    client.force_login(ann)
    weak = client.post(
        reverse("password_change"),
        {"old_password": "pw-for-tests", "new_password1": "12345678", "new_password2": "12345678"},
    )
    assert weak.status_code == 400
    assert "entirely numeric" in weak.content.decode()
    wrong = client.post(
        reverse("password_change"),
        {"old_password": "not-it", "new_password1": STRONG, "new_password2": STRONG},
    )
    assert wrong.status_code == 400
    assert "old_password" in wrong.content.decode()
    assert User.objects.get(pk=ann.pk).check_password("pw-for-tests")


def test_the_header_links_to_the_change_page_for_those_with_a_password(client, ann):
    link = f'href="{reverse("password_change")}"'
    client.force_login(ann)
    assert link in client.get(reverse("articles:project-list")).content.decode()
    # Single sign-on users have no password here to change.
    ann.set_unusable_password()
    ann.save()
    client.force_login(ann)
    assert link not in client.get(reverse("articles:project-list")).content.decode()


# The admin's paths use the validators as well.


def test_the_admin_refuses_a_weak_password_for_a_new_user(client, admin_user):
    force_verified_login(client, admin_user)
    response = client.post(
        reverse("admin:accounts_user_add"),
        {"username": "newbie", "usable_password": "true", "password1": "abc", "password2": "abc"},
    )
    assert response.status_code == 200
    assert "too short" in response.content.decode()
    assert not User.objects.filter(username="newbie").exists()


def test_the_admin_refuses_a_weak_password_when_changing_one(client, admin_user, ann):
    force_verified_login(client, admin_user)
    url = reverse("admin:auth_user_password_change", args=[ann.pk])
    response = client.post(url, {"password1": "ann", "password2": "ann"})
    assert response.status_code == 200
    assert "too short" in response.content.decode()
    assert User.objects.get(pk=ann.pk).check_password("pw-for-tests")


# Settings.


def test_reset_links_last_a_day_and_mail_goes_to_the_console_only_in_debug():
    code = (
        "from newsannot import settings as s\n"
        # Django 6.1 names the backend in MAILERS, 5.2 in EMAIL_BACKEND.
        "mail = s.MAILERS['default']['BACKEND'] if hasattr(s, 'MAILERS') else s.EMAIL_BACKEND\n"
        "print(s.PASSWORD_RESET_TIMEOUT, mail, s.PASSWORD_RESET_RATE)"
    )

    def run(**env):
        environment = {"PATH": "/usr/bin:/bin", **env}
        result = subprocess.run(
            [sys.executable, "-c", code],
            env=environment,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
            cwd=ROOT,
        )
        return result.stdout.split()

    assert run() == ["86400", "django.core.mail.backends.smtp.EmailBackend", "5/hour"]
    assert run(DEBUG="true")[1] == "django.core.mail.backends.console.EmailBackend"
    assert run(PASSWORD_RESET_TIMEOUT="3600", PASSWORD_RESET_RATE="2/hour")[::2] == [
        "3600",
        "2/hour",
    ]
