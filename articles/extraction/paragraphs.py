"""Paragraphs and sentences: the units the engine reads, the paragraphs it skips
(captions, bylines) and the ones it reads specially (dash quotes, Q&A, interviews)."""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate

from articles.extraction import marks
from articles.extraction.model import Span

LINE = re.compile(r"[^\n]+")
DASH = re.compile(r"^[–—-]\s+")  # '– We have no choice, says Haldorsen.'
# A caption carries a credit ('Photo: …'); an all-caps label alone ('UPDATE: Trump
# said …', 'PIER: …') starts ordinary prose as often as a caption.
CAPTION = re.compile(r"\b(?:Photo|Foto|Illustration)s?:\s")
# A byline names its writers and ends there or at a comma ('By Dana Whitfield and Luis
# Carrasco, Associated Press'); 'By Sunday morning, the sites had …' opens a story's sentence.
BYLINE = re.compile(r"^By [A-Z][\w.’'-]*(?: (?:and |& )?[A-Z][\w.’'-]*)*(?:,|\s*[|—–]|$)")
_BYLINE_WORDS = 12
QA = re.compile(r"^(Q|A)\s*[:.]\s+")
# A stop after a title, an initial or a state ('Mr.', 'Leonard E.', '(D-Mass.)') ends no
# sentence, nor one after an abbreviation such as 'U.S.' unless a sentence's opener
# follows. The tests follow the stop, so they are tried only where a stop is.
SENTENCE_END = re.compile(
    r"[.!?…](?=[\s”’\"»)]|$)"
    # An initial or an abbreviation such as 'U.S.' ends none: 'U.S. Army', 'U.S. Sen.
    # Holt' go on. But a pronoun or a word that opens a sentence after an abbreviation
    # ('… in the U.S. He says …') starts the next one.
    r"(?!(?<=\b[A-Z]\.)(?!(?<=\b[A-Z]\.[A-Z]\.)[^\S\n]+(?:He|She|It|They|We|I|You|This|These|"
    r"Those|There|The|But|And|Yet|So|While|When|If|Others)\b))"
    r"(?<!\b(?:Mr|Ms|Dr|Jr|Sr|St|Lt|Co|No|Mt|Ft|vs)\.)"
    r"(?<!\b(?:Mrs|Sen|Rep|Gov|Gen|Col|Sgt|Rev|Inc|Ltd|Jan|Feb|Aug|Oct|Nov|Dec)\.)"
    r"(?<!\b(?:Capt|Prof|Pres|Sens|Reps|Gens|Corp|Sept)\.)"
    # A party and state: 'Rep. Stephen Lynch (D-Mass.) said'.
    r"(?<!\([DRI]-[A-Z][a-z]\.)(?<!\([DRI]-[A-Z][a-z]{2}\.)(?<!\([DRI]-[A-Z][a-z]{3}\.)"
    r"(?<!\bv\.)"  # a case name: 'Holt v. Berg'
    # A state or a clock time goes on when a bracket closes or a lower-case word follows
    # ('Okafor (Tex.) said', 'Vestby, Minn. and', '6 p.m. on'); a capital after it ('… in
    # Vestby, Minn. The council …') opens the next sentence, and a dash ends a dateline.
    # What follows is tried first: most stops are followed by a capital.
    r"(?!(?=\)|[^\S\n]+[a-z])(?:(?<=\b(?:Ga|La|Md|Mo|Pa|Va|Vt|Ky)\.)"
    r"|(?<=\b(?:Ala|Ark|Del|Fla|Ill|Ind|Kan|Neb|Nev|Ore|Tex|Wis|Wyo)\.)"
    r"|(?<=\b(?:Ariz|Colo|Conn|Kans|Mass|Mich|Minn|Miss|Mont|Okla|Tenn|Wash)\.)"
    r"|(?<=\bCalif\.)|(?<=\b[ap]\.m\.)))"
)


def paragraphs(text: str) -> list[Span]:
    """The non-blank lines of ``text``, without their surrounding spaces."""
    found = []
    for match in LINE.finditer(text):
        start, end = strip(text, match.start(), match.end())
        if start < end:
            found.append((start, end))
    return found


def is_furniture(body: str) -> bool:
    """A caption or a byline: no quotes in it."""
    # A caption's credit has a colon: most paragraphs are spared the search.
    caption = _may_be_caption(body) and CAPTION.search(body)
    byline = body.startswith("By ") and BYLINE.match(body)  # most paragraphs skip the match
    return bool(caption or (byline and len(body.split()) <= _BYLINE_WORDS))


