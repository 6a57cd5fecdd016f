"""The extraction pipeline: an article read paragraph by paragraph, each kind of
paragraph by its own rule (interview answers, Q&A, dash-led quotes, prose), and in prose
the names, quotes in marks and reported speech taken in text order, so that "she" means
the person named last before it.

The rules return what they find; the reader keeps it. Where the rules live:

    paragraphs.py   paragraphs and sentences; captions, bylines, dashes, Q&A, interviews
    marks.py        quotation marks: the quoted stretches of a paragraph
    patterns.py     attribution and cue patterns: the verb lists and subject shapes
    attribution.py  a quote's cue and speaker: after its marks, before them, after a dash
    quoted.py       quotes in quotation marks: speech or not, direct or mixed, and whose
    reported.py     reported speech: 'X believes that …', '…, X said', 'according to X'
    outer_attribution.py  an attribution inside another's content: which reading stays
    phrases.py      what an attribution phrase alone names, describes or refers to
    descriptions.py whether words describe someone unnamed, and what they stand for
    speakers.py     speaker resolution: who a phrase in the text names, against the registry
    pattern_speakers.py  the speaker a pattern's match names, its subject phrase widened
    lead_subjects.py     the subject of a verb, read from its sentence's text before it
    unattributed.py      whose a quote with no cue is: a name nearby, a colon's subject
    names.py        names, and the registry: who has been named and who spoke last
"""

from __future__ import annotations

import gc
import re
from bisect import bisect_left, bisect_right
from contextlib import contextmanager
from dataclasses import replace

from articles.extraction import gate as gates
from articles.extraction import marks
from articles.extraction.according_sources import with_according_source
from articles.extraction.around_cues import reported_around_cues
from articles.extraction.attribution import closing_dash_quote
from articles.extraction.clause_shapes import FINITE, subject_pronoun
from articles.extraction.content_spans import before_quotation
from articles.extraction.later_speakers import before_later_speaker
from articles.extraction.model import Candidate, QuoteSuggestion, Scope, Span, SpeakerEntry
from articles.extraction.names import names_in_prose
from articles.extraction.outer_attribution import (
    before_coordinated_cue,
    before_inner_cue,
    break_before,
    confident_cue_speakers,
    confident_cues,
    cue_inside,
    doubted_inner_dropped,
    nested_dropped,
    object_after,
    reads_inner,
    shallow_nested,
    without_inner_readings,
)
from articles.extraction.paragraphs import (
    DASH,
    SENTENCE_END,
    caption_credit,
    dash_opening,
    interview_answers,
    is_furniture,
    paragraphs,
    qa_label,
    sentence_ends,
    strip,
)
from articles.extraction.patterns import LY_ADVERB
from articles.extraction.quoted import quote_in_marks
from articles.extraction.registry import Entity, Registry
from articles.extraction.reported import relative_piece, reported_speech
from articles.extraction.sentence_antecedents import resolved_in_sentence
from articles.extraction.speakers import speaker_fields


def extract(
    text: str, *, scope: Scope = Scope.CLAUSES
) -> tuple[list[QuoteSuggestion], list[SpeakerEntry]]:
    """The quotes in ``text`` within ``scope`` and the speakers they are attributed to, in
    one pass."""
    with _no_cycle_collection():
        reader = _Reader(text, _gate(scope))
        quotes = reader.run()
    quoted = {q.speaker for q in quotes if q.speaker}
    entities = list(reader.registry.entities)
    # A content only the wide scope takes may be someone's the registry forgot again (its
    # look-up left no trace): they speak too, under a name no one else has.
    names = {e.name for e in entities}
    for _, entity in reader.gated:
        if entity is not None and entity.name not in names:
            names.add(entity.name)
            entities.append(entity)
    speakers = [
        SpeakerEntry(name=e.name, aliases=tuple(e.aliases), description=e.description)
        for e in entities
        if e.name in quoted
    ]
    return quotes, speakers


