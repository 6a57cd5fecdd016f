"""Whom a 'he' or 'she' that no earlier sentence resolves means: a person named earlier
in the same sentence ('Senator Ivar Lund has faced hard questions as he tries to …').

The engine reads a sentence's clauses before it registers the names the sentence holds,
so a pronoun whose antecedent sits before it in its own sentence finds no one when the
article named no one of its gender before. Only such unresolved pronouns are read here:
one the registry resolved to a named person keeps the registry's (and the ranker's) choice.
"""

from __future__ import annotations

from dataclasses import replace

from articles.extraction.gender import PRONOUN_GENDER
from articles.extraction.model import Candidate
from articles.extraction.names import names_in_prose
from articles.extraction.registry import Registry


def resolved_in_sentence(
    registry: Registry, text: str, sentence_start: int, quote: Candidate
) -> Candidate:
    """``quote`` with its pronoun speaker resolved to the last person of its gender named
    before the pronoun in its sentence, or ``quote`` itself when it has a named speaker, its
    subject is no 'he' or 'she', or no such person is named."""
    if quote.mention is None or (quote.entity is not None and quote.entity.named):
        return quote
    at, stop = quote.mention
    wanted = PRONOUN_GENDER.get(text[at:stop].casefold())
    if wanted is None or at <= sentence_start:
        return quote
    for position, name in reversed(names_in_prose(text, sentence_start, at, [])):
        if text[max(0, position - 4) : position].casefold() == "the ":
            continue  # 'the Lakeside Rovers mascot': a team's or a thing's name, no one's
        entity = registry.find(name)
        if entity is None:
            registry.mention(name)  # named first here: registered now, not at its turn
            entity = registry.find(name)
        if entity is not None and entity.person and entity.gender == wanted:
            return replace(quote, entity=entity)
    return quote
