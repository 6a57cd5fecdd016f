"""News pages fetched as a job, from the upload page and the API, against a local web
server: each page imported on its own, each failure listed with its URL and line and
reason (a missing page, a private address), a bad list refused before any job, and the
job's state readable over the API."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from articles.jobs.models import ProjectJob
from articles.models import Article
from tests.factories import ProjectFactory, UserFactory
from tests.integration.test_import_pages import local_network, site  # noqa: F401 - fixtures
from tests.integration.test_jobs import IMMEDIATE
from tests.logins import force_verified_login

pytestmark = pytest.mark.django_db


@pytest.fixture
def boss(client, settings, local_network):  # noqa: F811 - the fixture above
    settings.TASKS = IMMEDIATE
    settings.FETCH_INTERVAL_MS = 0
    admin = UserFactory(username="boss", is_staff=True, is_superuser=True)
    force_verified_login(client, admin)
    return admin


def test_the_upload_page_fetches_a_list_of_pages_as_a_job(client, boss, site):  # noqa: F811
    project = ProjectFactory(slug="fjord")
    urls = "\n".join(
        [
            f"{site}/ferry-cuts.html",
            "# a comment line",
            f"{site}/bridge-nb.html",
            f"{site}/gone.html",
            "http://10.0.0.7/private.html",
        ]
    )
    response = client.post(reverse("articles:fetch-pages", args=["fjord"]), {"urls": urls})
    assert response.status_code == 302
    job = ProjectJob.objects.get(kind="fetch")
    assert job.status == "done"
    assert job.result == {"imported": 2, "duplicates": 0, "near_duplicates": 0, "failed": 2}
    assert [(e["path"], e["line"]) for e in job.errors] == [
        (f"{site}/gone.html", 3),
        ("http://10.0.0.7/private.html", 4),
    ]
    assert "404" in job.errors[0]["message"]
    assert Article.objects.filter(project=project).count() == 2
    page = client.get(reverse("articles:upload", args=["fjord"])).content.decode()
    assert "2 imported, 0 already in the project, 0 near-duplicates held back, 2 failed." in page


def test_a_bad_list_is_a_400_naming_the_line_and_starts_no_job(client, boss):
    ProjectFactory(slug="fjord")
    response = client.post(
        reverse("articles:fetch-pages", args=["fjord"]),
        {"urls": "https://example.org/a\nftp://example.org/b"},
    )
    assert response.status_code == 400
    assert "line 2: &#x27;ftp://example.org/b&#x27; is not an http or https URL" in (
        response.content.decode()
    )
    assert not ProjectJob.objects.exists()


def test_the_api_starts_a_fetch_job_and_reads_it_back(boss, site):  # noqa: F811
    ProjectFactory(slug="fjord")
    api = APIClient()
    api.force_authenticate(boss)
    answer = api.post(
        reverse("api:pages", args=["fjord"]), {"urls": [f"{site}/ferry-cuts.html"]}, format="json"
    )
    assert answer.status_code == 202, answer.json()
    job = api.get(reverse("api:job", args=[answer.json()["id"]])).json()
    assert (job["kind"], job["status"], job["result"]["imported"]) == ("fetch", "done", 1)
    bad = api.post(reverse("api:pages", args=["fjord"]), {"urls": ["file:///etc"]}, format="json")
    assert bad.status_code == 400
    assert "urls[0]" in bad.json()
    annotator = UserFactory(username="ana", role="annotator")
    api.force_authenticate(annotator)
    refused = api.post(reverse("api:pages", args=["fjord"]), {"urls": [f"{site}/x"]}, format="json")
    assert refused.status_code in (403, 404)