# A clock's 'AM' or 'PM' that scraped text glues to the name after it ('9:31 PMHalvorsen',
# '9:31PMHalvorsen says'): read as spaces, so that the name is 'Halvorsen' and offsets hold.
# The letters come first, the digit before them is looked back at: a pattern that opened
# with the look-behind was tried at every character of every article.
_GLUED_CLOCK = re.compile(r"[AP]M(?=[A-Z][a-z])(?:(?<=\d[AP]M)|(?<=\d\s[AP]M))")


def _clocks_apart(text: str) -> str:
    """``text`` with a clock's letters glued to a name after it made two spaces."""
    return _GLUED_CLOCK.sub("  ", text)


def extract_quotes(text: str, *, scope: Scope = Scope.CLAUSES) -> list[QuoteSuggestion]:
    """Every quote the rules find in ``text`` within ``scope``, in text order."""
    with _no_cycle_collection():
        return _Reader(text, _gate(scope)).run()


@contextmanager
def _no_cycle_collection():
    """Python's cycle collector paused while an article is read, and resumed as it was.
    A reading makes tens of thousands of objects that live until it ends (the registry's
    indexes, tokens, candidates), and the collector walked them all again and again:
    about 7% of the CPU time of a 400,000-character text. Whatever cycles the reading
    leaves are collected once the collector runs again."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _gate(scope: Scope) -> gates.Gate | None:
    """The gate over the contents the clauses scope passes over: none for CLAUSES."""
    if scope == Scope.CLAUSES:
        return None
    if scope != Scope.WIDE:
        raise ValueError(f"{scope!r} is not a Scope")
    return gates.load()


def extract_speakers(text: str) -> list[SpeakerEntry]:
    """The people and organisations quoted in ``text``, with aliases and descriptions."""
    return extract(text)[1]


class _Reader:
    """One article, read paragraph by paragraph. What it carries from one paragraph to
    the next: the registry (who has been named, who spoke last), the quotes kept so far,
    the interviewee (whose the answers of an interview are) and the speaker of a quote
    that runs on past its paragraph."""

    def __init__(self, text: str, gate: gates.Gate | None = None) -> None:
        self.gate = gate
        self.original = text
        self.text = _clocks_apart(marks.with_double_marks(text))
        self.registry = Registry(text)
        self.kept: list[tuple[QuoteSuggestion, Entity | None]] = []
        self.gated: list[tuple[QuoteSuggestion, Entity | None]] = []
        self.kept_spans: set[Span] = set()
        self.interviewee: Entity | None = None
        self.running: Entity | None = None

    def run(self) -> list[QuoteSuggestion]:
        spans = paragraphs(self.text)
        answers = interview_answers(self.text, spans)
        previous_body = ""
        for start, end in spans:
            body = self.text[start:end]
            # A paragraph repeated word for word (a caption printed twice) is read once.
            if body != previous_body and not is_furniture(body):
                self._paragraph(start, end, is_answer=start in answers)
            elif body != previous_body:
                self._caption_names(start, body)
            previous_body = body
        # Cut before the speaker's second verb first, so that its content no longer
        # seems nested in the first. Only the clauses scope's own cues cut: one only the
        # gate admits ('and hoped to …') leaves the clause both scopes read whole.
        cues = confident_cues(self.kept)
        speakers = confident_cue_speakers(self.kept)
        self.kept = before_coordinated_cue(self.text, self.kept, cues)
        self.gated = before_coordinated_cue(self.text, self.gated, cues)
        self.kept_spans |= {(q.start, q.end) for q, _ in self.kept}
        nested = nested_dropped(
            self.text,
            [
                ((quote.start, quote.end), _cue_of(quote), quote.confidence)
                for quote, _ in self.kept + self.gated
            ],
        )
        admitted = set()  # the contents only the gate admitted
        for quote, entity in self.gated:
            span = (quote.start, quote.end)
            if span not in self.kept_spans and span not in nested:
                self.kept_spans.add((quote.start, quote.end))
                self.kept.append((quote, entity))
                admitted.add(span)
        if self.gate is not None:
            # The clauses scope keeps every reading; PARC's annotators count one where a
            # content's cue opens another content.
            shallow = shallow_nested(
                [
                    ((q.start, q.end), _cue_of(q), (q.start, q.end) in admitted, e is not None)
                    for q, e in self.kept
                    if q.kind == "indirect"
                ]
            )
            self.kept = [
                (q, e)
                for q, e in self.kept
                if q.kind != "indirect" or (q.start, q.end) not in shallow
            ]
        # '…, while Lund claimed …' is Lund's attribution: PARC's contents stop where another
        # speaker's clause begins (and after the shallow readings are dropped, so that a
        # dropped one's cue cuts nothing).
        self.kept = before_later_speaker(self.text, self.kept)
        if self.gate is not None:
            # PARC's annotators count a clause inside another content by the test a
            # gated one passes: one whose cue is doubted ('…, which the mayor hopes will
            # pass') is a second reading, counted once. The clauses scope keeps them all.
            self.kept = doubted_inner_dropped(self.kept)
            # 'Holm: ‘We Will Not Back Down’': the content after the colon, marks and all.
            self.kept = _without_quotations_read_twice(self.kept)
            # A content only the gate admits stops where another attribution's cue begins
            # in it: it ran on past its clause ('… against Holt, and the governor tripped
            # him up by calling …'). Cut once the readings nested in it are weighed
            # against it whole; the clauses scope's own contents keep their rules' ends.
            self.kept = before_inner_cue(self.text, self.kept, speakers, admitted)
        quotes = [self._returned(quote, entity) for quote, entity in self.kept]
        quotes.sort(key=lambda q: (q.start, q.end))
        return quotes

    def _returned(self, quote: QuoteSuggestion, entity: Entity | None) -> QuoteSuggestion:
        """A kept quote as returned: its text as the original text writes it (not as the
        marked-up one), and its speaker's final name. Made field by field: the generic
        dataclasses.replace costs several times as much, for every quote kept."""
        return QuoteSuggestion(
            start=quote.start,
            end=quote.end,
            text=self.original[quote.start : quote.end],
            kind=quote.kind,
            speaker_start=quote.speaker_start,
            speaker_end=quote.speaker_end,
            cue_start=quote.cue_start,
            cue_end=quote.cue_end,
            confidence=quote.confidence,
            **speaker_fields(entity),
        )

    def _paragraph(self, start: int, end: int, *, is_answer: bool) -> None:
        body = self.text[start:end]
        qa = qa_label(body)
        if is_answer:
            self._keep(Candidate(start, end, "direct", self._answerer(), 0.75))
        elif qa:
            if qa.group(1) == "A":
                self._keep(Candidate(start + qa.end(), end, "direct", self._answerer(), 0.8))
        elif dash_opening(body):
            self._dash(start, end)
        else:
            self._prose(start, end)

    def _answerer(self) -> Entity | None:
        return self.interviewee or self.registry.person_for_pronoun()

    def _dash(self, start: int, end: int) -> None:
        """'– We have no choice, says Haldorsen.', or a dash quote continuing the last
        speaker's words."""
        content_start = start + DASH.match(self.text[start:end]).end()
        words = self.text[content_start:end].split()
        if len(words) <= 6 and not SENTENCE_END.search(self.text[end - 1 : end]):
            return  # a subheading such as "– Price shock"
        if _CLOSING_DASH.search(self.text, content_start, end):
            return  # a subheading set between dashes: '– Old hands –.'
        if self._credit(words):
            return  # a credit line under an item: '- Amber Phillips.', '- Reuters.'
        closing = closing_dash_quote(self.registry, self.text, content_start, end)
        if closing is not None:
            quote_end, attribution = closing
            self.registry.spoke(attribution.entity)  # even if the quote turns out empty
            self._keep(
                Candidate(
                    content_start,
                    quote_end,
                    "direct",
                    attribution.entity,
                    0.95,
                    attribution.cue,
                    attribution.mention,
                )
            )
        elif marks.segments(self.text, content_start, end):
            self._prose(content_start, end)  # quotation marks in it are ordinary prose quotes
        else:
            self._keep(Candidate(content_start, end, "direct", self.registry.last_speaker, 0.75))

    def _credit(self, words: list[str]) -> bool:
        """A dash and a name alone, capitalised words and a stop: the writer or the source
        of the item above it, no speech; one word only when it is someone named before."""
        if not 1 <= len(words) <= 5 or not words[-1].endswith("."):
            return False
        if not all(w[:1].isupper() for w in words):
            return False
        return len(words) > 1 or self.registry.find(words[0].rstrip(".")) is not None

    def _prose(self, start: int, end: int) -> None:
        """Names, quotes in marks and reported speech, in text order."""
        segments = marks.segments(self.text, start, end)
        quoted = [(seg.open, (seg.close if seg.close is not None else end) + 1) for seg in segments]
        previous: Entity | None = None  # the speaker of the paragraph's last quote in marks
        # The stretches are in order and apart, so their ends are sorted too.
        quote_starts = [q_start for q_start, _ in quoted]
        quote_ends = [q_end for _, q_end in quoted]
        for position, kind, value in _in_text_order(self.text, start, end, segments, quoted):
            if kind == _NAME:
                self._named(value)
            elif kind == _QUOTE:
                segment = segments[value]
                quote = quote_in_marks(
                    self.registry,
                    self.text,
                    (start, end),
                    segment,
                    first=value == 0,
                    previous=previous,
                    running=self.running,
                )
                if quote is None:
                    continue
                self._keep(quote)
                previous = quote.entity
                if quote.kind == "direct":
                    self.running = quote.entity if segment.close is None else None
            elif not _quote_between(quote_starts, position, value):
                self._reported(position, value)
            else:
                self._reported_beside_quotes(position, value, quoted, quote_ends)

    def _reported(self, start: int, end: int) -> None:
        """Reported speech in the sentence ``text[start:end]``: what the rules find, and
        the clauses around the cues the model finds where the rules found nothing."""
        rule = reported_speech(self.registry, self.text, start, end)
        found = [rule] if rule is not None else []
        taken = tuple(quote.cue for quote in found if quote.cue)
        for quote in reported_around_cues(
            self.registry, self.text, start, end, taken, gate=self.gate
        ):
            if not any(_same_attribution(self.text, quote, other) for other in found):
                found.append(quote)
            elif rule in found and reads_inner(self.text, quote, rule):
                found[found.index(rule)] = quote  # once: a second outer reading is the same
            elif quote.gated and (cut := self._before_inner(quote, found)) is not None:
                # 'praised the plan, which she said …': PolNeAR counts the object as what
                # was praised, apart from the clause inside it, which the rules read.
                found.append(cut)
        found = without_inner_readings(self.text, found)
        found = [resolved_in_sentence(self.registry, self.text, start, q) for q in found]
        if self.gate is not None:
            found = with_according_source(self.registry, self.text, start, end, found)
        for quote in sorted(_before_next_cue(self.text, found), key=lambda q: q.start):
            self._keep(quote)

    def _before_inner(self, quote: Candidate, found: list[Candidate]) -> Candidate | None:
        """A gated content that holds the attributions of ``found`` it reads the same as
        ('praised the plan, which Holt says …'), cut at the clause break before them."""
        if not quote.cue or not object_after(self.text, quote.cue[1], quote.start, quote.end):
            return None
        same = [other for other in found if _same_attribution(self.text, quote, other)]
        if not all(cue_inside(other, quote) for other in same):
            return None
        limit = min(min(_subject_start(other), other.start) for other in same)
        end = break_before(self.text, quote.start, limit)
        if end is None:
            return None
        cut = replace(quote, end=end)
        return None if any(_same_attribution(self.text, cut, o) for o in found) else cut

    def _reported_beside_quotes(
        self, start: int, end: int, quoted: list[Span], quote_ends: list[int]
    ) -> None:
        """In a sentence with quotation marks, the reported clauses that keep clear of
        them: 'Trump said he would win, and added: “…”' gives 'he would win'."""
        clear = []
        # A cue inside a quotation is the quoted speaker's own ('“… he believes that …,”
        # Holt said'): passed over before its subject is looked up, which would teach the
        # registry that Holt is the 'he'.
        inside = tuple(span for span in quoted if start < span[1] and span[0] < end)
        for quote in reported_around_cues(
            self.registry, self.text, start, end, inside, gate=self.gate
        ):
            if self.text[quote.cue[0] : quote.cue[1]] == ":" and self.text[quote.start] not in '"“':
                # 'Lunde: Toll Will ‘Ruin’ the Coast': a headline's speaker and colon
                # attribute all after it, the quoted words too.
                clear.append(quote)
                continue
            # Clear of the quotations, and not the cue of one ('…,” said X'); a participle
            # after a closing mark goes on with a clause of its own ('…,” adding that …').
            cue_start, cue_end = quote.cue[0] - 3, quote.cue[1] + 3
            if _participle_after(self.text, quote):
                cue_start = quote.cue[0]
            # A gated piece before the cue of a quotation is the lead the aside broke off
            # ('An early vote, he said, “would help us”'): the quotation's own cue, too.
            lead = quote.gated and quote.end <= quote.cue[0]
            if not lead and _overlaps_quoted(quoted, quote_ends, cue_start, cue_end):
                continue
            if not _overlaps_quoted(quoted, quote_ends, quote.start, quote.end):
                clear.append(quote)
            else:
                # 'said it was too early, but added, “…”': the clause before the quotation.
                cut = before_quotation(self.text, quote, quoted)
                if cut is not None:
                    clear.append(cut)
        # Only an outer reading kept here stands for the inner one: one over the quoted
        # words is not kept, and the words stay with whoever said them.
        for quote in without_inner_readings(self.text, clear):
            self._keep(quote)

    def _caption_names(self, start: int, body: str) -> None:
        """The full names a photo caption writes before its credit: a later surname may
        mean one ('Holt said' after 'Kari Holt at the quay'), though no one in a caption
        speaks or is a subject a 'he' or 'she' may mean; the credit's photographer is no
        one the article quotes."""
        credit = caption_credit(body)
        if credit is None:
            return
        for _, name in names_in_prose(self.text, start, start + credit, []):
            self.registry.known_form(name)

    def _named(self, name: str) -> None:
        """A name met in prose; before the first quote, it may be the interviewee's."""
        self.registry.mention(name)
        if self.interviewee is None and not self.kept:
            self.interviewee = self.registry.last_mentioned

    def _keep(self, quote: Candidate | None) -> None:
        """Keep a rule's quote, trimmed of spaces, unless it is empty or already kept; its
        speaker becomes the last speaker."""
        if quote is None:
            return
        start, end = strip(self.text, quote.start, quote.end)
        if end <= start or (start, end) in self.kept_spans:
            return
        if quote.gated:
            # A content only the wide scope takes is kept apart: who spoke last, the
            # interviewee and mixed quotes read on as in the clauses scope.
            mention = quote.mention if quote.entity is not None else None
            self.gated.append((self._suggestion(quote, start, end, mention), quote.entity))
            self._keep_relative_piece(quote)
            return
        if self._joins_mixed(quote, start, end):
            return
        self.kept_spans.add((start, end))
        self.registry.spoke(quote.entity)
        mention = quote.mention if quote.entity is not None else None
        if mention is None and quote.entity is not None:
            # A quote that runs on from an attribution before it ('"…," she said. "…"'):
            # the speaker's words are that attribution's, if it is close.
            mention = self.registry.mention_of(quote.entity, since=start - _RUNNING_MENTION)
        self.kept.append((self._suggestion(quote, start, end, mention), quote.entity))
        self._keep_relative_piece(quote)

    def _keep_relative_piece(self, quote: Candidate) -> None:
        """In the wide scope, the relative word that PARC counts as a piece of the
        content of ``quote`` ('a levy which the mayor said was unfair')."""
        if self.gate is not None:
            self._keep(relative_piece(self.text, quote))

    def _suggestion(
        self, quote: Candidate, start: int, end: int, mention: Span | None
    ) -> QuoteSuggestion:
        return QuoteSuggestion(
            start=start,
            end=end,
            text=self.text[start:end],
            kind=quote.kind,
            speaker_start=mention[0] if mention else None,
            speaker_end=mention[1] if mention else None,
            cue_start=quote.cue[0] if quote.cue else None,
            cue_end=quote.cue[1] if quote.cue else None,
            confidence=quote.confidence,
        )

    def _joins_mixed(self, quote: Candidate, start: int, end: int) -> bool:
        """'Cruz called Trump a “liar” who is “amoral”': quoted words that share their cue
        with the mixed quote before them extend it, as one paraphrase with its quotes."""
        if quote.kind != "mixed" or quote.cue is None or not self.kept:
            return False
        last, entity = self.kept[-1]
        if last.kind != "mixed" or (last.cue_start, last.cue_end) != quote.cue:
            return False
        if last.cue_start > last.end:
            return False  # '“…,” Jordan said, and still “…”': the cue between the two
        if SENTENCE_END.search(self.text, last.end, start):
            return False
        self.kept[-1] = (replace(last, end=end, text=self.text[last.start : end]), entity)
        self.kept_spans.add((last.start, end))
        return True


