"""brat standoff (``.txt`` + ``.ann``): read text-bound annotations and attribution events.

Pure Python, no Django. Quote-attribution corpora (PolNeAR, PARC 3 in brat form) arrive
this way: a Content span, a Source (the speaker's mention) and a Cue, tied together by an
event. brat counts offsets in code points, as we do; every span is checked against the
text it claims to cover, so a file that belongs to another text is refused by line.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

Span = tuple[int, int]

QUOTE_MARKS = '"“”„«»‹›'
# Between two fragments of one content span: only spaces, punctuation and quotation marks
# (a span split around a closing quotation mark); anything else (", he said, ") is a gap
# that our contiguous quotes keep as two quotes.
_JOINABLE_GAP = re.compile(rf"[\s,.;:!?…\-–—'‘’{QUOTE_MARKS}]*")


class BratError(ValueError):
    """A line of an ``.ann`` file that cannot be read; says which file and line."""

    def __init__(self, source: str, line: int, message: str):
        super().__init__(f"{source}:{line}: {message}")
        self.source, self.line, self.message = source, line, message


@dataclass(frozen=True)
class TextBound:
    id: str
    label: str
    spans: tuple[Span, ...]

    @property
    def start(self) -> int:
        return self.spans[0][0]

    @property
    def end(self) -> int:
        return self.spans[-1][1]


@dataclass(frozen=True)
class Event:
    id: str
    label: str
    trigger: str | None
    arguments: tuple[tuple[str, str], ...]  # (role, annotation id); roles may repeat
    line: int = 0


@dataclass
class Document:
    text: str
    spans: dict[str, TextBound] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)


@dataclass(frozen=True)
class AttributionLabels:
    """Which labels and roles make a quote: PolNeAR's by default."""

    events: tuple[str, ...] = ("Attribution", "Attribution-no-source")
    content: tuple[str, ...] = ("Content",)
    source: tuple[str, ...] = ("Source",)
    cue: tuple[str, ...] = ("Cue",)


POLNEAR = AttributionLabels()


def read_document(ann: str, text: str, *, source: str = "<ann>") -> Document:
    """Parse an ``.ann`` file's content against its text; raises :class:`BratError`."""
    document = Document(text=text)
    lines = ann.split("\n")
    number = 0
    while number < len(lines):
        line = lines[number].rstrip("\r")
        number += 1
        if not line.strip() or line[0] in "#AMNR*":  # notes, attributes, relations
            continue
        parts = line.split("\t")
        if line[0] == "T":
            span = _text_bound(parts, text, source, number)
            document.spans[parts[0]] = span
            # A span across a line break carries the break into the .ann file: its text
            # goes on over the next lines.
            number += sum(text.count("\n", start, end) for start, end in span.spans)
        elif line[0] == "E":
            document.events.append(_event(parts, source, number))
        else:
            raise BratError(source, number, f"unknown annotation {parts[0]!r}")
    for event in document.events:
        for _role, ref in event.arguments:
            if ref not in document.spans:
                raise BratError(
                    source, event.line, f"event {event.id} names {ref}, which is not a span"
                )
    return document


def read_folder(folder: Path, *, text_dir: str = "text", ann_dir: str = "attributions"):
    """Yield ``(name, Document)`` for a PolNeAR-style folder (texts and ``.ann`` files apart,
    an ``.ann`` named after its text plus an annotator suffix) or a plain brat folder."""
    texts = folder / text_dir if (folder / text_dir).is_dir() else folder
    anns = folder / ann_dir if (folder / ann_dir).is_dir() else folder
    for ann_path in sorted(anns.glob("*.ann")):
        text_path = texts / f"{ann_path.stem}.txt"
        if not text_path.exists():  # PolNeAR: name_<annotator>.ann for name.txt
            text_path = texts / f"{ann_path.stem.rsplit('_', 1)[0]}.txt"
        if not text_path.exists():
            raise BratError(str(ann_path), 0, f"no text file {text_path.name}")
        # As the bytes are: brat counts offsets in the file's own characters, a CRLF's
        # carriage return included.
        with text_path.open(encoding="utf-8", newline="") as stream:
            text = stream.read()
        with ann_path.open(encoding="utf-8", newline="") as stream:
            ann = stream.read()
        yield ann_path.stem, read_document(ann, text, source=str(ann_path))


