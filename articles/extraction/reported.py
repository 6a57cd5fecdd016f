"""Reported speech: a sentence with no quotation marks whose clause someone said,
'According to the ministry, prices will fall', 'Prices will fall, the ministry said',
'Energy researcher Ola Nygaard believes that the grid will fail'."""

from __future__ import annotations

import re
from dataclasses import replace

from articles.extraction.addressees import told_start
from articles.extraction.clause_shapes import BOUNDARY_WORDS, PREPOSITIONS
from articles.extraction.closed_relatives import relative_clause_ends
from articles.extraction.model import Candidate, Span
from articles.extraction.names import is_org
from articles.extraction.pattern_speakers import speaker_of
from articles.extraction.patterns import (
    ACCORDING_TO_FIRST,
    ACCORDING_TO_LAST,
    AS_REPORTED_BY,
    CLAUSE_THEN_SPEAKER,
    NOT_A_CLAUSE,
    REPORTING_FIRST_WORDS,
    SAYING_VERBS,
    SPEAKER_THEN_CLAUSE,
    WHEN_THEN_COMMA,
    before_contrast,
    before_trailing_attribution,
)
from articles.extraction.registry import Entity, Registry
from articles.extraction.speakers import Speaker, source_in, speaker_in

ACCORDING_TO = "according to"


def reported_speech(registry: Registry, text: str, start: int, end: int) -> Candidate | None:
    """The reported clause in the sentence ``text[start:end]``, if someone said it. A
    speaker named by a verb ('the ministry said') becomes the registry's last speaker,
    even when the clause is too short to keep."""
    sentence = text[start:end]
    # Each pattern reads the whole sentence before it fails, and most sentences lack the
    # words ('ccording to ') or the comma it needs.
    according = "ccording to " in sentence and (
        ACCORDING_TO_FIRST.match(sentence) or ACCORDING_TO_LAST.match(sentence)
    )
    if according:
        return _according_to(registry, text, start, according)
    reported_by = sentence.startswith("As ") and AS_REPORTED_BY.match(sentence)
    if reported_by and (reported_by.group("by") == "by" or _outlet(reported_by.group("who"))):
        return _as_reported_by(registry, text, start, reported_by)
    clause_first = CLAUSE_THEN_SPEAKER.match(sentence) if "," in sentence else None
    speaker_first = (
        SPEAKER_THEN_CLAUSE.search(sentence)
        if not REPORTING_FIRST_WORDS.isdisjoint(sentence.split())
        else None
    )
    if speaker_first and _lead_before_inverted_aside(sentence, speaker_first):
        # 'And Lund, said Nilsen, who …, does not forget': the cue after the comma has its
        # speaker after it (around_cues reads it), not the lead before the comma.
        speaker_first = None
    if (
        clause_first
        and clause_first.group("who2")
        and (
            _is_clause(clause_first.group("who2"))
            or (
                speaker_first
                and speaker_first.start("cue") == clause_first.start("cue2")
                and _subject_opens(sentence[: speaker_first.start("who")])
            )
        )
    ):
        # 'X, a spokesman, says Ali would attend', 'Megan Hester, senior associate at the
        # institute, said parents want …': the subject is before the cue, the clause after.
        clause_first = None
    if clause_first:
        who = "who" if clause_first.group("who") else "who2"
        speaker = speaker_in(registry, text, *_span(clause_first, who, start))
        if speaker.entity is not None:
            return _clause_then_speaker(registry, text, start, clause_first, speaker)
    if speaker_first:
        return _speaker_then_clause(registry, text, start, speaker_first)
    return None


def _lead_before_inverted_aside(sentence: str, match: re.Match) -> bool:
    """'And Lund, said Nilsen, who …': only a comma between the subject the pattern took
    and a verb of saying, and a name and a comma after the verb."""
    between = sentence[match.end("who") : match.start("cue")]
    return (
        between.strip() == ","
        and match.group("cue") in SAYING_VERBS
        and _NAME_THEN_COMMA.match(match.group("clause")) is not None
    )