def _without_quotations_read_twice(kept: list) -> list:
    """``kept`` (suggestions with their entities) without a quotation inside a content
    of the same cue: in the headline 'Holm: ‘We Will Not Back Down’' PARC counts one
    content after the colon, its marks and all, not the quoted words a second time."""
    readings = {
        (q.cue_start, q.cue_end): (q.start, q.end)
        for q, _ in kept
        if q.kind == "indirect" and q.cue_start is not None
    }
    return [
        (q, e)
        for q, e in kept
        if q.kind == "indirect"
        or q.cue_start is None
        or not _within(readings.get((q.cue_start, q.cue_end)), q.start, q.end)
    ]


def _within(span: Span | None, start: int, end: int) -> bool:
    return span is not None and span[0] <= start and end <= span[1]


def _cue_of(quote: QuoteSuggestion) -> Span | None:
    return None if quote.cue_start is None else (quote.cue_start, quote.cue_end)


# A dash closing a paragraph that a dash opened, a stop after it or not.
_CLOSING_DASH = re.compile(r"\s[–—-]+\.?$")


def _participle_after(text: str, quote: Candidate) -> bool:
    """'…,” claiming that he …': a participle cue whose clause follows it."""
    word = text[quote.cue[0] : quote.cue[1]]
    return word.endswith("ing") and word.islower() and quote.start > quote.cue[1]


