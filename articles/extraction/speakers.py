"""Speaker resolution: who an attribution phrase names ('she', 'the ministry', 'Belarus
expert Arve Hansen to TV 2') and where, resolved against the article's registry.

Each function returns its answer; the registry is the one thing they change, as
resolving a name registers it (and "she" then means the person named last)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from articles.extraction.model import Span
from articles.extraction.names import Entity, Registry, find_names
from articles.extraction.patterns import (
    AFTER_NAME,
    LEADING_ARTICLE,
    LEADING_ARTICLE_ANY_CASE,
    ORG_AT_END,
    ORG_PHRASE,
    PRONOUN,
    PRONOUN_AT_END,
    RELATIVE_CLAUSE,
)


@dataclass(frozen=True)
class Speaker:
    """Whom an attribution names (None: no one the registry can tell), and the span of
    the words that name them."""

    entity: Entity | None
    mention: Span | None = None


def speaker_of(registry: Registry, text: str, match: re.Match, offset: int) -> Speaker:
    """The speaker an attribution pattern's ``who`` group names; ``match`` was run on the
    text from ``offset``. A ``noun`` group marks 'the ministry'."""
    raw = match.group("who")
    who = raw.strip()
    start = offset + match.start("who") + (len(raw) - len(raw.lstrip()))
    if PRONOUN.fullmatch(who):
        return Speaker(registry.person_for_pronoun(), (start, start + len(who)))
    noun = match.groupdict().get("noun")
    if noun and who.lower().startswith("the "):
        entity = registry.organisation(noun) or registry.resolve(who[4:].strip().capitalize())
        return Speaker(entity, (start, start + len(who)))
    entity, named = _phrase(registry, who)
    if named is None:
        return Speaker(entity)
    at, words = named
    if text[start + at : start + at + len(words)] != words:
        return Speaker(entity)  # the name was tidied (spaces, dots): no exact span to give
    return Speaker(entity, (start + at, start + at + len(words)))


def named_by(registry: Registry, phrase: str) -> Entity | None:
    """The entity an attribution phrase names: 'Belarus expert Arve Hansen to TV 2'."""
    return _phrase(registry, phrase)[0]


def org_or_named_by(registry: Registry, phrase: str) -> Entity | None:
    """'The ministry' as the organisation it refers to, or else the entity ``phrase`` names."""
    org = ORG_PHRASE.fullmatch(phrase.strip())
    if org:
        return registry.organisation(org.group("noun"))
    return named_by(registry, phrase)


def subject_before(
    registry: Registry, text: str, sentence_start: int, cue_start: int
) -> Entity | None:
    """The subject of the verb at ``cue_start``: 'Hansen said the plan was “a disaster”'.
    With none in the sentence, the last speaker."""
    lead = text[sentence_start:cue_start].strip()
    # "Beatriz Olmos, who runs a bakery on Cedar Avenue, described": the subject, not
    # the names in the clause about her.
    lead = RELATIVE_CLAUSE.sub(" ", lead).strip()
    if PRONOUN_AT_END.search(lead):
        return registry.person_for_pronoun()
    names = find_names(lead)
    if names:
        name, _ = names[-1]
        return registry.resolve(name)
    org = ORG_AT_END.search(lead)
    if org:
        return registry.organisation(org.group("noun"))
    return registry.last_speaker


def nearby_speaker(registry: Registry, text: str, p_start: int, position: int) -> Entity | None:
    """For an unattributed quote: the last name before it in its paragraph, or else the
    last speaker."""
    names = find_names(text[p_start:position])
    if names:
        return registry.resolve(names[-1][0])
    return registry.last_speaker


def _phrase(registry: Registry, phrase: str) -> tuple[Entity | None, tuple[int, str] | None]:
    """The entity ``phrase`` names, and the words that name it with their offset in
    ``phrase.strip()``.
    What follows the name ('to TV 2', ', a researcher') is dropped, or kept as the
    description of a new name; so are the role words before it ('Belarus expert')."""
    phrase = AFTER_NAME.sub("", phrase.strip())
    description = ""
    comma = phrase.find(",")
    if comma > 0:
        phrase, description = phrase[:comma], phrase[comma + 1 :].strip()
    if PRONOUN.fullmatch(phrase):
        return registry.person_for_pronoun(), (0, phrase)
    org = ORG_PHRASE.fullmatch(phrase)
    if org:
        entity = registry.organisation(org.group("noun")) or registry.resolve(
            phrase[4:].strip().capitalize()
        )
        return entity, (0, phrase)
    names = find_names(phrase)
    if not names:
        return None, None
    name, at = names[-1]
    lead = phrase[:at].strip()
    if lead and not description:
        description = LEADING_ARTICLE_ANY_CASE.sub("", lead)
    description = LEADING_ARTICLE.sub("", description.rstrip(". "))
    return registry.resolve(name, description), (at, name)
