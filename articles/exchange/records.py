"""Read article records from JSONL, CSV and plain-text files, with no Django imports.

Every problem is reported as a ``RecordError`` naming the file, the line and the field,
so that a user can fix their file without guessing. Text is kept exactly as given
(offsets will point into it): a JSON string keeps every character, while a CSV cell or a
text file loses only the file's own CRLF line endings and a byte-order mark.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from articles.exchange import trailer, uploads
from articles.exchange.export import unit_offsets

MAX_TEXT_BYTES = 1024 * 1024
MAX_METADATA_DEPTH = 32  # far more than any feed's; storing 1,000 levels overflowed the stack
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
# Fields an export record carries besides the article's own (JSONL only).
EXPORT_FIELDS = ("id", "text_sha256", "offset_unit", "quotes", "assignments", "adjudication")
KINDS = ("direct", "indirect", "mixed")
ORIGINS = ("human", "suggested", "accepted", "corrected", "gold")
ASSIGNMENT_STATUSES = ("todo", "in_progress", "done", "skipped")
ADJUDICATION_STATUSES = ("in_progress", "done")
_WORK_FIELDS = {
    "assignments": ("annotator", "status", "started_at", "finished_at"),
    "adjudication": ("reviewer", "status", "started_at", "finished_at"),
}
_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SPEAKER_NAME_MAX = 200  # Speaker.name's length
# Where a .txt file's title comes from. "auto": its first line when a blank line follows
# it (a heading), else its file name, so that a lead paragraph never becomes a title;
# "first-line": always its first line; "file-name": always its file name.
TITLE_RULES = ("auto", "first-line", "file-name")


@dataclass(frozen=True)
class QuoteRecord:
    """A quote carried by an export record, checked against its article's text."""

    start: int
    end: int
    kind: str
    origin: str
    speaker: str | None = None
    speaker_aliases: tuple[str, ...] = ()
    cue_start: int | None = None
    cue_end: int | None = None
    stances: tuple[tuple[str, str], ...] = ()
    annotator: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None


@dataclass(frozen=True)
class AssignmentRecord:
    """An annotator's assignment to the article, with its state, as an export carries it."""

    annotator: str
    status: str
    started_at: datetime | None = None
    finished_at: datetime | None = None


@dataclass(frozen=True)
class AdjudicationRecord:
    """The reviewer's work on the article's gold set, as a gold export carries it."""

    reviewer: str
    status: str
    started_at: datetime | None = None
    finished_at: datetime | None = None


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
    quotes: tuple[QuoteRecord, ...] = ()
    assignments: tuple[AssignmentRecord, ...] = ()
    adjudication: AdjudicationRecord | None = None
    path: str = ""
    line: int = 0
    # The hex SHA-256 of the text in UTF-8, as ``Article.text_sha256`` stores it.
    text_sha256: str = field(kw_only=True)


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


def text_sha256(text: str) -> str:
    """The hex SHA-256 of ``text`` encoded as UTF-8, as stored in ``Article.text_sha256``."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class InvalidRecord(Exception):
    """A record's field fails validation; ``field`` names it when one field is to blame."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field


def read_records(path: Path, *, txt_title: str = "auto") -> Iterator[ArticleRecord | RecordError]:
    """Yield a record or an error for each article in a file, a folder of ``.txt`` files
    or a ZIP archive of ``.jsonl``, ``.csv`` and ``.txt`` files (a ZIP by its content,
    whatever its name); ``txt_title``: one of ``TITLE_RULES``. An upload rule broken
    (``uploads``) raises ``UploadRefused``."""
    limits = uploads.LIMITS
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() == ".txt")
        if not files:
            yield RecordError(str(path), 0, "the folder holds no .txt files")
        for file in files:
            with file.open("rb") as stream:
                uploads.check_file(stream, name=str(file), limits=limits)
            yield _read_txt(file, txt_title)
        return
    if not path.is_file():
        yield RecordError(str(path), 0, "no such file or folder")
        return
    with path.open("rb") as stream:
        if uploads.check_file(stream, name=str(path), limits=limits) is uploads.Kind.ZIP:
            for member in uploads.open_upload(stream, name=str(path), limits=limits):
                suffix = PurePosixPath(member.path).suffix
                yield from read_member(member.name, member.data, suffix=suffix, txt_title=txt_title)
            return
    if path.suffix.lower() == ".zip":
        yield RecordError(str(path), 0, "is not a ZIP archive (its content has no ZIP signature)")
        return
    yield from _read_file(path, txt_title)


def read_member(
    name: str, data: bytes, *, suffix: str, txt_title: str = "auto"
) -> Iterator[ArticleRecord | RecordError]:
    """Yield a record or an error for each article in one file given as bytes (an
    archive's member), of the type ``suffix`` says; errors call it ``name``."""
    yield from _read_file(_InMemoryFile(name, data, suffix), txt_title)


