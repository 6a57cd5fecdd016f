"""What annotators need not read twice, or at all: a paragraph printed again right after
itself (a photo caption, as scrapes often give it) and the site's own text trailing the
article ("Leave a Reply", "Welcome to …, your number one source"). No Django imports.

The text itself is never changed, so every offset stays honest: paragraphs are only
marked, and the workspace hides a repeat and greys site text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

REPEAT = "repeat"
SITE = "site"

_SPACE = re.compile(r"\s+")
_SITE_LINE = re.compile(
    r"^(?:leave a (?:reply|comment)|share(?: this(?: article| story)?)?|subscribe\b"
    r"|sign up\b|published\b|updated\b|©|copyright\b|all rights reserved"
    r"|read (?:more|also)\b|related (?:articles?|stories)\b|follow us\b"
    r"|welcome to .{1,80}\b(?:number one|#1|no\. 1) source\b)",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?…:;”\"»]\s*$")
SHORT_WORDS = 3  # a trailing line this short beside site text is site text (a site name)


def marked_paragraphs(text: str, paragraphs: Sequence[tuple[int, int]]) -> dict[int, str]:
    """``{paragraph start: REPEAT or SITE}`` for the ``(start, end)`` paragraphs of
    ``text`` that repeat the one before them or close the page as site text."""
    marks: dict[int, str] = {}
    previous = None
    for start, end in paragraphs:
        body = _SPACE.sub(" ", text[start:end]).strip()
        if body and body == previous:
            marks[start] = REPEAT
        previous = body
    seen_site = False
    for start, end in reversed(paragraphs):
        body = text[start:end].strip()
        if _SITE_LINE.match(body):
            marks[start], seen_site = SITE, True
        elif seen_site and len(body.split()) <= SHORT_WORDS and not _SENTENCE_END.search(body):
            marks[start] = SITE
        else:
            break
    return marks