def attributions(document: Document, labels: AttributionLabels = POLNEAR) -> list[dict]:
    """The document's attribution events as quote records (the gold format of
    ``articles.extraction.evaluation``): one per contiguous piece of content."""
    quotes = []
    text = document.text
    for event in document.events:
        if event.label not in labels.events:
            continue
        roles: dict[str, list[TextBound]] = {}
        for role, ref in event.arguments:
            roles.setdefault(role.rstrip("0123456789"), []).append(document.spans[ref])
        contents = [s for role in labels.content for s in roles.get(role, [])]
        sources = [s for role in labels.source for s in roles.get(role, [])]
        cues = [s for role in labels.cue for s in roles.get(role, [])]
        if not contents:
            continue
        speaker = sources[0] if sources else None
        cue = cues[0] if cues else None
        pieces = sorted(piece for content in contents for piece in _pieces(content, text))
        for start, end in pieces:
            quotes.append(
                {
                    "start": start,
                    "end": end,
                    "text": text[start:end],
                    "kind": kind_of(text, start, end),
                    "speaker": _joined(speaker, text) if speaker else None,
                    "speaker_start": speaker.start if speaker else None,
                    "speaker_end": speaker.end if speaker else None,
                    "cue_start": cue.start if cue else None,
                    "cue_end": cue.end if cue else None,
                }
            )
    return sorted(quotes, key=lambda q: (q["start"], q["end"]))


def kind_of(text: str, start: int, end: int) -> str:
    """ "direct" when quotation marks enclose most of the span, "mixed" when they enclose
    part of it, "indirect" when there are none. Two apostrophes ('' or ``, as some
    newspapers' text has them) count as one mark; an embedded post's words
    ('<tweet …>…</tweet>') are its author's, as if quoted."""
    # Offsets that cut a two-apostrophe mark in half take the whole mark.
    if text[start : start + 1] in ("'", "`") and text[start - 1 : start] == text[start]:
        start -= 1
    if text[end - 1 : end] == "'" and text[end : end + 1] == "'":
        end += 1
    paragraph = text.rfind("\n", 0, start) + 1
    if _EMBED_OPEN.search(text, paragraph, start):
        return "direct"
    span = _marks_as_one(text[start:end])
    inside = _starts_inside(text, paragraph, start) and span.lstrip()[:1] not in QUOTE_MARKS
    quoted = words = 0
    for char in span:
        if char in QUOTE_MARKS:
            inside ^= 1
        elif not char.isspace():
            words += 1
            quoted += inside
    if not words or not quoted:
        return "indirect"
    return "direct" if quoted * 5 >= words * 4 else "mixed"


# The opening tag of an embedded post, right before the span.
_EMBED_OPEN = re.compile(r"<(?:tweet|blockquote)\b[^<>]*>\s*$")


def _starts_inside(text: str, paragraph: int, start: int) -> bool:
    """Whether ``start`` lies inside a quotation: right after an opening mark ('“[[we'),
    or with a mark left open before it in its paragraph ('"PENCE: [[Well, …' of a
    transcript quoted whole). A mark that closes the paragraph before ('…”⏎[[The') or a
    quotation closed before the span leaves it outside."""
    before = _marks_as_one(text[paragraph:start])
    if before and before[-1] in QUOTE_MARKS:
        # An opening mark follows a space, a line's start or an opening bracket or dash.
        return before[-1] in "“„«‹" or before[-2:-1] in ("", " ", "(", "[", "—", "–", "-")
    return sum(c in QUOTE_MARKS for c in before) % 2 == 1


def _marks_as_one(piece: str) -> str:
    return piece.replace("''", '"').replace("``", '"')


def _pieces(span: TextBound, text: str) -> list[Span]:
    merged: list[list[int]] = []
    # Fragments in text order; overlapping ones (an annotator's slip) are one piece.
    for start, end in sorted(span.spans):
        if merged and (
            start <= merged[-1][1] or _JOINABLE_GAP.fullmatch(text[merged[-1][1] : start])
        ):
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(start, end) for start, end in merged]


def _joined(span: TextBound, text: str) -> str:
    return " ".join(text[start:end] for start, end in span.spans)


def _text_bound(parts: list[str], text: str, source: str, number: int) -> TextBound:
    if len(parts) < 2:
        raise BratError(source, number, "a text-bound annotation needs an id and a span")
    label, _, offsets = parts[1].partition(" ")
    spans = []
    for piece in offsets.split(";"):
        try:
            start, end = (int(n) for n in piece.split())
        except ValueError:
            raise BratError(source, number, f"offsets {piece!r} are not two numbers") from None
        if not 0 <= start < end <= len(text):
            raise BratError(
                source, number, f"span {start}-{end} lies outside the text ({len(text)} chars)"
            )
        spans.append((start, end))
    covered = " ".join(text[s:e] for s, e in spans)
    if len(parts) > 2 and parts[2] != covered.split("\n", 1)[0]:
        raise BratError(
            source, number, f"span text {parts[2][:40]!r} differs from the text at {offsets}"
        )
    return TextBound(id=parts[0], label=label, spans=tuple(spans))


