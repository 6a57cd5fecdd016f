"""The agents of passive cues: 'was endorsed the day before by Castel'. What a passive
cue ('is widely seen as', clause_shapes.passive) says is said of its subject, by the
agent its 'by' names, if any.

around_cues.py asks it for each cue it reads as passive.
"""

from __future__ import annotations

from articles.extraction.clause_shapes import TIMES, Token, agent_end, passive
from articles.extraction.cue_subjects import phrase
from articles.extraction.names import MONTHS
from articles.extraction.phrases import subject_length
from articles.extraction.registry import Registry
from articles.extraction.sentence_openings import TIME_NOUNS
from articles.extraction.speakers import Speaker, phrase_source


def passive_agent(
    registry: Registry, text: str, sentence: list[Token], first: int, last: int
) -> Speaker | None:
    """Who a passive cue's 'by' names: 'some' in 'was seen by some as a demotion', 'many
    investors' in 'has been criticized by many investors for'; None when it names no one."""
    if not passive(sentence, first, last):
        return None
    at = _agent_by(sentence, last)
    if at is None:
        return None
    return agent_after(registry, text, sentence, at, AGENT_ENDS)


def agent_after(
    registry: Registry, text: str, sentence: list[Token], at: int, ends: frozenset[str]
) -> Speaker | None:
    """Who the phrase after the preposition ``sentence[at]`` names ('by', 'from'), up to
    a word of ``ends``; None when it names no one."""
    end = agent_end(sentence, at, ends)
    if end == at + 1 or circumstance([w for _, _, w in sentence[at + 1 : end]]):
        return None
    before = registry.checkpoint()
    agent = phrase(registry, text, sentence, at + 1, end)
    if agent.entity is None:
        # 'nominated by Mayor Tom Okafor and confirmed in May': the agent ends where the
        # next verb starts.
        words = [w for _, _, w in sentence[at + 1 : end]]
        stop = at + 1 + subject_length(words)
        while stop > at + 1 and sentence[stop - 1][2].lower() in ("and", "or"):
            stop -= 1
        if at + 1 < stop < end:
            agent = phrase(registry, text, sentence, at + 1, stop)
    registry.restore(before)
    if agent.entity is None:
        # 'rejected by 64 percent of the voters', 'opposed by unions': a described agent
        # no registry knows is still who says it, in its own words.
        agent = phrase_source(text, sentence[at + 1][0], sentence[end - 1][1])
    return agent if agent.entity is not None else None


def circumstance(words: list[str]) -> bool:
    """Whether ``words`` after 'by' or 'from' say when or how, not who: 'by Friday', 'by
    mistake', 'by 40 votes', 'from the start', 'within hours', 'from 2015 on'."""
    before_of = words[: words.index("of")] if "of" in words else words
    head = before_of[-1]
    folded = head.lower()
    if folded in _DATES or (head.isdigit() and len(head) == 4):
        return True
    if head != folded:
        return False  # 'the New York Times', 'The Washington Post': a name
    if folded in _MEANS or folded in _MARGINS:
        return True
    return folded in _TIME_HEADS or (folded.endswith("s") and folded[:-1] in _TIME_HEADS)


# Days and months, capitalized or not: 'by Friday', 'from March'.
_DATES = (TIMES - TIME_NOUNS) | MONTHS
# Nouns of time that head a phrase saying when: 'by the end of', 'from the first day'.
_TIME_HEADS = TIME_NOUNS | frozenset(
    "second minute hour decade moment time deadline end start".split()
)
# How a thing was done, not by whom: 'rejected by phone', 'by mistake', 'by far'.
_MEANS = frozenset(
    "phone telephone email e-mail mail post mistake default chance hand far accident".split()
)
# Units of a vote's margin: 'by 40 votes', 'by a wide margin', 'by 12 points' (not
# 'percent': 'named by three percent' is a share of those asked).
_MARGINS = frozenset("vote votes point points margin".split())


# Words after a passive's agent that end it: 'seen by some as', 'criticized by X for'.
AGENT_ENDS = frozenset(
    "as for to that in on at after when because who which over early late last this".split()
)


def _agent_by(sentence: list[Token], last: int) -> int | None:
    """The 'by' that introduces a passive cue's agent, right after the cue or after what
    the cue's clause adds first ('was endorsed the day before by', 'was declared the
    winner in three races by'); None when a mark or a new clause comes first."""
    for at in range(last + 1, min(len(sentence) - 1, last + 1 + _BEFORE_AGENT_TOKENS)):
        word = sentence[at][2].lower()
        if word == "by":
            return at
        if word in ",;:()" or word in _BEFORE_AGENT_STOPS:
            return None
    return None


# How many tokens may stand between a passive cue and the 'by' of its agent.
_BEFORE_AGENT_TOKENS = 12
# Words that open a clause of their own, whose 'by' is no agent of the cue ('before' and
# 'and' are not among them: 'endorsed the day before by', 'booed and shouted down by').
_BEFORE_AGENT_STOPS = frozenset(
    "that which who whom whose because although though while if whether when where but".split()
)
