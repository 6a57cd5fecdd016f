"""The wide scope's hand-off to the gate (gate.py): the contents the rules around a cue
pass over for want of a clause, a negated or passive cue's, and a cue the model scores
under its threshold ('urged residents to stay indoors', 'is expected to win') are weighed
by the gate, which admits what PARC counts.

Kept apart from the rules that find contents (around_cues.py) so that what the gate sees
of a candidate (its subject, length and shape) is read in one place; bench/train_gate.py
records these candidates through every engine module's name for passed_over and low_cue.
"""

from __future__ import annotations

import operator
import re
from bisect import bisect_left
from dataclasses import replace

from articles.extraction import cues
from articles.extraction.clause_shapes import (
    FINITE,
    PREPOSITIONS,
    RELATIVE_SUBJECTS,
    Token,
    adverb,
    asked,
    clause_follows,
    participle,
    skip_auxiliaries,
    subject_pronoun,
)
from articles.extraction.cue_subjects import (
    BEFORE_SUBJECT,
    DETERMINERS,
    PRONOUNS,
    boundary,
    phrase,
    sentence_subject,
    subject_before,
)
from articles.extraction.descriptions import VERBS
from articles.extraction.gate import CueFeatures, Gate, cue_features, features
from articles.extraction.model import Candidate
from articles.extraction.phrases import subject_length
from articles.extraction.registry import Registry
from articles.extraction.speakers import Speaker, phrase_source

_MIN_CONTENT = 8  # characters
# A content that only says when: 'at the time', 'at this point', 'at the outset'.
_ONLY_WHEN = re.compile(r"(?i:at\s+(?:the|this|that)\s+(?:time|point|outset|moment))[.,;]?")
# Shapes whose content may be a single short word, which PARC counts however short: the
# subject of a passive cue ('it was never mentioned', 'which is seen as'), and a cue's
# object of a word or two ('attacked Holt', 'said no').
_SHORT_SHAPES = frozenset({"passive subject", "short object"})
# The words that join a cue to its object and belong to neither the content nor, in our
# guideline, what was said: 'pointed to [a poll]', 'spoke about [the tolls]', 'is
# expected to [win]', 'pointing out [the cost]', like the 'that' before a clause.
_LINKS = frozenset("about against as at for into of on out over to toward towards up with".split())
_LINKS_SKIPPED = 2  # 'weighed in on', 'pointing out to'
# How a cue's speaker spoke, between the cue and its preposition: 'said little about'.
_MANNER = frozenset("little much often hard down again early".split())
_NOT_AFTER_MANNER = frozenset("to as up out".split())


def with_low_cues(
    model: cues.CueModel, scored: list[tuple[int, float]], hits: list[tuple[int, float]]
) -> tuple[list[tuple[int, float]], frozenset[int]]:
    """The wide scope's cues: also the words the cue model scores under its threshold
    but at least _LOW_FLOOR, and those words' indices."""
    taken = {i for i, _ in hits}
    low = {i: p for i, p in scored if _LOW_FLOOR <= p < model.threshold and i not in taken}
    if not low:
        return hits, frozenset()
    return sorted([*hits, *low.items()]), frozenset(low)


_LOW_FLOOR = 0.15


class _AskLater:
    """A gate that admits every passed-over content, for a low cue whose candidate the
    real gate weighs once built."""

    def admits(self, features: list[str]) -> bool:
        return True


ASK_LATER = _AskLater()


def low_cue_features(
    gate: Gate, sentence: list[Token], first: int, last: int
) -> CueFeatures | None:
    """What the gate makes of the low cue ``sentence[first:last + 1]``, which it weighs
    twice (``low_cue_may_pass``, then ``low_cue``); None for another gate than Gate."""
    if not isinstance(gate, Gate):
        return None
    return cue_features(list(map(WORD, sentence)), first, last, "low")


def low_cue_may_pass(
    gate: Gate,
    cue: CueFeatures | None,
    sentence: list[Token],
    first: int,
    last: int,
    probability: float,
) -> bool:
    """Whether the gate might admit a content of the low cue ``sentence[first:last + 1]``,
    of any length and subject; False only when low_cue would refuse whatever
    around_cues._around builds for it. Its candidate's confidence is the cue's probability
    rounded, or 0.0 for what 'Asked' asks."""
    if not isinstance(gate, Gate):
        return True  # bench/train_gate.py's recorder, which must see every candidate
    confidences = (round(probability, 2),)
    if asked(sentence, first, last) is not None:
        confidences += (0.0,)
    return gate.might_admit(cue, "low", probabilities=confidences)