# How far back (in characters) the attribution of a quote that runs on may be.
_RUNNING_MENTION = 400


# 'Trump said the vote was rigged and added that …', '… too early, but noted that …',
# '… intense — and he noted that …': the 'and' or 'but' before another cue (and its
# subject), at the end of the text before that cue.
_AND_BEFORE_CUE = re.compile(
    rf"(?:,|;|\s+[—–-]+)?\s+(?:and|but)\s+(?:(?:also|then|later|{LY_ADVERB})\s+)?$"
)


def _before_next_cue(text: str, found: list[Candidate]) -> list[Candidate]:
    """Each content cut before a coordinated cue of its subject inside it ('… rigged and
    added that he …' ends at 'rigged'), so that two attributions do not nest. A cue only
    the wide scope's gate admits cuts nothing: that scope only adds to the clauses'."""
    cut = []
    for quote in found:
        end = quote.end
        for other in found:
            if other.cue and not other.gated and quote.start < other.cue[0] < end:
                match = _AND_BEFORE_CUE.search(text, quote.start, _subject_start(other))
                if match is None and _participle_cue(text, other):
                    match = _COMMA_BEFORE_CUE.search(text, quote.start, other.cue[0])
                if (
                    match
                    and match.start() - quote.start >= _MIN_CUT
                    and not _joined_subject(text, quote.start, match, other)
                ):
                    end = match.start()
        cut.append(replace(quote, end=end) if end != quote.end else quote)
    return cut


