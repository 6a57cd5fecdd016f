"""Attribution: where a quote says who spoke, as a cue (the verb) and a speaker, found
after its closing mark, before its opening mark, or at the end of a dash paragraph."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from articles.extraction.clause_shapes import TIMES
from articles.extraction.descriptions import DETERMINERS, PRONOUNS, describes
from articles.extraction.model import Span
from articles.extraction.names import MONTHS
from articles.extraction.paragraphs import SENTENCE_END, tail_start
from articles.extraction.pattern_speakers import speaker_of
from articles.extraction.patterns import (
    ADVERB,
    CAPITALISED,
    CUE,
    CUE_THEN_SPEAKER,
    CUE_WORD,
    LY_ADVERB,
    NAMING_VERBS,
    SPEAKER_CUE_COLON,
    SPEAKER_THEN_CUE,
    SPEECH_VERBS,
    SUBJECT_PRONOUN,
    TRAILING_CUE_THEN_SPEAKER,
    TRAILING_SPEAKER_THEN_CUE,
    alternation,
)
from articles.extraction.registry import Entity, Registry
from articles.extraction.speakers import speaker_in

# Any subject phrase between a closing mark and its cue, appositions included: '…,” one
# senior Democrat said', '…,” Graham, a former candidate, told CBS'. The speaker module
# decides whether it names, describes or refers to someone.
PHRASE_THEN_CUE = re.compile(
    rf"\s*[,:]?\s*(?P<who>[^\s.!?;:“”\"][^!?;:“”\"]{{0,160}}?)\s+{ADVERB}(?P<cue>{CUE})\b"
)
# A quotation that opens its sentence, then prose, then a comma and a subject of any
# words before the cue that ends the sentence: '“…” of the case, the court's opinion said.'
TRAILING_PHRASE_THEN_CUE = re.compile(
    rf",\s+(?P<who>[^\s,;:!?“”\"][^,;:!?“”\"]{{0,80}}?)\s+{ADVERB}(?P<cue>{CUE})\b"
    rf"[^.!?;:“”\"]{{0,60}}[.!?]?\s*$"
)
# After a closing mark, the cue then the rest of the sentence: '…,” said Rep. Gwen Moore
# (D-Wis.), a member of the caucus.'
CUE_THEN_PHRASE = re.compile(
    rf"\s*[,:]?\s*(?P<cue>{CUE})\s+(?P<who>[^;:!?“”\"]{{1,200}}?)\s*[.!?]?\s*$"
)
# A signature after a closing mark, a dash and a name alone to the sentence's end, as
# vox-pop lists print them: '“We need more teachers.” ― Ann Lee', '…”— Ann Lee, 34.'
SIGNATURE = re.compile(
    r"\s*(?P<cue>[―—–])\s*(?P<who>[A-ZÀ-Þ][\w’'-]*(?:\s+[A-ZÀ-Þ](?:[\w’'-]*|\.)){1,3})"
    r"\s*(?:,[^;:!?“”\"]{0,60})?[.]?\s*$"
)


# The same on the line below a quotation that fills its paragraph, as fact-checks and
# notebooks print them: '“We will win.”' then '- Lund.' or '-Mayor Holt, in a tweet.'
_SIGNATURE_BELOW = re.compile(
    r"\s*(?P<cue>[-―—–])[ \t]*(?P<who>[A-ZÀ-Þ][\w’'.-]*(?:[ \t]+[A-ZÀ-Þ][\w’'.-]*){0,3})"
    r"[ \t]*(?:,[^\n;:!?“”\"]{0,60}[.]?[ \t]*|[.][ \t]*)?(?:\n|$)"
)  # one run of spaces or tabs at a time: two side by side took quadratic time on a long run


# Days, months and times of day: a line of them below a quotation dates it ('May' may be a name).
_DATE_WORDS = TIMES | (MONTHS - {"may"})


def signature_below(registry: Registry, text: str, p_end: int) -> Attribution | None:
    """A signature alone on the line after the paragraph ending at ``p_end``."""
    if text[p_end : p_end + 8].lstrip()[:1] not in ("-", "―", "—", "–"):
        return None  # most paragraphs are followed by prose: spared the match
    match = _SIGNATURE_BELOW.match(text, p_end)
    if match is None or "\n" not in text[p_end : match.start("cue")]:
        return None
    if all(word.lower().rstrip(".") in _DATE_WORDS for word in match.group("who").split()):
        return None  # '- Monday.', '- March.': a date line, no signature
    attribution = _attribution(registry, text, match, 0)
    return attribution if attribution is not None and attribution.entity.named else None


def _dash_first(tail: str) -> bool:
    """Whether a dash opens ``tail`` after white space, as SIGNATURE needs."""
    # Most tails open with a comma or a word: they are spared SIGNATURE's match.
    return tail.lstrip()[:1] in ("―", "—", "–")


_CUE_FIRST_LETTERS = frozenset(verb[0] for verb in SPEECH_VERBS)


def _cue_may_open(tail: str) -> bool:
    """False when no cue can open ``tail`` after white space and a comma or colon, as
    CUE_THEN_SPEAKER and CUE_THEN_PHRASE need: '…,” Whitfield said' is spared both."""
    rest = tail.lstrip()
    if rest[:1] in (",", ":"):
        rest = rest[1:].lstrip()
    return rest[:1] in _CUE_FIRST_LETTERS


# A capitalised pronoun after a quote that ended its sentence starts the next one.
_NEW_SENTENCE = re.compile(r"\s+(?:He|She|It|They|We)\b")
# A stop after a title or an initial ends no sentence.
ABBREVIATION_END = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Jr|Sr|St|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Adm|Prof|Rev|Pres|"
    r"Calif|Fla|Mass|Wis|Mich|Minn|Ill|Ind|Tenn|Conn|Penn|Mo|Va|Pa|Ky|La|Md|Ga|Ala|Ariz|"
    r"Ark|Colo|Del|Kan|Miss|Mont|Neb|Nev|Okla|Ore|Tex|Vt|Wash|Wyo)|\b[A-Z]|\b[A-Z]\.[A-Z])\.$"
)
# The same before an opening mark: 'The senator’s spokeswoman said: “'.
PHRASE_CUE_COLON = re.compile(
    rf"(?:^|(?<=[.,;”\"]\s))(?P<who>[^\s.!?;:“”\"][^!?;:“”\"]{{0,120}}?)\s+{ADVERB}"
    rf"(?P<cue>{CUE})\b[^:,“”\"]*?[:,]\s*$"
)


@dataclass(frozen=True)
class Attribution:
    """'said Dana Whitfield': the cue's span, the speaker, and where the text names them."""

    cue: Span
    entity: Entity
    mention: Span | None

    # Written out for speed, as model.QuoteSuggestion's is.
    def __init__(self, cue: Span, entity: Entity, mention: Span | None) -> None:
        self.__dict__.update(cue=cue, entity=entity, mention=mention)


