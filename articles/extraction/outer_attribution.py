"""Nested attributions: which reading of a sentence the engine keeps when one attribution
lies inside another's content. 'Holt (R-Ohio) said he expects Berg to …' and 'The Ledger
reported that Klein said …' are the outer speaker's reported clauses, as PolNeAR's
annotators read them.

Words in quotation marks are another matter: in 'Berg said Holt called the levy “a
disgrace”' the marked words are Holt's, and they stay his. Giving them to the outer
speaker (or to the outlet of 'according to the Ledger') gains a few PolNeAR speakers and
would tell annotators that Berg, or a newspaper, said what Holt said."""

from __future__ import annotations

import operator
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator
from itertools import islice

from articles.extraction.content_spans import contents_cut
from articles.extraction.model import Candidate, Span
from articles.extraction.patterns import ATTRIBUTING_WORDS


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


def without_inner_readings(text: str, found: list[Candidate]) -> list[Candidate]:
    """``found`` without the attributions whose subject opens another's content: in 'Berg
    said he hoped that the board …' or 'officials say they think that …' the hope is what
    Berg said, one attribution for PolNeAR's annotators, not two."""
    return [
        inner
        for inner in found
        if not any(
            outer is not inner and not outer.gated and _opens_content(text, inner, outer)
            for outer in found
        )
    ]


def _opens_content(text: str, inner: Candidate, outer: Candidate) -> bool:
    """Whether ``inner``'s subject is the first words of ``outer``'s content, its cue in
    it, where ``outer`` is 'according to' its source or its cue comes before that content
    with no mark between ('said [he hoped that …]', 'told the board that [they think …]';
    not 'On a further note, [Holt said …]')."""
    mention = inner.mention
    if not (
        mention
        and outer.cue
        and outer.start <= mention[0]
        and not text[outer.start : mention[0]].strip()
        and cue_inside(inner, outer)
    ):
        return False
    if text[outer.cue[0] : outer.cue[1]].lower() == "according to":
        return True
    return (
        outer.cue[1] <= outer.start
        and _HEARER_THAT.fullmatch(text, outer.cue[1], outer.start) is not None
    )


# Between a cue and its content: no mark, only a hearer, a time or a 'that'.
_HEARER_THAT = re.compile(r"[^,.;:!?“”\"]{0,60}")


def nested_dropped(text: str, spans: list[tuple[Span, Span | None, float]]) -> set[Span]:
    """Of ``spans`` (a content, its cue, its confidence), the contents that lie inside
    another and are dropped. A content only the wide scope takes, nested in another
    content, is mostly a second reading of the outer attribution ('said the crew refused
    [to follow orders]', 'is expected to [endorse …]'), and stays dropped. PolNeAR counts
    it as a second attribution where a confident cue lies well inside the outer content,
    past its opening words, and is not a passive or copular participle ('X said the
    board, which had met twice, argued [that …]'): such a content is kept."""
    dropped, kept = set(), set()
    for (span, cue, confidence), outer in _nested(set(spans), operator.itemgetter(0)):
        # One content read with two cues stands if either reading does.
        second = _second_attribution(text, outer[0], cue, confidence)
        (kept if second else dropped).add(span)
    return dropped - kept


def _nested(items: Iterable, span_of: Callable) -> Iterator[tuple[object, Span]]:
    """Each of ``items`` whose span lies inside another's, with the outer span: by start,
    the longer first where two start together, so the outer one always comes first."""
    reach, outer = -1, (-1, -1)  # the farthest end of the spans before, and that span
    for item in sorted(items, key=lambda item: (span_of(item)[0], -span_of(item)[1])):
        span = span_of(item)
        if span[1] > reach:
            reach, outer = span[1], span
        elif span != outer:
            yield item, outer


# How confident the gate must be of a nested content's cue, and how far (in characters)
# into the outer content that cue must lie: one nearer is the outer content's own verb
# ('said Vollan took [aim] at …'), read a second time. Measured on PolNeAR train.
_NESTED_CONFIDENCE = 0.7
_NESTED_DEPTH = 30
# A cue after a form of 'be' or a copula: 'is expected to', 'was ordered', 'remained
# convinced'; a state described, not someone's words.
_PASSIVE_BEFORE = re.compile(
    r"\b(?:is|are|was|were|be|been|being|am|’s|'s|gets?|got|remain(?:s|ed)?|seem(?:s|ed)?"
    r"|become|becomes|became)\s+(?:(?:\w+ly|not|also|still|yet)\s+)?$",
    re.IGNORECASE,
)


