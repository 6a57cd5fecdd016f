"""Assignment speed: ``distribute`` over a project of N articles (default 10,000) and
three annotators, k = 1 and then k = 3 on the same project (the second call adds two
people to every article).

Usage: DATABASE_URL=... python bench/distribution.py [--articles 10000] [--runs 3] [--by-person]
Fills a throwaway project in bulk (a COPY on PostgreSQL), then times each call, the
median of ``--runs`` runs (assignments deleted between runs, in SQL, and the tables
vacuumed). The target is 0.3 s for 10,000 articles. Use a throwaway database: the
projects stay (their history is append-only).

Besides the time, the CPU the call took: this process's and, when PostgreSQL runs on
this (Linux) machine, its server process's (``/proc/<pid>/schedstat``). On a busy machine
the time is mostly waiting for a core; the CPU is what the code costs.
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

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection  # noqa: E402

from articles.exchange.fast_paths import insert_articles  # noqa: E402
from articles.exchange.records import ArticleRecord, text_sha256  # noqa: E402
from articles.models import Project  # noqa: E402
from articles.review.distribution import distribute  # noqa: E402


def fill(articles: int) -> tuple[Project, list]:
    tag = f"{os.getpid()}-{time.time_ns()}"
    project = Project.objects.create(name="bench", slug=f"dist-{tag}")
    texts = [
        f"Article {n} of the distribution bench ({tag}). – Yes, says Odd." for n in range(articles)
    ]
    insert_articles(
        project,
        [
            ArticleRecord(title=f"A{n}", text=t, text_sha256=text_sha256(t))
            for n, t in enumerate(texts)
        ],
        want_ids=False,
    )
    users = get_user_model().objects.bulk_create(
        get_user_model()(username=f"d{n}-{tag}") for n in range(3)
    )
    return project, users


def clear(project) -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            "DELETE FROM articles_assignment WHERE article_id IN"
            " (SELECT id FROM articles_article WHERE project_id = %s)",
            [project.pk],
        )
    if connection.vendor == "postgresql":
        # Each run leaves tens of thousands of dead rows that autovacuum would clear in a
        # while: without this the runs measure the bench's own churn.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE articles_assignment, articles_articlecounts")


def server_cpu() -> float | None:
    """Seconds of CPU the connection's PostgreSQL process has used, or None (another
    database, another machine)."""
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    try:
        return int(Path(f"/proc/{pid}/schedstat").read_text().split()[0]) / 1e9
    except (OSError, ValueError, IndexError):
        return None


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--by-person",
        action="store_true",
        help="a person distributes (as on the Distribute page), not a command: their id "
        "in every history event, one more foreign key checked per event",
    )
    options = parser.parse_args()
    project, users = fill(options.articles)
    actor = users[0] if options.by_person else None
    times: dict[int, list[float]] = {1: [], 3: []}
    cpu: dict[int, list[tuple[float, float | None]]] = {1: [], 3: []}
    for _ in range(options.runs):
        clear(project)
        for k in (1, 3):
            server = server_cpu()
            mine, started = time.process_time(), time.perf_counter()
            result = distribute(project=project, annotators=users, per_article=k, actor=actor)
            times[k].append(time.perf_counter() - started)
            mine, after = time.process_time() - mine, server_cpu()
            cpu[k].append((mine, None if None in (server, after) else after - server))
            assert sum(result.loads.values()) == k * options.articles
    print(f"database        {connection.vendor}")
    print(f"articles        {options.articles:,}, 3 annotators, median of {options.runs} runs")
    print(f"distributed by  {'a person' if actor else 'a command'}")
    print(f"k = 1           {statistics.median(times[1]):.3f} s ({options.articles:,} assignments)")
    print(
        f"k = 1 -> 3      {statistics.median(times[3]):.3f} s "
        f"({2 * options.articles:,} more assignments)"
    )
    for k, label in [(1, "k = 1      "), (3, "k = 1 -> 3 ")]:
        mine = statistics.median(c[0] for c in cpu[k])
        servers = [c[1] for c in cpu[k] if c[1] is not None]
        server = f", PostgreSQL {statistics.median(servers):.3f} s" if servers else ""
        print(f"{label}CPU  Python {mine:.3f} s{server}")


if __name__ == "__main__":
    main()
