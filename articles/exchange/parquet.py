"""The export as Parquet files, for Hugging Face ``datasets`` and pandas. Pure Python over
pyarrow, no Django.

Two layouts of the same export records (``streams.records``):

- ``parquet``: one row per article, the JSONL record's fields with typed columns: ``id``,
  ``external_id``, ``title``, ``url``, ``outlet``, ``author``, ``published_at`` (a UTC
  timestamp), ``language``, ``text``, ``text_sha256``, ``offset_unit``; ``quotes``, a list
  of structs (``id``, ``start``, ``end``, ``text``, ``kind``, ``speaker`` {``id``,
  ``name``, ``aliases``}, ``cue`` {``start``, ``end``, ``text``}, ``stances`` [{``target``,
  ``label``}], ``annotator``, ``origin``, ``created_at``, ``updated_at``, and the span in
  UTF-16 units and UTF-8 bytes); ``assignments`` (a list) or ``adjudication`` (gold), as
  in JSONL, the other one null.
- ``parquet-quotes``: one row per quote, flat as the CSV (the article's fields but its
  text, then the quote's), ``stances`` a list of {``target``, ``label``}. Articles
  without quotes have no row.

Offsets are code points into ``text``, as everywhere. A row group holds
``ROWS_PER_GROUP`` articles, so an export streams in pieces of bounded size.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import TYPE_CHECKING

from articles.exchange.byte_sink import ByteSink

if TYPE_CHECKING:
    import pyarrow as pa

ROWS_PER_GROUP = 500
LAYOUTS = ("parquet", "parquet-quotes")
ARTICLE_COLUMNS = (
    "id",
    "external_id",
    "title",
    "url",
    "outlet",
    "author",
    "published_at",
    "language",
)
QUOTE_COLUMNS = (
    "id",
    "start",
    "end",
    "text",
    "kind",
    "speaker",
    "cue",
    "stances",
    "annotator",
    "origin",
    "created_at",
    "updated_at",
    "start_utf16",
    "end_utf16",
    "start_utf8",
    "end_utf8",
)


@functools.cache
def schema(layout: str) -> pa.Schema:
    """The pyarrow schema of ``layout`` (one of ``LAYOUTS``)."""
    # pyarrow is imported by the first Parquet export, not at every process's start: it
    # costs about 90 ms and tens of MB that most web workers never use.
    import pyarrow as pa

    if layout not in LAYOUTS:
        raise ValueError(f"unknown Parquet layout {layout!r}: one of {', '.join(LAYOUTS)}")

    time = pa.timestamp("us", tz="UTC")
    speaker = pa.struct(
        [("id", pa.int64()), ("name", pa.string()), ("aliases", pa.list_(pa.string()))]
    )
    cue = pa.struct([("start", pa.int64()), ("end", pa.int64()), ("text", pa.string())])
    stances = pa.list_(pa.struct([("target", pa.string()), ("label", pa.string())]))
    quote_types = {
        "id": pa.int64(),
        "text": pa.string(),
        "kind": pa.string(),
        "speaker": speaker,
        "cue": cue,
        "stances": stances,
        "annotator": pa.string(),
        "origin": pa.string(),
        "created_at": time,
        "updated_at": time,
    }
    quote_fields = [(name, quote_types.get(name, pa.int64())) for name in QUOTE_COLUMNS]
    article_types = {"id": pa.int64(), "published_at": time}
    article_fields = [(name, article_types.get(name, pa.string())) for name in ARTICLE_COLUMNS]
    if layout == "parquet":
        work = [("status", pa.string()), ("started_at", time), ("finished_at", time)]
        return pa.schema(
            [
                *article_fields,
                ("text", pa.string()),
                ("text_sha256", pa.string()),
                ("offset_unit", pa.string()),
                ("quotes", pa.list_(pa.struct(quote_fields))),
                ("assignments", pa.list_(pa.struct([("annotator", pa.string()), *work]))),
                ("adjudication", pa.struct([("reviewer", pa.string()), *work])),
            ]
        )
    return pa.schema(
        [
            *[(f"article_{name}", kind) for name, kind in article_fields],
            ("text_sha256", pa.string()),
            *[(f"quote_{name}" if name == "id" else name, kind) for name, kind in quote_fields],
        ]
    )


def chunks(layout: str, records: Iterable[dict]) -> Iterator[bytes]:
    """The export records as one Parquet file in ``layout`` (one of ``LAYOUTS``), sent a
    row group at a time."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    columns = schema(layout)
    sink = ByteSink()
    with pq.ParquetWriter(sink, columns, compression="zstd") as writer:
        rows: list[dict] = []
        for count, record in enumerate(records, start=1):
            rows.extend(_rows(layout, record))
            if count == 1:
                # The file's first bytes go once the first read has fixed the export's
                # snapshot (``streams.snapshot``): a client sees the download start.
                yield sink.drain()
            if count % ROWS_PER_GROUP == 0 and rows:
                writer.write_table(pa.Table.from_pylist(rows, schema=columns))
                rows = []
                yield sink.drain()
        if rows:
            writer.write_table(pa.Table.from_pylist(rows, schema=columns))
    # Closing wrote the footer: a file without rows still has its schema.
    yield sink.drain()


def _rows(layout: str, record: dict) -> list[dict]:
    if layout == "parquet":
        row = {name: record.get(name) for name in schema(layout).names}
        row["published_at"] = _time(row["published_at"])
        row["quotes"] = [_quote(quote) for quote in record["quotes"]]
        if row["assignments"]:
            row["assignments"] = [_timed(work) for work in row["assignments"]]
        if row["adjudication"]:
            row["adjudication"] = _timed(row["adjudication"])
        return [row]
    article = {f"article_{name}": record.get(name) for name in ARTICLE_COLUMNS}
    article["article_published_at"] = _time(article["article_published_at"])
    article["text_sha256"] = record["text_sha256"]
    rows = []
    for quote in record["quotes"]:
        row = _quote(quote)
        row["quote_id"] = row.pop("id")
        rows.append(article | row)
    return rows


def _quote(quote: dict) -> dict:
    return {
        **{name: quote.get(name) for name in QUOTE_COLUMNS},
        "created_at": _time(quote.get("created_at")),
        "updated_at": _time(quote.get("updated_at")),
    }


def _timed(work: dict) -> dict:
    """An assignment or adjudication with its times as datetimes (the record unchanged)."""
    return work | {
        "started_at": _time(work["started_at"]),
        "finished_at": _time(work["finished_at"]),
    }


def _time(value) -> datetime | None:
    return datetime.fromisoformat(value) if isinstance(value, str) else value
