"""Failing honestly: health probes, and a database that cannot be reached (newsannot.health,
newsannot.outages). The outage is real: a process whose database does not answer."""

import json
import sys

import psycopg
import pytest
from django.db import close_old_connections, connection
from django.urls import reverse

from tests.factories import ArticleFactory, UserFactory
from tests.integration.test_deployment import minimal_env, run

# Requests from a process whose DATABASE_URL points where no database answers.
OUTAGE_SCRIPT = """
import json, logging, sys
import django
django.setup()
from django.test import Client
client = Client(raise_request_exception=False)
client.cookies["sessionid"] = "k" * 32  # a logged-in browser: its session is in the database
token = {"HTTP_AUTHORIZATION": "Token " + "a" * 64}
answers = []
for path in ["/", "/api/v1/projects/", "/readyz", "/healthz", "/articles/1/"]:
    headers = {"HTTP_HX_REQUEST": "true"} if path.startswith("/articles") else {}
    headers |= token if path.startswith("/api/") else {}
    response = client.get(path, secure=True, **headers)
    answers.append({
        "path": path,
        "status": response.status_code,
        "retry_after": response.headers.get("Retry-After"),
        "type": response.headers.get("Content-Type", ""),
        "body": response.content.decode()[:2000],
    })
print(json.dumps(answers))
"""


def _unreachable_database_url() -> str:
    if connection.vendor == "postgresql":
        return "postgres://postgres@127.0.0.1:1/newsannot"  # nothing listens on port 1
    return "sqlite:////nonexistent-directory/newsannot.sqlite3"


@pytest.fixture(scope="module")
def outage():
    env = minimal_env(
        DJANGO_SETTINGS_MODULE="newsannot.settings",
        SECRET_KEY="x" * 50,
        ALLOWED_HOSTS="testserver",
        DATABASE_URL=_unreachable_database_url(),
    )
    result = run([sys.executable, "-c", OUTAGE_SCRIPT], env)
    assert result.returncode == 0, result.stderr
    answers = {a["path"]: a for a in json.loads(result.stdout.strip().splitlines()[-1])}
    return answers, result.stderr


def test_pages_answer_503_with_retry_after_and_a_message(outage):
    answers, _ = outage
    for path in ("/", "/articles/1/"):
        assert answers[path]["status"] == 503, path
        assert answers[path]["retry_after"] == "5"
        assert "The database cannot be reached" in answers[path]["body"]
        assert "nothing was saved" in answers[path]["body"]


def test_the_api_answers_503_in_json(outage):
    answer = outage[0]["/api/v1/projects/"]
    assert answer["status"] == 503
    assert answer["type"] == "application/json"
    assert "cannot be reached" in json.loads(answer["body"])["detail"]


def test_the_probes_tell_alive_from_ready(outage):
    answers, _ = outage
    assert answers["/healthz"]["status"] == 200
    assert answers["/readyz"]["status"] == 503
    assert json.loads(answers["/readyz"]["body"])["reason"].startswith("database unreachable")


def test_the_outage_is_logged_once_not_per_request(outage):
    _, log = outage
    assert log.count("Database unavailable") == 1, log
    assert "Service Unavailable" not in log
    assert "Traceback" not in log


def test_healthz_needs_no_known_host_no_session_and_no_query(client, db, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz", HTTP_HOST="10.1.2.3:8000")
    assert response.status_code == 200
    assert "Set-Cookie" not in response.headers


def test_readyz_is_ready_on_a_migrated_database(client, db):
    response = client.get("/readyz", HTTP_HOST="10.1.2.3:8000")
    assert response.status_code == 200
    assert response.json() == {"ready": True}


@pytest.mark.skipif(connection.vendor != "postgresql", reason="terminates a PostgreSQL backend")
@pytest.mark.parametrize(("health_checks", "status"), [(True, 200), (False, 503)])
def test_a_connection_killed_by_a_restart_fails_no_request(
    client, transactional_db, settings, health_checks, status
):
    annotator = UserFactory(username="ann", role="annotator")
    ArticleFactory()
    client.force_login(annotator)
    settings_dict = connection.settings_dict
    saved = settings_dict["CONN_MAX_AGE"], settings_dict["CONN_HEALTH_CHECKS"]
    settings_dict["CONN_MAX_AGE"], settings_dict["CONN_HEALTH_CHECKS"] = 60, health_checks
    connection.close()
    try:
        assert client.get(reverse("articles:project-list")).status_code == 200
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            (pid,) = cursor.fetchone()
        with psycopg.connect(
            host=settings_dict["HOST"] or "127.0.0.1",
            port=settings_dict["PORT"] or 5432,
            user=settings_dict["USER"],
            dbname=settings_dict["NAME"],
            autocommit=True,
        ) as admin:
            admin.execute("SELECT pg_terminate_backend(%s)", [pid])
        # What a WSGI server's request_started does (Django's test client skips it).
        close_old_connections()
        client.raise_request_exception = False
        assert client.get(reverse("articles:project-list")).status_code == status
    finally:
        settings_dict["CONN_MAX_AGE"], settings_dict["CONN_HEALTH_CHECKS"] = saved
        connection.close()
