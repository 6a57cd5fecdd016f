"""Reported speech around a learned cue: the cue model (cues.py) says which words of a
sentence attribute something; these rules find what is attributed and who by.

    'Trump has denied that he …'       subject before the cue, content after it
    '…, observers say.'                content before, subject between comma and cue
    '…, said the ministry.'            content before, subject after the cue
    'According to X, …' / '…, according to X'
    'The senator, adding that …'       a participle: the subject is the sentence's
    'X called for a review', 'X called on Y to …'   a demand: what is asked for

The speaker mention found here is resolved by speakers.speaker_in: which entity a
phrase names is that module's decision.

In the wide scope (Scope.WIDE, a gate given) the contents these rules pass over for want of
a clause, a negated or passive cue and a cue the model doubts go to the gate (gate.py),
which admits what PARC counts: 'urged residents to stay indoors', 'is expected to win'.
"""

from __future__ import annotations

import functools
import operator
import re
from bisect import bisect_left
from dataclasses import replace

from articles.extraction import cues
from articles.extraction.gate import CueFeatures, Gate, cue_features, features
from articles.extraction.hearsay import HEARSAY, with_hearsay
from articles.extraction.model import Candidate, Span
from articles.extraction.noun_cues import NOUNS, noun_cues
from articles.extraction.noun_cues import SHAPE as NOUN_SHAPE
from articles.extraction.patterns import (
    ATTRIBUTING_WORDS,
    LY_NOUNS,
    SAYING_VERBS,
    WHEN_THEN_COMMA,
    before_trailing_attribution,
)
from articles.extraction.registry import Registry
from articles.extraction.speakers import (
    Speaker,
    phrase_source,
    source_in,
    speaker_in,
    subject_length,
)

Token = tuple[int, int, str]

# Between a subject and its cue: 'Trump has also repeatedly denied'.
_AUXILIARIES = frozenset(
    """has have had having is was were are am be been being would will could should might
    may can must did does do not never also still already reportedly repeatedly
    previously later then now once again recently publicly privately ever even often
    first further only openly explicitly flatly falsely strongly really actually
    personally clearly just quickly immediately later initially yet perhaps maybe n’t n't
    ’s 's 've ’ve ’d 'd ’ll 'll long always too sometimes usually""".split()
)
# Where a subject phrase starts, looking back from its cue.
_BOUNDARY_WORDS = frozenset(
    """that but while because although though as when if whether since so and or than
    which where after before until unless whereas yet""".split()
)
_BOUNDARY_MARKS = frozenset(',;:()[]—–-"“”‘’')
# After a cue, words that make the rest of the sentence its time, place or audience
# rather than what was said: 'said on Monday', 'told reporters'.
_NOT_CONTENT = frozenset(
    """on in at during last this earlier later yesterday today tonight recently monday
    tuesday wednesday thursday friday saturday sunday week month year morning afternoon
    evening night the a an to reporters""".split()
)
_MIN_CONTENT = 8  # characters


def reported_around_cues(
    registry: Registry,
    text: str,
    start: int,
    end: int,
    taken: tuple[Span, ...] = (),
    *,
    gate: Gate | None = None,
) -> list[Candidate]:
    """The reported clauses of the sentence ``text[start:end]`` that the cue model finds
    cues for, in order; empty without a model. Cues in ``taken`` (the rules' own) are
    passed over before their speakers are looked up; ``gate`` (the wide scope's) weighs
    the contents without a clause."""
    headline = _name_colon(registry, text, start, end)
    if headline is None and gate is not None:
        headline = _source_colon(text, start, end)
    if headline is not None:
        return [headline]
    model = cues.load()
    if model is None:
        return []
    sentence = cues.tokens(text, start, end)
    found = []
    scored = model.cues(sentence, 0.0)
    hits = _cues_with_clauses(model, sentence, scored)
    low: frozenset[int] = frozenset()
    if gate is not None:
        hits, low = _with_low_cues(model, scored, hits)
    groups = _groups(hits, sentence)
    for first, last, probability in groups:
        cue_start, cue_end = sentence[first][0], sentence[last][1]
        if any(t_start < cue_end and cue_start < t_end for t_start, t_end in taken):
            continue
        if low and low.issuperset(range(first, last + 1)):
            # A word the cue model doubts ('wants', 'supports'): whatever the rules make
            # of it, the gate decides, and it makes nobody salient.
            cue = _low_cue_features(gate, sentence, first, last)
            if not _low_cue_may_pass(gate, cue, sentence, first, last, probability):
                continue  # most of them: the gate refuses whatever content they have
            before = registry.checkpoint()
            candidate = _around(registry, text, sentence, first, last, probability, _ASK_LATER)
            registry.restore(before)
            if candidate is not None:
                candidate = _low_cue(gate, text, sentence, first, last, candidate, cue)
            if candidate is not None and candidate.entity is None:
                # Weighed with no subject, as the gate learnt; its source's words after.
                source = _subject_source(text, sentence, first)
                candidate = replace(candidate, entity=source.entity, mention=source.mention)
        else:
            candidate = _around(registry, text, sentence, first, last, probability, gate)
        if candidate is not None:
            candidate = _before_next_verb(sentence, candidate, groups)
            if gate is not None:
                candidate = _before_main_clause(sentence, first, candidate, groups)
            candidate = _participle_of_attribution(sentence, first, candidate, found)
            if _raising(sentence, first, last, candidate):
                agent = _passive_agent(registry, text, sentence, first, last)
                if agent is None and _cue_after_to(sentence, last, groups):
                    # 'Lund seemed to urge …': the subject urges what follows, whatever
                    # it seems; the subject's own piece stays nobody's.
                    content, *subject = _with_subject(sentence, first, candidate)
                    found.append(
                        replace(content, entity=candidate.entity, mention=candidate.mention)
                    )
                    found.extend(subject)
                else:
                    found.extend(_with_subject(sentence, first, candidate, agent))
            else:
                found.extend(_with_lead(sentence, first, last, candidate))
            if gate is not None:
                found.extend(_lead_before_according(sentence, first, candidate))
        if gate is not None and _attribution_aside(sentence, last):
            found.extend(_pieces_around_aside(registry, text, sentence, first, last, found))
        elif gate is not None and (addressee := _told_aside(sentence, first, last)):
            # The rules read the addressee as the start of what was told: the wide scope
            # takes the clause the aside breaks instead.
            found = [c for c in found if c.start != sentence[last + 1][0]]
            found.extend(_pieces_around_aside(registry, text, sentence, first, addressee, found))
    # A set test on the tokens: searching each sentence for the pattern cost 2% more.
    if gate is not None and not NOUNS.isdisjoint(map(_WORD, sentence)):
        found.extend(_noun_contents(gate, registry, text, sentence, start, end, taken, found))
    if gate is not None and text.find(HEARSAY, start, end) >= 0:
        found = with_hearsay(sentence, found)
    if gate is not None and _POLL_WORDS.search(text, start, end):
        poll = _in_a_poll(registry, text, sentence)
        if poll is not None and not any(
            other.start < poll.end and poll.start < other.end for other in found
        ):
            found.append(poll)
    return found


def _noun_contents(
    gate: Gate,
    registry: Registry,
    text: str,
    sentence: list[Token],
    start: int,
    end: int,
    taken: tuple[Span, ...],
    found: list[Candidate],
) -> list[Candidate]:
    """What the attributing nouns of the sentence attribute ('calls for a recount') and
    the gate admits, where no other candidate is."""
    if isinstance(gate, Gate) and f"shape={NOUN_SHAPE}" not in gate.weights:
        return []  # a gate trained before these candidates existed knows nothing of them
    contents = []
    for first, last, content in noun_cues(text, sentence, start, end):
        cue_start, cue_end = sentence[first][0], sentence[last][1]
        spans = (*taken, *((c.start, c.end) for c in found), *((c.start, c.end) for c in contents))
        if any(
            (s < content[1] and content[0] < e) or (s < cue_end and cue_start < e) for s, e in spans
        ):
            continue
        candidate = _passed_over(
            gate, registry, text, sentence, first, last, content, NOUN_SHAPE, 0.0
        )
        if candidate is not None:
            contents.append(candidate)
    return contents


def _in_a_poll(registry: Registry, text: str, sentence: list[Token]) -> Candidate | None:
    """'Holt leads Berg by six points in a new county poll': PARC takes the poll the
    finding is 'in' as its source and the clause before as what it attributes."""
    match = _IN_A_POLL.search(text, sentence[0][0], sentence[-1][1])
    if match is None:
        return None
    cue = (match.start("in"), match.end("in"))
    lead = 0
    while lead < len(sentence) and sentence[lead][2].lower() in _CONNECTIVES:
        lead += 1
    if lead >= len(sentence):
        return None
    content_end = match.start()
    words = text[sentence[lead][0] : content_end].split()
    if len(words) < _POLL_CONTENT_WORDS or sentence[lead][0] >= content_end:
        return None
    before = registry.checkpoint()
    speaker = source_in(registry, text, match.start("poll"), match.end("poll"))
    registry.restore(before)
    return _candidate((sentence[lead][0], content_end), speaker, cue, _POLL_CONFIDENCE, gated=True)