# A name of up to six words, then its comma: 'Nilsen, who …', 'Nilsen and others,'.
_NAME_THEN_COMMA = re.compile(r"[A-Z][\w.'’-]*(?:\s+[\w.'’-]+){0,5},\s")


def _subject_opens(lead: str) -> bool:
    """Whether only the subject's first word, or a description of the name the subject
    starts with, comes before it: 'Dr. [Holt]', 'A lawyer, [Marta Solheim], said …'."""
    if len(lead.split()) <= 1:
        return True
    return _DESCRIPTION_FIRST.fullmatch(lead) is not None and not _is_clause(lead)


# A description set off by its comma before the name it describes: 'A lawyer, ', 'The
# city's chief planner, '.
_DESCRIPTION_FIRST = re.compile(
    r"(?:[Aa]n?|[Tt]he|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Oo]ur|[Oo]ne|[Aa]nother)\s+[^,;:.“”\"]{2,60},\s*"
)


# The rest of a place or time phrase, its commas and the clause's 'that'.
_WHERE_THEN_THAT = re.compile(r"[^,.;:!?“”\"]{0,40}(?:,[^,.;:!?“”\"]{0,30})?,\s+that\s+")

# Phrases of place, time or medium between the cue and the clause's 'that', each opened
# by a preposition or a time word ('on Ledger TV', 'in an interview this week', 'at a
# rally in Vestby on Monday'); a determiner may only open a phrase, so 'in 2019 the plan
# that Berg drafted' keeps its relative 'that'.
_CIRCUMSTANCE_THEN_THAT = re.compile(
    r"\s+(?:(?:on|in|at|during|over|before|after|to|from|with|last|this|earlier|late)\s+"
    r"(?:(?:an?|the|his|her|their|its|this|last|next)\s+)?"
    r"(?:(?!(?:an?|the|that|and|or|but)\s)[\w’'.-]+\s+){0,3}){1,4}that\s+"
)

# A place or company abbreviated at a clause's end, whose stop is its own.
_ABBREVIATED = re.compile(
    r"(?:\b[A-Z]\.[A-Z]|\b(?:Inc|Corp|Co|Ltd|Jr|Sr|Calif|Fla|Mass|Wis|Mich|Minn|Ill|Ind|"
    r"Tenn|Conn|Penn|Va|Pa|Ky|Md|Ga|Ala|Ariz|Ark|Colo|Del|Kan|Miss|Mont|Neb|Nev|Okla|Ore|"
    r"Tex|Vt|Wash|Wyo))$"
)

_FINITE = frozenset(
    "is are was were will would can could should has have had may might must does did".split()
)


def _is_clause(words: str) -> bool:
    """Words with a finite verb: a clause, not a speaker's name and description. A
    relative clause set off by a comma describes the speaker ('Tom Berg, a professor at
    Vestby College, who is one of the authors'), and so does one that qualifies the
    description ('Tom Berg, an expert who has written two books'): its verb makes no
    clause. The words are never a sentence's first, so a capitalised 'Will' or 'May' is
    a name."""
    words = _RELATIVE_ASIDE.sub(" ", words)
    return any(word in _FINITE for word in words.split())


# ', who is one of the authors', ' whose energy has …' or ', a union that has …' to the
# next comma or the end. 'who' and 'whose' open no clause of what was said after a cue,
# only a relative; a bare 'which' or 'that' may ('said that the route would close'), so
# they count only set off by a comma, 'that' only after an apposition's noun.
_RELATIVE_ASIDE = re.compile(
    r"(?:,\s+(?:who|whose|which)|\s(?:who|whose)|,\s+(?:an?|the)\s[^,]*?\sthat)\s[^,]*(?:,|$)"
)


