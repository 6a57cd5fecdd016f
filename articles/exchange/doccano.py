"""doccano's JSONL for sequence labelling with relations, both ways. Pure Python.

A line is a document: ``{"text", "entities": [{"id", "label", "start_offset",
"end_offset"}], "relations": [{"id", "from_id", "to_id", "type"}]}`` (doccano's export;
the older ``"label": [[start, end, "LABEL"]]`` is read too, without relations). Offsets
are code points, as in Python and in newsannot. Quotes are the spans labelled
DIRECT/INDIRECT/MIXED (or QUOTE: the kind from its quotation marks), SPEAKER and CUE
spans hang on them by SPEAKER and CUE relations; other labels are mapped with
``Roles.with_map`` or refused, with their counts.
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
    QUOTE_ROLES,
    WRITTEN,
    FormatError,
    Roles,
    Span,
    check_span,
    quote_spans,
    quotes_from_spans,
)


def to_doccano(record: dict) -> dict:
    """An export record as a doccano line: its quotes, their cues and (where the text
    names them near the quote) their speakers, tied by relations."""
    entities, relations = [], []

    def entity(label: str, start: int, end: int) -> int:
        entities.append(
            {"id": len(entities), "label": label, "start_offset": start, "end_offset": end}
        )
        return len(entities) - 1

    for quote, mention in quote_spans(record):
        quote_id = entity(WRITTEN[quote["kind"]], quote["start"], quote["end"])
        if mention is not None:
            speaker_id = entity("SPEAKER", *mention)
            relations.append(
                {"id": len(relations), "from_id": quote_id, "to_id": speaker_id, "type": "SPEAKER"}
            )
        if quote.get("cue"):
            cue_id = entity("CUE", quote["cue"]["start"], quote["cue"]["end"])
            relations.append(
                {"id": len(relations), "from_id": quote_id, "to_id": cue_id, "type": "CUE"}
            )
    return {
        "id": record.get("id"),
        "title": record.get("title"),
        "text": record["text"],
        "entities": entities,
        "relations": relations,
    }


def read_doccano(path: Path, roles: Roles | None = None) -> Iterator[ArticleRecord | RecordError]:
    """A record or an error per line of a doccano JSONL file; then, if labels or relation
    types without a role were met, one error listing them with their counts."""
    roles = roles or Roles()
    try:
        lines = path.read_bytes().decode("utf-8-sig").splitlines()
    except UnicodeDecodeError:
        yield RecordError(str(path), 0, "is not valid UTF-8")
        return
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            document = json.loads(line)
            if not isinstance(document, dict):
                raise FormatError("must be a JSON object", "line")
            mapping = _mapping(document, roles, f"{path.stem} {number}")
            yield record_from_mapping(mapping, path=str(path), line=number, exported=True)
        except json.JSONDecodeError as error:
            yield RecordError(str(path), number, f"is not JSON ({error.msg})")
        except FormatError as error:
            yield RecordError(str(path), number, error.message, error.where)
        except InvalidRecord as error:
            yield RecordError(str(path), number, error.message, error.field)
    refusal = roles.refusal()
    if refusal:
        yield RecordError(str(path), 0, refusal)


def _mapping(document: dict, roles: Roles, fallback_title: str) -> dict:
    text = document.get("text")
    if not isinstance(text, str):
        raise FormatError("is required: the document's text", "text")
    spans, ids = [], set()
    if "entities" in document:
        for index, item in enumerate(document.get("entities") or []):
            where = f"entities[{index}]"
            if not isinstance(item, dict):
                raise FormatError("must be an object", where)
            start, end = check_span(text, item.get("start_offset"), item.get("end_offset"), where)
            role = roles.label(str(item.get("label")))
            ids.add(str(item.get("id", index)))
            if role is not None:
                spans.append(Span(str(item.get("id", index)), role, start, end))
    else:
        for index, item in enumerate(document.get("label") or []):
            where = f"label[{index}]"
            if not (isinstance(item, list) and len(item) == 3):
                raise FormatError("must be [start, end, label]", where)
            start, end = check_span(text, item[0], item[1], where)
            role = roles.label(str(item[2]))
            if role is not None:
                spans.append(Span(f"label{index}", role, start, end))
    known = {span.id for span in spans}
    links = []
    for index, item in enumerate(document.get("relations") or []):
        where = f"relations[{index}]"
        if not isinstance(item, dict):
            raise FormatError("must be an object", where)
        role = roles.relation(str(item.get("type")))
        a, b = str(item.get("from_id")), str(item.get("to_id"))
        for end in (a, b):
            if end not in ids:
                raise FormatError(f"names entity {end}, which the document does not have", where)
        if role in ("speaker", "cue") and a in known and b in known:
            links.append((role, a, b))
        elif role in QUOTE_ROLES:
            raise FormatError(f"a relation cannot be a quote ({item.get('type')!r})", where)
    meta = document.get("meta") if isinstance(document.get("meta"), dict) else {}
    title = document.get("title") or meta.get("title") or fallback_title
    quotes = quotes_from_spans(text, spans, links, annotator=None, where="relations")
    return {"title": str(title), "text": text, "quotes": quotes}
