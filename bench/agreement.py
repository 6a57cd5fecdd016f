"""Agreement report speed: articles × annotators × quotes each, the whole report timed.

Usage: python bench/agreement.py [--articles 1000] [--annotators 3] [--quotes 20] [--runs 5]
Generates the annotations deterministically (seeded): each article has a set of true
quotes; each annotator misses some, adds one of their own, shifts some spans, and now and
then picks another speaker, kind or stance. Times ``measure_agreement`` (median and range
of the runs, after one warm-up), then its peak traced allocation in one more run, and the
process's peak RSS. The target is under 2 s for 1,000 × 3 × 20.
"""

import argparse
import random
import resource
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from articles.agreement import Annotation, measure_agreement

TEXT_LENGTH = 5000
TARGETS = ("wind power", "road tolls", "ferry subsidies", "rail")
LABELS = ("favor", "against", "neutral")
KINDS = ("direct", "direct", "direct", "indirect", "mixed")


def true_quotes(rng: random.Random, count: int) -> list[dict]:
    slot = TEXT_LENGTH // count
    speakers = [rng.randrange(100_000) for _ in range(5)]
    quotes = []
    for i in range(count):
        length = rng.randint(40, slot - 20)
        start = i * slot + rng.randint(0, slot - length)
        stances = {t: rng.choice(LABELS) for t in rng.sample(TARGETS, rng.choice((0, 1, 1, 2)))}
        quotes.append(
            {
                "start": start,
                "end": start + length,
                "speaker": rng.choice(speakers) if rng.random() > 0.1 else None,
                "speakers": speakers,
                "kind": rng.choice(KINDS),
                "stances": stances,
            }
        )
    return quotes


def annotated(rng: random.Random, truth: dict, name: str, quote_id: int) -> Annotation:
    start, end = truth["start"], truth["end"]
    roll = rng.random()
    if roll > 0.9:  # a sloppy span: may no longer count as the same quote
        start += rng.randint(-40, 40)
        end += rng.randint(-40, 40)
    elif roll > 0.6:
        start += rng.randint(-8, 8)
        end += rng.randint(-8, 8)
    start = max(0, start)
    end = max(start + 1, min(TEXT_LENGTH, end))
    roll = rng.random()
    speaker = (
        truth["speaker"]
        if roll < 0.85
        else (rng.choice(truth["speakers"]) if roll < 0.95 else None)
    )
    kind = truth["kind"] if rng.random() < 0.9 else rng.choice(KINDS)
    stances = {}
    for target, label in truth["stances"].items():
        roll = rng.random()
        if roll < 0.8:
            stances[target] = label
        elif roll < 0.9:
            stances[target] = rng.choice(LABELS)
    if rng.random() < 0.05:
        stances[rng.choice(TARGETS)] = rng.choice(LABELS)
    return Annotation(quote_id, name, start, end, speaker, kind, stances)


def project(articles: int, annotators: int, quotes: int, seed: int = 6):
    rng = random.Random(seed)
    names = [f"annotator{i + 1}" for i in range(annotators)]
    data, assigned, quote_id = {}, {}, 0
    for article in range(articles):
        truth = true_quotes(rng, quotes + 4)
        marked = []
        for name in names:
            for t in rng.sample(truth, quotes - 1):
                quote_id += 1
                marked.append(annotated(rng, t, name, quote_id))
            quote_id += 1
            start = rng.randrange(TEXT_LENGTH - 200)
            marked.append(
                Annotation(
                    quote_id, name, start, start + rng.randint(30, 200), None, "indirect", {}
                )
            )
        data[article] = marked
        assigned[article] = names
    return data, assigned


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--annotators", type=int, default=3)
    parser.add_argument("--quotes", type=int, default=20)
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    data, assigned = project(options.articles, options.annotators, options.quotes)
    total = sum(len(q) for q in data.values())

    report = measure_agreement(data, assigned)  # warm-up
    times = []
    for _ in range(options.runs):
        started = time.perf_counter()
        report = measure_agreement(data, assigned)
        times.append(time.perf_counter() - started)

    tracemalloc.start()
    measure_agreement(data, assigned)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    figures = report.as_dict()
    print(
        f"{options.articles} articles × {options.annotators} annotators × {options.quotes} "
        f"quotes ({total:,} quotes): median {statistics.median(times):.2f} s "
        f"(range {min(times):.2f}–{max(times):.2f} s over {options.runs} runs); "
        f"report allocates at most {peak / 2**20:.1f} MB; process peak RSS {rss:.0f} MB"
    )
    print(
        f"overlap F1 {figures['span']['overlap']['f1']}, exact F1 "
        f"{figures['span']['exact']['f1']}, span alpha {figures['span']['alpha']['value']}, "
        f"speaker alpha {figures['speaker']['alpha']['value']}, "
        f"kind alpha {figures['kind']['alpha']['value']}"
    )


if __name__ == "__main__":
    main()