# Most sentences name no poll: a plain search says so before _IN_A_POLL's.
_POLL_WORDS = re.compile("poll|survey")
# 'in' and the poll's noun phrase, at the end of the sentence or before a comma or a
# few words about it ('in a poll released Monday by …').
_IN_A_POLL = re.compile(
    r",?\s+(?P<in>in)\s+(?P<poll>(?:[\w’'.\-]+\s+){0,6}?(?:poll|survey)s?)\b"
    r"(?=[^.;:\n]{0,80}[.;\n]|[^.;:\n]{0,80}$)"
)
_POLL_CONTENT_WORDS = 3
_POLL_CONFIDENCE = 0.5


def _pieces_around_aside(
    registry: Registry,
    text: str,
    sentence: list[Token],
    first: int,
    last: int,
    found: list[Candidate],
) -> list[Candidate]:
    """'It was, he said, one of his bitterest failures', 'Any attempt to fix it, he said,
    becomes hopeless': PARC reads a clause an attribution breaks as two pieces of what
    was said, however short the lead and whatever the verb after; the rules take a piece
    only where they see a clause, and a lead only of some length. The pieces none of
    ``found`` covers."""
    if last + 2 >= len(sentence) or sentence[last + 1][2] != ",":
        return []
    comma = _last_comma_before(sentence, first)
    if comma is None or sentence[comma][2] != "," or comma < 1:
        return []
    end = len(sentence)
    while end > last + 2 and sentence[end - 1][2] in ".!?":
        end -= 1
    rest = sentence[last + 2 : end]
    if (
        len([w for _, _, w in rest if w[:1].isalnum()]) < _ASIDE_REST_WORDS
        or rest[0][2] in cues.QUOTE_MARKS
        or _participle(rest[0][2])
    ):
        return []
    lead = 0
    while lead < comma and sentence[lead][2].lower() in _CONNECTIVES:
        lead += 1
    if lead >= comma or any(w in cues.QUOTE_MARKS for _, _, w in sentence[lead:comma]):
        return []
    before = registry.checkpoint()
    speaker = _phrase(registry, text, sentence, comma + 1, _skip_auxiliaries(sentence, first))
    registry.restore(before)
    cue = (sentence[first][0], sentence[last][1])
    pieces = []
    for start, end_ in ((sentence[lead][0], sentence[comma - 1][1]), (rest[0][0], rest[-1][1])):
        if not any(other.start < end_ and start < other.end for other in found):
            pieces.append(
                Candidate(start, end_, "indirect", speaker.entity, 0.5, cue, speaker.mention, True)
            )
    return pieces


_ASIDE_REST_WORDS = 2


def _told_aside(sentence: list[Token], first: int, last: int) -> int | None:
    """The last word of the addressee in an aside 'The plan, Holt told reporters, will
    fail': a 'told' with up to three words after it, then a comma; None otherwise."""
    if sentence[last][2] != "told" or first < 2:
        return None
    for end in range(last + 1, min(last + 1 + _ADDRESSEE_WORDS, len(sentence) - 2)):
        word = sentence[end][2]
        if not word[:1].isalnum():
            return None
        if sentence[end + 1][2] == ",":
            comma = _last_comma_before(sentence, first)
            if comma is None or sentence[comma][2] != "," or first - comma > _ASIDE_SUBJECT:
                return None
            return end
    return None


_ADDRESSEE_WORDS = 3  # 'told reporters', 'told The Washington Post'


def _lead_before_according(
    sentence: list[Token], first: int, candidate: Candidate
) -> list[Candidate]:
    """'The message, according to the union, is that …', 'Now, according to the poll,
    …': PARC reads an 'according to' set between commas as the attribution of the clause
    it breaks, and the short lead before it as a piece of that clause, which the rules
    leave out when they take the rest. (A longer lead the rules take as the content, and
    what follows that one's source is more often a clause of the writer's.)"""
    if sentence[first][2].lower() != "according" or first < 2 or sentence[first - 1][2] != ",":
        return []
    if candidate.start < sentence[first][0]:
        return []  # the rules took the lead
    lead = 0
    while lead < first - 1 and sentence[lead][2].lower() in _CONNECTIVES:
        lead += 1
    if not any(w[:1].isalnum() for _, _, w in sentence[lead : first - 1]):
        return []
    return [replace(candidate, start=sentence[lead][0], end=sentence[first - 2][1], gated=True)]


def _raising(sentence: list[Token], first: int, last: int, candidate: Candidate) -> bool:
    """A content the wide scope takes after 'seems', 'appeared', 'is expected', or after
    a passive cue ('is considered', 'was seen as')."""
    return (
        candidate.gated
        and (sentence[last][2].lower() in _RAISING or _passive(sentence, first, last))
        and candidate.start >= sentence[last][1]
    )


def _cue_after_to(sentence: list[Token], last: int, groups) -> bool:
    """Whether a cue follows the raising cue at ``last`` and its 'to': 'seemed to urge',
    'is expected to endorse', an attributing word or one the model found."""
    at = last + 2
    return (
        at < len(sentence)
        and sentence[last + 1][2].lower() == "to"
        and (
            sentence[at][2].lower() in ATTRIBUTING_WORDS
            or any(first == at for first, _, _ in groups)
        )
    )


def _passive(sentence: list[Token], first: int, last: int) -> bool:
    """'is widely seen as', 'was named': a past participle for a cue, a form of 'be'
    among the words before it; not a state of mind ('was worried', 'is eager')."""
    head = sentence[last][2].lower()
    if head in _STATES_OF_MIND or not (head.endswith("ed") or head in _IRREGULAR_PARTICIPLES):
        return False
    i = first
    while i > 0 and (sentence[i - 1][2].lower() in _AUXILIARIES or _adverb(sentence[i - 1][2])):
        i -= 1
        if sentence[i][2].lower() in _BE:
            return True
    return False


_IRREGULAR_PARTICIPLES = frozenset("seen known thought said told shown held".split())
# Participles that say how someone is, not what is said of the subject: 'was asked' too,
# whose subject is who answers.
_STATES_OF_MIND = frozenset(
    """asked assured concerned outraged inclined convinced worried interested determined
    prepared pleased disappointed surprised committed focused""".split()
)


def _with_subject(
    sentence: list[Token], first: int, candidate: Candidate, agent: Speaker | None = None
):
    """'The ferry seems to be late', 'The vote is expected to slip': PARC reads what seems
    as the subject and the infinitive together, and nobody in the sentence says it but a
    passive's agent ('was seen by some as'); so the content loses its speaker to the agent
    or to no one, and gains the subject as a piece of its own."""
    agent = agent or Speaker(None)
    candidate = replace(candidate, entity=agent.entity, mention=agent.mention)
    yield candidate
    end = _skip_auxiliaries(sentence, first)
    start = end
    while (
        start > 0
        and end - start < _RAISED_WORDS
        and sentence[start - 1][2][:1].isalnum()
        and sentence[start - 1][2].lower() not in _SUBJECT_BOUNDS
    ):
        start -= 1
    if start < end and (start == 0 or end - start < _RAISED_WORDS):
        yield replace(candidate, start=sentence[start][0], end=sentence[end - 1][1])


def _passive_agent(
    registry: Registry, text: str, sentence: list[Token], first: int, last: int
) -> Speaker | None:
    """Who a passive cue's 'by' names right after it: 'some' in 'was seen by some as a
    demotion', 'many investors' in 'has been criticized by many investors for'."""
    if not _passive(sentence, first, last):
        return None
    at = last + 1
    while at < len(sentence) and _adverb(sentence[at][2]):
        at += 1
    if at + 1 >= len(sentence) or sentence[at][2].lower() != "by":
        return None
    end = at + 1
    while (
        end < len(sentence)
        and end - at <= _AGENT_WORDS
        and sentence[end][2][:1].isalnum()
        and sentence[end][2].lower() not in _AGENT_ENDS
    ):
        end += 1
    if end == at + 1:
        return None
    before = registry.checkpoint()
    agent = _phrase(registry, text, sentence, at + 1, end)
    registry.restore(before)
    return agent if agent.entity is not None else None


_AGENT_WORDS = 8
# Words after a passive's agent that end it: 'seen by some as', 'criticized by X for'.
_AGENT_ENDS = frozenset("as for to that in on at after when because who which over".split())


# Verbs whose subject PARC counts as part of what is attributed, as PolNeAR annotates.
_RAISING = frozenset("seem seems seemed appear appears appeared expected".split())
_RAISED_WORDS = 8
# Words before a subject that end it: a conjunction or the relative that opens its clause.
_SUBJECT_BOUNDS = frozenset(
    """that which who whom whose while because if when but and or as though although since
    where whether however so yet than despite""".split()
)


