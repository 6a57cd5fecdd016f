"""Analysis pages at scale: 100,000 articles and about 1,000,000 quotes on PostgreSQL.

Usage: DATABASE_URL=postgres://... python bench/analysis.py [--articles 100000]
       [--quotes 12] [--speakers 2000] [--runs 5] [--reuse]
Fills a project as bench/dashboard.py does (one annotator), then gives the quotes
speakers (one in five unnamed), the articles outlets and dates over two years, and one
quote in three a stance on one of three targets; then times each page through Django's
test client, a reviewer logged in: the median and the slowest of ``--runs``, after the
background job has stored the corpus figures (timed too). The target is 100 ms a page.
Use a throwaway database: the project stays.
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
from django.urls import reverse

from accounts.roles import set_role
from articles.analysis import stored
from articles.models import Project, Speaker, StanceTarget


def dress(project, speakers: int) -> Speaker:
    """Speakers, outlets, dates and stances for the filled project; the most quoted
    speaker."""
    made = Speaker.objects.bulk_create(
        Speaker(project=project, name=f"Speaker {n}") for n in range(speakers)
    )
    targets = StanceTarget.objects.bulk_create(
        StanceTarget(project=project, name=name) for name in ("Tunnel", "Wind", "Tolls")
    )
    ids = [s.pk for s in made]
    with connection.cursor() as cursor:
        cursor.execute(
            """UPDATE articles_article SET outlet = 'Outlet ' || (id %% 20),
                 published_at = timestamptz '2025-01-01' + (id %% 730) * interval '1 day'
               WHERE project_id = %s""",
            [project.pk],
        )
        # A few speakers are quoted often, most rarely (a skewed pool), one in five unnamed.
        cursor.execute(
            """UPDATE articles_quote q SET speaker_id = CASE WHEN q.id %% 5 = 0 THEN NULL
                 ELSE (%s::bigint[])[1 + floor(power(random(), 3) * %s)::int] END
               FROM articles_article a WHERE a.id = q.article_id AND a.project_id = %s""",
            [ids, len(ids), project.pk],
        )
        cursor.execute(
            """INSERT INTO articles_stancelabel (quote_id, target_id, label)
               SELECT q.id, (%s::bigint[])[1 + q.id %% 3],
                 (ARRAY['favor', 'against', 'neutral'])[1 + (q.id / 3) %% 3]
               FROM articles_quote q JOIN articles_article a ON a.id = q.article_id
               WHERE a.project_id = %s AND q.id %% 3 = 0""",
            [[t.pk for t in targets], project.pk],
        )
        cursor.execute("ANALYZE articles_article, articles_quote, articles_stancelabel")
        cursor.execute(
            """SELECT speaker_id FROM articles_quote q JOIN articles_article a
                 ON a.id = q.article_id WHERE a.project_id = %s AND speaker_id IS NOT NULL
               GROUP BY speaker_id ORDER BY count(*) DESC LIMIT 1""",
            [project.pk],
        )
        (top,) = cursor.fetchone()
    return Speaker.objects.get(pk=top)


def dressed(options):
    """The project, a reviewer and the most quoted speaker: a project of the database
    dressed by an earlier run (with ``--reuse``), else one filled and dressed now."""
    found = Project.objects.annotate(n=Count("articles")).order_by("-n").first()
    if options.reuse and found is not None and found.n >= options.articles:
        reviewer = get_user_model().objects.create(username=f"analysis-{time.time_ns()}")
        set_role(user=reviewer, role="reviewer")
        found.members.add(reviewer)
        top = (
            Speaker.objects.filter(project=found).annotate(n=Count("quotes")).order_by("-n").first()
        )
        return found, reviewer, top
    project, reviewer = dashboard.fill(options.articles, 1, options.quotes)
    started = time.perf_counter()
    speaker = dress(project, options.speakers)
    print(f"dressed         {time.perf_counter() - started:.1f} s")
    return project, reviewer, speaker


def timed(client: Client, url: str, runs: int) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        response = client.get(url)
        times.append(time.perf_counter() - started)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(times), max(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--quotes", type=int, default=12)
    parser.add_argument("--speakers", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--reuse", action="store_true", help="the largest project, if dressed")
    options = parser.parse_args()
    assert connection.vendor == "postgresql", "run it on PostgreSQL (DATABASE_URL)"
    settings.ALLOWED_HOSTS = ["*"]
    storage = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
    settings.STORAGES = {**settings.STORAGES, "staticfiles": storage}
    project, reviewer, speaker = dressed(options)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM articles_quote q JOIN articles_article a ON a.id = q.article_id"
            " WHERE a.project_id = %s",
            [project.pk],
        )
        (quotes,) = cursor.fetchone()
    print(f"corpus          {options.articles:,} articles, {quotes:,} quotes")
    # A project this large reads its corpus figures stored (articles.analysis.stored):
    # the background job's count, timed here, then the pages that read it.
    target = project.targets.order_by("pk")[0]
    for subject in ("corpus", f"speaker {speaker.pk}", f"target {target.pk}"):
        started = time.perf_counter()
        stored.refresh(project, subject=subject, labels="gold", annotator_id=None)
        print(f"job: {subject:<10} {time.perf_counter() - started:.1f} s (counts stored)")
    client = Client()
    client.force_login(reviewer)
    pages = {
        "analysis": reverse("articles:analysis", args=[project.slug]),
        "figures.csv": reverse("articles:analysis-csv", args=[project.slug]),
        "speaker page": reverse("articles:speaker-page", args=[project.slug, speaker.pk]),
        "target page": reverse("articles:target-page", args=[project.slug, target.pk]),
        "quote search": reverse("articles:quote-search", args=[project.slug]) + "?q=bridge",
        "API speaker": reverse("api:speaker-quotes", args=[project.slug, speaker.pk]),
    }
    for name, url in pages.items():
        median, slowest = timed(client, url, options.runs)
        print(f"{name:<15} median {median * 1000:.0f} ms, slowest {slowest * 1000:.0f} ms")


if __name__ == "__main__":
    main()