def _according_to(registry: Registry, text: str, offset: int, match: re.Match) -> Candidate | None:
    """'According to the ministry, …' or '…, according to the ministry'."""
    speaker = source_in(registry, text, *_span(match, "who", offset))
    if speaker.entity is None:
        return None
    cue_at = match.string.lower().find(ACCORDING_TO)
    cue = (offset + cue_at, offset + cue_at + len(ACCORDING_TO))
    clause = _span(match, "clause", offset)
    return _clause(text, clause, speaker.entity, cue, 0.7, speaker.mention)


def _outlet(words: str) -> bool:
    """'the Daily Ledger', a body's name that 'in' may open, not a time ('March', 'the
    spring')."""
    name = re.sub(r"^[Tt]he\s+", "", words.strip())
    return name[:1].isupper() and is_org(name)


def _as_reported_by(
    registry: Registry, text: str, offset: int, match: re.Match
) -> Candidate | None:
    """'As reported by the Ledger, …': the agent's clause, as after 'according to'."""
    speaker = source_in(registry, text, *_span(match, "who", offset))
    if speaker.entity is None:
        return None
    clause = _span(match, "clause", offset)
    return _clause(text, clause, speaker.entity, _span(match, "cue", offset), 0.7, speaker.mention)


def _clause_then_speaker(
    registry: Registry, text: str, offset: int, match: re.Match, speaker: Speaker
) -> Candidate | None:
    """'The ferry will stop in May, the ministry said on Monday.'"""
    cue = _span(match, "cue" if match.group("cue") else "cue2", offset)
    registry.spoke(speaker.entity)
    clause = _span(match, "clause", offset)
    return _clause(text, clause, speaker.entity, cue, 0.6, speaker.mention)


def _speaker_then_clause(
    registry: Registry, text: str, offset: int, match: re.Match
) -> Candidate | None:
    """'Energy researcher Ola Nygaard believes (that) the grid will fail.'"""
    clause = match.group("clause")
    if len(clause.split()) < 3 or clause.startswith(NOT_A_CLAUSE):
        return None
    if WHEN_THEN_COMMA.match(text, offset + match.end("cue")):
        return None  # 'said in a June report, and …': the clause came before the cue
    speaker = speaker_of(registry, text, match, offset)
    if speaker.entity is None:
        return None
    cue = _span(match, "cue", offset)
    registry.spoke(speaker.entity)
    start, end = _span(match, "clause", offset)
    if text.startswith(_TELLING, cue[0]):
        told = told_start(text, cue[0] + len(_TELLING), start, end)
        if told is not None:
            start = told  # 'told [the Ledger], the council …', 'told [the Courier] they …'
        elif _possessed_addressee(text[cue[0] : cue[1]], text[start:end]):
            return None  # 'told [her aides] as she left': the rules around cues read it
    where = _WHERE_THEN_THAT.match(text, start, end) or _CIRCUMSTANCE_THEN_THAT.match(
        text, cue[1], end
    )
    if where and where.end() > start:
        start = where.end()  # 'says at a stop in Toledo, Ohio, that it means …'
    if relative_clause_ends(text, offset + match.start("who"), start):
        return None  # 'the letter that Holt wrote said …': the main verb's content
    semicolon = text.find(";", start, end)  # '… would raise $1 trillion; the foundation …'
    if semicolon > 0:
        end = semicolon
    start, end = before_trailing_attribution(text, start, before_contrast(text, start, end))
    return _clause(text, (start, end), speaker.entity, cue, 0.65, speaker.mention)


_TELLING = "told "
# The words that open an addressee, not a clause: 'told [the] Ledger', 'told [his] staff'.
# The rest of a capitalised name up to its comma: 'told the Lund [Evening Gazette,] …'.
_NAME_RUNS_ON = re.compile(r"(?:[A-Z][\w’'&.-]*\s+){0,3}[A-Z][\w’'&.-]*,")
_ADDRESSEE_OPENERS = frozenset("the a an his their its my our your".split())