def _cues_with_clauses(
    model: cues.CueModel, sentence: list[Token], scored: list[tuple[int, float]]
) -> list[tuple[int, float]]:
    """The model's cues; the attributing words it scores lower, or never learned, that
    'that' or a pronoun and a verb follow ('they felt that …', 'asserts that …'); and
    verbs of saying set between commas after the clause they attribute; ``scored``: the
    model's probability for each word it knows."""
    found = {i: p for i, p in scored if p >= model.threshold}
    low = [
        (i, p) for i, p in scored if p < model.threshold and sentence[i][2] in _ATTRIBUTING_FORMS
    ]
    unlearned = _unlearned(model.vocabulary)
    # Most sentences hold no word the model never learned: a set test, in C, says so.
    if not unlearned.isdisjoint(map(_WORD, sentence)):
        low += [(i, 0.0) for i, (_, _, word) in enumerate(sentence) if word in unlearned]
    for i, p in low:
        if (
            (i == 0 or sentence[i - 1][2].lower() not in _DETERMINERS)
            and i + 1 < len(sentence)
            and sentence[i + 1][2] != ":"
            and (_that_clause(sentence, i) or _pronoun_clause(sentence, i))
        ) or _attribution_aside(sentence, i):
            found[i] = max(p, _LOW_CUE)
    return sorted(found.items())


