"""The other tools' formats, read and written: which reader a file of each format goes
to, and the export records (``streams.records``) written as each format's bytes. Pure
Python: the database side is ``streams``'."""

from __future__ import annotations

import json
import zipfile
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from articles.exchange import brat, conll, doccano, labelstudio, parquet
from articles.exchange.byte_sink import ByteSink
from articles.exchange.records import InvalidRecord, RecordError, record_from_mapping
from articles.exchange.spans import QUOTE_ROLES, ROLES, Roles, quote_spans
from articles.exchange.uploads import LIMITS, Limits, open_upload

# Exports, each one file sent as it is written (brat and CAS: a ZIP of files).
STREAMED = ("doccano", "labelstudio", "conll", "brat", "cas", *parquet.LAYOUTS)
READABLE = ("doccano", "labelstudio", "brat", "cas")
# Read from a folder of files (an upload: the files of its ZIP).
FOLDERS = ("brat", "cas")
# ZIP's earliest time, for every member: an export is its data, not when it was made.
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
# Files that are no text: a command writes them to a file, never to its output.
BINARY = ("brat", "cas", *parquet.LAYOUTS)
EXTENSIONS = {
    "doccano": "jsonl",
    "labelstudio": "json",
    "conll": "conll",
    "brat": "zip",
    "cas": "zip",
    **dict.fromkeys(parquet.LAYOUTS, "parquet"),
}
CONTENT_TYPES = {
    "doccano": "application/x-ndjson",
    "labelstudio": "application/json",
    "conll": "text/plain; charset=utf-8",
    "brat": "application/zip",
    "cas": "application/zip",
    **dict.fromkeys(parquet.LAYOUTS, "application/vnd.apache.parquet"),
}


def chunks(format: str, records: Iterable[dict]) -> Iterator[bytes]:
    """The export records in ``format`` (one of ``STREAMED``), a record at a time."""
    if format == "doccano":
        for record in records:
            yield (json.dumps(doccano.to_doccano(record), ensure_ascii=False) + "\n").encode()
    elif format == "labelstudio":
        # The opening bracket goes with the first task: nothing is sent before the first
        # read, which is what fixes SQLite's snapshot (streams.snapshot).
        opening = "["
        for record in records:
            task = json.dumps(labelstudio.to_labelstudio(record), ensure_ascii=False)
            yield (opening + "\n" + task).encode()
            opening = ","
        yield ("[\n]\n" if opening == "[" else "\n]\n").encode()
    elif format == "conll":
        for record in records:
            yield conll.to_conll(record).encode()
    elif format in parquet.LAYOUTS:
        yield from parquet.chunks(format, records)
    elif format == "brat":
        yield from zip_chunks(brat_members(records))
    elif format == "cas":
        yield from zip_chunks(_cas().members(records))
    else:
        raise ValueError(f"unknown format {format!r}")


def _cas():
    # dkpro-cassis is imported by the first CAS file, not at every process's start.
    from articles.exchange import cas

    return cas


def brat_members(records: Iterable[dict]) -> Iterator[tuple[str, bytes]]:
    """``ID.txt`` and ``ID.ann`` per export record (brat standoff, PolNeAR's labels)."""
    for count, record in enumerate(records, start=1):
        name = f"{record.get('id') or count}"
        yield f"{name}.txt", record["text"].encode()
        yield f"{name}.ann", brat.to_brat(record, quote_spans(record)).encode()


def zip_chunks(members: Iterable[tuple[str, bytes]]) -> Iterator[bytes]:
    """A ZIP archive of ``(name, bytes)`` members, sent a member at a time. The same
    members give the same bytes: no member carries the time it was written."""
    sink = ByteSink()
    with zipfile.ZipFile(sink, "w") as archive:
        for name, data in members:
            member = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            member.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(member, data)
            yield sink.drain()
    yield sink.drain()  # the central directory


def unpack(stream: BinaryIO, *, name: str, folder: Path, limits: Limits = LIMITS) -> None:
    """Write the files of an upload (a ZIP's members, or the file alone) under ``folder``
    for a reader of folders (``FOLDERS``), checked as any upload is, XML allowed.
    Raises ``UploadRefused``."""
    for member in open_upload(stream, name=name, limits=limits, xml=True):
        target = folder / member.path  # a safe relative name: open_upload checked it
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(member.data)


def read(format: str, path: Path, roles: Roles | None = None):
    """The records (or errors) of a file or folder in ``format`` (one of ``READABLE``)."""
    if format == "doccano":
        return doccano.read_doccano(path, roles)
    if format == "labelstudio":
        return labelstudio.read_labelstudio(path, roles)
    if format == "brat":
        return read_brat(path, roles)
    if format == "cas":
        return _cas().read_cas(path, roles)
    raise ValueError(f"unknown format {format!r}")


def read_brat(folder: Path, roles: Roles | None = None) -> Iterator:
    """A record per ``.ann`` file of a brat folder (PolNeAR's layout or plain), then one
    error listing the labels and event types that have no role, with counts. PolNeAR's
    labels (Content, Source, Cue, Attribution events) need no map; ``roles`` adds others
    (a label mapped to a quote's role is content, to speaker a source, to cue a cue)."""
    labels, ignored = brat.POLNEAR, frozenset()
    if roles is not None:
        ignored = frozenset(roles.ignored())
        extra = {r: [n for n, role in roles.labels.items() if role == r] for r in ROLES}
        labels = brat.AttributionLabels(
            events=(*labels.events, *(n for n, r in roles.relations.items() if r in QUOTE_ROLES)),
            content=(*labels.content, *(n for r in QUOTE_ROLES for n in extra[r])),
            source=(*labels.source, *extra["speaker"]),
            cue=(*labels.cue, *extra["cue"]),
        )
    if not folder.is_dir():
        yield RecordError(str(folder), 0, "brat standoff is a folder of .txt and .ann files")
        return
    unknown = Counter()
    try:
        # PolNeAR's layout names each .ann after its text and its annotator: several
        # annotators of one text are several users' quotes on one article.
        by_annotator = (folder / "attributions").is_dir()
        for name, document in brat.read_folder(folder):
            unknown.update(brat.unmapped(document, labels, ignored))
            title, annotator = name, None
            if by_annotator and "_" in name:
                title, annotator = name.rsplit("_", 1)
            try:
                mapping = brat.article_mapping(title, document, labels, annotator=annotator)
                yield record_from_mapping(
                    mapping, path=f"{folder}/{name}.ann", line=0, exported=True
                )
            except InvalidRecord as error:
                yield RecordError(f"{folder}/{name}.ann", 0, error.message, error.field)
    except brat.BratError as error:
        yield RecordError(error.source, error.line, error.message)
        return
    if unknown:
        found = ", ".join(f"{name} ({count})" for name, count in sorted(unknown.items()))
        yield RecordError(
            str(folder),
            0,
            f"no role for {found}: map each with --label-map NAME=ROLE (ROLE one of "
            f"{', '.join(ROLES)}; ignore leaves it out)",
        )