_MIN_CUT = 8  # characters a cut content keeps at least
# '… next spring, insisting that …': the comma before a participle cue in a content.
_COMMA_BEFORE_CUE = re.compile(r",\s+$")


def _participle_cue(text: str, quote: Candidate) -> bool:
    """'insisting that …', 'adding that …': a participle cue, its clause after it."""
    word = text[quote.cue[0] : quote.cue[1]]
    return word.endswith("ing") and word.islower() and quote.start >= quote.cue[1]


def _joined_subject(text: str, start: int, match: re.Match, other: Candidate) -> bool:
    """'said his own polls and other research show that …': a bare 'and' between a few
    words with no verb and the next cue's subject joins two subjects, not two clauses."""
    if match.group().strip() != "and" or other.mention is None or other.mention[0] != match.end():
        return False
    words = text[start : match.start()].lower().split()
    return len(words) <= _JOINED_WORDS and not any(
        word in FINITE or subject_pronoun(word) or word.endswith("ed") for word in words
    )


_JOINED_WORDS = 4  # 'his own focus groups'


def _subject_start(quote: Candidate) -> int:
    """Where the attribution of ``quote`` starts: its speaker's mention when that comes
    right before the cue ('and human rights groups warned'), or else the cue."""
    mention = quote.mention
    if mention and mention[1] <= quote.cue[0] and quote.cue[0] - mention[1] <= _NEAR_CUE:
        return mention[0]
    return quote.cue[0]