def low_cue(
    gate: Gate,
    text: str,
    sentence: list[Token],
    first: int,
    last: int,
    candidate: Candidate,
    cue: CueFeatures | None,
) -> Candidate | None:
    """``candidate`` when the gate admits it as a low cue's content; ``cue``: what
    ``low_cue_features`` made of the cue."""
    speaker = Speaker(candidate.entity, candidate.mention)
    content = (candidate.start, candidate.end)
    admitted = _admits(
        gate, text, sentence, first, last, content, speaker, "low", candidate.confidence, cue
    )
    return replace(candidate, gated=True) if admitted else None


WORD = operator.itemgetter(2)
_START = operator.itemgetter(0)


def passed_over(
    gate: Gate,
    registry: Registry,
    text: str,
    sentence: list[Token],
    first: int,
    last: int,
    content: tuple[int, int],
    shape: str,
    probability: float,
) -> Candidate | None:
    """A content after a cue that the clauses scope does not take ('urged voters to stay
    home', 'questioned the count'), when the wide scope's gate admits it."""
    if shape in _PHRASE_SHAPES and not clause_follows(sentence, last):
        content = _to_comma(sentence, content)
    shortest = 1 if shape in _SHORT_SHAPES else _MIN_CONTENT
    if content[1] - content[0] < shortest:
        return None
    if _ONLY_WHEN.fullmatch(text, content[0], content[1]):
        return None  # 'said at the time', 'derided at the time': when, not what
    cue = None
    if isinstance(gate, Gate):
        # Weighed twice, here and in _admits: the cue's features are built once.
        cue = cue_features(list(map(WORD, sentence)), first, last, shape)
        if not gate.might_admit(
            cue,
            shape,
            lengths=(_content_length(sentence, content),),
            probabilities=(probability,),
        ):
            return None  # refused whoever the subject is: no need to look it up
    # Looking up the subject makes it salient; a content only this scope takes must not,
    # or the speakers of the quotes both scopes find would change ('Regulars call it …'
    # becoming a later 'she').
    before = registry.checkpoint()
    speaker = subject_before(registry, text, sentence, first)
    registry.restore(before)
    if not _admits(gate, text, sentence, first, last, content, speaker, shape, probability, cue):
        return None
    if speaker.entity is None and gate is not ASK_LATER:
        speaker = subject_source(registry, text, sentence, first)
    cue = (sentence[first][0], sentence[last][1])
    content = _without_links(sentence, last, content, shortest)
    return indirect_candidate(content, speaker, cue, probability, gated=True, shortest=shortest)


def _without_links(
    sentence: list[Token], last: int, content: tuple[int, int], shortest: int
) -> tuple[int, int]:
    """The content without the prepositions right after its cue, as long as enough of it
    is left; weighed with them, as the gate learnt it. An infinitive keeps its 'to'."""
    i = last + 1
    if i >= len(sentence) or sentence[i][0] != content[0]:
        return content
    while (
        i - last <= _LINKS_SKIPPED
        and i + 1 < len(sentence)
        and content[1] - sentence[i + 1][0] >= shortest
        and _link(sentence[i][2].lower(), sentence[i + 1][2], first=i == last + 1)
    ):
        i += 1
    return (sentence[i][0], content[1])


def _link(word: str, following: str, *, first: bool) -> bool:
    """Whether ``word``, before ``following``, joins a cue to its object."""
    if word == "in":  # 'weighed in on', not 'interested in [fighting]'
        return first and following.lower() in _LINKS
    if first and (word in _MANNER or (word.endswith("ly") and len(word) > 4)):
        # 'spoke passionately about [her father]', 'said little about [the plan]'
        return following.lower() in _LINKS and following.lower() not in _NOT_AFTER_MANNER
    if word == "to":  # 'pointed to [the poll]', 'admitted to [lying]', not 'to [win]'
        return (
            following.lower() in DETERMINERS
            or following[:1].isupper()
            or following[:1].isdigit()
            or following.endswith("ing")
        )
    return word in _LINKS