def caption_credit(body: str) -> int | None:
    """Where a caption's credit starts in ``body`` ('Kari Holt at the quay. [Photo: …]'),
    or None when ``body`` is no caption."""
    caption = _may_be_caption(body) and CAPTION.search(body)
    return caption.start() if caption else None


def _may_be_caption(body: str) -> bool:
    """Whether ``body`` holds the words CAPTION needs: most paragraphs hold none, and the
    plain tests are cheaper than a search from each position."""
    return ":" in body and ("Photo" in body or "Foto" in body or "Illustration" in body)


def dash_opening(body: str) -> re.Match | None:
    """The dash and space that open a paragraph of speech ('– We have …'): DASH's match."""
    # DASH needs a dash first: most paragraphs are told by their first character.
    return DASH.match(body) if body[:1] in ("–", "—", "-") else None


def qa_label(body: str) -> re.Match | None:
    """The 'Q:' or 'A.' that opens a paragraph of an interview, if any: QA's match."""
    # QA needs 'Q' or 'A' first: most paragraphs are told by their first letter.
    return QA.match(body) if body.startswith(("Q", "A")) else None


def interview_answers(text: str, spans: list[Span]) -> set[int]:
    """In an interview printed as bare questions and answers, where each answer starts:
    the paragraph after a short question, when the article has at least three."""
    questions = [
        i
        for i, (start, end) in enumerate(spans)
        if text[end - 1] == "?"
        and len(text[start:end].split()) <= 30
        and not marks.segments(text, start, end)
        and not dash_opening(text[start:end])
        and not qa_label(text[start:end])
    ]
    if len(questions) < 3:
        return set()
    return {spans[i + 1][0] for i in questions if i + 1 < len(spans) and i + 1 not in questions}


def strip(text: str, start: int, end: int) -> Span:
    """``start, end`` moved inwards past spaces."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def sentence_start(text: str, p_start: int, position: int) -> int:
    """Where the sentence holding ``position`` starts, its paragraph starting at ``p_start``."""
    # Only the last sentence end counts: look back a little first, so that a paragraph
    # of 80,000 characters is not scanned from its start for every quote in it.
    for lead_start in (max(p_start, position - 2000), p_start):
        ends = [m.end() for m in SENTENCE_END.finditer(text[lead_start:position])]
        if ends or lead_start == p_start:
            return lead_start + ends[-1] if ends else p_start
    return p_start


# How much of a sentence before a cue the readers of a run-on lead take: far more than
# any cue, subject or clause they look for spans in real text (a few words), while a
# reading of all of the lead for each cue in it costs the square of its length.
LEAD_TAIL_CHARS = 400


def tail_start(text: str, start: int, end: int, chars: int = LEAD_TAIL_CHARS) -> int:
    """Where the last ``chars`` characters of ``text[start:end]`` start, moved on to a
    word's start; ``start`` when the stretch is no longer, or holds no space there."""
    if end - start <= chars:
        return start
    space = text.find(" ", end - chars, end)
    return space + 1 if space >= 0 else start


def sentence_end(text: str, position: int, p_end: int) -> int:
    """Where the sentence holding ``position`` ends, its paragraph ending at ``p_end``."""
    match = SENTENCE_END.search(text, position, p_end)
    return match.end() if match else p_end


def sentence_ends(text: str, start: int, end: int, quoted: list[Span]) -> list[int]:
    """Where the sentences of ``text[start:end]`` end, never inside a ``quoted`` stretch."""
    ends = []
    spans = sorted(quoted)
    starts = [q_start for q_start, _ in spans]
    reach = list(accumulate((q_end for _, q_end in spans), max))  # furthest end so far
    for match in SENTENCE_END.finditer(text, start, end):
        position = match.end()
        i = bisect_right(starts, position) - 1
        if i >= 0 and position < reach[i]:
            # Inside a quoted stretch; one the stop closes ends the sentence with it
            # when a new sentence follows ('… “hundreds of bills.” That is bad, …').
            close = reach[i]
            if _closes_sentence(text, position, close, end) and close not in ends[-1:]:
                ends.append(close)
            continue
        ends.append(position)
    if not ends or ends[-1] < end:
        ends.append(end)
    return ends


def _closes_sentence(text: str, stop_end: int, close: int, end: int) -> bool:
    """True when only closing marks lie between a full stop and ``close``, where a
    quotation ends, and a capitalised word follows it. ('“…?” Holt asked reporters' is
    mostly one sentence: a question's attribution follows it.)"""
    between = text[stop_end:close]
    if text[stop_end - 1] != "." or not between or not marks.CLOSING.issuperset(between):
        return False
    return text[close:end].lstrip()[:1].isupper()
