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
That hand-off is handoff.py's; the tests of a sentence's shape around a cue ('said that
…', 'did not say') are clause_shapes.py's, and who the subject before a cue is,
cue_subjects.py's; the spans of a content and where it stops, content_spans.py's. This
module keeps the reading around a cue: which shape it has, and so where its content and
its speaker lie. Attribution by a label or an aside rather than around
a cue ('Poll: …', '… in a new poll', 'It was, he said, …') is asides.py's.
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace

from articles.extraction import cues
from articles.extraction.according_asides import clause_after_according
from articles.extraction.addressees import ASKING, TELLING
from articles.extraction.apposed_subjects import apposed_subject
from articles.extraction.aside_ends import aside_opening
from articles.extraction.asides import (
    attribution_aside,
    breaks_told_clause,
    in_adjunct,
    lead_before_according,
    mentions_poll,
    name_colon,
    pieces_around_aside,
    pronoun_according,
    source_colon,
    told_aside,
    with_poll,
)
from articles.extraction.asked import asker
from articles.extraction.clause_shapes import (
    BOUNDARY_WORDS,
    PREPOSITIONS,
    TIMES,
    Token,
    asked,
    clause_follows,
    impersonal,
    last_comma_before,
    negated,
    negated_or_passive,
    passive,
    read_as_noun,
    relative_gap,
    set_phrase,
    skip_auxiliaries,
    subject_pronoun,
    that_clause,
    zero_that_clause,
)
from articles.extraction.closed_relatives import (
    in_object_relative,
    main_verb_follows,
    relative_lead,
    splits_cue,
)
from articles.extraction.content_spans import (
    NOT_CONTENT,
    after_its_quotation,
    before_main_clause,
    before_next_verb,
    called_for,
    cited,
    object_before_that,
    only_agent,
    only_circumstance,
    only_scene,
    only_where_spoken,
    participle_of_attribution,
    right_content,
    that_after_aside,
    that_after_circumstance,
    with_lead,
)
from articles.extraction.cue_subjects import (
    boundary,
    phrase,
    sentence_subject,
    subject_before,
)
from articles.extraction.described_sources import named_source
from articles.extraction.desire_cues import wish_cues
from articles.extraction.gate import Gate
from articles.extraction.handoff import (
    ASK_LATER,
    WORD,
    indirect_candidate,
    low_cue,
    low_cue_features,
    low_cue_may_pass,
    passed_over,
    subject_source,
    with_low_cues,
)
from articles.extraction.hearsay import HEARSAY, with_hearsay
from articles.extraction.inverted_asides import inverted_aside, inverted_rest_end
from articles.extraction.make_cues import MAKE, make_contents
from articles.extraction.model import Candidate, Span
from articles.extraction.noun_cues import NOUNS, noun_cues, suffered
from articles.extraction.noun_cues import SHAPE as NOUN_SHAPE
from articles.extraction.opening_adjuncts import opening_adjunct_content, opening_adjunct_cue
from articles.extraction.patterns import ATTRIBUTING_WORDS, SAYING_VERBS
from articles.extraction.raised_contents import passive_subject, raised_contents
from articles.extraction.registry import Registry
from articles.extraction.relative_objects import relative_objects
from articles.extraction.sentence_openings import opening_participle
from articles.extraction.sources_after import with_source_after
from articles.extraction.speakers import Speaker, phrase_source, source_in


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
    headline = name_colon(registry, text, start, end)
    if headline is None and gate is not None:
        headline = source_colon(text, start, end) or pronoun_according(registry, text, start, end)
    if headline is not None:
        return [headline]
    model = cues.load()
    if model is None:
        return []
    sentence = cues.tokens(text, start, end)
    # The words read once: the set tests below each walked the tokens again.
    words = list(map(WORD, sentence))
    found = []
    scored = model.cues(sentence, 0.0, words)
    if gate is not None:
        # 'would like to': a cue the model never saw
        scored = wish_cues(sentence, scored, words)
    hits = _cues_with_clauses(model, sentence, scored, words)
    low: frozenset[int] = frozenset()
    if gate is not None:
        hits, low = with_low_cues(model, scored, hits)
    groups = _groups(hits, sentence)
    described_from = len(sentence)  # where a trailing description of a speaker starts
    for first, last, probability in groups:
        if first > described_from and all(
            w.lower() not in SAYING_VERBS for _, _, w in sentence[first : last + 1]
        ):
            # '…, said Holt, an engineer who has written about it': his description; but
            # '…, said Holt, an analyst, who notes that …' says more.
            continue
        inverted = inverted_aside(sentence, first, last)
        if inverted is not None and inverted[1] is None:
            described_from = inverted[0]
        cue_start, cue_end = sentence[first][0], sentence[last][1]
        if taken and any(t_start < cue_end and cue_start < t_end for t_start, t_end in taken):
            continue
        if low and low.issuperset(range(first, last + 1)):
            # A word the cue model doubts ('wants', 'supports'): whatever the rules make
            # of it, the gate decides, and it makes nobody salient.
            cue = low_cue_features(gate, sentence, first, last)
            if not low_cue_may_pass(gate, cue, sentence, first, last, probability):
                continue  # most of them: the gate refuses whatever content they have
            before = registry.checkpoint()
            candidate = _around(
                registry, text, sentence, first, last, probability, inverted, ASK_LATER
            )
            registry.restore(before)
            if candidate is not None:
                candidate = low_cue(gate, text, sentence, first, last, candidate, cue)
            if candidate is not None and candidate.entity is None:
                # Weighed with no subject, as the gate learnt; its source's words after.
                source = subject_source(registry, text, sentence, first)
                candidate = replace(candidate, entity=source.entity, mention=source.mention)
        else:
            candidate = _around(registry, text, sentence, first, last, probability, inverted, gate)
            if (
                candidate is not None
                and candidate.entity is None
                and not candidate.gated
                and candidate.start >= cue_end
                and not _empty_subject(sentence, first)
            ):
                # 'Poll finds …', 'The outcome showed …': a subject that names nobody the
                # registry knows is the content's source, in its own words.
                source = subject_source(registry, text, sentence, first)
                candidate = replace(candidate, entity=source.entity, mention=source.mention)
        if candidate is not None and candidate.gated:
            asked_by = asker(registry, text, sentence, first, last)
            if asked_by is not None:
                candidate = replace(candidate, entity=asked_by.entity, mention=asked_by.mention)
        if candidate is not None and candidate.gated and only_agent(sentence, last, candidate):
            candidate = None  # 'was first reported by the Ledger': who said it, not what
        if candidate is not None and after_its_quotation(sentence, first, last, candidate):
            candidate = None  # '“…,” Holt told the Ledger on Monday': the quotation's
        if candidate is not None:
            candidate = before_next_verb(sentence, candidate, groups)
            if gate is not None:
                candidate = before_main_clause(sentence, first, candidate, groups)
            candidate = participle_of_attribution(sentence, first, candidate, found)
            raised = raised_contents(
                registry, text, sentence, first, last, candidate, groups, doubted=last in low
            )
            found.extend(
                raised
                if raised is not None
                else with_lead(sentence, first, last, candidate, inverted)
            )
            if gate is not None:
                found.extend(lead_before_according(sentence, first, candidate))
        if gate is not None and passive(sentence, first, last):
            subject = passive_subject(
                gate, registry, text, sentence, first, last, probability, found
            )
            if subject is not None:
                found.append(subject)
        if (
            gate is not None
            and attribution_aside(sentence, last)
            and not in_object_relative(sentence, first)
        ):
            found.extend(pieces_around_aside(registry, text, sentence, first, last, found))
        elif gate is not None and (addressee := told_aside(sentence, first, last)):
            # The rules read the addressee as the start of what was told: the wide scope
            # takes the clause the aside breaks instead.
            found = [c for c in found if c.start != sentence[last + 1][0]]
            found.extend(pieces_around_aside(registry, text, sentence, first, addressee, found))
    if gate is not None and "which" in words:
        # 'the charge, which Holt has denied': a cue with no content after it.
        found.extend(relative_objects(registry, text, sentence, scored, found))
    # A set test on the tokens: searching each sentence for the pattern cost 2% more.
    if gate is not None and not NOUNS.isdisjoint(words):
        found.extend(_noun_contents(gate, registry, text, sentence, start, end, taken, found))
    if not MAKE.isdisjoint(words):
        found = make_contents(registry, text, sentence, found)
    if gate is not None and text.find(HEARSAY, start, end) >= 0:
        found = with_hearsay(sentence, found)
    if gate is not None and found:
        found = [suffered(text, sentence, c) for c in found]
        found = [with_source_after(registry, text, sentence, c) for c in found]
    if gate is not None and mentions_poll(text, start, end):
        found = with_poll(registry, text, sentence, found)
    if gate is not None and found:
        # 'Holm failed three times to refuse …', 'Holm's attacks on …': the person a
        # gated content's described subject names, once the gate has weighed it.
        found = [named_source(registry, text, c) for c in found]
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
        candidate = passed_over(
            gate, registry, text, sentence, first, last, content, NOUN_SHAPE, 0.0
        )
        if candidate is not None:
            contents.append(candidate)
    return contents


def _cues_with_clauses(
    model: cues.CueModel,
    sentence: list[Token],
    scored: list[tuple[int, float]],
    words: list[str],
) -> list[tuple[int, float]]:
    """The model's cues; the attributing words it scores lower, or never learned, that
    'that' or a pronoun and a verb follow ('they felt that …', 'asserts that …'); and
    verbs of saying set between commas after the clause they attribute; ``scored``: the
    model's probability for each word it knows; ``words``: the tokens' words."""
    found = {i: p for i, p in scored if p >= model.threshold}
    low = [
        (i, p) for i, p in scored if p < model.threshold and sentence[i][2] in _ATTRIBUTING_FORMS
    ]
    unlearned = _unlearned(model.vocabulary)
    # Most sentences hold no word the model never learned: a set test, in C, says so.
    if not unlearned.isdisjoint(words):
        low += [(i, 0.0) for i, (_, _, word) in enumerate(sentence) if word in unlearned]
    for i, p in low:
        if (
            (i == 0 or not read_as_noun(sentence, i))
            and i + 1 < len(sentence)
            and sentence[i + 1][2] != ":"
            and (
                that_clause(sentence, i)
                or _pronoun_clause(sentence, i)
                or _belief_clause(sentence, i)
            )
        ) or attribution_aside(sentence, i):
            found[i] = max(p, _LOW_CUE)
    return sorted(found.items())


# The attributing words as written in a sentence, in lower case or capitalised.
_ATTRIBUTING_FORMS = ATTRIBUTING_WORDS | {word.capitalize() for word in ATTRIBUTING_WORDS}


@functools.cache
def _unlearned(vocabulary: frozenset[str]) -> frozenset[str]:
    """The attributing words' forms the cue model has no weights for."""
    return frozenset(form for form in _ATTRIBUTING_FORMS if form.lower() not in vocabulary)


# Verbs of belief that the cue model doubts in the plural ('Some voters think the toll
# will rise'): PolNeAR's many 'I think' inside quotations taught it so.
_BELIEFS = frozenset("think believe say".split())
_NOT_OPENERS = frozenset("me us him them twice so".split())  # 'believe me, …', 'think twice'


def _belief_clause(sentence: list[Token], i: int) -> bool:
    """'think the toll will rise': a verb of belief and a clause right after it."""
    after = sentence[i + 1][2]
    return (
        sentence[i][2] in _BELIEFS
        and after[:1].isalnum()
        and after.lower() not in _NOT_OPENERS
        and zero_that_clause(sentence, i)
    )


_LOW_CUE = 0.15  # the lowest probability at which an attributing word before a clause counts


def _pronoun_clause(sentence: list[Token], last: int) -> bool:
    """'felt they were', 'say she’ll continue': a subject pronoun and a verb right after
    the cue."""
    words = [w.lower() for _, _, w in sentence[last + 1 : last + 3]]
    return (
        len(words) == 2
        and subject_pronoun(words[0])
        and words[1][:1].isalpha()
        and words[1] not in PREPOSITIONS
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


def _empty_subject(sentence: list[Token], first: int) -> bool:
    """Whether the phrase before the cue at ``first`` opens with 'it' or 'there' ('it is
    difficult to predict', 'It should have been plain that'): no source's words."""
    start = boundary(sentence, skip_auxiliaries(sentence, first))
    return start < first and sentence[start][2].lower() in ("it", "there")


def _groups(hits: list[tuple[int, float]], sentence: list[Token]) -> list[tuple[int, int, float]]:
    """Adjacent cue tokens as one cue ('pointed out'): ``(first, last, probability)``."""
    groups: list[list] = []
    for i, p in hits:
        if groups and groups[-1][1] == i - 1 and not splits_cue(sentence, groups[-1][0], i):
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
    inverted: tuple[int, int | None] | None,
    gate: Gate | None = None,
) -> Candidate | None:
    cue = (sentence[first][0], sentence[last][1])
    if set_phrase(sentence, first, last):
        return None  # 'That said, …', 'All told, …'
    if in_adjunct(sentence, first):
        return None  # 'said in a statement that': the statement is where, not who
    if sentence[first][2].lower() == "according":
        return _according_to(registry, text, sentence, first, last, cue, probability)
    attributing = any(w.lower() in ATTRIBUTING_WORDS for _, _, w in sentence[first : last + 1])
    question = asked(sentence, first, last) if gate else None
    if question is not None:
        # 'Asked whether the ferry would run, she laughed': PARC counts the question.
        return passed_over(gate, registry, text, sentence, first, last, question, "asked", 0.0)
    if gate is not None and opening_adjunct_cue(sentence, first, last):
        # 'Despite criticizing the plan, Holt …': not 'Despite' but the main clause's
        # subject criticizes.
        adjunct = opening_adjunct_content(registry, text, sentence, last, cue, probability)
        if adjunct is not None:
            return adjunct
    if gate is not None and first == 0 and last == 0 and opening_participle(sentence):
        # 'Noting that the ferry was late, Holt said …': the opening participle's clause,
        # to its comma, is what the main clause's subject notes.
        return _opening_participle_content(registry, text, sentence, cue, probability)
    # The wide scope's gate learnt a progressive ('is calling for') as a passive cue's
    # content and weighs it so; the clauses scope reads it as the active cue it is.
    if first == 0 or negated_or_passive(sentence, first, progressive_is_active=gate is None):
        # 'Asked whether …, she laughed', 'did not say', 'is expected to'; PARC counts
        # the last two, which the wide scope's gate weighs.
        right = right_content(text, sentence, last) if gate and first else None
        if right is None:
            return None
        shape = "negated" if negated(sentence, first) else "passive"
        return passed_over(gate, registry, text, sentence, first, last, right, shape, probability)
    demand = called_for(sentence, first)
    if demand is not None:
        speaker = subject_before(registry, text, sentence, first)
        cue = (cue[0], sentence[first + 1][1])  # 'called for', 'called on'
        return indirect_candidate(demand, speaker, cue, probability)
    reason = cited(sentence, first)  # the model may take the reason's first word too
    if reason is not None:
        cue = (cue[0], sentence[first][1])
        return indirect_candidate(
            reason, subject_before(registry, text, sentence, first), cue, probability
        )
    that = that_after_aside(sentence, last)
    if that is None and attributing:
        that = that_after_circumstance(sentence, last)
    if that is not None and not impersonal(sentence, first):
        end = len(sentence)
        while end > that + 1 and sentence[end - 1][2] in ".!?":
            end -= 1
        content = (sentence[that + 1][0], sentence[end - 1][1])
        speaker = subject_before(registry, text, sentence, first)
        return indirect_candidate(content, speaker, cue, probability)
    if inverted is not None:
        # 'The trouble, says Ola Nilsen, a historian, is that …': the name after the cue
        # speaks, and the clause goes on after it (with_lead adds the piece before).
        comma, rest = inverted
        speaker = phrase(registry, text, sentence, last + 1, comma)
        if rest is None:
            # '…, said Ola Nilsen, a reporter whose work has …': the lead is all he said.
            if any(w in cues.QUOTE_MARKS for _, _, w in sentence[: first - 1]):
                return None  # a quotation, the marks' rules' own
            content = (sentence[0][0], sentence[first - 1][0])
            return indirect_candidate(content, speaker, cue, probability)
        end = inverted_rest_end(sentence, rest)
        return indirect_candidate(
            (sentence[rest][0], sentence[end - 1][1]), speaker, cue, probability
        )
    right = right_content(text, sentence, last)
    if right is not None and main_verb_follows(sentence, first, right[0]):
        return None  # 'the memo which Holt wrote said …': the content is the main verb's
    if gate is None and right is not None and breaks_told_clause(sentence, first, last):
        right = None  # 'The plan, Holt told reporters, will fail': as '…, Holt said, …'
    if right is not None:
        if not attributing and not that_clause(sentence, last):
            # 'defended the plan', 'looking into whether': no clause said; in the wide
            # scope, perhaps what is urged or questioned, which the gate weighs.
            if gate is None or only_where_spoken(sentence, last):
                return None
            clause = clause_follows(sentence, last) or zero_that_clause(sentence, last)
            shape = "word clause" if clause else "word"
            right = object_before_that(sentence, last, right)  # '[the label], noting that'
            return passed_over(
                gate, registry, text, sentence, first, last, right, shape, probability
            )
        if not (
            clause_follows(sentence, last)
            or zero_that_clause(sentence, last)
            or relative_gap(sentence, first, last)
        ):
            if not (
                only_circumstance(sentence, first, last)
                or (sentence[last + 1][2] == "," and attribution_aside(sentence, last))
            ):
                # 'pointed to a report', 'asked her about it', but 'denied the charges'.
                if gate is None:
                    return None
                return passed_over(
                    gate, registry, text, sentence, first, last, right, "object", probability
                )
            # '…, she said in an interview', 'If the tolls rise, he warned, families plan
            # to leave': the content came before.
            right = None
    if right is not None:
        if impersonal(sentence, first):
            return None  # 'it is obvious that …': nobody says it
        speaker = subject_before(registry, text, sentence, first)
        return indirect_candidate(right, speaker, cue, probability)
    # The content comes first: '…, observers say.' or '…, said the ministry.'
    if not attributing:
        # 'mocked the complaint': two words after a cue word the rules do not trust.
        short = right_content(text, sentence, last, min_words=2) if gate else None
        if short is None:
            return _short_object(gate, registry, text, sentence, first, last, probability)
        return passed_over(gate, registry, text, sentence, first, last, short, "short", probability)
    comma = last_comma_before(sentence, first)
    if comma is None or comma < 2 or first - comma > 9:
        # No clause before, or too far from the cue to be its own; perhaps 'said no'.
        return _short_object(gate, registry, text, sentence, first, last, probability)
    if any(w in cues.QUOTE_MARKS for _, _, w in sentence[comma:first]):
        return None
    if relative_lead(sentence, comma, first):
        return None  # 'The memo, which Holt wrote,': the noun the relative word stands for
    if only_scene(sentence, comma):
        # 'In a 1990 speech, Holt declared:': where or when, not what; perhaps 'said no'.
        return _short_object(gate, registry, text, sentence, first, last, probability)
    if not sentence[0][2][:1].isalnum() and sentence[0][2] not in cues.QUOTE_MARKS:
        return None  # a sentence cut at an abbreviation: '), a candidate, tweeted
    # '(as low as 19%, Lund says)': what was said starts inside the parentheses; a dash
    # before the comma more often opens an afterthought the content runs through.
    opening = aside_opening(text, sentence, first)
    start = 0
    if opening is not None and opening[0] == "(":
        if opening[1] + 1 >= comma:
            return None  # '(think tax clerks)': nothing said before the cue in them
        start = opening[1] + 1
    content = (sentence[start][0], sentence[comma][0])
    if comma + 1 == first:
        speaker = phrase(registry, text, sentence, last + 1, len(sentence))  # said X
        apposed = apposed_subject(registry, text, sentence, comma) if not speaker.entity else None
        if apposed is not None:
            content, speaker = apposed  # '…, Holt, the mayor, said': no speaker after it
    else:
        end = skip_auxiliaries(sentence, first)
        speaker = phrase(registry, text, sentence, comma + 1, end)
        if speaker.entity is None and end > comma + 1:
            # '…, former rival says', '…, analyst says': a headline's subject that names
            # nobody the registry knows is the source, in its own words.
            speaker = phrase_source(text, sentence[comma + 1][0], sentence[end - 1][1])
    return indirect_candidate(content, speaker, cue, probability)


SHORT_OBJECT = "short object"


def _short_object(
    gate: Gate | None,
    registry: Registry,
    text: str,
    sentence: list[Token],
    first: int,
    last: int,
    probability: float,
) -> Candidate | None:
    """'attacked Holt', 'said no', 'railed against it': a word or two after the cue, all
    it attributes, which PARC counts however short; a content the gate weighs. Not for a
    low cue, whose contents the gate weighs as such."""
    if gate is None or gate is ASK_LATER:
        return None
    if isinstance(gate, Gate) and f"shape={SHORT_OBJECT}" not in gate.weights:
        return None  # a gate trained before these candidates existed knows nothing of them
    n = len(sentence)
    start = last + 1
    preposition = start < n and sentence[start][2].lower() in _OBJECT_PREPOSITIONS
    if preposition:
        start += 1
    elif (cue_word := sentence[last][2].lower()) in TELLING or cue_word in ASKING:
        return None  # 'he asked me', 'told the Courier': whom it was said to, not what
    end = start
    while end < n and end - start < 2 and _object_word(sentence[end][2]):
        end += 1
    if end == start or (end < n and _object_word(sentence[end][2])):
        return None  # nothing after the cue, or more than two words
    words = [w.lower() for _, _, w in sentence[start:end]]
    if all(w in NOT_CONTENT or w in TIMES or w in _WHEN_OR_WHERE for w in words):
        return None  # 'said on Monday', 'told reporters', 'proposed last July', 'on Twitter'
    content = (sentence[start][0], sentence[end - 1][1])
    return passed_over(
        gate, registry, text, sentence, first, last, content, SHORT_OBJECT, probability
    )


def _object_word(word: str) -> bool:
    """A word of a short object: not a mark, nor a word that opens what comes after it."""
    return word[:1].isalnum() and word.lower() not in _AFTER_OBJECT


# The prepositions between a cue and its object: 'railed against it', 'worried about it'.
_OBJECT_PREPOSITIONS = frozenset("against about of for with over on at into toward".split())
# Words of a short object that say when or where, not what: 'proposed last July',
# 'responded on Twitter', 'reported last quarter'.
_WHEN_OR_WHERE = frozenset(
    """january february march april may june july august september october november
    december spring summer autumn fall winter quarter twitter facebook instagram youtube
    msnbc cnn fox television tv radio""".split()
)
# Words after a short object that end it: 'attacked Holt by …', 'said no when …'.
_AFTER_OBJECT = BOUNDARY_WORDS | PREPOSITIONS - {"to"}


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
    speaker = sentence_subject(registry, text, sentence, len(sentence))
    registry.restore(before)
    content = (sentence[1][0], sentence[comma - 1][1])
    return indirect_candidate(content, speaker, cue, probability, gated=True)


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
    if len(before) >= 3 and clause_after_according(sentence, first, comma):
        end = len(sentence)
        while end > comma + 2 and sentence[end - 1][2] in ".!?":
            end -= 1
        content = (sentence[comma + 1][0], sentence[end - 1][1])
    elif len(before) >= 3:
        end = first - 1 if sentence[first - 1][2] == "," else first
        content = (sentence[0][0], sentence[end - 1][1]) if end > 0 else None
    elif comma is not None and comma + 1 < len(sentence):
        content = (sentence[comma + 1][0], sentence[-1][1])
    else:
        content = None
    if content is None:
        return None
    return indirect_candidate(content, speaker, cue, probability)
