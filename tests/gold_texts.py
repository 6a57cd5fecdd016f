"""The texts of our gold set (tests/data/gold.jsonl), for tests that compare a shortcut
with the computation it replaces on real prose of our own."""

import json
from pathlib import Path

GOLD = Path(__file__).resolve().parent / "data" / "gold.jsonl"


def gold_texts(count: int | None = None) -> list[str]:
    """The gold set's article texts, the first ``count`` of them if given."""
    lines = [line for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [json.loads(line)["text"] for line in lines[:count]]
