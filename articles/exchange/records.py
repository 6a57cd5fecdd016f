"""Read article records from JSONL, CSV and plain-text files, with no Django imports.

Every problem is reported as a ``RecordError`` naming the file, the line and the field,
so that a user can fix their file without guessing. Text is kept exactly as given
(offsets will point into it): a JSON string keeps every character, while a CSV cell or a
text file loses only the file's own CRLF line endings and a byte-order mark.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from urllib.parse import urlsplit

MAX_TEXT_BYTES = 1024 * 1024
FIELDS = (
    "title",
    "text",
    "url",
    "outlet",
    "author",
    "published_at",
    "language",
    "external_id",
    "metadata",
)
_MAX_LENGTHS = {
    "title": 500,
    "url": 2000,
    "outlet": 200,
    "author": 200,
    "language": 16,
    "external_id": 200,
}
_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")
JSONL_SUFFIXES = {".jsonl", ".ndjson"}


@dataclass(frozen=True)
class ArticleRecord:
    """One valid article, ready to be written."""

    title: str
    text: str
    url: str = ""
    outlet: str = ""
    author: str = ""
    published_at: datetime | None = None
    language: str = ""
    external_id: str = ""
    metadata: dict = field(default_factory=dict)
    path: str = ""
    line: int = 0


@dataclass(frozen=True)
class RecordError:
    """Why one record (or one line of a file) cannot be imported."""

    path: str
    line: int
    message: str
    field: str | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return (
            f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        )


class InvalidRecord(Exception):
    """A record's field fails validation; ``field`` names it when one field is to blame."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field


def read_records(path: Path) -> Iterator[ArticleRecord | RecordError]:
    """Yield a record or an error for each article in a file or a folder of ``.txt`` files."""
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() == ".txt")
        if not files:
            yield RecordError(str(path), 0, "the folder holds no .txt files")
        for file in files:
            yield _read_txt(file)
        return
    if not path.is_file():
        yield RecordError(str(path), 0, "no such file or folder")
        return
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl(path)
    elif suffix == ".csv":
        yield from _read_csv(path)
    elif suffix == ".txt":
        yield _read_txt(path)
    else:
        yield RecordError(
            str(path), 0, f"unknown file type {suffix or '(none)'}: use .jsonl, .csv or .txt"
        )


def record_from_mapping(values: dict, *, path: str, line: int) -> ArticleRecord:
    """Validate a mapping of field name to value into a record, or raise ``InvalidRecord``."""
    unknown = sorted(set(values) - set(FIELDS))
    if unknown:
        raise InvalidRecord(f"unknown field; the fields are {', '.join(FIELDS)}", unknown[0])
    cleaned: dict = {}
    for name in ("title", "text", "url", "outlet", "author", "language", "external_id"):
        value = values.get(name)
        if value is None:
            continue
        if name == "external_id" and isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            raise InvalidRecord(f"must be a string, not {type(value).__name__}", name)
        if "\x00" in value:
            raise InvalidRecord("contains a NUL character", name)
        if name != "text":
            value = value.strip()
        limit = _MAX_LENGTHS.get(name)
        if limit and len(value) > limit:
            raise InvalidRecord(f"is {len(value)} characters long; the limit is {limit}", name)
        cleaned[name] = value
    if not cleaned.get("title"):
        raise InvalidRecord("is required", "title")
    text = cleaned.get("text", "")
    if not text.strip():
        raise InvalidRecord("is required and must not be blank", "text")
    size = len(text.encode("utf-8"))
    if size > MAX_TEXT_BYTES:
        raise InvalidRecord(
            f"is {size:,} bytes; the limit is 1 MiB ({MAX_TEXT_BYTES:,} bytes)", "text"
        )
    if cleaned.get("url"):
        parts = urlsplit(cleaned["url"])
        if parts.scheme not in {"http", "https"} or not parts.netloc:
            raise InvalidRecord("must be an http:// or https:// address", "url")
    if cleaned.get("language") and not _LANGUAGE.match(cleaned["language"]):
        raise InvalidRecord("must be a language code such as en, nb or pt-BR", "language")
    published_at = values.get("published_at")
    if published_at not in (None, ""):
        cleaned["published_at"] = _parse_datetime(published_at)
    metadata = values.get("metadata")
    if metadata not in (None, ""):
        if not isinstance(metadata, dict):
            raise InvalidRecord("must be a JSON object", "metadata")
        cleaned["metadata"] = metadata
    return ArticleRecord(**cleaned, path=path, line=line)


