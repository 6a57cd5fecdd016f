"""Another tool's files through the API's article import (``?format=``): doccano JSONL and
Label Studio JSON as the body's JSON, brat and UIMA CAS XMI as a ZIP body
(``Content-Type: application/zip``). Each is written to a scratch folder as a file or the
archive's files, checked as an upload is, and read by ``articles.exchange.interop`` as
``import_articles`` reads it, so every error names the same line and field."""

from __future__ import annotations

import io
import json
from pathlib import Path

from rest_framework.exceptions import ValidationError

from articles.api.parsers import ZipBody
from articles.exchange import interop
from articles.exchange.records import ArticleRecord, RecordError
from articles.exchange.spans import Roles
from articles.exchange.uploads import UploadRefused

FORMATS = ("newsannot", *interop.READABLE)


def tool_records(format: str, body, *, label_map: list[str], folder: Path) -> list[ArticleRecord]:
    """The records of ``body`` in another tool's ``format``, read in ``folder`` (a scratch
    folder the caller removes); a ``ValidationError`` naming each problem otherwise."""
    try:
        roles = Roles.with_map(label_map)
    except ValueError as error:
        raise ValidationError({"label_map": [str(error)]}) from None
    if format in interop.FOLDERS:
        if not isinstance(body, ZipBody):
            raise ValidationError(
                {"body": [f"{format}: send the files as a ZIP (Content-Type: application/zip)"]}
            )
        try:
            interop.unpack(io.BytesIO(body), name="body.zip", folder=folder)
        except UploadRefused as refusal:
            raise ValidationError({"body": [str(refusal).removeprefix("body.zip")]}) from None
        path = folder
    else:
        if not isinstance(body, list):
            raise ValidationError({"body": [f"{format}: send a JSON array or JSON lines"]})
        path = folder / "body.json"
        if format == "doccano":  # a document a line, as doccano writes them
            lines = (json.dumps(item, ensure_ascii=False) for item in body)
            path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        else:
            path.write_text(json.dumps(body, ensure_ascii=False), encoding="utf-8")
    records, errors = [], {}
    for item in interop.read(format, path, roles):
        if isinstance(item, RecordError):
            errors.setdefault(_place(item, folder), []).append(_said_for_the_api(item.message))
        else:
            records.append(item)
    if errors:
        raise ValidationError(errors)
    return records


def _place(error: RecordError, folder: Path) -> str:
    """Where a problem is, as the API names it: the item (from 0) and its field, the
    archive's file, or ``label_map`` for what has no role."""
    if error.message.startswith("no role for"):
        return "label_map"
    where = str(error.path).removeprefix(str(folder)).lstrip("/")
    if where == "body.json" or not where:
        where = f"[{error.line - 1}]" if error.line else "body"
    return f"{where}.{error.field}" if error.field else where


def _said_for_the_api(message: str) -> str:
    return message.replace("--label-map NAME=ROLE", "label_map=NAME=ROLE")
