"""GET /api/v1/: the endpoints by name, for anyone."""

import pytest
from rest_framework.test import APIClient

from accounts.models import ApiToken
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_index_names_every_endpoint_as_an_absolute_url_without_auth():
    answer = APIClient().get("/api/v1/")
    assert answer.status_code == 200
    body = answer.json()
    endpoints = body["endpoints"]
    assert endpoints["assignments"] == "http://testserver/api/v1/projects/{slug}/assignments/"
    assert endpoints["article"] == "http://testserver/api/v1/articles/{id}/"
    assert endpoints["auth-token"] == "http://testserver/api/v1/auth/token/"
    assert body["schema"] == "http://testserver/api/schema/"
    assert body["docs"] == "http://testserver/api/docs/"


def test_the_index_answers_the_same_with_a_token_or_a_bad_one():
    client = APIClient()
    _, token = ApiToken.objects.create(user=UserFactory(username="ann"), expiry=None, name="t")
    anonymous = client.get("/api/v1/").json()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert client.get("/api/v1/").json() == anonymous
    client.credentials(HTTP_AUTHORIZATION="Token na_wrong")
    assert client.get("/api/v1/").status_code == 200


def test_every_indexed_endpoint_exists():
    client = APIClient()
    client.force_authenticate(UserFactory(username="boss", is_staff=True))
    for name, url in client.get("/api/v1/").json()["endpoints"].items():
        path = url.removeprefix("http://testserver").replace("{slug}", "none").replace("{id}", "1")
        # OPTIONS reaches the view without looking anything up: the catch-all 404 would not.
        assert client.options(path).status_code == 200, (name, path)
