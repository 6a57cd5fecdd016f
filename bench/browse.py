"""The articles page at 100,000 articles on PostgreSQL: each typical query through
Django's test client, a reviewer logged in; the median and slowest of ``--runs``.

Usage: DATABASE_URL=postgres://... python bench/browse.py [--articles 100000] [--runs 5]
Uses the largest project in the database when it has at least ``--articles`` articles
(bench/dashboard.py or bench/analysis.py filled one), else fills one as they do. The
target is 50 ms a page.
"""

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import dashboard  # bench/dashboard.py: sets Django up; its fill() makes the corpus
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models import Count
from django.test import Client
from django.test.utils import setup_test_environment
from django.urls import reverse

from accounts.roles import set_role
from articles.models import Project


def project_of(size: int):
    found = Project.objects.annotate(n=Count("articles")).order_by("-n").first()
    if found is not None and found.n >= size:
        reviewer = get_user_model().objects.create(username=f"browse-{time.time_ns()}")
        set_role(user=reviewer, role="reviewer")
        found.members.add(reviewer)
        return found, reviewer
    return dashboard.fill(size, 2, 5)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    assert connection.vendor == "postgresql", "run it on PostgreSQL (DATABASE_URL)"
    setup_test_environment()  # the client keeps each response's context
    settings.ALLOWED_HOSTS = ["*"]
    storage = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
    settings.STORAGES = {**settings.STORAGES, "staticfiles": storage}
    project, reviewer = project_of(options.articles)
    client = Client()
    client.force_login(reviewer)
    url = reverse("articles:articles", args=[project.slug])
    queries = {
        "first page": {},
        "search, one article": {"q": "Article 4242"},
        "search, every article": {"q": "harbour"},
        "status done": {"status": "done"},
        "unassigned": {"status": "unassigned"},
        "status to do": {"status": "todo"},
        "status in progress": {"status": "in_progress"},
        "has quotes": {"has_quotes": "yes"},
        "has no quotes": {"has_quotes": "no"},
        "adjudicated": {"adjudicated": "yes"},
        "title order, page 500": {"sort": "title", "page": "500"},
    }
    print(f"articles        {project.articles.count():,} in {project.slug}")
    for name, query in queries.items():
        times = []
        for _ in range(options.runs):
            started = time.perf_counter()
            response = client.get(url, query)
            times.append(time.perf_counter() - started)
            assert response.status_code == 200, (name, response.status_code)
        paginator = response.context["page"].paginator
        found = f"{paginator.count:,}" if paginator.exact else f"more than {paginator.limit:,}"
        print(
            f"{name:<24} median {statistics.median(times) * 1000:6.1f} ms, slowest "
            f"{max(times) * 1000:6.1f} ms ({found} found)"
        )


if __name__ == "__main__":
    main()
