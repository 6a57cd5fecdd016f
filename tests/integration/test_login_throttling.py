"""Login throttling and lockout (django-axes): by username, by client address, with the
client address taken from X-Forwarded-For only behind a configured, trusted proxy."""

import logging
import os
import subprocess
import sys
from datetime import timedelta
from io import StringIO
from pathlib import Path

import pytest
from axes.models import AccessAttempt
from django.core.management import call_command
from django.test import RequestFactory
from django.urls import reverse

from accounts.lockout import client_address
from tests.factories import UserFactory
from tests.logins import force_verified_login

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def lockout_policy(settings):
    """The production policy, pinned so that the tests do not follow the defaults."""
    settings.AXES_FAILURE_LIMIT = 5
    settings.AXES_COOLOFF_TIME = timedelta(minutes=15)
    settings.TRUSTED_PROXY_COUNT = 0


WRONG = "wrong-password"


def attempt(client, username, password=WRONG, **extra):
    return client.post(LOGIN, {"username": username, "password": password}, **extra)


def logged_in(client) -> bool:
    return "_auth_user_id" in client.session


# By username: guessing one account's password, from anywhere.


def test_wrong_passwords_lock_the_username_even_against_the_right_password(client):
    UserFactory(username="admin")
    statuses = [attempt(client, "admin").status_code for _ in range(5)]
    assert statuses == [200, 200, 200, 200, 429]

    response = attempt(client, "admin", "pw-for-tests")
    assert response.status_code == 429
    assert not logged_in(client)
    page = response.content.decode()
    assert "Too many failed logins" in page
    assert "15 minutes" in page
    assert "Traceback" not in page
    assert response["Retry-After"] == str(15 * 60)


def test_guessing_one_account_from_many_addresses_locks_the_account(client):
    UserFactory(username="admin")
    for number in range(5):
        attempt(client, "admin", REMOTE_ADDR=f"198.51.100.{number}")
    response = attempt(client, "admin", "pw-for-tests", REMOTE_ADDR="198.51.100.200")
    assert response.status_code == 429
    assert not logged_in(client)


def test_a_locked_username_does_not_lock_other_users_elsewhere(client):
    UserFactory(username="admin")
    UserFactory(username="ann")
    for _ in range(5):
        attempt(client, "admin", REMOTE_ADDR="198.51.100.1")
    response = attempt(client, "ann", "pw-for-tests", REMOTE_ADDR="198.51.100.2")
    assert response.status_code == 302
    assert logged_in(client)


# By address: spraying many accounts from one place.


def test_spraying_usernames_from_one_address_locks_the_address(client):
    UserFactory(username="ann")
    for number in range(5):
        attempt(client, f"guess{number}", REMOTE_ADDR="203.0.113.9")
    assert attempt(client, "ann", "pw-for-tests", REMOTE_ADDR="203.0.113.9").status_code == 429
    assert not logged_in(client)
    # The same user from another address is not held up by the sprayer's lock.
    assert attempt(client, "ann", "pw-for-tests", REMOTE_ADDR="203.0.113.10").status_code == 302


def test_a_spoofed_forwarded_for_header_neither_dodges_nor_resets_the_count(client):
    UserFactory(username="ann")
    for number in range(5):
        attempt(client, f"guess{number}", HTTP_X_FORWARDED_FOR=f"192.0.2.{number}")
    fresh_header = attempt(client, "ann", "pw-for-tests", HTTP_X_FORWARDED_FOR="192.0.2.77")
    assert fresh_header.status_code == 429
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"127.0.0.1"}


def test_behind_a_trusted_proxy_the_address_it_forwards_is_the_client(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    UserFactory(username="ann")
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    # The client may write anything on the left; the proxy appends what it saw.
    for number in range(5):
        forwarded = f"192.0.2.{number}, 203.0.113.9"
        attempt(client, f"guess{number}", HTTP_X_FORWARDED_FOR=forwarded, **proxy)
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"203.0.113.9"}
    locked = attempt(client, "ann", "pw-for-tests", HTTP_X_FORWARDED_FOR="203.0.113.9", **proxy)
    assert locked.status_code == 429
    # Another client behind the same proxy is somebody else.
    other = attempt(client, "ann", "pw-for-tests", HTTP_X_FORWARDED_FOR="203.0.113.10", **proxy)
    assert other.status_code == 302


