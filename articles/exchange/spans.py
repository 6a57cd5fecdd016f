"""What the span-annotation formats (doccano, Label Studio, brat, CoNLL) share: the roles a
tool's labels stand for, the check that every label and relation type found has one,
turning spans and relations into newsannot's quotes (the export record's shape, which
``records.record_from_mapping`` then validates as for any import), and the quotes of an
export record back into spans. Pure Python, no Django.

newsannot keeps a quote's speaker (the catalog's entry) and, when it was marked, where
the text names them (the speaker's mention); an export without a marked mention gives
the speaker the span where the text names them nearest the quote (``mention_near``), and
none where it does not.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from articles.exchange.brat import kind_of
from articles.exchange.records import SPEAKER_NAME_MAX

# The roles a label may have: a quote of a kind, a quote whose kind its quotation marks
# tell, the speaker's mention, the cue.
QUOTE_ROLES = ("direct", "indirect", "mixed", "quote")
ROLES = (*QUOTE_ROLES, "speaker", "cue", "ignore")  # ignore: left out on purpose
# Labels and relation types newsannot writes, read back without a map.
LABELS = {
    "DIRECT": "direct",
    "INDIRECT": "indirect",
    "MIXED": "mixed",
    "QUOTE": "quote",
    "SPEAKER": "speaker",
    "CUE": "cue",
}
RELATIONS = {"SPEAKER": "speaker", "CUE": "cue"}
WRITTEN = {"direct": "DIRECT", "indirect": "INDIRECT", "mixed": "MIXED"}


class FormatError(ValueError):
    """A document that cannot become an article: which field (``where``) and why."""

    def __init__(self, message: str, where: str):
        super().__init__(f"{where}: {message}")
        self.message, self.where = message, where


@dataclass
class Roles:
    """A tool's labels and relation types, each mapped to a role; ``unknown`` counts the
    ones met without a role, so that nothing is dropped unsaid."""

    labels: dict[str, str] = field(default_factory=lambda: dict(LABELS))
    relations: dict[str, str] = field(default_factory=lambda: dict(RELATIONS))
    unknown: Counter = field(default_factory=Counter)

    @classmethod
    def with_map(cls, pairs: Iterable[str]) -> Roles:
        """Roles with ``LABEL=role`` pairs added (a relation type maps the same way)."""
        roles = cls()
        for pair in pairs:
            name, _, role = pair.partition("=")
            if not name or role not in ROLES:
                raise ValueError(f"{pair!r}: write LABEL=ROLE, ROLE one of {', '.join(ROLES)}")
            roles.labels[name] = role
            roles.relations[name] = role
        return roles

    def label(self, name: str) -> str | None:
        role = self.labels.get(name) or self.labels.get(name.upper())
        if role is None:
            self.unknown[f"label {name}"] += 1
        return None if role == "ignore" else role

    def relation(self, name: str) -> str | None:
        role = self.relations.get(name) or self.relations.get(name.upper())
        if role is None:
            self.unknown[f"relation {name}"] += 1
        return None if role == "ignore" else role

    def ignored(self) -> set[str]:
        """The labels and relation types mapped to ``ignore``."""
        return {n for n, r in (*self.labels.items(), *self.relations.items()) if r == "ignore"}

    def refusal(self) -> str | None:
        """What was met without a role, with counts, or None."""
        if not self.unknown:
            return None
        found = ", ".join(f"{name} ({count})" for name, count in sorted(self.unknown.items()))
        return (
            f"no role for {found}: map each with --label-map NAME=ROLE "
            f"(ROLE one of {', '.join(ROLES)}), or remove it"
        )


@dataclass(frozen=True)
class Span:
    id: str
    role: str
    start: int
    end: int


def quotes_from_spans(
    text: str,
    spans: list[Span],
    links: list[tuple[str, str, str]],
    *,
    annotator: str | None,
    where: str,
) -> list[dict]:
    """Quotes (export-record shape) from role-labelled ``spans`` and ``links``
    ``(role, quote span id, other span id)``: a speaker link names the quote's speaker by
    the words of its span, a cue link gives its cue."""
    by_id = {span.id: span for span in spans}
    speaker_of: dict[str, Span] = {}
    cue_of: dict[str, Span] = {}
    for role, a, b in links:
        first, second = by_id.get(a), by_id.get(b)
        if first is None or second is None:
            missing = a if first is None else b
            raise FormatError(f"names span {missing!r}, which the document does not have", where)
        # Either direction: the quote is the end whose role is a quote's.
        quote, other = (first, second) if first.role in QUOTE_ROLES else (second, first)
        if quote.role not in QUOTE_ROLES:
            raise FormatError(f"a {role} relation joins no quote ({a} → {b})", where)
        (speaker_of if role == "speaker" else cue_of)[quote.id] = other
    quotes = []
    for span in sorted(spans, key=lambda s: (s.start, s.end)):
        if span.role not in QUOTE_ROLES:
            continue
        kind = span.role if span.role != "quote" else kind_of(text, span.start, span.end)
        speaker = speaker_of.get(span.id)
        cue = cue_of.get(span.id)
        quotes.append(
            {
                "start": span.start,
                "end": span.end,
                "text": text[span.start : span.end],
                "kind": kind,
                "speaker": {"name": speaker_name(text[speaker.start : speaker.end])}
                if speaker
                else None,
                "speaker_mention": {"start": speaker.start, "end": speaker.end}
                if speaker
                else None,
                "cue": {"start": cue.start, "end": cue.end} if cue else None,
                "annotator": annotator,
                "origin": "human",
            }
        )
    return quotes


def speaker_name(words: str) -> str:
    """A speaker span's words as a catalog name: spaces made single, and a span longer
    than a name may be ('The USC Dornsife/Los Angeles Times Daybreak tracking poll, which
    tracks …') cut before its first comma, where its apposition starts."""
    name = " ".join(words.split())
    if len(name) > SPEAKER_NAME_MAX and ", " in name:
        name = name.split(", ", 1)[0]
    return name


def check_span(text: str, start, end, where: str) -> tuple[int, int]:
    """``(start, end)`` when they are code-point offsets of a non-empty piece of ``text``."""
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
        raise FormatError(f"offsets {start!r}–{end!r} do not lie in the text", where)
    return start, end


def mention_near(text: str, names: Iterable[str], start: int, end: int) -> tuple[int, int] | None:
    """Where the text names the speaker (any of ``names``, as whole words) nearest the
    quote ``text[start:end]`` in its paragraph, outside the quote; None if nowhere."""
    paragraph_start = text.rfind("\n", 0, start) + 1
    paragraph_end = text.find("\n", end)
    paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
    best = None
    for name in sorted({n for n in names if n and n.strip()}, key=len, reverse=True):
        for match in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
            s, e = match.span()
            if s < paragraph_start or e > paragraph_end or (s < end and start < e):
                continue
            distance = start - e if e <= start else s - end
            if best is None or distance < best[0]:
                best = (distance, (s, e))
    return best[1] if best else None


def quote_spans(record: dict) -> list[tuple[dict, tuple[int, int] | None]]:
    """Each quote of an export record with its speaker's mention: the one marked, else
    where the text names the speaker nearest (``mention_near``)."""
    text = record["text"]
    found = []
    for quote in record["quotes"]:
        marked = quote.get("speaker_mention")
        speaker = quote.get("speaker")
        names = [speaker["name"], *speaker.get("aliases", [])] if speaker else []
        if marked:
            mention = (marked["start"], marked["end"])
        else:
            mention = mention_near(text, names, quote["start"], quote["end"]) if names else None
        found.append((quote, mention))
    return found
