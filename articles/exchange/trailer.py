"""The last line of every export: how many articles and quotes it holds and the SHA-256
of every byte before that line, so that a client can tell a complete export from one cut
short (a dropped connection, a proxy's timeout) even when the transfer looked complete.
No Django imports.

JSONL: ``{"_export": {"complete": true, "articles": N, "quotes": M, "sha256": "…"}}``, an
object with the one key ``_export``, which no article record has. CSV: the same JSON after
``# `` (with ``rows``, the data rows above it), a line to drop before reading the rows.
"""

from __future__ import annotations

import hashlib
import json

KEY = "_export"
CSV_PREFIX = b"# "


class Tally:
    """Counts and hashes an export's bytes as they are sent, for its final line."""

    def __init__(self) -> None:
        self.digest = hashlib.sha256()
        self.articles = 0
        self.quotes = 0
        self.rows = 0

    def add(self, data: bytes, *, articles: int = 0, quotes: int = 0, rows: int = 0) -> bytes:
        """Count ``data`` (returned as it is) and what it holds."""
        self.digest.update(data)
        self.articles += articles
        self.quotes += quotes
        self.rows += rows
        return data

    def summary(self, *, rows: bool = False) -> dict:
        """What the final line says (``rows`` for CSV)."""
        summary = {"complete": True, "articles": self.articles, "quotes": self.quotes}
        if rows:
            summary["rows"] = self.rows
        summary["sha256"] = self.digest.hexdigest()
        return summary

    def jsonl_line(self) -> bytes:
        return json.dumps({KEY: self.summary()}).encode() + b"\n"

    def csv_line(self) -> bytes:
        return CSV_PREFIX + json.dumps({KEY: self.summary(rows=True)}).encode() + b"\r\n"


def parse(line: bytes) -> dict | None:
    """The summary a final line (JSONL or CSV) carries, or None if ``line`` is not one."""
    line = line.strip()
    if line.startswith(CSV_PREFIX):
        line = line[len(CSV_PREFIX) :]
    try:
        value = json.loads(line)
    except ValueError:
        return None
    return summary_of(value)


def summary_of(value) -> dict | None:
    """The summary if ``value`` (a parsed JSONL line) is an export's final line, else None."""
    if isinstance(value, dict) and set(value) == {KEY} and isinstance(value[KEY], dict):
        return value[KEY]
    return None


def split(data: bytes) -> tuple[bytes, dict | None]:
    """An export's bytes as (everything before its final line, that line's summary); a
    cut export gives (all of ``data``, None)."""
    body, newline, last = data.rstrip(b"\n").rpartition(b"\n")
    summary = parse(last)
    if summary is None:
        return data, None
    return body + newline, summary


def check(data: bytes) -> dict:
    """The summary of a whole export's bytes; ``ValueError`` saying why if it was cut or
    altered (no final line, or one whose SHA-256 does not match the bytes before it)."""
    body, summary = split(data)
    if summary is None:
        raise ValueError("the export has no final line: it was cut short")
    if hashlib.sha256(body).hexdigest() != summary.get("sha256"):
        raise ValueError("the export's SHA-256 does not match its final line")
    return summary