def _possessed_addressee(cue: str, clause: str) -> bool:
    """Whether the cue 'told X' ends in the first word of its addressee rather than the
    addressee itself: 'told the [Ledger]', 'told her [aides] as she left'."""
    last = cue.rsplit(maxsplit=1)[-1]
    if last.lower() in _ADDRESSEE_OPENERS:
        return True
    if last[:1].isupper() and _NAME_RUNS_ON.match(clause):
        return True  # 'told the Lund [Evening Gazette], …': the name goes on to its comma
    last = last.lower()
    words = clause.split(maxsplit=2)
    # 'told her [aides] as she left', not 'told her [the plan] would fail'.
    return last == "her" and len(words) > 1 and words[1].lower() in _AFTER_ADDRESSEE


_AFTER_ADDRESSEE = BOUNDARY_WORDS | PREPOSITIONS


def _clause(
    text: str,
    span: Span,
    entity: Entity,
    cue: Span,
    confidence: float,
    mention: Span | None = None,
) -> Candidate | None:
    """The clause as an indirect quote, without its final stop and a leading 'that';
    None when fewer than eight characters are left."""
    start, end = span
    while end > start and text[end - 1] in ".!? ":
        end -= 1
    if text.startswith(".", end) and _ABBREVIATED.search(text, max(start, end - 12), end):
        end += 1  # 'trade with the U.S.': the stop is the abbreviation's too
    if text[start:end].startswith("that "):
        start += 5
    if end - start < 8:
        return None
    return Candidate(start, end, "indirect", entity, confidence, cue, mention)


# The word that opens a relative clause, right before the subject of the attribution
# that interrupts it ('a levy which the mayor said was unfair', 'what critics call a
# tax'), and not after a preposition ('a rally at which she said …': a place). 'That'
# opens complements as often ('found that officials said …'), and PolNeAR's annotators
# take it as a piece less often than not.
_RELATIVE_BEFORE = re.compile(
    r"(?<!\bin )(?<!\bto )(?<!\bat )\b((?i:which|what|who|whom))\s+(?:[A-Z][\w.’']*\s+){0,2}$"
)
# The relative, then a subject of a few words and no mark, right before the cue: 'which
# at least one former employee considered'.
_RELATIVE_THEN_SUBJECT = re.compile(
    r"(?<!\bin )(?<!\bto )(?<!\bat )\b((?i:which|what|who|whom))\s+((?:[\w’'.-]+\s+){1,6})$"
)
_SUBJECT_REACH = 60


def _may_hold_relative(text: str, start: int, end: int) -> bool:
    """False when ``text[start:end]`` holds no 'wh' in any case, which each relative of
    _RELATIVE_BEFORE and _RELATIVE_THEN_SUBJECT opens with: most stretches are spared."""
    stretch = text[start:end]
    # Other letters may match an ASCII one case-insensitively: those are searched.
    return not stretch.isascii() or "wh" in stretch.lower()


# Between a cue and the label it gives its object, the relative: 'whom she described as
# “volatile”', 'which he views as [a test]'.
_AS_LABEL = re.compile(r"\s+as\s+[“\"‘']?\s*")