def _parse_datetime(value) -> datetime:
    if not isinstance(value, str):
        raise InvalidRecord("must be an ISO 8601 date or date-time string", "published_at")
    text = value.strip()
    try:
        if len(text) == 10:
            day = date.fromisoformat(text)
            return datetime(day.year, day.month, day.day, tzinfo=UTC)
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise InvalidRecord(
            f"{value!r} is not an ISO 8601 date (2024-03-01) or date-time "
            "(2024-03-01T09:30:00+01:00)",
            "published_at",
        ) from None
    # A time without a zone is taken as UTC, as the README says.
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _decode_lines(path: Path) -> Iterator[tuple[int, str] | RecordError]:
    """Yield ``(line number, text)`` per physical line, or an error for an undecodable one."""
    with path.open("rb") as stream:
        for number, raw in enumerate(stream, start=1):
            if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            if b"\x00" in raw:
                yield RecordError(str(path), number, "contains a NUL byte")
                continue
            try:
                yield number, raw.decode("utf-8")
            except UnicodeDecodeError as error:
                yield RecordError(
                    str(path), number, f"is not valid UTF-8 (byte {error.start + 1} of the line)"
                )


def _read_jsonl(path: Path) -> Iterator[ArticleRecord | RecordError]:
    seen_any = False
    for item in _decode_lines(path):
        if isinstance(item, RecordError):
            yield item
            continue
        number, line = item
        if not line.strip():
            continue
        seen_any = True
        try:
            values = json.loads(line)
        except json.JSONDecodeError as error:
            yield RecordError(str(path), number, f"is not valid JSON: {error.msg}")
            continue
        if not isinstance(values, dict):
            yield RecordError(str(path), number, "must be a JSON object, one article per line")
            continue
        yield _validated(values, path, number)
    if not seen_any:
        yield RecordError(str(path), 0, "the file holds no articles")


def _read_csv(path: Path) -> Iterator[ArticleRecord | RecordError]:
    decoded: list[tuple[int, str]] = []
    errors = []
    for item in _decode_lines(path):
        if isinstance(item, RecordError):
            errors.append(item)
        else:
            decoded.append(item)
    if errors:
        # A CSV record may span lines, so one bad line makes the rest unreliable.
        yield from errors
        return
    reader = csv.reader((line for _, line in decoded), strict=True)
    try:
        header = next(reader)
    except StopIteration:
        yield RecordError(str(path), 0, "the file is empty; it needs a header row")
        return
    except csv.Error as error:
        yield RecordError(str(path), 1, f"is not valid CSV: {error}")
        return
    header = [name.strip() for name in header]
    unknown = [name for name in header if name not in FIELDS]
    if unknown:
        yield RecordError(
            str(path), 1, f"unknown column; the columns are {', '.join(FIELDS)}", unknown[0]
        )
        return
    if len(set(header)) != len(header):
        yield RecordError(str(path), 1, "a column name appears twice in the header row")
        return
    for missing in ("title", "text"):
        if missing not in header:
            yield RecordError(str(path), 1, "the header row lacks this required column", missing)
            return
    seen_any = False
    while True:
        first_line = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            yield RecordError(str(path), first_line, f"is not valid CSV: {error}")
            return
        if not any(cell.strip() for cell in row):
            continue
        seen_any = True
        if len(row) != len(header):
            yield RecordError(
                str(path), first_line, f"has {len(row)} cells; the header has {len(header)}"
            )
            continue
        values: dict = dict(zip(header, row, strict=True))
        # Cells carry the file's own line endings, which are not part of the text.
        values["text"] = values["text"].replace("\r\n", "\n")
        if values.get("metadata", "").strip():
            try:
                values["metadata"] = json.loads(values["metadata"])
            except json.JSONDecodeError as error:
                yield RecordError(
                    str(path), first_line, f"is not valid JSON: {error.msg}", "metadata"
                )
                continue
        yield _validated(values, path, first_line)
    if not seen_any:
        yield RecordError(str(path), 0, "the file holds no articles after its header row")


def _read_txt(path: Path) -> ArticleRecord | RecordError:
    raw = path.read_bytes()
    if len(raw) > MAX_TEXT_BYTES + 4096:
        return RecordError(str(path), 0, f"is {len(raw):,} bytes; the limit is 1 MiB", "text")
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    if b"\x00" in raw:
        return RecordError(
            str(path), raw[: raw.index(b"\x00")].count(b"\n") + 1, "contains a NUL byte"
        )
    try:
        content = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return RecordError(str(path), line, "is not valid UTF-8")
    title, _, text = content.partition("\n")
    # The file's own line endings go; the text keeps its paragraphs.
    text = text.replace("\r\n", "\n").strip("\n").rstrip()
    return _validated({"title": title.rstrip("\r"), "text": text}, path, 1)


def _validated(values: dict, path: Path, line: int) -> ArticleRecord | RecordError:
    try:
        return record_from_mapping(values, path=str(path), line=line)
    except InvalidRecord as error:
        return RecordError(str(path), line, error.message, error.field)


def split_valid(items: Iterable[ArticleRecord | RecordError]):
    """Split parsed items into ``(records, errors)``, keeping their order."""
    records, errors = [], []
    for item in items:
        (errors if isinstance(item, RecordError) else records).append(item)
    return records, errors
