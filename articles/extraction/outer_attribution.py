"""An attribution inside another one's content, read as the outer one: in 'Holt says he
believes the plan has “the wind at its back”' or 'According to the ministry, Berg said
prices will “soar”', the quoted words carry Holt's or the ministry's cue, as PolNeAR's
annotators read them (they mark the outer attribution and leave the inner one out).
The reported clauses of a sentence are weighed the same way ('reads_inner')."""

from __future__ import annotations

import re
from dataclasses import replace

from articles.extraction.model import Candidate, Span
from articles.extraction.paragraphs import sentence_end, sentence_start
from articles.extraction.patterns import ATTRIBUTING_WORDS, REPORTING_FIRST_WORDS
from articles.extraction.registry import Registry
from articles.extraction.reported import reported_speech

# 'according to' opens an outer attribution too; any other lead needs a reporting verb.
_ACCORDING = "ccording to "
# Words the outer clause may hold before the inner subject's mention: a title it leaves out.
_BEFORE_SUBJECT = 1
# How far back from the inner subject the outer verb may stand ('told Holt on Monday that').
_LEAD_WORDS = 6
_MARKS = '"“”'


def outer_reading(
    registry: Registry, text: str, paragraph: tuple[int, int], quote: Candidate
) -> Candidate:
    """``quote`` with the speaker, cue and mention of the reported clause that holds its
    own attribution ('Holt says [he believes …]'), or ``quote`` as it is."""
    if quote.cue is None or quote.mention is None or quote.entity is None:
        return quote
    mention_start, cue_end = quote.mention[0], quote.cue[1]
    if quote.end <= quote.cue[0]:
        return _trailing_source(registry, text, paragraph, quote)
    if not mention_start < cue_end <= quote.start:
        return quote  # only an attribution before its quote: 'Berg said “…”'
    p_start, p_end = paragraph
    start = sentence_start(text, p_start, mention_start)
    lead = text[start:mention_start]
    if _ACCORDING not in lead and REPORTING_FIRST_WORDS.isdisjoint(lead.split()[-_LEAD_WORDS:]):
        return quote  # no outer cue just before the inner subject: most quotes stop here
    if any(mark in text[mention_start : quote.cue[0]] for mark in _MARKS):
        return quote  # a quotation between subject and cue: the subject is misread
    outer = reported_speech(registry, text, start, sentence_end(text, quote.end, p_end))
    if (
        outer is None
        or outer.entity is None
        or outer.cue is None
        or not outer.cue[1] <= outer.start <= mention_start
        or outer.end < cue_end
        or len(text[outer.start : mention_start].split()) > _BEFORE_SUBJECT
    ):
        # The outer clause opens with the inner attribution's subject; one that opens
        # further back ('X said A, and B called …') coordinates two attributions.
        return quote
    return replace(quote, entity=outer.entity, cue=outer.cue, mention=outer.mention)


def _trailing_source(
    registry: Registry, text: str, paragraph: tuple[int, int], quote: Candidate
) -> Candidate:
    """'“…,” Berg said, according to the Ledger': the source after the attribution
    that follows its quote."""
    p_start, p_end = paragraph
    end = sentence_end(text, quote.cue[1], p_end)
    if _ACCORDING not in text[quote.cue[1] : end]:
        return quote
    start = sentence_start(text, p_start, quote.start)
    outer = reported_speech(registry, text, start, end)
    if (
        outer is None
        or outer.entity is None
        or outer.cue is None
        or outer.cue[0] < quote.cue[1]
        or outer.start > quote.start
    ):
        return quote
    return replace(quote, entity=outer.entity, cue=outer.cue, mention=outer.mention)


def reads_inner(text: str, outer: Candidate, rule: Candidate) -> bool:
    """Whether the rules read the attribution inside ``outer``'s content where ``outer``
    is the sentence's: 'Holt (R-Ohio) said he expects Berg to …', the subject right after
    the outer cue taken for the speaker, as it is when the rules read 'Holt said' itself,
    or after a speech verb's hearer and 'that' ('The Ledger reported that Klein said …').
    A cue further back ('backed policies that Holt argues …', 'backed that Holt …') is not."""
    mention = rule.mention
    return bool(
        mention
        and rule.cue
        and outer.cue
        and outer.cue[1] <= outer.start <= mention[0]
        and (
            not text[outer.cue[1] : mention[0]].strip()
            or _reported_with_that(text, outer, mention[0])
        )
        and cue_inside(rule, outer)
    )


def _reported_with_that(text: str, outer: Candidate, subject_start: int) -> bool:
    """Whether ``outer`` is a named speaker's speech verb whose clause opens with 'that'
    and the subject at ``subject_start`` ('reported that Klein', 'told the Ledger that')."""
    return (
        outer.entity is not None
        and _first_word(text, outer.cue) in ATTRIBUTING_WORDS
        and not text[outer.start : subject_start].strip()
        and _OUTER_THAT.fullmatch(text, outer.cue[1], subject_start) is not None
    )


# Between a speech verb and the subject of the clause it reports: its hearer and 'that'
# ('reported that Klein said', 'told the Ledger on Monday that Berg believes').
_OUTER_THAT = re.compile(r"(?:\s+[^,.;:!?“”\"]{1,40}?)?\s+that\s+")


def _first_word(text: str, span: Span) -> str:
    words = text[span[0] : span[1]].split()
    return words[0].lower() if words else ""


def cue_inside(inner: Candidate, outer: Candidate) -> bool:
    """Whether ``inner``'s cue lies in ``outer``'s content, ``inner`` starting after it."""
    return bool(
        inner.cue
        and outer.start <= inner.cue[0]
        and inner.cue[1] <= outer.end
        and inner.start > outer.start + 5
    )
