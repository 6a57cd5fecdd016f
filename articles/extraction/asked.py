"""Whose a question is in the wide scope (Scope.WIDE): in 'Holt was asked by a reporter
whether …' or 'Asked by Berg about the levy, …' the one asked answers, and the question
is the asker's, the 'by' phrase's or, without one, nobody's the sentence names."""

from __future__ import annotations

from articles.extraction.clause_shapes import BE, adverb, agent_end
from articles.extraction.cue_subjects import phrase
from articles.extraction.cues import Token
from articles.extraction.registry import Registry
from articles.extraction.speakers import Speaker, phrase_source


def asker(
    registry: Registry, text: str, sentence: list[Token], first: int, last: int
) -> Speaker | None:
    """The asker of a passive 'asked' cue at ``sentence[first:last + 1]``: the 'by'
    phrase after it, or no one; None when the cue is no passive 'asked'."""
    if first != last or sentence[last][2].lower() != "asked":
        return None
    if not _passive(sentence, first):
        return None
    at = last + 1
    if at + 1 >= len(sentence) or sentence[at][2].lower() != "by":
        return Speaker(None)
    end = agent_end(sentence, at, _AGENT_ENDS)
    if end == at + 1:
        return Speaker(None)
    before = registry.checkpoint()
    agent = phrase(registry, text, sentence, at + 1, end)
    registry.restore(before)
    if agent.entity is not None:
        return agent
    # 'a reporter', 'a caller': someone only described, whom no one refers back to.
    return phrase_source(text, sentence[at + 1][0], sentence[end - 1][1])


def _passive(sentence: list[Token], at: int) -> bool:
    """'was asked', 'has been asked', 'When asked', a sentence's opening 'Asked'."""
    i = at
    while i > 0 and adverb(sentence[i - 1][2]):
        i -= 1
    if i == 0:
        return True
    word = sentence[i - 1][2].lower()
    return word in BE or word in _BEFORE_PARTICIPLE


_BEFORE_PARTICIPLE = frozenset("when if once after being been".split())
# Words after an asker that end it: 'asked by Berg to', '… about', '… whether'.
_AGENT_ENDS = frozenset(
    """as for to that in on at after when because who which over about whether if why what
    how""".split()
)
