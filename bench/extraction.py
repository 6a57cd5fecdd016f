"""Extraction speed: articles of about 5,000 characters per second, on one core.

Usage: python bench/extraction.py [--articles 2000]
Builds articles from the gold set's texts (joined until each is ~5,000 characters),
runs extract_quotes over all of them once to warm up, then times a second pass.
"""

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from articles.extraction import extract_quotes  # noqa: E402


def articles(count: int, size: int = 5000) -> list[str]:
    texts = [json.loads(line)["text"] for line in (ROOT / "tests/data/gold.jsonl").open()]
    made, i = [], 0
    while len(made) < count:
        parts, length = [], 0
        while length < size:
            parts.append(texts[i % len(texts)])
            length += len(parts[-1]) + 2
            i += 1
        made.append("\n\n".join(parts)[:size])
    return made


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=2000)
    options = parser.parse_args()
    corpus = articles(options.articles)
    for text in corpus[:200]:
        extract_quotes(text)
    started = time.perf_counter()
    found = sum(len(extract_quotes(text)) for text in corpus)
    elapsed = time.perf_counter() - started
    chars = sum(len(t) for t in corpus) / len(corpus)
    print(
        f"{len(corpus)} articles of {chars:,.0f} characters: {elapsed:.2f} s, "
        f"{len(corpus) / elapsed:,.0f} articles/s on one core ({found} quotes)"
    )


if __name__ == "__main__":
    main()