def after_quote(
    registry: Registry, text: str, position: int, limit: int, *, opens_sentence: bool = False
) -> Attribution | None:
    """From the closing mark at ``position`` to the sentence's end at ``limit``:
    '…,” said Dana Whitfield', '…,” she said', '…,” Whitfield said'. ``opens_sentence``:
    the quotation is the sentence's first words."""
    # A quotation a copula follows is named, not spoken: '“We will win” is a slogan …,
    # said Lund.' is no quote of Lund's ('“A big truck” plowed through …, he said' is).
    named = _NAMED_BY.match(text, position) is not None
    run_on_words = _RUN_ON_WORDS_OPENING if opens_sentence and not named else _RUN_ON_WORDS
    limit = _past_abbreviations(text, limit)
    tail = text[position:limit]
    if text[position - 2 : position - 1] in (".", "!", "?") and _NEW_SENTENCE.match(tail):
        return None  # '… without interruption.” It said it had …': a new sentence
    match = SIGNATURE.match(tail) if _dash_first(tail) else None
    if match:
        attribution = _attribution(registry, text, match, position)
        if attribution is not None and attribution.entity.named:
            return attribution
    cue_first = _cue_may_open(tail)
    match = CUE_THEN_SPEAKER.match(tail) if cue_first else None
    if match and match.group("cue") not in NAMING_VERBS:
        attribution = _attribution(registry, text, match, position)
        if attribution is not None:
            return attribution
    match = CUE_THEN_PHRASE.match(tail) if cue_first else None
    if match and match.group("cue") not in NAMING_VERBS and _subject_like(match.group("who")):
        attribution = _attribution(registry, text, match, position) or _before_relative(
            registry, text, match, position
        )
        if attribution is not None:
            return attribution
    match = SPEAKER_THEN_CUE.match(tail)
    if match:
        attribution = _attribution(registry, text, match, position)
        if attribution is not None:
            return attribution
    match = PHRASE_THEN_CUE.match(tail)
    if match and _subject_like(match.group("who")):
        attribution = _attribution(registry, text, match, position)
        if attribution is not None:
            return attribution
    # The quoted words run on in prose before the attribution closes the sentence:
    # '“…face jail time” for criminal behavior, she said.'
    match = TRAILING_SPEAKER_THEN_CUE.search(tail)
    if match and len(tail[: match.start()].split()) <= run_on_words:
        return _attribution(registry, text, match, position)
    # Or with the cue first: '…“the beginning of the end” for the union, said Tom Berg,
    # founder of the party.'
    match = TRAILING_CUE_THEN_SPEAKER.search(tail)
    if (
        match
        and match.group("cue") not in NAMING_VERBS
        and len(tail[: match.start()].split()) <= run_on_words
    ):
        return _attribution(registry, text, match, position)
    match = TRAILING_PHRASE_THEN_CUE.search(tail) if opens_sentence else None
    if (
        match
        and _subject_like(match.group("who"))
        and len(tail[: match.start()].split()) <= run_on_words
    ):
        attribution = _attribution(registry, text, match, position)
        if attribution is not None:
            return attribution
    if text[position - 2 : position - 1] in (",", "?", "!"):
        # A verb no cue list holds, or one after an auxiliary or an adverb, closing the
        # sentence: '…,” he surmised.', '…,” she has said.'
        match = UNLISTED_CUE_AFTER.match(tail)
        if match and not _plural_verb(match):
            match = None
        match = match or UNLISTED_CUE_BEFORE_NAME.match(tail)
        if match:
            return _attribution(registry, text, match, position)
    return None


