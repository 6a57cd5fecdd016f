"""One person or organisation of an article as the registry knows it: its name, the
forms the text writes it in, and when it last spoke or was a subject."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from articles.extraction.spelling import fold


@dataclass(eq=False)
class Entity:
    """A person or organisation of the article, or (``named`` False) someone the text
    only describes ("a spokeswoman for Britain's Treasury"): then ``name`` is that
    description and nobody else's mention can match it."""

    name: str
    description: str = ""
    aliases: list[str] = field(default_factory=list)
    org: bool = False
    named: bool = True
    gender: str | None = None
    plural: bool = False
    forms: Counter = field(default_factory=Counter)
    spoke_at: int = -1
    subject_at: int = -1
    mentioned_at: int = -1
    opened_at: int = -1  # when last named at the start of a sentence
    spoke_count: int = 0
    mention_count: int = 0
    thing: bool = False  # described as a thing ('the book', 'those'): no 'he' or 'she'

    def add_alias(self, alias: str) -> None:
        if fold(alias) != fold(self.name) and all(fold(alias) != fold(a) for a in self.aliases):
            self.aliases.append(alias)

    @property
    def person(self) -> bool:
        return not self.org and not self.plural and not self.thing