class _InMemoryFile:
    """A named file's bytes, read by the readers below as they read a ``Path``."""

    def __init__(self, name: str, data: bytes, suffix: str):
        self.name, self.data, self.suffix = name, data, suffix

    def __str__(self) -> str:
        return self.name

    def open(self, mode: str = "rb") -> io.BytesIO:
        return io.BytesIO(self.data)

    def read_bytes(self) -> bytes:
        return self.data


def _read_file(
    path: Path | _InMemoryFile, txt_title: str = "auto"
) -> Iterator[ArticleRecord | RecordError]:
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl(path)
    elif suffix == ".csv":
        yield from _read_csv(path)
    elif suffix == ".txt":
        yield _read_txt(path, txt_title)
    else:
        yield RecordError(
            str(path), 0, f"unknown file type {suffix or '(none)'}: use .jsonl, .csv or .txt"
        )


def record_from_mapping(
    values: dict, *, path: str, line: int, exported: bool = False
) -> ArticleRecord:
    """Validate a mapping of field name to value into a record, or raise ``InvalidRecord``.
    With ``exported``, the fields of newsannot's own export (quotes included) are read too.
    """
    allowed = set(FIELDS) | (set(EXPORT_FIELDS) if exported else set())
    unknown = sorted(set(values) - allowed)
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
        if _nested_deeper(metadata, MAX_METADATA_DEPTH):
            raise InvalidRecord(f"nests more than {MAX_METADATA_DEPTH} levels deep", "metadata")
        cleaned["metadata"] = metadata
    digest = text_sha256(text)
    if exported:
        cleaned["quotes"] = _exported_quotes(values, text, digest)
        cleaned["assignments"] = _assignments(values.get("assignments"))
        cleaned["adjudication"] = _adjudication(values.get("adjudication"))
    return ArticleRecord(**cleaned, path=path, line=line, text_sha256=digest)


def _exported_quotes(values: dict, text: str, digest: str) -> tuple[QuoteRecord, ...]:
    given = values.get("text_sha256")
    if given is not None and given != digest:
        raise InvalidRecord("does not match the text", "text_sha256")
    if values.get("offset_unit", "codepoint") != "codepoint":
        raise InvalidRecord("must be 'codepoint'", "offset_unit")
    quotes = values.get("quotes") or []
    if not isinstance(quotes, list):
        raise InvalidRecord("must be a list", "quotes")
    if not quotes:
        return ()
    offsets_in = [
        q.get(k)
        for q in quotes
        if isinstance(q, dict)
        for k in ("start", "end")
        if isinstance(q.get(k), int) and 0 <= q.get(k) <= len(text)
    ]
    units = unit_offsets(text, offsets_in)
    parsed = tuple(_quote(q, i, text, units) for i, q in enumerate(quotes))
    # The database keeps one quote per span and annotator, and one gold quote per span.
    seen: dict[tuple, int] = {}
    for index, quote in enumerate(parsed):
        gold = quote.origin == "gold"
        key = (gold, None if gold else quote.annotator, quote.start, quote.end)
        if key in seen:
            whose = "the gold set" if gold else "the same annotator"
            raise InvalidRecord(
                f"repeats quotes[{seen[key]}]: one quote per span in {whose}",
                f"quotes[{index}].start",
            )
        seen[key] = index
    return parsed


def _quote(q, index: int, text: str, units) -> QuoteRecord:
    where = f"quotes[{index}]"
    if not isinstance(q, dict):
        raise InvalidRecord("must be a JSON object", where)
    start, end = q.get("start"), q.get("end")
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
        raise InvalidRecord(
            f"start and end must satisfy 0 <= start < end <= {len(text)}", f"{where}.start"
        )
    if q.get("text") != text[start:end]:
        raise InvalidRecord("does not match the article text at its offsets", f"{where}.text")
    for unit, position in (("utf16", 0), ("utf8", 1)):
        for edge, offset in (("start", start), ("end", end)):
            given = q.get(f"{edge}_{unit}")
            if given is not None and given != units[offset][position]:
                raise InvalidRecord(
                    f"is {given}, the text gives {units[offset][position]}",
                    f"{where}.{edge}_{unit}",
                )
    if q.get("kind") not in KINDS:
        raise InvalidRecord(f"must be one of {', '.join(KINDS)}", f"{where}.kind")
    origin = q.get("origin", "human")
    if origin not in ORIGINS:
        raise InvalidRecord(f"must be one of {', '.join(ORIGINS)}", f"{where}.origin")
    speaker, aliases = None, ()
    if q.get("speaker") is not None:
        raw = q["speaker"]
        if (
            not isinstance(raw, dict)
            or not isinstance(raw.get("name"), str)
            or not (raw["name"].strip())
        ):
            raise InvalidRecord("must be null or an object with a name", f"{where}.speaker")
        speaker = raw["name"].strip()
        if len(speaker) > SPEAKER_NAME_MAX:
            raise InvalidRecord(
                f"is {len(speaker)} characters long; the limit is {SPEAKER_NAME_MAX}",
                f"{where}.speaker.name",
            )
        aliases = tuple(a for a in raw.get("aliases") or [] if isinstance(a, str) and a.strip())
    cue_start, cue_end = _span_in(text, q.get("cue"), f"{where}.cue")
    speaker_start, speaker_end = _span_in(
        text, q.get("speaker_mention"), f"{where}.speaker_mention"
    )
    stances = []
    for j, stance in enumerate(q.get("stances") or []):
        if not isinstance(stance, dict) or not all(
            isinstance(stance.get(k), str) and stance[k] for k in ("target", "label")
        ):
            raise InvalidRecord("must be {target, label}", f"{where}.stances[{j}]")
        stances.append((stance["target"], stance["label"]))
    annotator = q.get("annotator")
    if annotator is not None and not isinstance(annotator, str):
        raise InvalidRecord("must be a username", f"{where}.annotator")
    return QuoteRecord(
        start,
        end,
        q["kind"],
        origin,
        speaker,
        aliases,
        cue_start,
        cue_end,
        tuple(stances),
        annotator,
        speaker_start,
        speaker_end,
    )


