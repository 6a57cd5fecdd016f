"""Render article text as paragraphs of offset-carrying spans, with quotes highlighted.

Pure Python, no Django. Every ``<span>`` and ``<p>`` carries ``data-s``/``data-e``, the
code-point offsets of its text, so the browser can turn a DOM selection back into
offsets exactly. Line breaks are never inside a span (the HTML parser would rewrite CR),
and every character is escaped: article text is never markup.

Quoted text is also a ``<mark>`` for screen readers, and where a quote starts a visually
hidden label says whose it is ("Quote by Eva Hansen:"): colour is never the only sign.
The label is outside every ``span[data-s]``, so the offsets do not see it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
MAX_DEPTH = 3


@dataclass(frozen=True)
class Span:
    """One quote as the highlighter needs it."""

    id: int
    start: int
    end: int
    color: str  # CSS classes such as "spk-2 pat-1"
    suggested: bool = False
    cue_start: int | None = None
    cue_end: int | None = None
    label: str = ""  # what a screen reader says where the quote starts


def paragraphs(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` of each non-blank line of ``text``, line breaks excluded."""
    result, position = [], 0
    for match in _LINE_BREAK.finditer(text):
        if text[position : match.start()].strip():
            result.append((position, match.start()))
        position = match.end()
    if text[position:].strip():
        result.append((position, len(text)))
    return result


# How a marked paragraph (articles/ingest/cleanup.py) is shown: a repeat is hidden, site
# text greyed and named for screen readers.
_MARKED = {
    "repeat": (' class="para-repeat" hidden', ""),
    "site": (' class="para-site"', "Site text, not the article: "),
}


def render_text(text: str, spans: list[Span], marks: dict[int, str] | None = None) -> str:
    """HTML for the whole text: ``<p>`` per paragraph, a ``<span>`` per stretch of text
    covered by the same quotes and cues. ``marks``: paragraph start -> "repeat" or
    "site"; a repeat with a quote in it is shown all the same."""
    marks = marks or {}
    events: dict[int, list[tuple[int, int, Span]]] = {}
    for span in spans:
        events.setdefault(span.start, []).append((1, 0, span))
        events.setdefault(span.end, []).append((-1, 0, span))
        if span.cue_start is not None and span.cue_end is not None:
            events.setdefault(span.cue_start, []).append((1, 1, span))
            events.setdefault(span.cue_end, []).append((-1, 1, span))
    cuts = sorted(events)
    cut_count = len(cuts)
    active: dict[int, Span] = {}
    active_cues: set[int] = set()
    starting: dict[int, Span] = {}  # quotes begun since the last stretch, yet unlabelled
    out: list[str] = []
    cut_index = 0
    # A page shows hundreds of quotes: the attributes change only at a cut, so they are
    # worked out there, once, not for every stretch of text.
    attributes = ""
    for p_start, p_end in paragraphs(text):
        mark = marks.get(p_start)
        if mark == "repeat" and any(s.start < p_end and p_start < s.end for s in spans):
            mark = None
        extra, label = _MARKED.get(mark, ("", ""))
        out.append(f'<p data-s="{p_start}" data-e="{p_end}"{extra}>')
        if label:
            out.append(f'<span class="visually-hidden">{label}</span>')
        position = p_start
        while True:
            first_cut = cut_index
            while cut_index < cut_count and cuts[cut_index] <= position:
                for delta, is_cue, span in events[cuts[cut_index]]:
                    if is_cue:
                        (active_cues.add if delta > 0 else active_cues.discard)(span.id)
                    elif delta > 0:
                        active[span.id] = starting[span.id] = span
                    else:
                        active.pop(span.id, None)
                        starting.pop(span.id, None)
                cut_index += 1
            if cut_index != first_cut:
                attributes = _attributes(active, active_cues)
            if position >= p_end:
                break
            stop = cuts[cut_index] if cut_index < cut_count and cuts[cut_index] < p_end else p_end
            body = escape(text[position:stop], quote=False)
            segment = f'<span data-s="{position}" data-e="{stop}"{attributes}>{body}</span>'
            if active:
                if starting:
                    segment = _labels(starting.values()) + segment
                    starting.clear()
                out.append(f"<mark>{segment}</mark>")
            else:
                out.append(segment)
            position = stop
        out.append("</p>")
    return "".join(out)


def _labels(spans) -> str:
    """The hidden labels of the quotes starting here, the outermost first."""
    labels = [span.label for span in sorted(spans, key=_innermost_first, reverse=True)]
    text = " ".join(f"{label}:" for label in labels if label)
    if not text:
        return ""
    return f'<span class="visually-hidden">{escape(text, quote=False)} </span>'


def _attributes(active: dict[int, Span], active_cues: set[int]) -> str:
    """The class and data attributes of a stretch inside these quotes and cues."""
    if not active and not active_cues:
        return ""
    # Innermost (shortest) quote first: its colour shows, a click selects it.
    covering = sorted(active.values(), key=_innermost_first)
    classes = []
    if covering:
        inner = covering[0]
        classes = ["q", inner.color, f"depth-{min(len(covering), MAX_DEPTH)}"]
        if inner.suggested:
            classes.append("suggested")
    if active_cues:
        classes.append("cue")
    html = f' class="{" ".join(classes)}"'
    if covering:
        html += f' data-q="{" ".join(str(span.id) for span in covering)}"'
    if active_cues:
        html += f' data-cue="{" ".join(str(i) for i in sorted(active_cues))}"'
    return html


def _innermost_first(span: Span) -> tuple[int, int]:
    return (span.end - span.start, span.id)