def subject_source(registry: Registry, text: str, sentence: list[Token], first: int) -> Speaker:
    """The subject phrase before a gated content's cue when it names nobody the registry
    knows ('A new county poll found', 'Minority voters appeared more likely to'): the
    phrase itself, as a thing described, so the content keeps its source's words; when
    the phrase is a predicate ('led a group of lawmakers in introducing'), its subject."""
    end = skip_auxiliaries(sentence, first)
    if end >= 2 and sentence[end - 1][2] in RELATIVE_SUBJECTS:  # not a headline's 'Who'
        return _relative_source(text, sentence, end - 1)
    start = boundary(sentence, end)
    if end - start >= 2 and sentence[start][2].lower() in BEFORE_SUBJECT:
        start += 1
    if start >= end:
        if end >= 2 and sentence[end - 1][2] == "," and _listed_verb(sentence[first][2]):
            # 'Lund joked about the weather, declined to confirm …': one of a list of
            # the sentence's predicates, whose subject is the sentence's.
            before = registry.checkpoint()
            subject = sentence_subject(registry, text, sentence, end - 1)
            registry.restore(before)
            if subject.entity is not None and subject.entity.named:
                return subject
        return Speaker(None)
    if (
        sentence[end - 1][2].lower() in _OBJECT_PRONOUNS
        and start >= 1
        and sentence[start - 1][2] in _PEOPLES_RELATIVES
        and (sentence[start][2] in FINITE or opens_predicate(sentence[start][2]))
    ):
        # 'progressive groups that have endorsed him say': the pronoun ends the relative
        # clause as its object; the people it describes are the cue's subject. Not after
        # 'which', whose noun is a thing ('behavior, which shapes her view'), nor after a
        # complementiser 'that', whose clause opens with its subject, not a verb ('found
        # that a group close to him wants').
        return _relative_source(text, sentence, start - 1, at_relative=False)
    if opens_predicate(sentence[start][2]):
        # Looked up as passed_over looks up the cue's subject: making no one salient.
        before = registry.checkpoint()
        subject = subject_before(registry, text, sentence, start)
        registry.restore(before)
        if subject.entity is not None and subject.entity.named:
            return subject
    stop = start + subject_length([w for _, _, w in sentence[start:end]])
    # A pronoun only a subject takes; not 'it' ('It is no surprise to …').
    pronoun = subject_pronoun(sentence[start][2].lower())
    if start < stop < end and (pronoun or opens_predicate(sentence[stop][2])):
        # 'He went on to endorse', 'Okafor notably made no mention': the phrase is a
        # clause, whose subject, when it names someone, is the source.
        before = registry.checkpoint()
        subject = phrase(registry, text, sentence, start, stop)
        registry.restore(before)
        if subject.entity is not None and (pronoun or subject.entity.named):
            return subject
    return phrase_source(text, sentence[start][0], sentence[end - 1][1])


def _relative_source(
    text: str, sentence: list[Token], relative: int, at_relative: bool = True
) -> Speaker:
    """'a new poll that shows', 'activists who promote', 'the levy, which allows': the
    noun phrase the relative stands for, described, with the relative for its mention,
    as the clauses scope reads 'who' (cue_subjects.subject_before); ``at_relative``
    False: with the noun phrase for its mention, the relative's clause lying between."""
    end = relative
    if relative >= 2 and sentence[relative - 1][2] in _BEFORE_RELATIVE:
        # 'straight-ticket voting, which allows', 'Mayor Holt - who fired': the noun
        # phrase before the comma or dash that sets the relative clause off.
        end = relative - 1
    start = boundary(sentence, end)
    # The noun phrase right before the relative, not the predicate it ends: 'comes in
    # the wake of polls by [Lund University] that showed'.
    for i in range(end - 1, start, -1):
        if opens_predicate(sentence[i - 1][2]):
            start = i
            break
    if start >= end:
        return Speaker(None)
    source = phrase_source(text, sentence[start][0], sentence[end - 1][1])
    if source.entity is None or not at_relative:
        return source
    return Speaker(source.entity, (sentence[relative][0], sentence[relative][1]))