def _second_attribution(text: str, outer_start: int, cue: Span | None, confidence: float) -> bool:
    return bool(
        cue is not None
        and confidence >= _NESTED_CONFIDENCE
        and cue[0] - outer_start >= _NESTED_DEPTH
        and not _PASSIVE_BEFORE.search(text, max(0, cue[0] - 40), cue[0])
    )


def doubted_inner_dropped(quotes: list) -> list:
    """``quotes`` (suggestions with their entities) without the reported contents that
    lie inside another's and whose cue is less confident than a second attribution's
    must be: the outer content's reading stands for them."""
    spans = {(quote.start, quote.end) for quote, _ in quotes}
    inside = {span for span, _ in _nested(spans, lambda span: span)}
    return [
        (quote, entity)
        for quote, entity in quotes
        if quote.kind != "indirect"
        or quote.confidence >= _NESTED_CONFIDENCE
        or (quote.start, quote.end) not in inside
    ]


def confident_cues(quotes: list) -> list[int]:
    """Where the cues of ``quotes`` (suggestions with their entities) start, sorted: those
    before their contents that are as confident as a nested content's must be."""
    return [cue for cue, _ in confident_cue_speakers(quotes)]


def confident_cue_speakers(quotes: list) -> list[tuple[int, int | None]]:
    """The (cue start, speaker start) pairs of those cues, sorted by where the cue starts
    (a speaker's start may be None, so it is no sort key)."""
    return sorted(
        (
            (quote.cue_start, quote.speaker_start)
            for quote, _ in quotes
            if quote.cue_start is not None
            and quote.cue_end <= quote.start
            and quote.confidence >= _NESTED_CONFIDENCE
        ),
        key=operator.itemgetter(0),
    )


def before_coordinated_cue(text: str, quotes: list, cues: list[int]) -> list:
    """``quotes`` (suggestions with their entities) with each indirect content cut before
    an 'and' or 'but' that opens a second verb of the same subject, where that verb starts
    at one of ``cues`` (sorted): in 'Holt said he saw smoke and suspected that the hull
    was breached' the suspicion is Holt's second attribution, not what he said he saw;
    so is a participle's after a comma or a dash (', noting that …')."""

    def cut_at(quote) -> int | None:
        for cue_start in islice(
            cues, bisect_right(cues, quote.start), bisect_left(cues, quote.end)
        ):
            match = _COORDINATED.search(text, max(quote.start, cue_start - 60), cue_start)
            if match is None and _ING.match(text, cue_start):
                match = _PARTICIPLE_BREAK.search(text, quote.start, cue_start)
            if match is not None and match.start() > quote.start:
                return match.start()
        return None

    return contents_cut(text, quotes, cut_at)


# What stands between a content and its subject's second verb: the conjunction, and
# adverbs or auxiliaries of that verb ('and suspected', 'but later admitted', ', and
# on Tuesday wrote', 'but has withheld'). A subject between them makes a clause of the
# content's own ('said the board met and Holt argued …') and does not match; so does a
# modal, which keeps the reported clause's tense ('said it would wait and would ask …').
_COORDINATED = re.compile(
    r",?\s+(?:and|but)\s+(?:(?:\w+ly|not|also|then|later|still|never|instead|on\s+\w+day"
    r"|has|have|had|did|does|do|is|was)\s+){0,3}$"
)
# ', noting that …', ' - arguing that …': a participle that follows a comma or a dash.
_ING = re.compile(r"\w+ing\b")
_PARTICIPLE_BREAK = re.compile(r"(?:,|\s+[—–-]+)\s*$")


def shallow_nested(spans: list[tuple[Span, Span | None, bool, bool]]) -> set[Span]:
    """Of reported contents ``spans`` (a content, its cue, whether only the gate admitted
    it, whether it has a speaker), those dropped where one content's cue lies within the
    first ``_NESTED_DEPTH`` characters of another, longer one: two readings of one
    attribution ('accused the board of saying […]', 'used the speech to call for […]'),
    as PARC's annotators count one. A clause reading with a speaker stands over the
    gate's outer one; otherwise the outer stands, as ``nested_dropped`` keeps the outer
    over such a content the gate admits ('declined [to confirm …]')."""
    by_start = sorted(spans, key=lambda item: item[0])
    starts = [span[0] for span, *_ in by_start]
    dropped = set()
    for inner, cue, inner_gated, inner_speaks in spans:
        if cue is None:
            continue
        # Only a content opening at most that far before the cue can hold it so near its
        # start: a long article's hundreds of contents are not compared pairwise.
        first = bisect_left(starts, cue[0] - _NESTED_DEPTH + 1)
        last = bisect_right(starts, min(cue[0], inner[0]))
        own_reading = inner_speaks and not inner_gated
        for outer, _, outer_gated, _ in by_start[first:last]:
            if inner[1] <= outer[1] and outer[1] - outer[0] > inner[1] - inner[0]:
                dropped.add(outer if outer_gated and own_reading else inner)
    return dropped