def _span_in(text: str, span, where: str) -> tuple[int | None, int | None]:
    """A ``{start, end, text}`` span of the text (the text optional, checked if given)."""
    if span is None:
        return None, None
    if not isinstance(span, dict) or not (
        isinstance(span.get("start"), int)
        and isinstance(span.get("end"), int)
        and 0 <= span["start"] < span["end"] <= len(text)
    ):
        raise InvalidRecord("must be null or {start, end, text} inside the text", where)
    if span.get("text") is not None and span["text"] != text[span["start"] : span["end"]]:
        raise InvalidRecord("does not match the article text", f"{where}.text")
    return span["start"], span["end"]


def _assignments(items) -> tuple[AssignmentRecord, ...]:
    if items is None:
        return ()
    if not isinstance(items, list):
        raise InvalidRecord("must be a list", "assignments")
    parsed: list[AssignmentRecord] = []
    seen: dict[str, int] = {}
    for index, item in enumerate(items):
        where = f"assignments[{index}]"
        annotator, status, started_at, finished_at = _work(
            item, where, "assignments", "annotator", ASSIGNMENT_STATUSES
        )
        if annotator in seen:
            raise InvalidRecord(
                f"repeats assignments[{seen[annotator]}]: one assignment per annotator",
                f"{where}.annotator",
            )
        seen[annotator] = index
        parsed.append(AssignmentRecord(annotator, status, started_at, finished_at))
    return tuple(parsed)


def _adjudication(item) -> AdjudicationRecord | None:
    if item is None:
        return None
    reviewer, status, started_at, finished_at = _work(
        item, "adjudication", "adjudication", "reviewer", ADJUDICATION_STATUSES
    )
    # As the database requires: finished exactly when done.
    if status == "done" and finished_at is None:
        raise InvalidRecord("is required when the status is done", "adjudication.finished_at")
    if status != "done" and finished_at is not None:
        raise InvalidRecord(
            f"must be null while the status is {status}", "adjudication.finished_at"
        )
    return AdjudicationRecord(reviewer, status, started_at, finished_at)


def _work(item, where: str, kind: str, person: str, statuses: tuple[str, ...]) -> tuple:
    """``(username, status, started_at, finished_at)`` of an assignment or adjudication."""
    if not isinstance(item, dict):
        raise InvalidRecord("must be a JSON object", where)
    fields = _WORK_FIELDS[kind]
    unknown = sorted(set(item) - set(fields))
    if unknown:
        raise InvalidRecord(
            f"unknown field; the fields are {', '.join(fields)}", f"{where}.{unknown[0]}"
        )
    username = item.get(person)
    if not isinstance(username, str) or not username.strip():
        raise InvalidRecord("must be a username", f"{where}.{person}")
    status = item.get("status")
    if status not in statuses:
        raise InvalidRecord(f"must be one of {', '.join(statuses)}", f"{where}.status")
    moments = [
        None if item.get(name) is None else _parse_datetime(item[name], f"{where}.{name}")
        for name in ("started_at", "finished_at")
    ]
    return username.strip(), status, *moments


