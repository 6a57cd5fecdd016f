"""auth/token/: a script's password login for a named, scoped, expiring token."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.test import APIClient

from accounts.models import ApiToken
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/auth/token/"
REFUSED = {"detail": "Unable to log in with these credentials."}


@pytest.fixture
def client():
    client = APIClient()
    client.default_format = "json"
    return client


PASSWORD = "pw-for-tests"  # the factories' password


def login(client, username="ann", password=PASSWORD, **extra):
    return client.post(URL, {"username": username, "password": password, "name": "script", **extra})


def test_a_password_login_makes_a_named_scoped_expiring_token(client):
    UserFactory(username="ann", role="annotator")
    answer = login(client, scope="write", expiry_days=7)
    assert answer.status_code == 201, answer.json()
    body = answer.json()
    token = ApiToken.objects.get()
    assert (token.name, token.scope, body["scope"]) == ("script", "write", "write")
    assert timedelta(days=6) < token.expiry - timezone.now() <= timedelta(days=7)
    client.credentials(HTTP_AUTHORIZATION=f"Token {body['token']}")
    assert client.get(reverse("api:project-list")).status_code == 200


def test_the_scope_defaults_to_read_and_cannot_exceed_the_role(client):
    UserFactory(username="res", role="researcher")
    assert login(client, "res").json()["scope"] == "read"
    refused = login(client, "res", name="other", scope="write")
    assert refused.status_code == 400
    assert "scope" in refused.json()
    assert ApiToken.objects.count() == 1


def test_expiry_beyond_a_year_and_a_taken_name_are_400s_naming_them(client):
    UserFactory(username="ann", role="annotator")
    assert "expiry_days" in login(client, expiry_days=366).json()
    assert login(client).status_code == 201
    taken = login(client)
    assert taken.status_code == 400
    assert "name" in taken.json()


def test_wrong_password_unknown_and_inactive_users_get_the_same_answer(client):
    UserFactory(username="ann", role="annotator")
    UserFactory(username="gone", role="annotator", is_active=False)
    answers = [login(client, "ann", "wrong"), login(client, "nobody"), login(client, "gone")]
    assert [(a.status_code, a.json()) for a in answers] == [(400, REFUSED)] * 3
    assert not ApiToken.objects.exists()


def test_attempts_are_throttled_per_address_and_username(client, settings):
    settings.AXES_FAILURE_LIMIT = 100  # the throttle alone, before any lockout
    UserFactory(username="ann", role="annotator")
    for _ in range(5):
        login(client, "ann", "wrong")
    throttled = login(client, "ann")  # the right password too
    assert throttled.status_code == 429
    assert "Retry-After" in throttled
    assert "throttled" in throttled.json()["detail"]
    assert login(client, "bob", "x").status_code == 400  # another username counts apart


def test_the_login_lockout_applies(client, settings):
    settings.AXES_FAILURE_LIMIT = 2
    UserFactory(username="ann", role="annotator")
    login(client, "ann", "wrong")
    login(client, "ann", "wrong")
    locked = login(client, "ann")
    assert locked.status_code == 429
    assert "locked" in locked.json()["detail"]
    assert int(locked["Retry-After"]) > 0
    assert not ApiToken.objects.exists()


def test_a_user_with_two_factor_is_told_to_make_the_token_in_the_app(client):
    user = UserFactory(username="ann", role="annotator")
    TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    answer = login(client)
    assert answer.status_code == 403
    assert "/account/tokens/" in answer.json()["detail"]
    assert not ApiToken.objects.exists()


def test_staff_who_must_verify_are_refused(client, settings):
    settings.TWO_FACTOR_REQUIRED_FOR_STAFF = True
    UserFactory(username="boss", is_staff=True)
    assert login(client, "boss").status_code == 403


def test_a_bad_token_header_does_not_stop_a_login(client):
    UserFactory(username="ann", role="annotator")
    client.credentials(HTTP_AUTHORIZATION="Token na_nonsense")
    assert login(client).status_code == 201


def test_delete_ends_the_token_it_came_with(client):
    UserFactory(username="ann", role="annotator")
    secret = login(client, scope="read").json()["token"]
    client.credentials(HTTP_AUTHORIZATION=f"Token {secret}")
    assert client.delete(URL).status_code == 200  # a read-only token may end itself
    assert not ApiToken.objects.exists()
    assert client.get(reverse("api:project-list")).status_code == 401


def test_delete_without_a_token_is_refused(client):
    assert client.delete(URL).status_code == 401