def _plural_verb(match: re.Match) -> bool:
    """Whether the cue after a quotation is a verb: a plural present that is also a noun
    ('report', 'note') is one only after a plural subject ('…,” the two report'), not in
    a phrase such as '…,” the verdict of the final report.'"""
    if match.group("cue") not in _NOUN_LIKE_PRESENT:
        return True
    last = match.group("who").split()[-1].casefold()
    return last in _PLURAL_SUBJECTS or (last.endswith("s") and not last.endswith("ss"))


# Words that open a group as its article would: 'some protesters', 'dozens of residents'.
_QUANTIFIER = (
    r"(?:[Ss]ome|[Mm]any|[Ss]everal|[Mm]ost|[Aa]\s+few|(?:[Dd]ozens|[Hh]undreds|[Tt]housands|"
    r"[Ss]cores)\s+of)"
)


def _base_form(verb: str) -> str:
    """The plural present of a third-person verb: 'writes' → 'write', 'replies' → 'reply'."""
    if verb.endswith("ies"):
        return verb[:-3] + "y"
    if verb.endswith(("sses", "shes", "ches")):
        return verb[:-2]
    return verb[:-1]


# A plural subject's present tense of a listed verb ('write' beside 'writes'): 'say' is
# listed itself.
_PLURAL_PRESENT_VERBS = [
    base
    for base in (_base_form(verb) for verb in SPEECH_VERBS if verb.endswith("s"))
    if base not in SPEECH_VERBS
]
_PLURAL_PRESENT = alternation(_PLURAL_PRESENT_VERBS)
# Those of them that are also nouns, which a phrase after a quotation may end on.
_NOUN_LIKE_PRESENT = frozenset(
    """report note call state comment claim estimate promise reply fear hope recall doubt
    demand tweet object caution stress answer""".split()
)
# Subjects of a plural verb that no '-s' marks: pronouns and numbers ('the two').
_PLURAL_SUBJECTS = frozenset("they we i you both two three four five six".split())

