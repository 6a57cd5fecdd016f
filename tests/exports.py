"""Helpers for tests that compare exports."""

import json


def comparable(jsonl: str) -> list[dict]:
    """The records of a JSONL export without what differs between copies of the same
    content: article, quote and speaker ids, and the quotes' timestamps."""
    records = [json.loads(line) for line in jsonl.splitlines()]
    for record in records:
        del record["id"]
        for quote in record["quotes"]:
            for key in ("id", "created_at", "updated_at"):
                del quote[key]
            if quote["speaker"]:
                del quote["speaker"]["id"]
    return records
