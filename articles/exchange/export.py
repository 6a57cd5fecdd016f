"""The export format, as plain data: one JSON record per article, or one CSV row per
quote. No Django imports: callers hand in dicts and get dicts or rows back.

Offsets are code points (``offset_unit: "codepoint"``), and every quote also carries
its span in UTF-16 code units and UTF-8 bytes, so that JavaScript and byte-level tools
need no conversion. A quote whose text is not the article's text at its offsets is an
error: the exporter stops rather than write a wrong row.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import datetime

ARTICLE_FIELDS = (
    "id", "external_id", "title", "url", "outlet", "author", "published_at", "language",
)  # fmt: skip
CSV_QUOTE_FIELDS = (
    "quote_id", "start", "end", "text", "kind", "speaker", "speaker_id", "cue", "cue_start",
    "cue_end", "annotator", "origin", "start_utf16", "end_utf16", "start_utf8", "end_utf8",
    "created_at", "updated_at", "speaker_mention", "speaker_start", "speaker_end",
)  # fmt: skip
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# A code point beyond U+FFFF is two UTF-16 units; its UTF-8 starts with F0 to F4
# (F1 to F4 only beyond U+3FFFF, rare enough to look for once per text).
_RARE_ASTRAL_LEADS = (b"\xf1", b"\xf2", b"\xf3", b"\xf4")


class ExportError(ValueError):
    """The data would be exported wrong; nothing should be written from it."""


def has_rare_astral(encoded: bytes) -> bool:
    """Whether this UTF-8 holds a code point beyond U+3FFFF (``rare`` for ``astral_count``)."""
    return any(lead in encoded for lead in _RARE_ASTRAL_LEADS)


def astral_count(encoded: bytes, rare: bool) -> int:
    """How many code points beyond U+FFFF (two UTF-16 units each) this UTF-8 holds;
    ``rare``: whether the whole text it comes from ``has_rare_astral``."""
    count = encoded.count(b"\xf0")
    if rare:
        count += sum(encoded.count(lead) for lead in _RARE_ASTRAL_LEADS)
    return count


def unit_offsets(text: str, offsets: Iterable[int]) -> dict[int, tuple[int, int]]:
    """For each code-point offset, ``(utf16, utf8)``, in one pass over the text."""
    wanted = sorted(set(offsets))
    if not wanted:
        return {}
    for offset in wanted[:1] + wanted[-1:]:
        if offset < 0 or offset > len(text):
            raise ExportError(f"offset {offset} is outside the text ({len(text)} code points)")
    if text.isascii():
        return {offset: (offset, offset) for offset in wanted}
    rare = has_rare_astral(text.encode())
    result: dict[int, tuple[int, int]] = {}
    utf16 = utf8 = position = 0
    for offset in wanted:
        chunk = text[position:offset].encode()
        utf8 += len(chunk)
        utf16 += offset - position + astral_count(chunk, rare)
        position = offset
        result[offset] = (utf16, utf8)
    return result


def article_record(article: dict, quotes: list[dict], work: dict | None = None) -> dict:
    """The JSONL record of an article with its quotes (dicts as ``quote_record`` takes)
    and, last, ``work``: ``assignments`` or (gold) ``adjudication``, as made below."""
    text = article["text"]
    offsets = unit_offsets(
        text,
        (
            offset
            for q in quotes
            for offset in (q["start"], q["end"], q.get("speaker_start"), q.get("speaker_end"))
            if offset is not None
        ),
    )
    return {
        **{name: _plain(article.get(name)) for name in ARTICLE_FIELDS},
        "text": text,
        "text_sha256": article["text_sha256"],
        "offset_unit": "codepoint",
        "quotes": [quote_record(text, quote, offsets) for quote in quotes],
        **(work or {}),
    }


def work_record(person: str, username: str, status: str, started_at, finished_at) -> dict:
    """An assignment (``person`` "annotator") or an adjudication ("reviewer") as exported."""
    return {
        person: username,
        "status": status,
        "started_at": _plain(started_at),
        "finished_at": _plain(finished_at),
    }


def quote_record(text: str, quote: dict, offsets: dict[int, tuple[int, int]]) -> dict:
    start, end = quote["start"], quote["end"]
    if text[start:end] != quote["text"]:
        raise ExportError(f"quote {quote['id']}: text does not match the article at {start}–{end}")
    cue = None
    if quote.get("cue_start") is not None:
        cue = {
            "start": quote["cue_start"],
            "end": quote["cue_end"],
            "text": text[quote["cue_start"] : quote["cue_end"]],
        }
    return {
        "id": quote["id"],
        "start": start,
        "end": end,
        "text": quote["text"],
        "kind": quote["kind"],
        "speaker": quote.get("speaker"),
        "cue": cue,
        "speaker_mention": mention_record(
            text, quote.get("speaker_start"), quote.get("speaker_end"), offsets
        ),
        "stances": quote.get("stances", []),
        "annotator": quote.get("annotator"),
        "origin": quote["origin"],
        "created_at": _plain(quote.get("created_at")),
        "updated_at": _plain(quote.get("updated_at")),
        "start_utf16": offsets[start][0],
        "end_utf16": offsets[end][0],
        "start_utf8": offsets[start][1],
        "end_utf8": offsets[end][1],
    }


def mention_record(text: str, start, end, offsets: dict[int, tuple[int, int]]) -> dict | None:
    """Where the text names a quote's speaker, in the three units, or None."""
    if start is None:
        return None
    return {
        "start": start,
        "end": end,
        "text": text[start:end],
        "start_utf16": offsets[start][0],
        "end_utf16": offsets[end][0],
        "start_utf8": offsets[start][1],
        "end_utf8": offsets[end][1],
    }


def csv_header(targets: list[str]) -> list[str]:
    return [*ARTICLE_FIELDS, "text_sha256", *CSV_QUOTE_FIELDS, *(f"stance:{t}" for t in targets)]


def csv_rows(record: dict, targets: list[str], include_unannotated: bool) -> Iterator[list]:
    """One row per quote of an exported article record (one empty row if it has none
    and ``include_unannotated``), every cell safe to open in a spreadsheet."""
    article = [record[name] for name in ARTICLE_FIELDS] + [record["text_sha256"]]
    if not record["quotes"] and include_unannotated:
        yield [neutralise(cell) for cell in article + [""] * (len(CSV_QUOTE_FIELDS) + len(targets))]
    for quote in record["quotes"]:
        speaker = quote["speaker"] or {}
        cue = quote["cue"] or {}
        mention = quote["speaker_mention"] or {}
        labels = {s["target"]: s["label"] for s in quote["stances"]}
        cells = [
            quote["id"], quote["start"], quote["end"], quote["text"], quote["kind"],
            speaker.get("name", ""), speaker.get("id", ""), cue.get("text", ""),
            cue.get("start", ""), cue.get("end", ""), quote["annotator"], quote["origin"],
            quote["start_utf16"], quote["end_utf16"], quote["start_utf8"], quote["end_utf8"],
            quote["created_at"], quote["updated_at"], mention.get("text", ""),
            mention.get("start", ""), mention.get("end", ""),
        ]  # fmt: skip
        yield [neutralise(c) for c in article + cells + [labels.get(t, "") for t in targets]]


def neutralise(value):
    """A cell a spreadsheet would run as a formula gets a leading apostrophe."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def _plain(value):
    return value.isoformat() if isinstance(value, datetime) else value
