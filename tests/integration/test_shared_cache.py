"""The shared cache: REDIS_URL selects Redis, and sessions are then read through it; with
Redis down the site stays up (newsannot.cache).

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
from django.core.cache.backends.redis import RedisCache
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
        "print(json.dumps({'CACHES': s.CACHES, 'SESSION_ENGINE': s.SESSION_ENGINE,\n"
        "                  'SESSION_CACHE_ALIAS': s.SESSION_CACHE_ALIAS}))\n"
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
    caches_ = values["CACHES"]
    assert {c["BACKEND"] for c in caches_.values()} == {"newsannot.cache.RedisWithFallback"}
    assert {c["LOCATION"] for c in caches_.values()} == {"redis://127.0.0.1:1/2"}
    assert (caches_["default"]["FALLBACK"], caches_["sessions"]["FALLBACK"]) == ("locmem", "none")
    assert values["SESSION_ENGINE"] == "django.contrib.sessions.backends.cached_db"
    assert values["SESSION_CACHE_ALIAS"] == "sessions"


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
    _redis_settings(settings, TEST_REDIS_URL, prefix)
    yield caches["sessions"]
    for key in server.scan_iter(match=f"{prefix}:*"):
        server.delete(key)


def _redis_settings(settings, url: str, prefix: str) -> None:
    """The caches as production configures them (newsannot/settings.py), on ``url``."""
    redis_cache = {
        "BACKEND": "newsannot.cache.RedisWithFallback",
        "LOCATION": url,
        "KEY_PREFIX": prefix,
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    }
    settings.CACHES = {
        "default": {**redis_cache, "FALLBACK": "locmem"},
        "sessions": {**redis_cache, "FALLBACK": "none"},
    }
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    settings.SESSION_CACHE_ALIAS = "sessions"


@pytest.fixture
def redis_down(settings):
    """The same caches pointed at a port where no Redis listens: connections are refused."""
    _redis_settings(settings, "redis://127.0.0.1:1/0", "down")


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


def test_with_redis_down_pages_and_logins_still_work_and_the_outage_is_logged_once(
    client, redis_down, workspace_url, caplog
):
    annotator, url = workspace_url
    client.force_login(annotator)
    with caplog.at_level("WARNING", logger="newsannot.cache"):
        for _ in range(3):
            assert client.get(url).status_code == 200
    warnings = [r for r in caplog.records if r.name == "newsannot.cache"]
    # One line per cache (default, sessions) when the outage begins, not one per request.
    assert 1 <= len(warnings) <= 2
    assert all("Redis unavailable" in r.getMessage() for r in warnings)


def test_with_redis_down_the_cache_lives_in_memory_and_sessions_in_the_database(
    client, redis_down, workspace_url
):
    assert caches["default"].add("key", 1) is True
    assert caches["default"].incr("key") == 2
    assert caches["sessions"].get("anything") is None  # nothing kept per process
    annotator, url = workspace_url
    client.force_login(annotator)
    client.post(reverse("logout"))
    assert client.get(url).status_code == 302  # logged out for every worker alike


def test_the_fallback_tries_redis_again_and_says_when_it_is_back(redis_sessions, caplog):
    sessions = redis_sessions
    working = sessions.redis
    sessions.redis = RedisCache("redis://127.0.0.1:1/0", {})  # Redis goes down
    assert sessions.get("x") is None
    assert sessions.down_since
    sessions.redis = working  # and comes back
    working.set("x", 1)
    assert sessions.get("x") is None  # not tried again within RETRY_SECONDS
    sessions.next_try = 0.0  # as when they have passed
    caplog.clear()
    with caplog.at_level("WARNING", logger="newsannot.cache"):
        assert sessions.get("x") == 1
    assert [r.getMessage()[:10] for r in caplog.records] == ["Redis back"]
    assert not sessions.down_since
