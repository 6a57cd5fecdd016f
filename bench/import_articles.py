"""Import throughput: parse a JSONL file and write it through
articles.exchange.importing.import_articles.

Usage: DATABASE_URL=... python bench/import_articles.py [--articles 5000] [--chars 5000]
Prints articles per second for parsing alone and for parsing plus writing, and the peak
memory of the process. Runs against a throwaway project it deletes afterwards.
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
from articles.exchange.records import read_records, split_valid  # noqa: E402
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

        started = time.perf_counter()
        records, errors = split_valid(read_records(path))
        parsed = time.perf_counter() - started
        assert not errors, errors[:3]

        project = Project.objects.create(name="bench", slug=f"bench-{os.getpid()}")
        try:
            started = time.perf_counter()
            result = import_articles(project=project, records=records)
            written = time.perf_counter() - started
        finally:
            project.delete()

    engine = django.db.connection.vendor
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    total = parsed + written
    print(f"database            {engine}")
    print(f"articles            {options.articles} x {options.chars} chars ({megabytes:.1f} MB)")
    print(f"parse + validate    {parsed:.2f} s  ({options.articles / parsed:,.0f} articles/s)")
    print(f"write (one txn)     {written:.2f} s  ({result.created / written:,.0f} articles/s)")
    print(f"total               {total:.2f} s  ({options.articles / total:,.0f} articles/s)")
    print(f"peak memory (RSS)   {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
