"""Render article text as paragraphs of offset-carrying spans, with quotes highlighted.

Pure Python, no Django. Every ``<span>`` and ``<p>`` carries ``data-s``/``data-e``, the
code-point offsets of its text, so the browser can turn a DOM selection back into
offsets exactly. Line breaks are never inside a span (the HTML parser would rewrite CR),
and every character is escaped: article text is never markup.
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
    color: str  # a CSS class such as "spk-2"
    suggested: bool = False
    cue_start: int | None = None
    cue_end: int | None = None


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


def render_text(text: str, spans: list[Span]) -> str:
    """HTML for the whole text: ``<p>`` per paragraph, a ``<span>`` per stretch of text
    covered by the same quotes and cues."""
    events: dict[int, list[tuple[int, int, Span]]] = {}
    for span in spans:
        events.setdefault(span.start, []).append((1, 0, span))
        events.setdefault(span.end, []).append((-1, 0, span))
        if span.cue_start is not None and span.cue_end is not None:
            events.setdefault(span.cue_start, []).append((1, 1, span))
            events.setdefault(span.cue_end, []).append((-1, 1, span))
    cuts = sorted(events)
    active: dict[int, Span] = {}
    active_cues: set[int] = set()
    out: list[str] = []
    cut_index = 0

    def advance_to(position: int) -> None:
        nonlocal cut_index
        while cut_index < len(cuts) and cuts[cut_index] <= position:
            for delta, is_cue, span in events[cuts[cut_index]]:
                if is_cue:
                    (active_cues.add if delta > 0 else active_cues.discard)(span.id)
                elif delta > 0:
                    active[span.id] = span
                else:
                    active.pop(span.id, None)
            cut_index += 1

    for p_start, p_end in paragraphs(text):
        out.append(f'<p data-s="{p_start}" data-e="{p_end}">')
        position = p_start
        advance_to(position)
        while position < p_end:
            next_cut = cuts[cut_index] if cut_index < len(cuts) else p_end
            stop = min(next_cut, p_end)
            if stop > position:
                out.append(_segment(text, position, stop, active, active_cues))
            position = stop
            advance_to(position)
        out.append("</p>")
    return "".join(out)


def _segment(text, start, end, active, active_cues) -> str:
    body = escape(text[start:end], quote=False)
    if not active and not active_cues:
        return f'<span data-s="{start}" data-e="{end}">{body}</span>'
    # Innermost (shortest) quote first: its colour shows, a click selects it.
    covering = sorted(active.values(), key=lambda span: (span.end - span.start, span.id))
    classes = ["q"] if covering else []
    if covering:
        inner = covering[0]
        classes.append(inner.color)
        classes.append(f"depth-{min(len(covering), MAX_DEPTH)}")
        if inner.suggested:
            classes.append("suggested")
    if active_cues:
        classes.append("cue")
    ids = " ".join(str(span.id) for span in covering)
    cue_ids = " ".join(str(i) for i in sorted(active_cues))
    return (
        f'<span data-s="{start}" data-e="{end}" class="{" ".join(classes)}"'
        + (f' data-q="{ids}"' if ids else "")
        + (f' data-cue="{cue_ids}"' if cue_ids else "")
        + f">{body}</span>"
    )
