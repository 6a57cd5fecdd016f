"""Label Studio's JSON export (a list of tasks) for text spans with relations, both ways.
Pure Python.

A task: ``{"data": {"text", "title"}, "annotations": [{"result": [...]}]}``; a result is
a span (``type`` "labels", ``value``: ``start``, ``end``, ``text``, ``labels``) or a
relation (``type`` "relation", ``from_id``, ``to_id``, ``labels``). The first annotation
of a task that was not cancelled is read. Every span carries its text: offsets are taken
as code points when the text is there, and as UTF-16 units (a browser's) when only they
find it; neither is an error naming the span. A relation without a label takes its role
from the span it leads to (a SPEAKER or CUE span).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from articles.exchange.records import (
    ArticleRecord,
    InvalidRecord,
    RecordError,
    record_from_mapping,
)
from articles.exchange.spans import (
    WRITTEN,
    FormatError,
    Roles,
    Span,
    check_span,
    quote_spans,
    quotes_from_spans,
)

FROM_NAME, TO_NAME = "label", "text"


def to_labelstudio(record: dict) -> dict:
    """An export record as a Label Studio task with one annotation."""
    results = []

    def span(label: str, start: int, end: int) -> str:
        ident = f"s{len(results)}"
        results.append(
            {
                "id": ident,
                "from_name": FROM_NAME,
                "to_name": TO_NAME,
                "type": "labels",
                "value": {
                    "start": start,
                    "end": end,
                    "text": record["text"][start:end],
                    "labels": [label],
                },
            }
        )
        return ident

    relations = []
    for quote, mention in quote_spans(record):
        quote_id = span(WRITTEN[quote["kind"]], quote["start"], quote["end"])
        for label, piece in (
            ("SPEAKER", mention),
            ("CUE", (quote["cue"]["start"], quote["cue"]["end"]) if quote.get("cue") else None),
        ):
            if piece is not None:
                other = span(label, *piece)
                relations.append(
                    {
                        "from_id": quote_id,
                        "to_id": other,
                        "type": "relation",
                        "direction": "right",
                        "labels": [label],
                    }
                )
    return {
        "id": record.get("id"),
        "data": {"text": record["text"], "title": record.get("title")},
        "annotations": [{"result": results + relations}],
    }


def read_labelstudio(
    path: Path, roles: Roles | None = None
) -> Iterator[ArticleRecord | RecordError]:
    """A record or an error per task of a Label Studio JSON export (the task's position
    counts as its line); then, if labels or relation types without a role were met, one
    error listing them with their counts."""
    roles = roles or Roles()
    try:
        tasks = json.loads(path.read_bytes().decode("utf-8-sig"))
    except UnicodeDecodeError:
        yield RecordError(str(path), 0, "is not valid UTF-8")
        return
    except json.JSONDecodeError as error:
        yield RecordError(str(path), error.lineno, f"is not JSON ({error.msg})")
        return
    if not isinstance(tasks, list):
        yield RecordError(str(path), 0, "must be a JSON list of tasks (Label Studio's JSON export)")
        return
    for number, task in enumerate(tasks, start=1):
        try:
            mapping = _mapping(task, roles, f"{path.stem} {number}")
            yield record_from_mapping(mapping, path=str(path), line=number, exported=True)
        except FormatError as error:
            yield RecordError(str(path), number, error.message, error.where)
        except InvalidRecord as error:
            yield RecordError(str(path), number, error.message, error.field)
    refusal = roles.refusal()
    if refusal:
        yield RecordError(str(path), 0, refusal)


def _mapping(task, roles: Roles, fallback_title: str) -> dict:
    if not isinstance(task, dict) or not isinstance(task.get("data"), dict):
        raise FormatError("must be a task object with data", "task")
    text = task["data"].get("text")
    if not isinstance(text, str):
        raise FormatError("is required: the task's text", "data.text")
    annotations = [
        a
        for a in task.get("annotations") or []
        if isinstance(a, dict) and not a.get("was_cancelled")
    ]
    results = (annotations[0].get("result") or []) if annotations else []
    spans, relations, ids = [], [], set()
    for index, item in enumerate(results):
        where = f"annotations[0].result[{index}]"
        if not isinstance(item, dict):
            raise FormatError("must be an object", where)
        if item.get("type") == "relation":
            relations.append((where, item))
            continue
        value = item.get("value") or {}
        labels = value.get("labels") or []
        if not labels:
            continue  # another control's result (a choice, a rating): not a span
        start, end = _offsets(text, value, where)
        role = roles.label(str(labels[0]))
        ids.add(str(item.get("id", index)))
        if role is not None:
            spans.append(Span(str(item.get("id", index)), role, start, end))
    by_id = {span.id: span for span in spans}
    links = []
    for where, item in relations:
        a, b = str(item.get("from_id")), str(item.get("to_id"))
        if a not in ids or b not in ids:
            raise FormatError(f"joins {a} and {b}; the annotation lacks one of them", where)
        labels = item.get("labels") or []
        if labels:
            role = roles.relation(str(labels[0]))
        else:  # unlabelled: the role of the span it joins to the quote
            ends = [by_id.get(a), by_id.get(b)]
            role = next((s.role for s in ends if s and s.role in ("speaker", "cue")), None)
        if role in ("speaker", "cue") and a in by_id and b in by_id:
            links.append((role, a, b))
    title = task["data"].get("title") or fallback_title
    quotes = quotes_from_spans(text, spans, links, annotator=None, where="relations")
    return {"title": str(title), "text": text, "quotes": quotes}


def _offsets(text: str, value: dict, where: str) -> tuple[int, int]:
    start, end = value.get("start"), value.get("end")
    given = value.get("text")
    if given is None or (
        isinstance(start, int) and isinstance(end, int) and text[start:end] == given
    ):
        return check_span(text, start, end, f"{where}.value")
    # A browser's offsets count UTF-16 units: an emoji before the span counts twice.
    encoded = text.encode("utf-16-le")
    if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(encoded) // 2:
        before = encoded[: start * 2].decode("utf-16-le", errors="strict")
        piece = encoded[start * 2 : end * 2].decode("utf-16-le", errors="strict")
        if piece == given:
            return len(before), len(before) + len(piece)
    raise FormatError(
        f"its text {given[:40]!r} is not at {start}–{end}, in code points or in UTF-16 units",
        f"{where}.value",
    )
