"""Extraction speed: articles of about 5,000 characters per second, on one core; and
the time for one 400,000-character text and for one 83,000-character paragraph.

Usage: python bench/extraction.py [--articles 2000] [--scope wide] [--texts DIR ...]
Builds articles from the gold set's texts (joined until each is ~5,000 characters),
runs extract_quotes over all of them once to warm up, then times a second pass. The gold
texts repeat, which flatters the engine's caches of names; ``--texts`` also times real
news nobody here wrote (every ``*.txt`` under DIR, e.g. PolNeAR/data/dev/text), in the
same unit: its characters per second over 5,000. The two
long texts are made of invented people quoted in the gold set's styles, thousands of
different names (the speaker registry's worst case), one with a paragraph a sentence
and one with no paragraph break at all. Targets: >= 150 articles/s, <= 2 s each.
"""

import argparse
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from articles.extraction import Scope, extract_quotes  # noqa: E402


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


_SYLLABLES = "ka lo mi ne sa to ri ve dan hol berg sen mar tin gu la pe ro wi son ham ley".split()
_FIRST_NAMES = "Anna Ola Kari Per Lise Tom Eva Jon Mia Hans Nina Lars Sara Erik Ida Knut".split()


def many_names(size: int, separator: str) -> str:
    """About ``size`` characters of quotes by thousands of invented people."""
    rng = random.Random(14)

    def surname() -> str:
        return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()

    parts, length = [], 0
    while length < size:
        person, other = f"{rng.choice(_FIRST_NAMES)} {surname()}", surname()
        parts.append(
            rng.choice(
                [
                    f"“We will not give up on the harbour,” said {person}, a councillor.",
                    f"{person} believes that the ferry will stop in May. {other} said the "
                    "plan was “a disaster”.",
                    f"– We have no choice, says {person} to the local paper.",
                    f"According to {person}, the budget will be cut by a third next year.",
                ]
            )
        )
        length += len(parts[-1]) + len(separator)
    return separator.join(parts)[:size]


def timed(text: str, scope: Scope) -> float:
    started = time.perf_counter()
    extract_quotes(text, scope=scope)
    return time.perf_counter() - started


def real_news(paths: list[Path], scope: Scope) -> None:
    """Time a second pass over the texts at ``paths``, in articles of 5,000 characters."""
    texts = [path.read_text(encoding="utf-8") for path in paths]
    for text in texts:
        extract_quotes(text, scope=scope)
    started = time.perf_counter()
    for text in texts:
        extract_quotes(text, scope=scope)
    elapsed = time.perf_counter() - started
    chars = sum(map(len, texts))
    print(
        f"{len(texts)} texts of real news, {chars:,} characters: {elapsed:.2f} s, "
        f"{chars / 5000 / elapsed:,.0f} articles of 5,000 characters/s on one core"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--scope", type=Scope, choices=list(Scope), default=Scope.CLAUSES)
    parser.add_argument("--texts", type=Path, nargs="*", default=[], metavar="DIR")
    options = parser.parse_args()
    scope = options.scope
    corpus = articles(options.articles)
    for text in corpus[:200]:
        extract_quotes(text, scope=scope)
    started = time.perf_counter()
    found = sum(len(extract_quotes(text, scope=scope)) for text in corpus)
    elapsed = time.perf_counter() - started
    chars = sum(len(t) for t in corpus) / len(corpus)
    print(
        f"{len(corpus)} articles of {chars:,.0f} characters: {elapsed:.2f} s, "
        f"{len(corpus) / elapsed:,.0f} articles/s on one core ({found} quotes)"
    )
    if options.texts:
        real_news(sorted(p for folder in options.texts for p in folder.rglob("*.txt")), scope)
    for label, text in (
        ("one text", many_names(400_000, "\n\n")),
        ("one paragraph", many_names(83_000, " ")),
    ):
        print(f"{label} of {len(text):,} characters: {timed(text, scope):.2f} s")


if __name__ == "__main__":
    main()
