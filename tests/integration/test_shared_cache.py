"""The shared cache: REDIS_URL selects Redis, and sessions are then read through it.

The session tests talk to the Redis on 127.0.0.1:6379 (TEST_REDIS_URL to change it), under
a key prefix of their own; without a Redis they are skipped, except under CI=true.
"""

import json
import os
import sys
import uuid

import pytest
import redis
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import Assignment
from tests.factories import ArticleFactory, UserFactory
from tests.integration.test_deployment import minimal_env, run

TEST_REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


def settings_in(env: dict[str, str]) -> dict:
    code = (
        "import json\n"
        "import django\n"
        "from django.conf import settings as s\n"
        "django.setup()\n"  # connects to nothing: Redis is reached on first use
        "print(json.dumps({'CACHES': s.CACHES, 'SESSION_ENGINE': s.SESSION_ENGINE}))\n"
    )
    result = run([sys.executable, "-c", code], minimal_env(SECRET_KEY="x" * 50, **env))
    assert result.returncode == 0, result.stdout + result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_without_redis_url_the_cache_is_per_process_and_sessions_in_the_database():
    values = settings_in({"DJANGO_SETTINGS_MODULE": "newsannot.settings"})
    assert values["CACHES"]["default"]["BACKEND"].endswith("LocMemCache")
    assert values["SESSION_ENGINE"] == "django.contrib.sessions.backends.db"


def test_redis_url_selects_redis_and_sessions_read_through_it():
    values = settings_in(
        {"DJANGO_SETTINGS_MODULE": "newsannot.settings", "REDIS_URL": "redis://127.0.0.1:1/2"}
    )
    cache = values["CACHES"]["default"]
    assert cache["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    assert cache["LOCATION"] == "redis://127.0.0.1:1/2"
    assert values["SESSION_ENGINE"] == "django.contrib.sessions.backends.cached_db"


def test_a_redis_url_of_another_scheme_is_refused_by_name():
    env = minimal_env(
        SECRET_KEY="x" * 50,
        DJANGO_SETTINGS_MODULE="newsannot.settings",
        REDIS_URL="http://user:secret@cache.example.org/",
    )
    result = run([sys.executable, "-c", "import newsannot.settings"], env)
    assert result.returncode != 0
    assert "REDIS_URL must start with redis://" in result.stderr
    assert "secret" not in result.stderr


@pytest.fixture
def redis_sessions(settings):
    """Sessions cached in Redis under a throwaway key prefix, as production runs them."""
    server = redis.Redis.from_url(TEST_REDIS_URL, socket_connect_timeout=1)
    try:
        server.ping()
    except redis.ConnectionError:
        if os.environ.get("CI") == "true":
            pytest.fail(f"no Redis at {TEST_REDIS_URL}")
        pytest.skip(f"no Redis at {TEST_REDIS_URL}")
    prefix = f"newsannot-test-{uuid.uuid4().hex}"
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": TEST_REDIS_URL,
            "KEY_PREFIX": prefix,
        }
    }
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    yield caches["default"]
    for key in server.scan_iter(match=f"{prefix}:*"):
        server.delete(key)


@pytest.fixture
def workspace_url(db):
    annotator = UserFactory(username="ann", role="annotator")
    article = ArticleFactory()
    Assignment.objects.create(article=article, annotator=annotator)
    return annotator, reverse("articles:article", args=[article.pk])


def session_key(client) -> str:
    return f"django.contrib.sessions.cached_db{client.cookies['sessionid'].value}"


def session_cached(cache, client) -> bool:
    return cache.get(session_key(client)) is not None


def test_the_workspace_reads_the_session_from_redis_not_the_database(
    client, redis_sessions, workspace_url
):
    annotator, url = workspace_url
    client.force_login(annotator)
    assert client.get(url).status_code == 200  # the first read may fill the cache
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    assert not [q for q in queries.captured_queries if "django_session" in q["sql"]]
    assert session_cached(redis_sessions, client)


def test_a_logout_ends_the_session_for_every_worker(client, redis_sessions, workspace_url):
    annotator, url = workspace_url
    client.force_login(annotator)
    other_tab = type(client)()
    other_tab.cookies["sessionid"] = client.cookies["sessionid"].value
    assert other_tab.get(url).status_code == 200
    client.post(reverse("logout"))
    assert not session_cached(redis_sessions, other_tab)
    response = other_tab.get(url)
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_a_session_missing_from_redis_is_read_from_the_database(
    client, redis_sessions, workspace_url
):
    annotator, url = workspace_url
    client.force_login(annotator)
    client.get(url)
    redis_sessions.delete(session_key(client))  # as after a restart: Redis keeps no files
    assert client.get(url).status_code == 200
    assert session_cached(redis_sessions, client)