def _as_label(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is only ' as ' (and an opening mark): _AS_LABEL's."""
    # It opens with white space: a cue followed by a word is spared the match.
    return text[start : start + 1].isspace() and _AS_LABEL.fullmatch(text, start, end) is not None


# Characters back from the subject's mention: ' in which ', and a title the mention
# leaves out ('what Mayor [Lena Holt] called').
_RELATIVE_REACH = 40
# Between the subject and the cue, only auxiliaries and adverbs: 'the mayor has long said'.
_SUBJECT_TO_CUE = re.compile(r"[\w’' ]{0,24}")
# Past forms of common verbs that do not end in -ed: 'which they say [left] a vacuum'.
_IRREGULAR_PAST = frozenset(
    """left made took gave got went came put kept held brought thought felt found lost led
    won ran cost hurt saw knew grew drew fell became began sent spent built meant paid
    sold stood""".split()
)
# A content that opens with its verb: the relative stands for its missing subject ('which
# the mayor said [was] unfair'); with a subject after the attribution ('who officials say
# [the board] will pick') the relative is an object PolNeAR's annotators seldom take.
_OPENS_WITH_VERB = re.compile(
    rf"(?:{'|'.join(sorted(_FINITE | _IRREGULAR_PAST))}|[a-z]+ed|[a-z]+[^su’']s)\b"
)


def _names_subject(words: list[str]) -> bool:
    """Whether the words between a relative and a cue are its subject ('many economists',
    'they'), not the relative's own verb ('who has praised', 'which does not disclose')."""
    first = words[0]
    if not (first[:1].isupper() or first.lower() in _SUBJECT_OPENERS):
        return False
    return not any(
        w.lower() in _FINITE or w.lower() in _IRREGULAR_PAST or w.endswith(("ed", "ly", "n't"))
        for w in words
    )


# How a subject between a relative and its cue opens: a pronoun or a determiner.
_SUBJECT_OPENERS = frozenset(
    """he she they we i you it the a an many some most several few all both his her their
    its our my your this these those one two three at least other others""".split()
)


_SAY = frozenset("say says said".split())


def relative_piece(text: str, quote: Candidate) -> Candidate | None:
    """The relative word of a clause whose attribution sits inside it, as a piece of the
    content of its own: PARC reads 'a levy which the mayor said was unfair' as the mayor
    saying 'which … was unfair', the word standing for the levy. None for other shapes."""
    if quote.cue is None:
        return None
    cue_start, cue_end = quote.cue
    labelled = _as_label(text, cue_end, quote.start) or text.startswith("as ", quote.start)
    if not (cue_end <= quote.start <= cue_end + 3) and not labelled:
        return None  # the subject, then the cue, then the content
    relative = None
    if quote.mention is not None:
        mention_start, mention_end = quote.mention
        if mention_end > cue_start or not _SUBJECT_TO_CUE.fullmatch(text, mention_end, cue_start):
            return None
        reach = max(0, mention_start - _RELATIVE_REACH)
        if _may_hold_relative(text, reach, mention_start):
            relative = _RELATIVE_BEFORE.search(text, reach, mention_start)
    if relative is None:
        # A subject that names nobody ('which many economists say'), or a mention that
        # took the relative in: the subject read from the text before the cue.
        reach = max(0, cue_start - _SUBJECT_REACH)
        if _may_hold_relative(text, reach, cue_start):
            relative = _RELATIVE_THEN_SUBJECT.search(text, reach, cue_start)
        if relative is None or not _names_subject(relative.group(2).split()):
            return None
        if quote.mention is not None and not (
            quote.mention[0] <= relative.start(1) < quote.mention[1]
        ):
            return None
        if not _OPENS_WITH_VERB.match(text, quote.start):
            return None  # 'what researchers say [they need]': the relative is an object
    if relative is None:
        return None
    if relative.group(1).lower() == "what" and text[cue_start:cue_end].lower() in _SAY:
        # 'what the mayor said was unfair': PARC reads the whole free relative as what
        # was said, which the clause after the cue already matches; the lone 'what' is
        # a second match (on PolNeAR train 8 of 9 such pieces were no quote of their own).
        return None
    if (
        relative.group(1).lower() != "what"
        and not labelled
        and not _OPENS_WITH_VERB.match(text, quote.start)
    ):
        return None
    # Outside the quotation marks when the content is quoted ('what she calls “…”').
    return replace(quote, start=relative.start(1), end=relative.end(1), kind="indirect", gated=True)


def _span(match: re.Match, group: str, offset: int) -> Span:
    return offset + match.start(group), offset + match.end(group)
