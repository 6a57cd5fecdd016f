"""Helpers for tests that read or compare exports."""

import csv
import io
import json

from articles.exchange import trailer


def records(export: str | bytes) -> list[dict]:
    """The article records of a whole JSONL export, after checking its final line (the
    counts and the SHA-256 of the bytes before it)."""
    data = export.encode() if isinstance(export, str) else export
    summary = trailer.check(data)
    found = [json.loads(line) for line in data.splitlines()[:-1] if line.strip()]
    assert summary["articles"] == len(found)
    assert summary["quotes"] == sum(len(r["quotes"]) for r in found)
    return found


def csv_rows(export: str | bytes) -> list[list[str]]:
    """The rows (header first) of a whole CSV export, after checking its final line."""
    data = export.encode() if isinstance(export, str) else export
    summary = trailer.check(data)
    body, _ = trailer.split(data)
    rows = list(csv.reader(io.StringIO(body.decode("utf-8"), newline="")))
    assert summary["rows"] == len(rows) - 1
    return rows


def comparable(jsonl: str) -> list[dict]:
    """The records of a JSONL export without what differs between copies of the same
    content: article, quote and speaker ids, and the quotes' timestamps."""
    found = records(jsonl)
    for record in found:
        del record["id"]
        for quote in record["quotes"]:
            for key in ("id", "created_at", "updated_at"):
                del quote[key]
            if quote["speaker"]:
                del quote["speaker"]["id"]
    return found