def _with_low_cues(
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


_ASK_LATER = _AskLater()


def _low_cue_features(
    gate: Gate, sentence: list[Token], first: int, last: int
) -> CueFeatures | None:
    """What the gate makes of the low cue ``sentence[first:last + 1]``, which it weighs
    twice (``_low_cue_may_pass``, then ``_low_cue``); None for another gate than Gate."""
    if not isinstance(gate, Gate):
        return None
    return cue_features(list(map(_WORD, sentence)), first, last, "low")


def _low_cue_may_pass(
    gate: Gate,
    cue: CueFeatures | None,
    sentence: list[Token],
    first: int,
    last: int,
    probability: float,
) -> bool:
    """Whether the gate might admit a content of the low cue ``sentence[first:last + 1]``,
    of any length and subject; False only when _low_cue would refuse whatever _around
    builds for it. Its candidate's confidence is the cue's probability rounded, or 0.0
    for what 'Asked' asks."""
    if not isinstance(gate, Gate):
        return True  # bench/train_gate.py's recorder, which must see every candidate
    confidences = (round(probability, 2),)
    if _asked(sentence, first, last) is not None:
        confidences += (0.0,)
    return gate.might_admit(cue, "low", probabilities=confidences)


def _low_cue(
    gate: Gate,
    text: str,
    sentence: list[Token],
    first: int,
    last: int,
    candidate: Candidate,
    cue: CueFeatures | None,
) -> Candidate | None:
    """``candidate`` when the gate admits it as a low cue's content; ``cue``: what
    ``_low_cue_features`` made of the cue."""
    speaker = Speaker(candidate.entity, candidate.mention)
    content = (candidate.start, candidate.end)
    admitted = _admits(
        gate, text, sentence, first, last, content, speaker, "low", candidate.confidence, cue
    )
    return replace(candidate, gated=True) if admitted else None


# The attributing words as written in a sentence, in lower case or capitalised.
_ATTRIBUTING_FORMS = ATTRIBUTING_WORDS | {word.capitalize() for word in ATTRIBUTING_WORDS}
_WORD = operator.itemgetter(2)
_START = operator.itemgetter(0)


@functools.cache
def _unlearned(vocabulary: frozenset[str]) -> frozenset[str]:
    """The attributing words' forms the cue model has no weights for."""
    return frozenset(form for form in _ATTRIBUTING_FORMS if form.lower() not in vocabulary)


def _attribution_aside(sentence: list[Token], i: int) -> bool:
    """'The plan, the mayor argues, will fail', '…, other studies have shown.': a verb of
    saying between a comma and a comma or the sentence's end, its subject after the
    first comma."""
    if sentence[i][2].lower() not in SAYING_VERBS or sentence[i - 1][2].lower() in _DETERMINERS:
        return False  # 'rejects the claims': a noun
    following = sentence[i + 1][2] if i + 1 < len(sentence) else "."
    if following not in ",.!?;":
        return False
    comma = _last_comma_before(sentence, i)
    if comma is None or comma < 2 or not 1 <= i - comma <= _ASIDE_SUBJECT:
        return False
    # Before the comma a clause, not the subject and its apposition ('The operator,
    # Fjellvind AS, says.'); a clause broken by the aside goes on after it.
    return following == "," or any(
        w.lower() in _FINITE or (j > 0 and w.endswith("ed"))
        for j, (_, _, w) in enumerate(sentence[:comma])
    )


_LOW_CUE = 0.15  # the lowest probability at which an attributing word before a clause counts


def _pronoun_clause(sentence: list[Token], last: int) -> bool:
    """'felt they were', 'say she’ll continue': a subject pronoun and a verb right after
    the cue."""
    words = [w.lower() for _, _, w in sentence[last + 1 : last + 3]]
    return (
        len(words) == 2
        and _subject_pronoun(words[0])
        and words[1][:1].isalpha()
        and words[1] not in _PREPOSITIONS
    )


def _participle_of_attribution(
    sentence: list[Token], first: int, candidate: Candidate, found: list[Candidate]
) -> Candidate:
    """'The ferry will stop, the ministry said on Monday, citing falling traffic': a
    participle after an attribution that ends its sentence's clause is that speaker's."""
    at = _skip_auxiliaries(sentence, first)
    if not (at > 0 and sentence[at - 1][2] == "," and _participle(sentence[first][2])):
        return candidate
    for before in reversed(found):
        if before.cue and before.end <= before.cue[0] and before.cue[1] <= sentence[at - 1][0]:
            return replace(candidate, entity=before.entity, mention=before.mention)
    return candidate


def _before_next_verb(sentence: list[Token], candidate: Candidate, groups) -> Candidate:
    """'Police announced an arrest and said a curfew would continue': a content that
    runs into the subject's next cue ends at the 'and' (or a participle's comma) before
    it."""
    for first, _, _ in groups:
        at = _skip_auxiliaries(sentence, first)
        if (
            at > 0
            and sentence[at - 1][2] == ","
            and _participle(sentence[first][2])
            and candidate.start < sentence[at - 1][0] < candidate.end
        ):
            # '…said he doubted it, arguing that …': the participle's clause is its own.
            return replace(candidate, end=sentence[at - 1][0])
        if (
            at > 0
            and sentence[at - 1][2].lower() == "and"
            and candidate.start < sentence[at - 1][0] < candidate.end
        ):
            before = at - 2
            while before > 0 and sentence[before][2] in ",;":
                before -= 1
            if sentence[before][1] > candidate.start:
                return replace(candidate, end=sentence[before][1])
    return candidate


def _before_main_clause(
    sentence: list[Token], first: int, candidate: Candidate, groups
) -> Candidate:
    """'While he allowed that his members lean left, he estimated …', 'Okafor, who
    estimated that a third were members, said …': a cue in a clause that opens the
    sentence, or in a relative clause between commas, attributes only up to the comma
    after which the main clause's subject and cue come. Otherwise its content would hold
    the main clause's cue and be taken for the same attribution, and dropped."""
    if not _in_subordinate_clause(sentence, first):
        return candidate
    for other, _, _ in groups:
        if other <= first:
            continue
        comma = _comma_before_subject(sentence, other)
        if comma is not None and candidate.start < sentence[comma][0] < candidate.end:
            return replace(candidate, end=sentence[comma][0])
    return candidate


def _in_subordinate_clause(sentence: list[Token], first: int) -> bool:
    """Whether the cue at ``first`` is the verb of a relative clause set off by a comma
    (', who estimated') or of a clause a subordinating word opens the sentence with
    ('While he allowed', 'When the mayor suggested')."""
    at = _skip_auxiliaries(sentence, first)
    if at >= 2 and sentence[at - 1][2].lower() in _RELATIVES and sentence[at - 2][2] == ",":
        return True
    return (
        first > 1
        and sentence[0][2].lower() in _SUBORDINATORS
        and all(w != "," for _, _, w in sentence[1:first])
    )


# Words that open a sentence with a clause that is not its main one.
_SUBORDINATORS = frozenset(
    "while when as if although though after before because since once whereas unless".split()
)


def _comma_before_subject(sentence: list[Token], cue: int) -> int | None:
    """The comma before the subject of the cue at ``cue`` (', he estimated', ', the
    board ruled'), or before the cue itself (', said Okafor'); None when none is near."""
    at = _skip_auxiliaries(sentence, cue)
    start = at
    while (
        start > 0
        and at - start < _MAIN_SUBJECT_WORDS
        and sentence[start - 1][2][:1].isalnum()
        and sentence[start - 1][2].lower() not in _BOUNDARY_WORDS
    ):
        start -= 1
    if start > 0 and sentence[start - 1][2] == ",":
        return start - 1
    return None


_MAIN_SUBJECT_WORDS = 6


def _name_colon(registry: Registry, text: str, start: int, end: int) -> Candidate | None:
    """'Sanders: Clinton needs to get away from personality': a headline's named speaker,
    a colon, and what they said."""
    colon = text.find(": ", start, min(end, start + 40))
    if colon < 0:
        return None
    words = text[start:colon].split()
    if not 1 <= len(words) <= 4 or not all(w[:1].isupper() for w in words):
        return None
    if any(w.lower() in ATTRIBUTING_WORDS for w in words):
        return None  # 'Said Ellis: “…”': a cue, and the quotation's own rules read it
    if words[0].lower().rstrip("’'s") in _NEWS_LABELS:
        return None  # 'Correction: An earlier version …': the paper's note, no one's words
    if len(text[colon + 2 : end].split()) < 4:
        return None
    speaker = speaker_in(registry, text, start, colon)
    if speaker.entity is None or not speaker.entity.named or speaker.mention is None:
        return None
    content_end = end - 1 if text[end - 1] in ".!?" else end
    return Candidate(
        colon + 2, content_end, "indirect", speaker.entity, 0.6, (colon, colon + 1), speaker.mention
    )


def _source_colon(text: str, start: int, end: int) -> Candidate | None:
    """'Poll: Holt leads Berg in the county', 'Report: The ferry ran at a loss': a
    headline whose source is a poll or a report, which PARC counts like a named
    speaker's; no one the registry knows."""
    colon = text.find(": ", start, min(end, start + _SOURCE_LABEL_CHARACTERS))
    if colon < 0:
        return None
    words = text[start:colon].split()
    if not 1 <= len(words) <= 3 or words[-1] not in _SOURCE_LABELS:
        return None
    if len(text[colon + 2 : end].split()) < 3:
        return None
    content_end = end - 1 if text[end - 1] in ".!?" else end
    # Its source is the label's words ('Poll', 'New Survey'), described, not looked up.
    source = phrase_source(text, start, colon)
    return Candidate(
        colon + 2,
        content_end,
        "indirect",
        source.entity,
        0.5,
        (colon, colon + 1),
        source.mention,
        True,
    )


_SOURCE_LABELS = frozenset("Poll Polls Survey Report Study".split())
_SOURCE_LABEL_CHARACTERS = 30


# Words that head a newspaper's own note or section, not a speaker: 'Correction: …'.
_NEWS_LABELS = frozenset(
    """correction corrections clarification update updated editor note related watch read
    breaking exclusive photos photo video live analysis opinion""".split()
)


def learned_cue(text: str, start: int, end: int, *, near: bool = False) -> tuple[int, int] | None:
    """The last cue the model finds in ``text[start:end]`` (the lead of quoted words in a
    sentence: 'Trump tweeted that Machado was “a con”'), or None. A word that attributes
    only in PolNeAR's wider sense ('calling him “…”', 'labeling it “…”') counts when
    ``near``: at most four words before the quotation mark at ``end``; or when an 'as'
    labels its object with the quoted words ('criticized the act as a “…”')."""
    model = cues.load()
    if model is None:
        return None
    sentence = cues.tokens(text, start, end)
    groups = _groups(model.cues(sentence), sentence)
    if not groups:
        return None
    first, last, _ = groups[-1]
    attributing = any(w.lower() in ATTRIBUTING_WORDS for _, _, w in sentence[first : last + 1])
    close = near and len(sentence) - last <= 5
    if not attributing and not close and _AS_LABEL.search(text, start, end) is None:
        return None
    return sentence[first][0], sentence[last][1]


# The end of a lead that labels an object with quoted words: '… the act as a “'.
_AS_LABEL = re.compile(r"\bas\s+(?:(?:a|an|the|being|being\s+in\s+the)\s+)?[“\"‘']?\s*$")


def _groups(hits: list[tuple[int, float]], sentence: list[Token]) -> list[tuple[int, int, float]]:
    """Adjacent cue tokens as one cue ('pointed out'): ``(first, last, probability)``."""
    groups: list[list] = []
    for i, p in hits:
        if groups and groups[-1][1] == i - 1:
            groups[-1][1] = i
            groups[-1][2] = max(groups[-1][2], p)
        else:
            groups.append([i, i, p])
    for group in groups:  # 'according to' is one cue
        if sentence[group[1]][2].lower() == "according" and group[1] + 1 < len(sentence):
            group[1] += 1
    return [tuple(g) for g in groups]


def _around(
    registry: Registry,
    text: str,
    sentence: list[Token],
    first: int,
    last: int,
    probability: float,
    gate: Gate | None = None,
) -> Candidate | None:
    cue = (sentence[first][0], sentence[last][1])
    if _adjunct(sentence, first):
        return None  # 'said in a statement that': the statement is where, not who
    if sentence[first][2].lower() == "according":
        return _according_to(registry, text, sentence, first, last, cue, probability)
    attributing = any(w.lower() in ATTRIBUTING_WORDS for _, _, w in sentence[first : last + 1])
    question = _asked(sentence, first, last) if gate else None
    if question is not None:
        # 'Asked whether the ferry would run, she laughed': PARC counts the question.
        return _passed_over(gate, registry, text, sentence, first, last, question, "asked", 0.0)
    if gate is not None and first == 0 and last == 0 and _opening_participle(sentence):
        # 'Noting that the ferry was late, Holt said …': the opening participle's clause,
        # to its comma, is what the main clause's subject notes.
        return _opening_participle_content(registry, text, sentence, cue, probability)
    if first == 0 or _negated_or_passive(sentence, first):
        # 'Asked whether …, she laughed', 'did not say', 'is expected to'; PARC counts
        # the last two, which the wide scope's gate weighs.
        right = _right_content(text, sentence, last) if gate and first else None
        if right is None:
            return None
        shape = "negated" if _negated(sentence, first) else "passive"
        return _passed_over(gate, registry, text, sentence, first, last, right, shape, probability)
    demand = _called_for(sentence, first)
    if demand is not None:
        speaker = _subject_before(registry, text, sentence, first)
        cue = (cue[0], sentence[first + 1][1])  # 'called for', 'called on'
        return _candidate(demand, speaker, cue, probability)
    reason = _cited(sentence, first)  # the model may take the reason's first word too
    if reason is not None:
        cue = (cue[0], sentence[first][1])
        return _candidate(
            reason, _subject_before(registry, text, sentence, first), cue, probability
        )
    that = _that_after_aside(sentence, last)
    if that is not None and not _impersonal(sentence, first):
        end = len(sentence)
        while end > that + 1 and sentence[end - 1][2] in ".!?":
            end -= 1
        content = (sentence[that + 1][0], sentence[end - 1][1])
        speaker = _subject_before(registry, text, sentence, first)
        return _candidate(content, speaker, cue, probability)
    right = _right_content(text, sentence, last)
    if right is not None:
        if not attributing and not _that_clause(sentence, last):
            # 'defended the plan', 'looking into whether': no clause said; in the wide
            # scope, perhaps what is urged or questioned, which the gate weighs.
            if gate is None:
                return None
            clause = _clause_follows(sentence, last) or _zero_that_clause(sentence, last)
            shape = "word clause" if clause else "word"
            return _passed_over(
                gate, registry, text, sentence, first, last, right, shape, probability
            )
        if not _clause_follows(sentence, last) and not _zero_that_clause(sentence, last):
            if not (
                _only_circumstance(sentence, first, last)
                or (sentence[last + 1][2] == "," and _attribution_aside(sentence, last))
            ):
                # 'pointed to a report', 'asked her about it', but 'denied the charges'.
                if gate is None:
                    return None
                return _passed_over(
                    gate, registry, text, sentence, first, last, right, "object", probability
                )
            # '…, she said in an interview', 'If the tolls rise, he warned, families plan
            # to leave': the content came before.
            right = None
    if right is not None:
        if _impersonal(sentence, first):
            return None  # 'it is obvious that …': nobody says it
        speaker = _subject_before(registry, text, sentence, first)
        return _candidate(right, speaker, cue, probability)
    # The content comes first: '…, observers say.' or '…, said the ministry.'
    if not attributing:
        # 'mocked the complaint': two words after a cue word the rules do not trust.
        short = _right_content(text, sentence, last, min_words=2) if gate else None
        if short is None:
            return None
        return _passed_over(
            gate, registry, text, sentence, first, last, short, "short", probability
        )
    comma = _last_comma_before(sentence, first)
    if comma is None or comma < 2 or first - comma > 9:
        return None  # no clause before, or too far from the cue to be its own
    if any(w in cues.QUOTE_MARKS for _, _, w in sentence[comma:first]):
        return None
    if not sentence[0][2][:1].isalnum() and sentence[0][2] not in cues.QUOTE_MARKS:
        return None  # a sentence cut at an abbreviation: '), a candidate, tweeted
    content = (sentence[0][0], sentence[comma][0])
    if comma + 1 == first:
        speaker = _phrase(registry, text, sentence, last + 1, len(sentence))  # said X
    else:
        speaker = _phrase(registry, text, sentence, comma + 1, _skip_auxiliaries(sentence, first))
    return _candidate(content, speaker, cue, probability)


def _opening_participle_content(
    registry: Registry, text: str, sentence: list[Token], cue: Span, probability: float
) -> Candidate | None:
    """What an opening participle attributes, up to the comma before the main clause,
    whose subject is its speaker; a piece only the wide scope takes."""
    if not sentence[0][2].endswith("ing"):
        return None  # 'Preceded by the mayor, …': a passive participle
    comma = next((i for i, (_, _, w) in enumerate(sentence) if w == ","), None)
    if comma is None or comma < 3 or comma + 1 >= len(sentence):
        return None
    if any(w in cues.QUOTE_MARKS for _, _, w in sentence[1:comma]):
        return None
    before = registry.checkpoint()
    speaker = _sentence_subject(registry, text, sentence, len(sentence))
    registry.restore(before)
    content = (sentence[1][0], sentence[comma - 1][1])
    return _candidate(content, speaker, cue, probability, gated=True)


_DETERMINERS = frozenset("a an the his her its their this that our".split())


def _asked(sentence: list[Token], first: int, last: int) -> tuple[int, int] | None:
    """What 'Asked' opening a sentence asked, to its comma: 'Asked by a reporter whether
    …,', 'When asked about …,'."""
    if sentence[last][2].lower() != "asked" or first > 1:
        return None
    if first == 1 and sentence[0][2].lower() not in ("when", "once", "after"):
        return None
    at = last + 1
    if at < len(sentence) and sentence[at][2].lower() in ("by", "on", "in", "during", "at"):
        # Past who asked, or where: the question opens with its own word.
        at = next(
            (
                j
                for j in range(at + 1, min(len(sentence), at + 12))
                if _opens_question(sentence[j][2])
            ),
            len(sentence),
        )
    if at >= len(sentence) or not _opens_question(sentence[at][2]):
        return None
    comma = next((j for j in range(at + 1, len(sentence)) if sentence[j][2] == ","), None)
    if comma is None:
        return None  # 'Asked why …' running to the end asks nothing of a speaker
    return sentence[at][0], sentence[comma - 1][1]


def _opens_question(word: str) -> bool:
    return word.lower() in _QUESTION_WORDS or word.lower() in ("if", "about", "to", "when", "where")


def _only_circumstance(sentence: list[Token], first: int, last: int) -> bool:
    """Nothing said after the cue, only where or when it was ('said in an interview on
    Monday'), and a clause before it: '…, she said in an interview.'"""
    rest = [w.lower() for _, _, w in sentence[last + 1 :] if w[:1].isalnum()]
    if not rest or rest[0] not in _PREPOSITIONS or len(rest) > _CIRCUMSTANCE_WORDS:
        return False
    if sentence[last][2].lower() not in SAYING_VERBS or any(
        w in _FINITE or w == "that" for w in rest
    ):
        return False
    comma = _last_comma_before(sentence, first)
    return comma is not None and any(w.lower() in _FINITE for _, _, w in sentence[:comma])


_CIRCUMSTANCE_WORDS = 8
_ASIDE_SUBJECT = 6  # tokens from the comma to the cue: ', the party's chairman argues,'


def _adjunct(sentence: list[Token], first: int) -> bool:
    """A cue word inside a preposition's phrase: 'in a statement', 'during an interview'."""
    return (
        first >= 2
        and sentence[first - 1][2].lower() in _DETERMINERS
        and sentence[first - 2][2].lower() in _PREPOSITIONS
    )


def _with_lead(sentence: list[Token], first: int, last: int, candidate: Candidate):
    """'The plan, he said, will fail': a clause broken by its attribution is two pieces,
    the lead before the subject's comma and the rest after the cue's."""
    yield candidate
    after = sentence[last + 1 : last + 3]
    if len(after) < 2 or after[0][2] != "," or after[1][2] in cues.QUOTE_MARKS:
        return  # no clause after the cue's comma, or a quotation the marks' rules read
    if candidate.start < sentence[last][1]:
        return
    comma = _last_comma_before(sentence, first)
    if comma is None or first - comma > 6 or sentence[comma][2] != ",":
        return
    # However short ('The museum, he said, …', 'Perhaps, she said, …'), after a leading
    # 'And' or 'But', which join the sentence to the one before.
    lead = 0
    while lead < comma and sentence[lead][2].lower() in _CONNECTIVES:
        lead += 1
    if lead < comma and any(w[:1].isalnum() for _, _, w in sentence[lead:comma]):
        yield replace(candidate, start=sentence[lead][0], end=sentence[comma][0])


_CONNECTIVES = frozenset("and but so yet still however meanwhile instead indeed also".split())


def _passed_over(
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
    if shape in _PHRASE_SHAPES and not _clause_follows(sentence, last):
        content = _to_comma(sentence, content)
    if content[1] - content[0] < _MIN_CONTENT:
        return None
    cue = None
    if isinstance(gate, Gate):
        # Weighed twice, here and in _admits: the cue's features are built once.
        cue = cue_features(list(map(_WORD, sentence)), first, last, shape)
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
    speaker = _subject_before(registry, text, sentence, first)
    registry.restore(before)
    if not _admits(gate, text, sentence, first, last, content, speaker, shape, probability, cue):
        return None
    if speaker.entity is None and gate is not _ASK_LATER:
        speaker = _subject_source(text, sentence, first)
    cue = (sentence[first][0], sentence[last][1])
    return _candidate(content, speaker, cue, probability, gated=True)


def _subject_source(text: str, sentence: list[Token], first: int) -> Speaker:
    """The subject phrase before a gated content's cue when it names nobody the registry
    knows ('A new county poll found', 'Minority voters appeared more likely to'): the
    phrase itself, as a thing described, so the content keeps its source's words."""
    end = _skip_auxiliaries(sentence, first)
    start = _boundary(sentence, end)
    if end - start >= 2 and sentence[start][2].lower() in _BEFORE_SUBJECT:
        start += 1
    if start >= end:
        return Speaker(None)
    return phrase_source(text, sentence[start][0], sentence[end - 1][1])


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
    if gate is _ASK_LATER:
        return True  # the real gate weighs the low cue's candidate once it is built
    length = _content_length(sentence, content)
    words = list(map(_WORD, sentence)) if cue is None else []
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
    if speaker.mention and text[speaker.mention[0] : speaker.mention[1]].lower() in _PRONOUNS:
        return "pronoun"
    if not speaker.entity.named:
        return "described"
    return "org" if speaker.entity.org else "person"


# Pronouns that can carry one long predicate to a cue ('He went out of his way to say');
# 'it' and 'I' open too many sentences that attribute nothing.
_SUBJECT_PRONOUNS = frozenset("he she they we".split())
# A speaker named by a pronoun, for the gate: any subject pronoun.
_PRONOUNS = _SUBJECT_PRONOUNS | {"i", "it"}


def _candidate(
    content: tuple[int, int],
    speaker: Speaker,
    cue: tuple[int, int],
    probability: float,
    *,
    gated: bool = False,
) -> Candidate | None:
    start, end = content
    if end - start < _MIN_CONTENT:
        return None
    confidence = round(probability, 2)
    return Candidate(
        start, end, "indirect", speaker.entity, confidence, cue, speaker.mention, gated
    )


def _right_content(
    text: str, sentence: list[Token], last: int, min_words: int = 3
) -> tuple[int, int] | None:
    """The content after the cue, to the sentence's end, when there is one: at least
    ``min_words`` words, not only when and to whom it was said."""
    rest = sentence[last + 1 :]
    # 'estimates that the plan would raise $1 trillion; the foundation puts it at …':
    # a semicolon ends the reported clause.
    rest_words = list(map(_WORD, rest))
    if ";" in rest_words:
        rest = rest[: rest_words.index(";")]
    while rest and rest[-1][2] in ".!?":
        rest = rest[:-1]
    if rest and WHEN_THEN_COMMA.match(text, sentence[last][1]):
        return None  # 'said Friday afternoon, as they …': when, then another clause
    words = [w for _, _, w in rest if w[:1].isalnum()]
    if len(words) < min_words and not (rest and rest[0][2] == ":"):
        return None
    if all(w.lower() in _NOT_CONTENT or w[:1].isupper() for w in words) and len(words) < 5:
        return None  # 'said on Monday', 'told CNN'
    i = 0
    while i < len(rest) and rest[i][2] in ",:":
        i += 1
    if i and rest[0][2] == "," and _participle(rest[i][2]):
        return None  # 'Rendell recalled, suggesting …': the participle is the next cue's
    # 'told reporters on Monday that …': the clause starts after its 'that'.
    lead = [w.lower() for _, _, w in rest[i : i + 6]]
    if "that" in lead and not any(w in _FINITE for w in lead[: lead.index("that")]):
        i += lead.index("that") + 1
    if i >= len(rest):
        return None
    return before_trailing_attribution(text, rest[i][0], rest[-1][1])


def _that_after_aside(sentence: list[Token], last: int) -> int | None:
    """The 'that' after an aside between commas right after the cue ('insisted, most
    recently in an interview with NRK, that he …'), when a clause follows it; or None."""
    if last + 2 >= len(sentence) or sentence[last + 1][2] != ",":
        return None
    for j in range(last + 2, min(len(sentence) - 1, last + _ASIDE_TOKENS)):
        word = sentence[j][2]
        if word == "," and sentence[j + 1][2].lower() == "that":
            return j + 1 if _zero_that_clause(sentence, j + 1) else None
        if word.lower() in _FINITE or not (word[:1].isalnum() or word in "-'’"):
            return None  # a clause of its own, or a mark that ends the aside
    return None


_ASIDE_TOKENS = 16


def _called_for(sentence: list[Token], at: int) -> tuple[int, int] | None:
    """What a demand asks for: 'called for [a review of the tolls]', 'calls on [the
    council to release the videos]' (an 'on' with a 'to' after it, not 'on Monday')."""
    if sentence[at][2].lower() not in _CALL or at + 2 >= len(sentence):
        return None
    preposition = sentence[at + 1][2].lower()
    end = len(sentence)
    while end > at + 2 and sentence[end - 1][2] in ".!?":
        end -= 1
    if end <= at + 2:
        return None
    if preposition == "on" or preposition == "upon":
        following = [w.lower() for _, _, w in sentence[at + 2 : at + 10]]
        if "to" not in following or following[0] in _TIMES:
            return None
    elif preposition != "for":
        return None
    return sentence[at + 2][0], sentence[end - 1][1]


_CALL = frozenset("call calls called calling".split())


def _cited(sentence: list[Token], at: int) -> tuple[int, int] | None:
    """What is given as a reason: 'citing [a threat to public health]', 'cited [his
    endorsements]', up to a relative clause about it (', who took heat …')."""
    if sentence[at][2] not in _CITE or at + 1 >= len(sentence):
        return None
    if sentence[at + 1][2].lower() in _PREPOSITIONS or not sentence[at + 1][2][:1].isalnum():
        return None  # 'was cited by the minister', 'cited, too'
    end = len(sentence)
    for j in range(at + 2, len(sentence) - 1):
        if sentence[j][2] == "," and sentence[j + 1][2].lower() in _CLAUSE_OPENERS:
            end = j
            break
    while end > at + 1 and sentence[end - 1][2] in ".!?":
        end -= 1
    return sentence[at + 1][0], sentence[end - 1][1]


_CITE = frozenset("cite cites cited citing".split())
_BE = frozenset("is are was were be been being am ’s 's".split())
_NEGATIONS = frozenset("not n't n’t never no".split())
# The words between a subject and its cue that may hide a negation: made once, not for
# each word looked back at.
_AUXILIARIES_OR_NEGATIONS = _AUXILIARIES | _NEGATIONS
# Finite verbs that show a clause without 'that': 'said the span is unsafe'.
_FINITE = frozenset(
    """is are was were will would can could should has have had may might must does did
    do wo ca""".split()
)
_SUBJECT_WORDS = frozenset("he she it they we i this there".split())


def _negated_or_passive(sentence: list[Token], first: int) -> bool:
    """'did not say', 'have been told to wait', 'is expected on 28 April'."""
    i = first
    while i > 0 and sentence[i - 1][2].lower() in _AUXILIARIES_OR_NEGATIONS:
        i -= 1
        word = sentence[i][2].lower()
        if word in _NEGATIONS or (word in _BE and not _clause_follows(sentence, first)):
            return True
    return False


def _negated(sentence: list[Token], first: int) -> bool:
    """'did not say', 'has never denied': a negation among the words before the cue."""
    i = first
    while i > 0 and sentence[i - 1][2].lower() in _AUXILIARIES_OR_NEGATIONS:
        i -= 1
        if sentence[i][2].lower() in _NEGATIONS:
            return True
    return False


def _that_clause(sentence: list[Token], last: int) -> bool:
    """'that' and a clause right after the cue, not 'that amount' or 'that spilled'."""
    following = sentence[last + 1 : last + 2]
    if not following:
        return False
    if following[0][2] == ":":
        return True
    if following[0][2].lower() in _QUESTION_WORDS:
        return True  # 'questioned whether the county could pay': a reported question
    if following[0][2].lower() != "that":
        return False
    # 'that his plan works': a determiner after 'that' makes it the clause's opener, not
    # a demonstrative ('that plan'), however the clause's verb is spelt.
    after = sentence[last + 2 : last + 3]
    return bool(after and after[0][2].lower() in _CLAUSE_DETERMINERS) or _zero_that_clause(
        sentence, last + 1
    )


_QUESTION_WORDS = frozenset("whether how why what who".split())
_CLAUSE_DETERMINERS = frozenset("the a an his her its their our my your some many most".split())


def _zero_that_clause(sentence: list[Token], last: int) -> bool:
    """A clause right after the cue, with no 'that': a finite verb in its first words."""
    original = [w for _, _, w in sentence[last + 1 : last + 14]]
    words = [w.lower() for w in original]
    if not words:
        return False
    if _subject_pronoun(words[0]) and len(words) > 1 and words[1][:1].isalpha():
        return words[1] not in _PREPOSITIONS  # 'say they plan', 'says she’ll continue'
    if words[0] in _PREPOSITIONS and not (
        words[0] == "about" and words[1:2] and words[1][:1].isdigit()
    ):
        return False  # 'said after the meeting', but 'said about 60 families were …'
    for j, word in enumerate(words[1:], start=1):
        if word in _FINITE or word.endswith("ed"):
            return True
        if word.endswith("s") and words[j - 1] in _SUBJECT_WORDS:
            return True
        if (
            j <= 2
            and word.endswith("s")
            and word.isalpha()
            and all(w[:1].isupper() for w in original[:j])
        ):
            return True  # 'say Scott deserves', 'said Mary Poppins sings'

        if word in ";:":
            return False
    return False


def _impersonal(sentence: list[Token], first: int) -> bool:
    """'it is obvious that', 'there was little doubt that': an empty subject and a form of
    'be' before the cue, where the cue is what is said of the clause, not who says it."""
    end = _skip_auxiliaries(sentence, first)
    if end > 0 and sentence[end - 1][2].lower().replace("’", "'") in ("it's", "there's"):
        return True  # 'It's unclear whether …': the 's is the form of 'be'
    if end == 0 or end == first:
        return False
    skipped = {w.lower() for _, _, w in sentence[end:first]}
    return sentence[end - 1][2].lower() in ("it", "there") and bool(skipped & _FORMS_OF_BE)


_FORMS_OF_BE = frozenset("is was are were be been being".split())


def _subject_pronoun(word: str) -> bool:
    """'they', 'she’ll', 'we're': a pronoun that can only be a clause's subject."""
    return _APOSTROPHE.split(word, maxsplit=1)[0] in _CLAUSE_SUBJECTS


_CLAUSE_SUBJECTS = frozenset("he she they we i".split())
_APOSTROPHE = re.compile(r"[’']")  # compiled once: re.split looks a pattern up per call
_PREPOSITIONS = frozenset(
    """to on about into for of with at in by from over against outside inside after before
    during near following while when as amid among under behind through via without
    within since until upon""".split()
)
_CLAUSE_OPENERS = frozenset("that whether if how why what who when where which :".split())


def _clause_follows(sentence: list[Token], last: int) -> bool:
    """A clause after the cue, perhaps after whom it was told: 'warned (voters) that'."""
    return any(w.lower() in _CLAUSE_OPENERS for _, _, w in sentence[last + 1 : last + 4])


def _last_comma_before(sentence: list[Token], first: int) -> int | None:
    for i in range(first - 1, -1, -1):
        if sentence[i][2] in ",;:—–":
            return i
    return None


def _skip_auxiliaries(sentence: list[Token], i: int) -> int:
    """Where the subject ends: before the auxiliaries and adverbs that precede the cue."""
    while i > 0:
        word = sentence[i - 1][2].lower()
        if word in _AUXILIARIES or (_adverb(word) and sentence[i - 1][2].islower()):
            i -= 1
        elif word == "since" and i > 1 and sentence[i - 2][2].lower() in _PERFECT:
            i -= 1  # 'has since said'; 'Since announcing …' opens a phrase
        elif word in _QUANTIFIERS and i > 1 and sentence[i - 2][2].lower() not in _BOUNDARY_WORDS:
            i -= 1  # 'Lund and Berg both stressed'; 'Both want' is the subject itself
        elif i > 1 and word in _TIMES and sentence[i - 2][2].lower() in _TIME_LEADS:
            i -= 2  # 'Harbour Bank this month announced', 'Nord on Monday said'
        elif i > 1 and word == "it" and sentence[i - 2][2].lower() in _MAKE:
            i -= 2  # 'Hale made it clear that'
        elif i > 1 and word == "to" and sentence[i - 2][2].lower() in _VERBS_BEFORE_TO:
            i -= 2  # 'Democrats wanted to know', 'the mayor declined to say'
        else:
            break
    return i


def _adverb(word: str) -> bool:
    """'reportedly', 'flatly': a word in -ly that is no noun ('family', 'the weekly')."""
    return word.endswith("ly") and len(word) > 4 and word not in LY_NOUNS


_PERFECT = frozenset("has have had".split())
_QUANTIFIERS = frozenset("both all each".split())
_TIME_LEADS = frozenset("this last next earlier on".split())
# 'made it clear': the cue is the adjective; 'made it' stands between it and the subject.
_MAKE = frozenset("make makes made making".split())
# Verbs whose subject is also the subject of the cue after 'to': 'wanted to know'.
_VERBS_BEFORE_TO = frozenset(
    """want wants wanted decline declines declined refuse refuses refused try tries tried
    continue continues continued seem seems seemed appear appears appeared seek seeks
    sought hope hopes hoped plan plans planned promise promises promised vow vows vowed
    threaten threatens threatened decide decides decided begin begins began need needs
    needed""".split()
)
_TIMES = frozenset(
    """week month year morning afternoon evening night weekend monday tuesday wednesday
    thursday friday saturday sunday""".split()
)


def _subject_before(registry: Registry, text: str, sentence: list[Token], first: int) -> Speaker:
    """The subject of the cue at ``first``: the phrase back to a clause boundary, with an
    apposition between commas kept ('Brafman, the lawyer, said')."""
    end = _skip_auxiliaries(sentence, first)
    if end == 0:
        return Speaker(None)
    if _opening_participle(sentence) and "," not in (w for _, _, w in sentence[:first]):
        # 'Continuing to explain his view, Carson rejected …': whoever the main clause
        # names does what the opening participle says.
        return _sentence_subject(registry, text, sentence, len(sentence))
    if end >= 2 and sentence[end - 1][2] in ("who", "which"):
        # 'an architect who said', 'Kari Lunde who said': whom the relative stands for.
        return _phrase(registry, text, sentence, end - 1, end)
    if _pronoun_subject(sentence, end - 1):
        # 'Instead he appointed', 'the plan, which she said': the pronoun right before
        # the cue is its subject, whatever opens the phrase it ends.
        pronoun = _phrase(registry, text, sentence, end - 1, end)
        if pronoun.entity is not None:
            return pronoun
    if end >= 3 and sentence[end - 1][2].lower() in ("and", "but"):
        # 'Cruz urged voters to stay home and said he …', '… too early but noted that …':
        # the sentence's subject.
        return _sentence_subject(registry, text, sentence, end - 1)
    if _participle(sentence[first][2]) and sentence[end - 1][2].lower() in _BEFORE_PARTICIPLE:
        # 'Okafor praised the crews before explaining why …', 'After saying he was
        # nervous, the man …': the participle's subject is the sentence's.
        subject = _sentence_subject(registry, text, sentence, end - 1 or len(sentence))
        if subject.entity is not None:
            return subject
    if _participle(sentence[first][2]) and end >= 3 and _after_comma(sentence, end):
        # '“…,” Lund said, adding that …': the subject of the saying verb before the comma;
        # 'The party filed a complaint, claiming that …': the sentence's subject claims.
        said = end - 2 if sentence[end - 1][2] == "," else end - 3
        if sentence[said][2].lower() in SAYING_VERBS and said >= 1:
            speaker = _subject_before(registry, text, sentence, said)
            if speaker.entity is not None:
                return speaker
        subject = _sentence_subject(registry, text, sentence, end - 1)
        if subject.entity is None:
            # '“…,” said Tom Berg, a former aide, recalling …', '“…,” Lund told the
            # hosts of the show, adding …': whoever the quotation's attribution names.
            return _quotation_speaker(registry, text, sentence, end - 1) or subject
        return subject
    if sentence[end - 1][2] == ")":
        # 'Rep. Alma Frost (D-Ore.) said': the party and state are no part of the subject.
        opening = next(
            (i for i in range(end - 2, max(-1, end - 12), -1) if sentence[i][2] == "("), None
        )
        if opening:
            end = opening
    if sentence[end - 1][2] in _DASHES:
        # 'Byrne — a former guard at the port — said', 'The judges -- Lund, Berg and Amar
        # -- agreed': the subject before the aside between dashes.
        opening = _dash_aside_opening(sentence, end - 1)
        if opening is not None:
            subject = _phrase(registry, text, sentence, _boundary(sentence, opening), opening)
            if subject.entity is not None:
                return subject
    if sentence[end - 1][2] == ",":
        # 'X, who served as chairman during the 2000 election, agreed': X, before the
        # relative clause, however long it is.
        end = _before_relative_clause(sentence, end - 1) + 1
        # 'X, a Y, said': the apposition and the phrase before it.
        opening = _aside_opening(sentence, end - 1)
        if opening > 0 and sentence[opening - 1][2] == ",":
            start = _boundary(sentence, opening - 1)
            speaker = _phrase(registry, text, sentence, start, end - 1)
        else:
            speaker = _phrase(registry, text, sentence, opening, end - 1)
        if speaker.entity is None and end - 1 <= _APPOSITIONS_TOKENS:
            # 'Ana Ruiz, 39, a nurse, said', 'Sen. Al Roe, R-S.C., a candidate, said', 'Al
            # Roe, a donor and chair of the board, asked': longer asides than the phrase
            # back to a boundary, after the name that opens the sentence.
            whole = _phrase(registry, text, sentence, 0, end - 1)
            if whole.entity is not None and whole.entity.named:
                return whole
        return speaker
    start = _boundary(sentence, end)
    if end - start >= 2 and sentence[start][2].lower() in _BEFORE_SUBJECT:
        # '…, with some polls showing that …', 'Even the organiser said': the word opens
        # the phrase, the subject follows it.
        start += 1
    speaker = _phrase(registry, text, sentence, start, end)
    if speaker.entity is None:
        # 'Supporters who have heard from the campaign say': the noun phrase before the
        # relative clause, which no comma sets off.
        relative = next(
            (i for i in range(start + 1, end) if sentence[i][2] in _BARE_RELATIVES), None
        )
        if relative is not None:
            subject = _phrase(registry, text, sentence, start, relative)
            if subject.entity is not None:
                return subject
    if speaker.entity is None and start >= 2 and sentence[start - 1][2] in _BARE_RELATIVES:
        # 'A 2019 study that ran in the journal found': the relative clause, with no
        # comma, qualifies the noun phrase that opens the sentence, which is the subject.
        outer = _boundary(sentence, start - 1)
        if outer == 0 or sentence[outer - 1][2] == ",":
            subject = _phrase(registry, text, sentence, outer, start - 1)
            if subject.entity is not None:
                return subject
    if speaker.entity is None and start >= 2 and sentence[start - 1][2].lower() in ("and", "or"):
        # 'Experts on Korea and nuclear arms said': the 'and' joins the subject's words.
        wider = _boundary(sentence, start - 1)
        if wider < start - 1:
            return _phrase(registry, text, sentence, wider, end)
    if speaker.entity is None and not any(
        w.lower() in _BOUNDARY_WORDS or w in cues.QUOTE_MARKS or w in ";:()"
        for _, _, w in sentence[:end]
    ):
        # 'He went out of his way to say', 'She urged the board to act, proposed that',
        # 'Okafor drove to the plant on Sunday to explain': one long predicate of the
        # pronoun or the name that opens the sentence.
        subject = _sentence_subject(registry, text, sentence, end)
        if _names_someone(registry, text, subject):
            return subject
    return speaker


def _pronoun_subject(sentence: list[Token], i: int) -> bool:
    """Whether token ``i`` is a subject pronoun; 'it' only where a clause starts, as
    after a verb it is the object ('made it clear')."""
    word = sentence[i][2].lower()
    if word in _SUBJECT_PRONOUNS or word == "i":
        return True
    return word == "it" and (
        i == 0 or sentence[i - 1][2] in _BOUNDARY_MARKS or sentence[i - 1][2] in _BOUNDARY_WORDS
    )


def _names_someone(registry: Registry, text: str, subject: Speaker) -> bool:
    """Whether a sentence's subject is a pronoun for someone ('he', not 'it') or a name;
    not a common word the sentence capitalises ('Nearly half …', 'Concerns rose …'),
    which the registry takes for a name but the text also writes in lower case."""
    if subject.mention is None:
        return False
    opener = text[slice(*subject.mention)]
    if opener.lower() in _PRONOUNS:
        return opener.lower() in _SUBJECT_PRONOUNS
    named = subject.entity is not None and subject.entity.named
    return named and not registry.common_word(opener.split()[0])


# Prepositions that make a participle after them an adjunct of the sentence's verb.
_BEFORE_PARTICIPLE = frozenset("before after while by in since without when upon".split())
# Words that open a subject's phrase without being part of it: '…, with some polls
# showing', 'Even the organiser said'.
_BEFORE_SUBJECT = frozenset("with even".split())
# How far back a name opening the sentence may stand before its asides end at the cue.
_APPOSITIONS_TOKENS = 40


def _aside_opening(sentence: list[Token], comma: int) -> int:
    """Where the aside closed at ``comma`` opens: at its clause boundary, or at the comma
    before a participle's phrase ('Voss, appearing after Marsh at the forum, cited …':
    'after' opens no clause there; 'Voss, speaking in Dayton, Ohio, warned …')."""
    opening = _boundary(sentence, comma)
    if opening == 0:
        return opening
    for i in range(comma - 1, max(0, comma - 16), -1):
        word = sentence[i][2]
        if word in _BOUNDARY_MARKS and word != ",":
            break
        if word == "," and _participle(sentence[i + 1][2]):
            return i + 1
    return opening


def _quotation_speaker(
    registry: Registry, text: str, sentence: list[Token], comma: int
) -> Speaker | None:
    """Who the attribution after a quotation names, when it runs up to the ``comma``
    ('“…,” said Tom Berg, a former aide,' or '“…,” Lund told the hosts,'); None when no
    quotation closes before it with its own comma."""
    closing = next(
        (
            i
            for i in range(comma - 1, max(1, comma - _ATTRIBUTION_TOKENS), -1)
            if sentence[i][2] in cues.QUOTE_MARKS and sentence[i - 1][2] in ",?!"
        ),
        None,
    )
    if closing is None or closing + 2 > comma:
        return None
    if sentence[closing + 1][2].lower() in SAYING_VERBS:
        speaker = _phrase(registry, text, sentence, closing + 2, comma)
    else:
        said = next(
            (i for i in range(closing + 2, comma) if sentence[i][2].lower() in SAYING_VERBS), None
        )
        if said is None:
            return None
        speaker = _phrase(registry, text, sentence, closing + 1, said)
    return speaker if speaker.entity is not None else None


# How far back from a participle's comma the quotation before its attribution may close.
_ATTRIBUTION_TOKENS = 24


def _dash_aside_opening(sentence: list[Token], closing: int) -> int | None:
    """The first dash of the pair that opens the aside the dash at ``closing`` ends (two
    hyphens, '--', are one dash), or None when no dash opens one within the sentence's
    clause."""
    while closing > 0 and sentence[closing - 1][2] in _DASHES:
        closing -= 1
    for i in range(closing - 2, max(0, closing - _DASH_ASIDE_TOKENS), -1):
        word = sentence[i][2]
        if word in ";:()" or word in cues.QUOTE_MARKS:
            return None
        if word in _DASHES:
            while i > 0 and sentence[i - 1][2] in _DASHES:
                i -= 1
            return i if i > 0 else None
    return None


_DASHES = frozenset("-–—")
_DASH_ASIDE_TOKENS = 30


def _after_comma(sentence: list[Token], end: int) -> bool:
    """A comma before token ``end``, or a comma and the closing mark after it ('…,”')."""
    if sentence[end - 1][2] == ",":
        return True
    return sentence[end - 1][2] in cues.QUOTE_MARKS and sentence[end - 2][2] == ","


def _before_relative_clause(sentence: list[Token], comma: int) -> int:
    """The comma that opens a relative clause ending at ``comma`` (', who … ,'), or
    ``comma`` itself when none does."""
    for i in range(comma - 1, max(0, comma - _RELATIVE_CLAUSE_TOKENS), -1):
        word = sentence[i][2]
        if word in ";:()" or word in cues.QUOTE_MARKS:
            break
        if word.lower() in _RELATIVES and sentence[i - 1][2] == ",":
            return i - 1
    return comma


_RELATIVES = frozenset("who which whose".split())
_BARE_RELATIVES = frozenset("that who which".split())
_RELATIVE_CLAUSE_TOKENS = 40


def _participle(word: str) -> bool:
    """'claiming', 'adding': a present participle (not 'bring' or 'thing')."""
    return len(word) > 5 and word.islower() and word.endswith("ing")


def _sentence_subject(registry: Registry, text: str, sentence: list[Token], end: int) -> Speaker:
    """The subject that opens the sentence (after a short opening phrase and its comma):
    its words up to the first one in lower case or a comma, before token ``end``."""
    start = 0
    first = sentence[0][2] if sentence else ""
    # A phrase its first word marks as one ('In a speech at the county fair on Tuesday
    # night, …', 'Despite his low standing in the polls, …') may run longer than one
    # that only its last word shows to be ('Hours later, …').
    opening = (
        _opening_participle(sentence)
        or first.lower() in _OPENING_WORDS
        or (_adverb(first.lower()) and first[:1].isupper())
    )
    comma = next(
        (
            i
            for i, (_, _, w) in enumerate(sentence[: _OPENING_TOKENS if opening else 10])
            if w == ","
        ),
        None,
    )
    if (
        comma is not None
        and comma + 1 < end
        and (opening or sentence[comma - 1][2].lower() in ("later", "earlier", "ago"))
    ):
        # 'On Monday, Cruz …', 'In Ohio, the governor …', 'Reflecting on his career, the
        # senator …', 'Hours later, Trump …', 'Recently, Tom Berg …'
        start = comma + 1
    if start + 1 < end and sentence[start][2].lower() in _OPENING_CONJUNCTIONS:
        start += 1  # 'But the former president …': the conjunction opens no subject
    words = [w for _, _, w in sentence[start : min(end, start + 8)]]
    stop = start + subject_length(words)
    if stop == start or all(w.lower() in _DETERMINERS for _, _, w in sentence[start:stop]):
        return Speaker(None)
    return _phrase(registry, text, sentence, start, stop)


def _opening_participle(sentence: list[Token]) -> bool:
    """A sentence that opens with a participle's phrase: 'Arriving at the scene, …',
    'Preceded by the mayor, …'."""
    word = sentence[0][2] if sentence else ""
    return (
        len(word) > 5 and word[:1].isupper() and word[1:].islower() and word.endswith(("ing", "ed"))
    )


# Words that open a phrase before a sentence's subject: 'On Monday, …', 'After the vote, …',
# 'If he wins, …', 'Inside the hall, …'.
_OPENING_WORDS = frozenset(
    """on in at after before during earlier later last yesterday today since following
    if as while although though despite when because unless until once inside outside
    for amid like unlike throughout under over by with without upon""".split()
)
_OPENING_TOKENS = 16
# Conjunctions and adverbs that open a sentence before its subject, with no comma.
_OPENING_CONJUNCTIONS = frozenset("but and so yet still then now also even or nor".split())


def _boundary(sentence: list[Token], end: int) -> int:
    """Where the phrase ending at token ``end`` starts: after the nearest clause boundary,
    at most ten tokens back."""
    i = end
    while i > 0 and end - i < 10:
        word = sentence[i - 1][2]
        if (word in _BOUNDARY_MARKS and not _plural_possessive(sentence, i - 1)) or (
            word.lower() in _BOUNDARY_WORDS
        ):
            break
        i -= 1
    return i


def _plural_possessive(sentence: list[Token], i: int) -> bool:
    """The apostrophe of 'farmers’ unions': written onto a plural, a word after it."""
    start, _, mark = sentence[i]
    return (
        mark in "’'"
        and 0 < i < len(sentence) - 1
        and sentence[i - 1][1] == start
        and sentence[i - 1][2].endswith("s")
        and sentence[i + 1][0] > start + 1
    )


def _phrase(registry: Registry, text: str, sentence: list[Token], start: int, end: int) -> Speaker:
    while end > start and sentence[end - 1][2] in ".!?,;:":
        end -= 1
    if end <= start:
        return Speaker(None)
    return speaker_in(registry, text, sentence[start][0], sentence[end - 1][1])


def _according_to(
    registry: Registry,
    text: str,
    sentence: list[Token],
    first: int,
    last: int,
    cue: tuple[int, int],
    probability: float,
) -> Candidate | None:
    """'According to X, …' and '…, according to X'."""
    comma = next((i for i in range(last + 1, len(sentence)) if sentence[i][2] == ","), None)
    who_end = comma if comma is not None else len(sentence)
    speaker = (
        source_in(registry, text, sentence[last + 1][0], sentence[who_end - 1][1])
        if last + 1 < who_end
        else Speaker(None)
    )
    before = [w for _, _, w in sentence[:first] if w[:1].isalnum()]
    if len(before) >= 3:
        end = first - 1 if sentence[first - 1][2] == "," else first
        content = (sentence[0][0], sentence[end - 1][1]) if end > 0 else None
    elif comma is not None and comma + 1 < len(sentence):
        content = (sentence[comma + 1][0], sentence[-1][1])
    else:
        content = None
    if content is None:
        return None
    return _candidate(content, speaker, cue, probability)