def _event(parts: list[str], source: str, number: int) -> Event:
    if len(parts) < 2 or not parts[1].strip():
        raise BratError(source, number, "an event needs a type and a trigger")
    fields = parts[1].split()
    label, _, trigger = fields[0].partition(":")
    arguments = []
    for argument in fields[1:]:
        role, _, ref = argument.partition(":")
        if not ref:
            raise BratError(source, number, f"argument {argument!r} is not ROLE:ID")
        arguments.append((role, ref))
    return Event(
        id=parts[0],
        label=label,
        trigger=trigger or None,
        arguments=tuple(arguments),
        line=number,
    )


def to_brat(record: dict, quotes: list[tuple[dict, Span | None]]) -> str:
    """An article's ``.ann`` content, PolNeAR's way: per quote a Content span, its Cue and
    Source spans when known, an Attribution trigger (the cue, else the content) and an
    event tying them. ``quotes``: each export quote with its speaker's mention (or
    None). Spans across line breaks are written as fragments (``a b;c d``)."""
    text = record["text"]
    lines: list[str] = []
    counter = {"T": 0, "E": 0}

    def bound(label: str, start: int, end: int) -> str:
        counter["T"] += 1
        ident = f"T{counter['T']}"
        pieces = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text[start:end])]
        fragments = [(start + s, start + e) for s, e in pieces] or [(start, end)]
        offsets = ";".join(f"{s} {e}" for s, e in fragments)
        covered = " ".join(text[s:e] for s, e in fragments)
        lines.append(f"{ident}\t{label} {offsets}\t{covered}")
        return ident

    for quote, mention in quotes:
        arguments = []
        content = bound("Content", quote["start"], quote["end"])
        cue = quote.get("cue")
        trigger_span = (cue["start"], cue["end"]) if cue else (quote["start"], quote["end"])
        if mention is not None:
            arguments.append(f"Source:{bound('Source', *mention)}")
        if cue:
            arguments.append(f"Cue:{bound('Cue', cue['start'], cue['end'])}")
        trigger = bound("Attribution", *trigger_span)
        counter["E"] += 1
        event = " ".join([f"Attribution:{trigger}", f"Content:{content}", *arguments])
        lines.append(f"E{counter['E']}\t{event}")
    return "\n".join(lines) + ("\n" if lines else "")


def unmapped(
    document: Document, labels: AttributionLabels = POLNEAR, ignored: frozenset = frozenset()
) -> Counter:
    """The span labels and event types of ``document`` that ``labels`` give no role and
    that are not ``ignored``, with their counts (an event's trigger label counts as its
    event's)."""
    known_spans = {*labels.content, *labels.source, *labels.cue, *labels.events, *ignored}
    found: Counter = Counter()
    for span in document.spans.values():
        if span.label not in known_spans:
            found[f"label {span.label}"] += 1
    for event in document.events:
        if event.label not in labels.events and event.label not in ignored:
            found[f"event {event.label}"] += 1
    return found


def article_mapping(
    name: str,
    document: Document,
    labels: AttributionLabels = POLNEAR,
    *,
    annotator: str | None = None,
) -> dict:
    """A brat document as an article mapping in newsannot's export shape (title: the file
    name; one quote per contiguous piece of content, the first of two events on one
    span kept; ``annotator``'s quotes), for ``records.record_from_mapping``."""
    quotes, seen = [], set()
    for quote in attributions(document, labels):
        span = (quote["start"], quote["end"])
        if span in seen:
            continue
        seen.add(span)
        speaker = " ".join((quote["speaker"] or "").split())
        if len(speaker) > 200 and ", " in speaker:  # records.SPEAKER_NAME_MAX
            speaker = speaker.split(", ", 1)[0]  # the name, before its apposition
        quotes.append(
            {
                "start": quote["start"],
                "end": quote["end"],
                "text": quote["text"],
                "kind": quote["kind"],
                "speaker": {"name": speaker} if speaker else None,
                "speaker_mention": {"start": quote["speaker_start"], "end": quote["speaker_end"]}
                if quote["speaker_start"] is not None
                else None,
                "cue": {"start": quote["cue_start"], "end": quote["cue_end"]}
                if quote["cue_start"] is not None
                else None,
                "annotator": annotator,
                "origin": "human",
            }
        )
    return {"title": name, "text": document.text, "quotes": quotes}
