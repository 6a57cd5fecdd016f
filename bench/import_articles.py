"""Import throughput: parse a JSONL file and write it through
articles.exchange.importing.import_articles.

Usage: DATABASE_URL=... python bench/import_articles.py [--articles 5000] [--chars 5000]
Prints articles per second for parsing alone and for the import as the command runs it
(records read as they are written, a batch at a time, in one transaction), and the peak
memory (RSS) of the process during each: it should not grow with the file. Runs against a
throwaway project whose articles it deletes afterwards (use a throwaway database).
"""

import argparse
import json
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsannot.settings")
os.environ.setdefault("DEBUG", "true")

import django

django.setup()

from articles.exchange.importing import import_articles  # noqa: E402
from articles.exchange.records import RecordError, read_records  # noqa: E402
from articles.models import Project  # noqa: E402

WORDS = [
    "harbour",
    "council",
    "minister",
    "wind",
    "turbine",
    "fishermen",
    "vote",
    "budget",
    "coast",
    "price",
    "winter",
    "–",
    "says",
    "believes",
    "according",
    "“",
    "”",
    "é",
    "🐟",
    "Øvrebø",
    "田中",
]


def article_text(rng: random.Random, chars: int) -> str:
    words = []
    size = 0
    while size < chars:
        word = rng.choice(WORDS)
        words.append(word)
        size += len(word) + 1
    return " ".join(words)[:chars]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--chars", type=int, default=5000)
    options = parser.parse_args()
    rng = random.Random(7)

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for n in range(options.articles):
                row = {
                    "title": f"Article {n}",
                    "text": article_text(rng, options.chars),
                    "url": f"https://example.org/{n}",
                    "published_at": "2026-02-10",
                }
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
        megabytes = path.stat().st_size / 1e6

        baseline = peak_rss_mb()
        started = time.perf_counter()
        for item in read_records(path):  # parsing alone: nothing kept
            assert not isinstance(item, RecordError), item
        parsed = time.perf_counter() - started
        parse_peak = peak_rss_mb()

        project = Project.objects.create(name="bench", slug=f"bench-{os.getpid()}")
        try:
            started = time.perf_counter()
            result = import_articles(project=project, records=read_records(path))
            total = time.perf_counter() - started
            import_peak = peak_rss_mb()
        finally:
            # Its history is kept (append-only): the project stays, without its articles
            # (deleted in SQL: the ORM's delete would load them all first).
            with django.db.connection.cursor() as cursor:
                cursor.execute("DELETE FROM articles_article WHERE project_id = %s", [project.pk])

    engine = django.db.connection.vendor
    print(f"database            {engine}")
    print(f"articles            {options.articles} x {options.chars} chars ({megabytes:.1f} MB)")
    print(f"parse + validate    {parsed:.2f} s  ({options.articles / parsed:,.0f} articles/s)")
    print(f"import (one txn)    {total:.2f} s  ({result.created / total:,.0f} articles/s)")
    print(
        f"peak RSS            {baseline:.0f} MB before, {parse_peak:.0f} MB parsing, "
        f"{import_peak:.0f} MB importing"
    )


def peak_rss_mb() -> float:
    """The process's peak resident memory so far, in MB (Linux: ru_maxrss is in KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


if __name__ == "__main__":
    main()
