"""Contents after a raising or a passive cue, as PARC's annotators read them:

    'The ferry seems to be late'       the subject and the infinitive, said by nobody
    'Lund seemed to urge a delay'      the subject urges what follows, whatever it seems
    'The levy was announced Monday'    the passive's subject, said by its agent if named

around_cues.py asks these rules once a cue's content is found.
"""

from __future__ import annotations

from dataclasses import replace

from articles.extraction.clause_shapes import Token, passive, raised_subject
from articles.extraction.gate import Gate
from articles.extraction.handoff import passed_over
from articles.extraction.model import Candidate
from articles.extraction.passive_agents import passive_agent
from articles.extraction.patterns import ATTRIBUTING_WORDS
from articles.extraction.registry import Registry
from articles.extraction.speakers import Speaker


def raised_contents(
    registry: Registry,
    text: str,
    sentence: list[Token],
    first: int,
    last: int,
    candidate: Candidate,
    groups,
    *,
    doubted: bool,
) -> list[Candidate] | None:
    """The readings of ``candidate`` after the raising or passive cue ``first``-``last``
    ('seems', 'is expected', 'is considered'), or None where the cue raises nothing;
    ``doubted``: the cue model doubts the cue."""
    if not _raising(sentence, first, last, candidate):
        return None
    agent = passive_agent(registry, text, sentence, first, last)
    if agent is None and _cue_after_to(sentence, last, groups):
        # 'Lund seemed to urge …': the subject urges what follows, whatever it seems; the
        # subject's own piece stays nobody's.
        content, *subject = _with_subject(sentence, first, last, candidate)
        return [replace(content, entity=candidate.entity, mention=candidate.mention), *subject]
    if doubted and sentence[last][2].lower() in _SEEMING:
        # 'We seem closer to a strike', a 'seem' the model doubts: its content is nobody's,
        # and its subject no piece (PARC counts none: 0 of 8 such subjects in train).
        return [replace(candidate, entity=None, mention=None)]
    return list(_with_subject(sentence, first, last, candidate, agent))


def _raising(sentence: list[Token], first: int, last: int, candidate: Candidate) -> bool:
    """A content the wide scope takes after 'seems', 'appeared', 'is expected', or after
    a passive cue ('is considered', 'was seen as')."""
    return (
        candidate.gated
        and (sentence[last][2].lower() in _RAISING or passive(sentence, first, last))
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


def _with_subject(
    sentence: list[Token],
    first: int,
    last: int,
    candidate: Candidate,
    agent: Speaker | None = None,
):
    """'The ferry seems to be late', 'The vote is expected to slip': PARC reads what seems
    as the subject and the infinitive together, and nobody in the sentence says it but a
    passive's agent ('was seen by some as'); so the content loses its speaker to the agent
    or to no one, and gains the subject as a piece of its own."""
    agent = agent or Speaker(None)
    candidate = replace(candidate, entity=agent.entity, mention=agent.mention)
    yield candidate
    span = raised_subject(sentence, first, last)
    if span is not None:
        yield replace(candidate, start=sentence[span[0]][0], end=sentence[span[1] - 1][1])


PASSIVE_SUBJECT = "passive subject"


def passive_subject(
    gate: Gate,
    registry: Registry,
    text: str,
    sentence: list[Token],
    first: int,
    last: int,
    probability: float,
    found: list[Candidate],
) -> Candidate | None:
    """'The levy was announced on Monday', 'a pier which is seen as a test': PARC counts
    the subject of a passive cue as what is said of it, even with nothing after the cue.
    A content the gate weighs, where no other candidate holds the subject; said by the
    passive's agent, if it names one, or by nobody."""
    if isinstance(gate, Gate) and f"shape={PASSIVE_SUBJECT}" not in gate.weights:
        return None  # a gate trained before these candidates existed knows nothing of them
    span = raised_subject(sentence, first, last)
    if span is None:
        return None
    content = (sentence[span[0]][0], sentence[span[1] - 1][1])
    if any(other.start < content[1] and content[0] < other.end for other in found):
        return None
    candidate = passed_over(
        gate, registry, text, sentence, first, last, content, PASSIVE_SUBJECT, probability
    )
    if candidate is None:
        return None
    agent = passive_agent(registry, text, sentence, first, last) or Speaker(None)
    return replace(candidate, entity=agent.entity, mention=agent.mention)


# Verbs whose subject PARC counts as part of what is attributed (not a doubted 'seem').
_RAISING = frozenset("seem seems seemed appear appears appeared expected".split())
_SEEMING = _RAISING - {"expected"}
