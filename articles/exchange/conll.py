"""A CoNLL-style BIO token file for sequence-tagging models (export only). Pure Python.

Tokenisation: words (letters and digits, with inner apostrophes, hyphens and slashes:
"don’t", "9/11", "Vold-Hansen") and single other characters, in code-point order; a
paragraph (text between line breaks) is a sentence. Each token is a line ``token TAB
start TAB end TAB tag``, ``start``/``end`` its code-point offsets in the article's text;
a blank line ends a sentence; ``# article = ID`` and ``# title = …`` open each article.
Tags: ``B-``/``I-`` of QUOTE (any kind), SPEAKER (where the text names the quote's
speaker near it) and CUE; a token in two spans takes CUE before SPEAKER before QUOTE;
``O`` outside them all.
"""

from __future__ import annotations

import re

from articles.exchange.spans import quote_spans

TOKEN = re.compile(r"\w+(?:[’'\-/]\w+)*|[^\w\s]")
PRIORITY = {"CUE": 3, "SPEAKER": 2, "QUOTE": 1}


def to_conll(record: dict) -> str:
    """The export record as CoNLL lines (ending with a blank line)."""
    text = record["text"]
    spans = []
    for quote, mention in quote_spans(record):
        spans.append(("QUOTE", quote["start"], quote["end"]))
        if mention is not None:
            spans.append(("SPEAKER", *mention))
        if quote.get("cue"):
            spans.append(("CUE", quote["cue"]["start"], quote["cue"]["end"]))
    title = " ".join(str(record.get("title") or "").split())
    lines = [f"# article = {record.get('id')}", f"# title = {title}"]
    for paragraph in re.finditer(r"[^\n]+", text):
        tokens = list(TOKEN.finditer(text, paragraph.start(), paragraph.end()))
        if not tokens:
            continue
        previous = None  # the span the token before was in
        for token in tokens:
            span = _span_of(spans, token.start(), token.end())
            tag = "O" if span is None else ("I-" if span == previous else "B-") + span[0]
            previous = span
            word = token.group().replace("\t", " ")
            lines.append(f"{word}\t{token.start()}\t{token.end()}\t{tag}")
        lines.append("")
    return "\n".join(lines) + "\n"


def _span_of(spans, start: int, end: int):
    """The span holding the token, by priority (the first of equals)."""
    holding = [s for s in spans if s[1] <= start and end <= s[2]]
    return max(holding, key=lambda s: PRIORITY[s[0]], default=None)