# After a quotation that a comma or a question ends, a subject, perhaps an auxiliary or an
# adverb, and a verb, listed or not, then nothing but a time or a place to the sentence's
# end: '…,” he surmised.', '…,” Lund fumed on Tuesday.', '…,” she has said.', '…,” he
# later said.', '…,” it recommended.', '…,” the president will say.'. A quantifier opens
# a group as 'the' does ('…,” some protesters chanted'), a plural subject's present tense
# is a cue when its '-s' form is listed ('…,” the two write'), and so is '…,” he went on.'.
UNLISTED_CUE_AFTER = re.compile(
    rf"\s*(?P<who>{SUBJECT_PRONOUN}|it|I|we|{CAPITALISED}|(?:[Tt]he|[Aa]n?|{_QUANTIFIER})\s+"
    rf"(?:[\w’'-]+\s+){{0,4}}?[\w’'-]+)\s+(?:(?:has|have|had|will|would|later|also|then|"
    rf"once|again|just|{LY_ADVERB})\s+)*(?P<cue>{CUE}|[a-z]{{3,}}ed|went\s+on|{_PLURAL_PRESENT})"
    r"(?:\s+(?:on|in|at|during|later|again|back)\b[^.!?“”\"]{0,40})?\s*[.!?]?\s*$"
)


# The same verb before a name, which an aside may follow: '…!” beamed Dana Hartley of
# Madison, Alabama, who had come with her son.'
UNLISTED_CUE_BEFORE_NAME = re.compile(
    rf"\s*(?P<cue>[a-z]{{3,}}ed)\s+(?P<who>{CAPITALISED})(?:\s+of\s+{CAPITALISED})?"
    rf"(?:,[^;:!?“”\"]{{0,160}})?\s*[.!?]?\s*$"
)


# How many words may follow a closing mark before a ', she said.' that still attributes
# the quote (more, and the sentence has its own subject).
_RUN_ON_WORDS = 8
# A quotation that opens its sentence is the sentence's subject or its first words, and a
# ', she said.' at the sentence's end attributes it however long the prose between:
# '“To see it is stunning,” since so many cases were close, said Per Lund.'
_RUN_ON_WORDS_OPENING = 30
# A copula after the closing mark: the quotation is what the sentence talks about.
_NAMED_BY = re.compile(r"\s+(?:is|was|are|were|has been|had been|became|remains)\b")


def _past_abbreviations(text: str, limit: int) -> int:
    """``limit`` moved past stops that end a title or an initial, not the sentence:
    '…,” said Rep. G.K. Butterfield (D-N.C.), head of the caucus.'"""
    for _ in range(6):
        if (
            limit < 2
            or text[limit - 1] != "."
            or not ABBREVIATION_END.search(text, max(0, limit - 12), limit)
        ):
            return limit
        line_end = text.find("\n", limit)
        line_end = len(text) if line_end < 0 else line_end
        following = SENTENCE_END.search(text, limit, min(line_end, limit + 300))
        if following is None:
            return limit
        limit = following.end()
    return limit


def _subject_like(phrase: str) -> bool:
    """A phrase that may be a subject: it starts with a capital, a pronoun or a
    determiner, not with 'and', 'that' or 'but'."""
    first = phrase.split()[0].casefold() if phrase.split() else ""
    return (
        phrase[:1].isupper()
        or first in DETERMINERS
        or first in PRONOUNS
        or describes(phrase)
        or _modified_name(phrase)
    )


def _modified_name(phrase: str) -> bool:
    """'panel Chairman Tor Ekdahl', 'former President Halvorsen': a word or two in lower
    case, then a capitalised title or name of two words or more; or three, then only a
    name ('former presidential candidate Otto Vesco')."""
    words = phrase.split()
    lower = next((i for i, word in enumerate(words) if not word[:1].islower()), len(words))
    # Three lower-case words may as well be a clause's ('in talks between Oslo and …'):
    # only a name that ends the phrase makes them a description.
    named = lower <= 2 or all(word[:1].isupper() for word in words[lower:])
    return (
        1 <= lower <= 3
        and named
        and words[0].casefold() not in _CLAUSE_WORDS
        and len(words) - lower >= 2
        and words[lower][:1].isupper()
    )


# Words that open a clause, not a subject: '…,” and Trump said', '…,” then she said'.
_CLAUSE_WORDS = frozenset(
    "and but or so that because then when while if as after before though although".split()
)


def before_quote(
    registry: Registry, text: str, sentence_start: int, position: int
) -> Attribution | None:
    """From the sentence's start to the opening mark at ``position``: 'Whitfield said: “',
    'She told the council, “'."""
    lead = text[sentence_start:position]
    if lead.rstrip()[-1:] not in (":", ","):
        return None  # both patterns end on a colon or a comma: no need to search the lead
    match = SPEAKER_CUE_COLON.search(lead)
    if match:
        attribution = _attribution(registry, text, match, sentence_start)
        if attribution is not None:
            return attribution
    match = _INVERTED_CUE.match(lead) or PHRASE_CUE_COLON.search(lead)
    if not match or not _subject_like(match.group("who")):
        return None
    return _attribution(registry, text, match, sentence_start)