@pytest.mark.parametrize(
    ("proxies", "meta", "expected"),
    [
        (0, {"REMOTE_ADDR": "203.0.113.9", "HTTP_X_FORWARDED_FOR": "192.0.2.1"}, "203.0.113.9"),
        (1, {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "192.0.2.1"}, "192.0.2.1"),
        (1, {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "6.6.6.6, 192.0.2.1"}, "192.0.2.1"),
        (
            2,
            {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "6.6.6.6,192.0.2.1, 10.0.0.3"},
            "192.0.2.1",
        ),
        # Fewer entries than proxies, or a proxy that wrote nonsense: the connection's own.
        (2, {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "192.0.2.1"}, "10.0.0.2"),
        (1, {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "unknown"}, "10.0.0.2"),
        (1, {"REMOTE_ADDR": "10.0.0.2"}, "10.0.0.2"),
        # One IPv6 host usually holds a whole /64: it counts as one address.
        (0, {"REMOTE_ADDR": "2001:db8:1:2:aaaa::1"}, "2001:db8:1:2::"),
        (0, {"REMOTE_ADDR": "::ffff:192.0.2.1"}, "192.0.2.1"),
    ],
)
def test_client_address_trusts_only_the_configured_proxies(settings, proxies, meta, expected):
    settings.TRUSTED_PROXY_COUNT = proxies
    request = RequestFactory().get("/", **meta)
    if "REMOTE_ADDR" not in meta:
        del request.META["REMOTE_ADDR"]
    assert client_address(request) == expected


def test_an_ipv6_sprayer_cannot_dodge_by_changing_the_host_part(client):
    UserFactory(username="ann")
    for number in range(5):
        attempt(client, f"guess{number}", REMOTE_ADDR=f"2001:db8:1:2::{number + 1}")
    response = attempt(client, "ann", "pw-for-tests", REMOTE_ADDR="2001:db8:1:2::ffff")
    assert response.status_code == 429


# The end of a lockout.


def test_the_lock_lifts_after_the_cool_off(client):
    UserFactory(username="ann")
    for _ in range(5):
        attempt(client, "ann")
    assert attempt(client, "ann", "pw-for-tests").status_code == 429
    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.get().attempt_time - timedelta(minutes=16)
    )
    assert attempt(client, "ann", "pw-for-tests").status_code == 302


def test_attempts_during_a_lockout_do_not_extend_it(client):
    UserFactory(username="ann")
    for _ in range(5):
        attempt(client, "ann")
    first = AccessAttempt.objects.get()
    for _ in range(3):
        assert attempt(client, "ann").status_code == 429
    again = AccessAttempt.objects.get()
    assert (again.failures_since_start, again.attempt_time) == (5, first.attempt_time)


def test_a_successful_login_does_not_wipe_the_addresss_count(client):
    # Otherwise an attacker with an account of their own logs in between guesses.
    UserFactory(username="mallory")
    for number in range(4):
        attempt(client, f"guess{number}")
    assert attempt(client, "mallory", "pw-for-tests").status_code == 302
    client.logout()
    attempt(client, "guess4")
    assert attempt(client, "mallory", "pw-for-tests").status_code == 429


def test_an_admin_unlocks_a_user_in_the_admin(client, admin_user):
    UserFactory(username="ann")
    for _ in range(5):
        attempt(client, "ann", REMOTE_ADDR="198.51.100.1")
    admin = type(client)()
    force_verified_login(admin, admin_user)
    changelist = reverse("admin:axes_accessattempt_changelist")
    assert "ann" in admin.get(changelist).content.decode()
    ids = [str(pk) for pk in AccessAttempt.objects.values_list("pk", flat=True)]
    answer = admin.post(
        changelist, {"action": "delete_selected", "_selected_action": ids, "post": "yes"}
    )
    assert answer.status_code == 302
    assert not AccessAttempt.objects.exists()
    assert attempt(client, "ann", "pw-for-tests", REMOTE_ADDR="198.51.100.1").status_code == 302


def test_axes_reset_username_unlocks_a_user_from_the_command_line(client):
    UserFactory(username="ann")
    for _ in range(5):
        attempt(client, "ann")
    out = StringIO()
    call_command("axes_reset_username", "ann", stdout=out)
    assert "1 attempts removed" in out.getvalue()
    assert attempt(client, "ann", "pw-for-tests").status_code == 302


