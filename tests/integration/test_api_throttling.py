"""The API's throttles: invalid tokens per client address, session calls per user."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from accounts.models import ApiToken
from articles.api.throttling import FailedTokenThrottle, SessionRateThrottle
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/targets/"


@pytest.fixture(autouse=True)
def rates(monkeypatch, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    monkeypatch.setattr(FailedTokenThrottle, "THROTTLE_RATES", {"failed_token": "10/min"})
    monkeypatch.setattr(SessionRateThrottle, "THROTTLE_RATES", {"session": "3/min"})


def token_for(user) -> str:
    return ApiToken.objects.create(user=user, expiry=None, name="test")[1]


def call(token: str, **extra):
    return APIClient().get(URL, HTTP_AUTHORIZATION=f"Token {token}", **extra)


def test_repeated_invalid_tokens_from_one_address_get_429_with_retry_after():
    answers = [call(f"na_{n:064x}") for n in range(30)]
    assert [a.status_code for a in answers] == [401] * 10 + [429] * 20
    assert 0 < int(answers[-1]["Retry-After"]) <= 60
    assert answers[-1].json()["detail"].startswith("Request was throttled")


def test_malformed_token_headers_count_as_failures_too():
    client = APIClient()
    for _ in range(10):
        assert client.get(URL, HTTP_AUTHORIZATION="Token").status_code == 401
    assert client.get(URL, HTTP_AUTHORIZATION="Token a b").status_code == 429


def test_a_throttled_address_is_refused_even_a_valid_token_but_others_are_not():
    # Refused before the token is looked at: no oracle for a guesser, no database work.
    valid = token_for(UserFactory(role="researcher"))
    for n in range(10):
        call(f"na_{n:064x}", REMOTE_ADDR="203.0.113.9")
    assert call(valid, REMOTE_ADDR="203.0.113.9").status_code == 429
    assert call(valid, REMOTE_ADDR="203.0.113.10").status_code == 200


def test_valid_tokens_do_not_count_as_failures():
    valid = token_for(UserFactory(role="researcher"))
    for _ in range(12):
        assert call(valid).status_code == 200


def test_a_spoofed_forwarded_for_header_does_not_dodge_the_token_throttle():
    for n in range(10):
        call(f"na_{n:064x}", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}")
    assert call("na_" + "f" * 64, HTTP_X_FORWARDED_FOR="192.0.2.99").status_code == 429


def test_behind_a_trusted_proxy_the_forwarded_address_is_throttled(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    for n in range(10):
        call(f"na_{n:064x}", HTTP_X_FORWARDED_FOR=f"6.6.6.{n}, 203.0.113.9", **proxy)
    assert call("na_" + "f" * 64, HTTP_X_FORWARDED_FOR="203.0.113.9", **proxy).status_code == 429
    assert call("na_" + "f" * 64, HTTP_X_FORWARDED_FOR="203.0.113.10", **proxy).status_code == 401


def test_session_calls_are_throttled_per_user_with_retry_after(client):
    ann, ben = UserFactory(role="researcher"), UserFactory(role="researcher")
    client.force_login(ann)
    statuses = [client.get(URL).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    assert int(client.get(URL)["Retry-After"]) > 0
    other = type(client)()
    other.force_login(ben)
    assert other.get(URL).status_code == 200


def test_the_session_throttle_leaves_the_site_itself_alone(client):
    client.force_login(UserFactory(role="researcher"))
    for _ in range(5):
        assert client.get(reverse("articles:project-list")).status_code == 200


def test_the_rates_come_from_the_environment():
    from django.conf import settings

    rates = settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]
    assert rates["failed_token"] == "10/min"
    assert rates["session"] == "600/min"
    assert (
        "articles.api.throttling.SessionRateThrottle"
        in (settings.REST_FRAMEWORK["DEFAULT_THROTTLE_CLASSES"])
    )