# The cue before its speaker, opening the sentence: 'Said Castel, “', 'But, said Lund, “'.
_INVERTED_CUE = re.compile(
    r"\s*(?:(?:But|And|Yet|Still)\s*,?\s+)?(?P<cue>[Ss]aid|[Ss]ays|[Aa]dded|[Ww]rote)\s+"
    r"(?P<who>[^\s,:;“”\"][^,:;“”\"]{0,80}?)\s*[,:]\s*$"
)


def closing_dash_quote(
    registry: Registry, text: str, start: int, end: int
) -> tuple[int, Attribution] | None:
    """For a dash paragraph's content ``text[start:end]``: where the quote ends and its
    attribution, from ', says Hansen.' or ', Hansen says.' at the paragraph's end."""
    body = text[start:end]
    best = _last(TRAILING_CUE_THEN_SPEAKER.finditer(body)) or _last(
        TRAILING_SPEAKER_THEN_CUE.finditer(body)
    )
    if best is None:
        return None
    attribution = _attribution(registry, text, best, start)
    if attribution is None:
        return None
    return start + best.start(), attribution


def cue_in(text: str, start: int, end: int) -> Span | None:
    """The last cue in ``text[start:end]``: 'said', 'warns', 'according to'; one used
    as a noun ('says Lunde’s early-morning tweets are') gives way to a verb before it."""
    lead = text[start:end]
    cut = tail_start(lead, 0, len(lead))
    if cut:
        # A run-on lead: the cues in its last few hundred characters, from a word's start,
        # answer when one of them is a verb; reading all of the lead for each quotation
        # costs the square of its length.
        near = list(CUE_WORD.finditer(lead, cut))
        verb = next((m for m in reversed(near) if not _used_as_noun(lead, m.start())), None)
        if verb is not None:
            return start + verb.start(), start + verb.end()
    matches = list(CUE_WORD.finditer(lead))
    if not matches:
        return None
    chosen = matches[-1]
    if _used_as_noun(lead, chosen.start()):
        chosen = next((m for m in reversed(matches) if not _used_as_noun(lead, m.start())), chosen)
    return start + chosen.start(), start + chosen.end()


# Words before a noun: 'the statement', 'his tweets', 'Lunde’s early-morning tweets'.
_NOUN_BEFORE = re.compile(
    r"(?:\b(?:the|a|an|his|her|their|its|our|this|these|those)|\w[’']s)"
    r"(?:\s+[a-z][\w-]*-[\w-]+)?\s+$"
)


def _used_as_noun(lead: str, at: int) -> bool:
    """Whether the cue word at ``at`` follows a determiner or a possessive."""
    return _NOUN_BEFORE.search(lead, max(0, at - 60), at) is not None


def _attribution(registry: Registry, text: str, match: re.Match, offset: int) -> Attribution | None:
    speaker = speaker_of(registry, text, match, offset)
    if speaker.entity is None:
        return None
    cue = (offset + match.start("cue"), offset + match.end("cue"))
    return Attribution(cue, speaker.entity, speaker.mention)


# A restrictive relative after the speaker, no comma before it: '…,” said Sen. Jim Harlow
# who represents Port Avery', '…,” said one of two aides who spoke on condition …'.
_RELATIVE = re.compile(r"\s+(?:who|whose|which)\s+")


def _before_relative(
    registry: Registry, text: str, match: re.Match, offset: int
) -> Attribution | None:
    """The speaker a cue-first phrase names before its relative clause, which no comma
    sets off and which would otherwise hide the name from the speaker module."""
    relative = _RELATIVE.search(match.group("who"))
    if relative is None or relative.start() == 0:
        return None
    start = offset + match.start("who")
    speaker = speaker_in(registry, text, start, start + relative.start())
    if speaker.entity is None:
        return None
    cue = (offset + match.start("cue"), offset + match.end("cue"))
    return Attribution(cue, speaker.entity, speaker.mention)


def _last(matches: Iterator[re.Match]) -> re.Match | None:
    last = None
    for match in matches:
        last = match
    return last