_NEAR_CUE = 16  # characters between a subject and its cue: ' has also '


def _same_attribution(text: str, a: Candidate, b: Candidate) -> bool:
    """Two readings of one attribution: overlapping contents, unless one's cue lies in
    the other's content ('X said Y believes that Z' holds two, one inside the other), or
    ``b``'s cue is coordinated in ``a``'s ('X told CNN that Y, but he said Z': two, the
    first cut at its 'but')."""
    if min(a.end, b.end) <= max(a.start, b.start):
        return False
    if a.cue and b.cue and min(a.cue[1], b.cue[1]) > max(a.cue[0], b.cue[0]):
        return True
    if cue_inside(a, b):
        return False
    return not (
        cue_inside(b, a) and _AND_BEFORE_CUE.search(text, a.start, _subject_start(b)) is not None
    )


def _overlaps_quoted(quoted: list[Span], ends: list[int], start: int, end: int) -> bool:
    """Whether ``[start, end)`` overlaps a quoted stretch (``quoted`` in order and apart,
    ``ends`` their ends): only the first stretch ending after ``start`` can."""
    i = bisect_right(ends, start)
    return i < len(quoted) and quoted[i][0] < end


def _quote_between(starts: list[int], start: int, end: int) -> bool:
    """Whether a quoted stretch opens in ``[start, end)`` (``starts`` sorted)."""
    i = bisect_left(starts, start)
    return i < len(starts) and starts[i] < end


# What a paragraph of prose holds, in the order taken when two start at one position.
_NAME, _QUOTE, _SENTENCE = 0, 1, 2


def _in_text_order(
    text: str, start: int, end: int, segments: list[marks.Segment], quoted: list[Span]
) -> list[tuple[int, int, object]]:
    """``(position, kind, value)`` for the paragraph's names (value: the name), quoted
    stretches (the segment's index) and sentences (where the sentence ends), by position."""
    events: list[tuple[int, int, object]] = [
        (segment.open, _QUOTE, index) for index, segment in enumerate(segments)
    ]
    sentence_start = start
    for sentence_end in sentence_ends(text, start, end, quoted):
        events.append((sentence_start, _SENTENCE, sentence_end))
        sentence_start = sentence_end
        while sentence_start < end and text[sentence_start].isspace():
            sentence_start += 1
    for position, name in names_in_prose(text, start, end, quoted):
        events.append((position, _NAME, name))
    events.sort(key=lambda event: (event[0], event[1]))
    return events