def test_the_admin_login_is_locked_out_too(client, admin_user):
    for _ in range(5):
        client.post(reverse("admin:login"), {"username": "boss", "password": "nope"})
    response = client.post(reverse("admin:login"), {"username": "boss", "password": "pw-for-tests"})
    assert response.status_code == 429
    assert not logged_in(client)


# The log: who, from where; never a password.


def test_logins_and_failures_are_logged_with_username_and_address(client, caplog):
    UserFactory(username="ann")
    with caplog.at_level(logging.INFO, logger="accounts.login"):
        attempt(client, "ann", "secret-guess-1", REMOTE_ADDR="198.51.100.7")
        attempt(client, "ann", "pw-for-tests", REMOTE_ADDR="198.51.100.7")
    records = [r for r in caplog.records if r.name == "accounts.login"]
    lines = [record.getMessage() for record in records]
    assert lines == [
        "login failed: username='ann' address=198.51.100.7",
        "login: username='ann' address=198.51.100.7",
    ]
    assert [record.levelname for record in records] == ["WARNING", "INFO"]
    assert "secret-guess-1" not in caplog.text
    assert "pw-for-tests" not in caplog.text


def test_the_lockout_and_attempts_during_it_are_logged_as_such(client, caplog):
    UserFactory(username="ann")
    for _ in range(4):
        attempt(client, "ann")
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="accounts.login"):
        attempt(client, "ann")
        attempt(client, "ann", "pw-for-tests")
    lines = [r.getMessage() for r in caplog.records if r.name == "accounts.login"]
    assert lines == [
        "login failed, now locked out: username='ann' address=127.0.0.1",
        "login refused, locked out: username='ann' address=127.0.0.1",
    ]


def test_a_username_cannot_forge_log_lines(client, caplog):
    with caplog.at_level(logging.INFO, logger="accounts.login"):
        attempt(client, "ann\nlogin: username='admin' address=10.0.0.1")
    assert "\n" not in "".join(r.getMessage() for r in caplog.records if r.name == "accounts.login")


def test_attempts_store_no_password_and_no_csrf_token(client):
    client.post(
        LOGIN,
        {"username": "ann", "password": "secret-guess-1", "csrfmiddlewaretoken": "csrf-value-x"},
    )
    stored = AccessAttempt.objects.get()
    assert stored.username == "ann"
    assert "secret-guess-1" not in stored.post_data
    assert "csrf-value-x" not in stored.post_data


def test_the_login_page_links_to_password_reset(client):
    page = client.get(LOGIN).content.decode()
    assert reverse("password_reset") in page


# Settings from the environment.


def settings_in_subprocess(code: str, **env: str) -> subprocess.CompletedProcess:
    environment = {name: os.environ[name] for name in ("PATH", "HOME") if name in os.environ}
    environment.update(env, DJANGO_SETTINGS_MODULE="newsannot.settings")
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_the_lockout_policy_comes_from_the_environment():
    code = (
        "from newsannot import settings as s\n"
        "print(s.AXES_FAILURE_LIMIT, s.AXES_COOLOFF_TIME.total_seconds(), s.TRUSTED_PROXY_COUNT)"
    )
    defaults = settings_in_subprocess(code)
    assert defaults.stdout.split() == ["5", "900.0", "0"], defaults.stderr
    chosen = settings_in_subprocess(
        code, LOGIN_FAILURE_LIMIT="8", LOGIN_COOLOFF_MINUTES="60", TRUSTED_PROXY_COUNT="1"
    )
    assert chosen.stdout.split() == ["8", "3600.0", "1"], chosen.stderr


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("LOGIN_FAILURE_LIMIT", "0"),
        ("LOGIN_FAILURE_LIMIT", "many"),
        ("LOGIN_COOLOFF_MINUTES", "-5"),
        ("TRUSTED_PROXY_COUNT", "-1"),
        ("API_FAILED_TOKEN_RATE", "10 per minute"),
    ],
)
def test_a_bad_value_is_refused_by_name(name, value):
    result = settings_in_subprocess("import newsannot.settings", **{name: value})
    assert result.returncode != 0
    assert name in result.stderr


def test_axes_starts_quietly():
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env={**os.environ, "DEBUG": "true", "DJANGO_SETTINGS_MODULE": "newsannot.settings"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "AXES" not in result.stdout + result.stderr