# Pronouns that are no verb's subject: 'that have endorsed him' ends there.
_OBJECT_PRONOUNS = frozenset("him her them us me".split())
_PEOPLES_RELATIVES = frozenset(("that", "who"))


# The marks that set a relative clause off from the noun phrase it describes.
_BEFORE_RELATIVE = frozenset(",-–—")


def _listed_verb(word: str) -> bool:
    """A verb in the past that may stand in a list of predicates: 'declined', 'accused';
    not 'seemed' or 'appeared', whose subject PARC reads as part of the content."""
    lowered = word.lower()
    return (
        word[:1].islower()
        and lowered.endswith("ed")
        and len(lowered) > 4
        and lowered not in ("seemed", "appeared")
    )


def opens_predicate(word: str) -> bool:
    """A word that opens a verb's phrase, not a noun's: a participle ('keeping'), a past
    form in -ed ('begged'), an auxiliary or 'said', a preposition or an adverb. Shared
    with described_sources, which asks it whether a name opens a clause."""
    lowered = word.lower()
    return word[:1].islower() and (
        participle(word)
        or (lowered.endswith("ed") and len(word) > 4)
        or (lowered in VERBS and lowered not in PRONOUNS)
        or lowered in PREPOSITIONS
        or adverb(lowered)
        or lowered in ("also", "not")
    )


# The shapes whose content, with no clause after the cue, is a phrase: a verb of saying's
# object ('denied the report'), a negated or a passive cue's. Not a word the rules do not
# trust ('urged voters to stay home, where …'): cut there, it lost more than it gained.
_PHRASE_SHAPES = frozenset({"object", "passive", "negated"})


def _to_comma(sentence: list[Token], content: tuple[int, int]) -> tuple[int, int]:
    """A phrase's content up to the first comma in it: 'did not discuss [the timetable],
    the third this year, …', 'was announced [by the board], two weeks after …'; what
    follows the comma is an aside or another clause, not the phrase."""
    start, end = content
    i = bisect_left(sentence, start, key=_START)
    for token_start, _, word in sentence[i:]:
        if token_start >= end:
            break
        if word == "," and token_start > start:
            return start, token_start
    return content


def _admits(
    gate: Gate,
    text: str,
    sentence: list[Token],
    first: int,
    last: int,
    content: tuple[int, int],
    speaker: Speaker,
    shape: str,
    probability: float,
    cue: CueFeatures | None = None,
) -> bool:
    """Whether the gate admits ``content`` as what the cue ``sentence[first:last + 1]``
    attributes, ``shape`` saying why the rules alone would not; ``cue``: the cue's
    features (gate.cue_features), when the caller has built them already."""
    if gate is ASK_LATER:
        return True  # the real gate weighs the low cue's candidate once it is built
    length = _content_length(sentence, content)
    words = list(map(WORD, sentence)) if cue is None else []
    subject = _subject_kind(text, speaker)
    return gate.admits(features(words, first, last, length, shape, subject, probability, cue))


def _content_length(sentence: list[Token], content: tuple[int, int]) -> int:
    """How many of the sentence's tokens start in ``content``."""
    # The tokens run in text order: the content's are those from bisecting its ends.
    return bisect_left(sentence, content[1], key=_START) - bisect_left(
        sentence, content[0], key=_START
    )


def _subject_kind(text: str, speaker: Speaker) -> str:
    """Who the subject is, for the gate: a named person or organisation, a pronoun, a
    description ('officials'), or none found."""
    if speaker.entity is None:
        return "none"
    if speaker.mention and text[speaker.mention[0] : speaker.mention[1]].lower() in PRONOUNS:
        return "pronoun"
    if not speaker.entity.named:
        return "described"
    return "org" if speaker.entity.org else "person"


def indirect_candidate(
    content: tuple[int, int],
    speaker: Speaker,
    cue: tuple[int, int],
    probability: float,
    *,
    gated: bool = False,
    shortest: int = _MIN_CONTENT,
) -> Candidate | None:
    start, end = content
    if end - start < shortest:
        return None
    confidence = round(probability, 2)
    return Candidate(
        start, end, "indirect", speaker.entity, confidence, cue, speaker.mention, gated
    )