def break_before(text: str, start: int, limit: int) -> int | None:
    """The first clause break in ``text[start:limit]`` past a few characters ('the plan[,]
    which …', 'the levy[ -] a tax that …', 'the ferry[ when] …'), or None; past an 'and'
    or 'as', the relative clause or dash after it."""
    match = _CLAUSE_BREAK.search(text, start + _KEPT_BEFORE_BREAK, limit)
    if match is None:
        return None
    if match.group().split()[:1] in (["and"], ["as"]):
        # 'the levy [and] the ferry, which Holm says …', 'the levy [as] a fair way to pay,
        # which …': an 'and' or 'as' joins the object's own words where a relative clause
        # or a dash breaks it later.
        later = _RELATIVE_BREAK.search(text, match.end(), limit)
        if later is not None:
            return later.start()
    return match.start()


# A break's spaces are matched from the first of their run only: searched from every
# space of a long run, they would be matched again and again (quadratic time).
_CLAUSE_BREAK = re.compile(
    r",|;|:|(?<!\s)\s+(?:[—–-]+|who|which|that|when|while|as|and|but|because|after|before"
    r"|where)\s"
)
_RELATIVE_BREAK = re.compile(r",\s+(?:who|which|that|where)\s|(?<!\s)\s+[—–-]+\s")
_KEPT_BEFORE_BREAK = 2  # characters: the content keeps a word at least


def object_after(text: str, cue_end: int, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` opens as the cue's object: right after the cue or its
    preposition ('praised [the plan]', 'spoke about [the levy]'), not after a 'that' the
    rules skipped ('a worry that [is growing]') nor with a verb ('favor [is] that …')."""
    between = text[cue_end:start].split()
    if start < cue_end or not all(word.lower() in _LINKS for word in between):
        return False
    first = text[start:end].split()[:1]
    return bool(first) and first[0].lower() not in _COPULAS


_LINKS = frozenset("about against as at for into of on out over to toward towards up with".split())
_COPULAS = frozenset("is was are were be been".split())


def before_inner_cue(
    text: str, quotes: list, cues: list[tuple[int, int | None]], gated: set[Span]
) -> list:
    """``quotes`` (suggestions with their entities) with each content in ``gated`` (those
    only the gate admitted) ended before the first of ``cues`` ((cue start, speaker start)
    pairs, sorted) well inside it: 'unleashed attacks against Holt in the debate, and the
    governor tripped him up by calling …' runs on into another attribution, and PARC's
    annotators end the content before it, the subject and the words that join it left out."""
    starts = [cue for cue, _ in cues]

    def cut_at(quote) -> int | None:
        if (quote.start, quote.end) not in gated:
            return None
        i = bisect_right(starts, quote.start + _INNER_DEPTH)
        if i == len(cues) or starts[i] >= quote.end:
            return None
        cue, speaker = cues[i]
        # The inner speaker ('… until [the harbourmaster] explained') is no more the
        # content than its cue is.
        if speaker is not None and quote.start < speaker < cue:
            cue = speaker
        end = joining_tail(text, quote.start, cue)
        return end if end - quote.start >= _INNER_DEPTH else None

    return contents_cut(text, quotes, cut_at)


# Characters a gated content keeps before a cue that cuts it: a cue nearer its start is
# its own verb's ('urged [voters to say …]'), and what is left must say something.
_INNER_DEPTH = 8


def joining_tail(text: str, start: int, end: int) -> int:
    """Where the words that join ``text[start:end]`` to what follows begin ('…, and', '…
    before', '… when he', '… who have long'): marks, conjunctions, a pronoun subject,
    auxiliaries and adverbs. Read back from ``end`` word by word, in linear time."""
    while end > start:
        if text[end - 1] in _JOINING_MARKS or text[end - 1].isspace():
            end -= 1
            continue
        word_start = end
        while word_start > start and _is_word_character(text[word_start - 1]):
            word_start -= 1
        word = text[word_start:end].lower()
        if word_start == end or (
            word not in _JOINING_WORDS and not (len(word) > 2 and word.endswith("ly"))
        ):
            break
        end = word_start
    return end


def _is_word_character(character: str) -> bool:
    """Whether ``character`` is one of a regex's word characters (``\\w``)."""
    return character.isalnum() or character == "_"


_JOINING_MARKS = frozenset(",;:—–-")
_JOINING_WORDS = frozenset(
    """and but or then while before after by when as who which that he she they we it has
    have had is was were are did does do also still not""".split()
)
