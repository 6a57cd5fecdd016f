"""A reported clause that runs into another attribution's quotation: 'Holt said the toll
would rise, which Berg called “theft”' reports 'the toll would rise', and the quoted
words stay with whoever the clause after the comma gives them to."""

from __future__ import annotations

import re
from dataclasses import replace

from articles.extraction.model import Candidate
from articles.extraction.patterns import ATTRIBUTING_WORDS, LABELLING_VERBS, NAMING_VERBS

# The words between a comma and a quotation that attribute the quotation anew: a verb
# of saying or naming ('…, which he called “…”', '…, but added, “…”').
_QUOTATION_CUES = ATTRIBUTING_WORDS | frozenset(NAMING_VERBS) | frozenset(LABELLING_VERBS)
# How far before the quotation its own cue may open the clause (characters).
_REACH = 80
_BREAK = re.compile(r",\s|\s[—–]\s")
_WORD = re.compile(r"[A-Za-z]+")
_SUBORDINATORS = frozenset(
    "if when while whenever however although though because unless whether after before as".split()
)
_MIN_CONTENT = 12  # characters the clause before the comma keeps at least


def before_quotation(text: str, quote: Candidate, opening: int) -> Candidate | None:
    """``quote`` cut at the comma before the quotation opening at ``opening`` inside it,
    when the words between name a cue of their own; else None."""
    if quote.gated or quote.cue is None or quote.start < quote.cue[1]:
        # A content before its cue ends at the cue's own comma; one only the wide
        # scope's gate admits stays as the gate weighed it.
        return None
    opener = _WORD.search(text, quote.start, quote.end)
    if opener is None or opener.group().lower() in _SUBORDINATORS:
        return None  # 'that, while condemning the raid, …': no clause before the comma
    low = max(quote.start, opening - _REACH)
    breaks = list(_BREAK.finditer(text, low, opening))
    if not breaks:
        return None
    cut = breaks[-1]
    if cut.start() - quote.start < _MIN_CONTENT:
        return None
    words = _WORD.findall(text, cut.end(), opening)
    if not any(word.lower() in _QUOTATION_CUES for word in words):
        return None
    return replace(quote, end=cut.start())
