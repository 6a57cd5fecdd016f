"""Dashboard speed at scale: N articles × A annotators (all done) × Q quotes each, on
PostgreSQL.

Usage: DATABASE_URL=postgres://... python bench/dashboard.py [--articles 100000]
       [--annotators 3] [--quotes 20] [--runs 5]
Fills a new project in SQL on the server (a few hundred thousand rows a second), then
times: the background refresh (``articles.review.figures.refresh``, what the task runs:
the live computation a small project's page does), and the dashboard page of the large
project (stored figures "as of", the median of ``--runs`` requests through Django's test
client, a reviewer logged in). The target is 1 s for the page at 100,000 × 3 × 20. Use a
throwaway database: the project stays.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsannot.settings")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402

from accounts.roles import set_role  # noqa: E402
from articles.models import Project  # noqa: E402
from articles.review import figures  # noqa: E402

SENTENCE = "– The harbour must stay open all winter, says the council leader, Odd Vik. "
SLOT = 100  # characters of text per quote


def fill(articles: int, annotators: int, quotes: int) -> tuple[Project, list]:
    tag = f"{os.getpid()}-{time.time_ns()}"
    project = Project.objects.create(name="dashboard bench", slug=f"dash-{tag}")
    User = get_user_model()
    people = User.objects.bulk_create(User(username=f"a{n}-{tag}") for n in range(annotators))
    reviewer = User.objects.create(username=f"rev-{tag}")
    set_role(user=reviewer, role="reviewer")
    project.members.add(*people, reviewer)
    length = quotes * SLOT
    repeat = length // len(SENTENCE) + 2
    with connection.cursor() as cursor:
        started = time.perf_counter()
        cursor.execute(
            """INSERT INTO articles_article (project_id, title, text, text_sha256, outlet, url,
                 author, language, external_id, metadata, created_at)
               SELECT %s, 'Article ' || g, t, encode(sha256(convert_to(t, 'UTF8')), 'hex'),
                 '', '', '', '', '', '{}', now()
               FROM generate_series(1, %s) g,
                 LATERAL (SELECT 'Article ' || g || '. ' || repeat(%s, %s) AS t) x""",
            [project.pk, articles, SENTENCE, repeat],
        )
        cursor.execute(
            """INSERT INTO articles_assignment (article_id, annotator_id, status, created_at,
                 started_at, finished_at)
               SELECT a.id, u, 'done', now(), now() - interval '20 minutes', now()
               FROM articles_article a, unnest(%s::bigint[]) u WHERE a.project_id = %s""",
            [[p.pk for p in people], project.pk],
        )
        filled = time.perf_counter() - started
        # Each annotator marks most of the same quotes, a little shifted; each misses one
        # in seven and calls one in five indirect: agreement high, but not perfect.
        # The quotes' statement-level trigger compares each article's quotes by scanning
        # every row the statement inserted: for millions of rows in one statement, days.
        # The spans are cut from the texts here, so the fill goes without it (superuser).
        with transaction.atomic():
            cursor.execute("SET LOCAL session_replication_role = replica")
            cursor.execute(
                """INSERT INTO articles_quote (article_id, annotator_id, start, "end", text, kind,
                     origin, version, created_at, updated_at)
                   SELECT a.id, u.id, s, s + 60, substr(a.text, s + 1, 60),
                     CASE WHEN (g + u.n) %% 5 = 0 THEN 'indirect' ELSE 'direct' END,
                     'human', 1, now(), now()
                   FROM articles_article a
                   CROSS JOIN unnest(%s::bigint[]) WITH ORDINALITY AS u (id, n)
                   CROSS JOIN generate_series(0, %s - 1) g
                   CROSS JOIN LATERAL (SELECT (g * %s + (u.n * 3) %% 7)::int AS s) span
                   WHERE a.project_id = %s AND (g + a.id + u.n) %% 7 <> 0""",
                [[p.pk for p in people], quotes, SLOT, project.pk],
            )
            # The same goes for the articles' counts that the triggers keep (migration
            # 0020): counted here, in one statement.
            cursor.execute(
                """UPDATE articles_articlecounts c SET quotes = q.n
                   FROM (SELECT article_id, count(*) AS n FROM articles_quote
                         WHERE article_id IN (SELECT id FROM articles_article
                                              WHERE project_id = %s)
                           AND origin <> 'suggested'
                         GROUP BY article_id) q
                   WHERE c.article_id = q.article_id""",
                [project.pk],
            )
        cursor.execute(
            "ANALYZE articles_article, articles_assignment, articles_quote, articles_articlecounts"
        )
    print(
        f"filled          {time.perf_counter() - started:.1f} s "
        f"(articles and assignments {filled:.1f} s)"
    )
    return project, reviewer


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--annotators", type=int, default=3)
    parser.add_argument("--quotes", type=int, default=20)
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    assert connection.vendor == "postgresql", "run it on PostgreSQL (DATABASE_URL)"
    settings.ALLOWED_HOSTS = ["*"]
    # No collectstatic needed to render the page here.
    storage = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
    settings.STORAGES = {**settings.STORAGES, "staticfiles": storage}
    settings.TEAM_FIGURES_LIVE_MAX_ARTICLES = 0  # the stored figures, whatever the size
    project, reviewer = fill(options.articles, options.annotators, options.quotes)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM articles_quote q JOIN articles_article a ON a.id = q.article_id"
            " WHERE a.project_id = %s",
            [project.pk],
        )
        (quotes,) = cursor.fetchone()
    started = time.perf_counter()
    figures.refresh(project)
    refreshed = time.perf_counter() - started
    client = Client()
    client.force_login(reviewer)
    url = reverse("articles:dashboard", args=[project.slug])
    times = []
    for _ in range(options.runs):
        started = time.perf_counter()
        page = client.get(url, secure=True)
        times.append(time.perf_counter() - started)
        assert page.status_code == 200, page.status_code
        assert b'id="figures-as-of"' in page.content
    print(f"database        {connection.vendor}")
    print(
        f"project         {options.articles:,} articles × {options.annotators} annotators, "
        f"{quotes:,} quotes"
    )
    print(f"refresh (task)  {refreshed:.1f} s (the live computation)")
    print(
        f"dashboard page  {statistics.median(times):.3f} s median of {options.runs} "
        f"(range {min(times):.3f}–{max(times):.3f})"
    )


if __name__ == "__main__":
    main()