def _nested_deeper(value, limit: int) -> bool:
    """Whether lists and objects nest in ``value`` more than ``limit`` levels (walked
    without recursion: storing or printing it would recurse, and overflow the stack)."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        children = item.values() if isinstance(item, dict) else item
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children if isinstance(child, dict | list))
    return False


def _parse_datetime(value, field: str = "published_at") -> datetime:
    if not isinstance(value, str):
        raise InvalidRecord("must be an ISO 8601 date or date-time string", field)
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
            field,
        ) from None
    # A time without a zone is taken as UTC, as the README says.
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _decode_lines(path: Path, digest=None) -> Iterator[tuple[int, str] | RecordError]:
    """Yield ``(line number, text)`` per physical line, or an error for an undecodable one.
    ``digest`` (a hashlib object), if given, has taken every byte before the line yielded."""
    with path.open("rb") as stream:
        for number, raw in enumerate(stream, start=1):
            read = raw
            if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            if b"\x00" in raw:
                yield RecordError(str(path), number, "contains a NUL byte")
            else:
                try:
                    yield number, raw.decode("utf-8")
                except UnicodeDecodeError as error:
                    yield RecordError(
                        str(path),
                        number,
                        f"is not valid UTF-8 (byte {error.start + 1} of the line)",
                    )
            if digest is not None:
                digest.update(read)


def _read_jsonl(path: Path) -> Iterator[ArticleRecord | RecordError]:
    """Each line's record or error. A newsannot export (its records carry ``offset_unit``)
    must end with its final line (``trailer``), whose counts and SHA-256 are checked: a
    file cut short is refused, not imported in part."""
    digest = hashlib.sha256()
    seen_any = exported = False
    articles = quotes = last = 0
    summary = None
    for item in _decode_lines(path, digest):
        if isinstance(item, RecordError):
            yield item
            continue
        number, line = item
        if not line.strip():
            continue
        last = number
        if summary is not None:
            yield RecordError(str(path), number, "comes after the export's final line")
            continue
        seen_any = True
        try:
            values = json.loads(line)
        except json.JSONDecodeError as error:
            yield RecordError(str(path), number, f"is not valid JSON: {error.msg}")
            continue
        summary = trailer.summary_of(values)
        if summary is not None:
            yield from _check_trailer(summary, digest.hexdigest(), articles, quotes, path, number)
            continue
        articles += 1
        if not isinstance(values, dict):
            yield RecordError(str(path), number, "must be a JSON object, one article per line")
            continue
        if isinstance(values.get("quotes"), list):
            quotes += len(values["quotes"])
        exported = exported or "offset_unit" in values
        yield _validated(values, path, number, exported=True)
    if not seen_any or (summary is not None and not articles):
        yield RecordError(str(path), 0, "the file holds no articles")
    elif exported and summary is None:
        yield RecordError(
            str(path),
            last + 1,
            'the export ends here without its final line ({"_export": …}): it was cut '
            "short; export or download it again (lines taken from an export on purpose: "
            'leave out their "offset_unit")',
            trailer.KEY,
        )


def _check_trailer(summary: dict, sha256: str, articles: int, quotes: int, path, number: int):
    """Errors if an export's final line does not describe the lines above it."""
    given = (summary.get("articles"), summary.get("quotes"))
    if given != (articles, quotes):
        yield RecordError(
            str(path),
            number,
            f"says {given[0]} articles and {given[1]} quotes; the lines above hold {articles} "
            f"and {quotes}: the file was cut or changed (delete this line if you changed it "
            "on purpose)",
            trailer.KEY,
        )
    elif summary.get("sha256") != sha256:
        yield RecordError(
            str(path),
            number,
            "the SHA-256 of the lines above is not the one this line gives: the file was "
            "changed (delete this line if you changed it on purpose)",
            trailer.KEY,
        )


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


def _read_txt(path: Path, title_rule: str = "auto") -> ArticleRecord | RecordError:
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
    # The file's own line endings go; the text keeps its paragraphs.
    content = content.replace("\r\n", "\n")
    first, _, rest = content.partition("\n")
    heading = bool(first.strip()) and rest.startswith("\n")  # a blank line follows it
    if title_rule == "first-line" or (title_rule == "auto" and heading):
        title, text = first, rest
    else:
        title, text = _title_from_name(str(path)), content
    return _validated({"title": title.strip(), "text": text.strip("\n").rstrip()}, path, 1)


def _title_from_name(name: str) -> str:
    """'harbour_tolls-2026.txt' -> 'harbour tolls-2026'."""
    return PurePosixPath(name.replace("\\", "/")).stem.replace("_", " ").strip() or name


def _validated(
    values: dict, path: Path, line: int, exported: bool = False
) -> ArticleRecord | RecordError:
    try:
        return record_from_mapping(values, path=str(path), line=line, exported=exported)
    except InvalidRecord as error:
        return RecordError(str(path), line, error.message, error.field)


def split_valid(items: Iterable[ArticleRecord | RecordError]):
    """Split parsed items into ``(records, errors)``, keeping their order."""
    records, errors = [], []
    for item in items:
        (errors if isinstance(item, RecordError) else records).append(item)
    return records, errors
