"""A surname's particles ('de Vos', 'Anna van der Berg'), and the shapes of a name's
words that tell a person from a description: a surname alone, with its particle or not,
and a capitalised run that describes someone ('a Fjellstad Republican')."""

from __future__ import annotations

import re
from typing import NamedTuple

from articles.extraction import gender as genders
from articles.extraction.names import (
    PARTICLE_PATTERN,
    PARTICLES,
    PARTY_MEMBERS,
    TITLES,
    Found,
)
from articles.extraction.spelling import fold, similar
from articles.extraction.subject_words import ARTICLES

# One or two particles in lower case right before a surname, and the word before them
# ('Mr. de ', 'Anna van der ', 'about the van ').
_PARTICLES_BEFORE = re.compile(
    rf"(?:(?P<head>[\w’'.-]+)\s+)?(?P<particles>(?:(?:{PARTICLE_PATTERN})\s+){{1,2}})$"
)
# What comes right before a name that opens a sentence, a quotation or an aside.
_OPENINGS = frozenset('.!?:;“"(—–')
# Words after which 'van' or 'den' is a noun ('the van', 'her den').
_DETERMINERS = ARTICLES | frozenset("this that these those its his her their our my your".split())
# The last two letters of each particle: a name's start that no one of them and a space
# come right before is asked about no further (most names, most of the phrases asked).
_PARTICLE_ENDINGS = frozenset(particle[-2:] for particle in PARTICLES)


class ParticleLead(NamedTuple):
    """Where a name whose surname opens with particles starts (at its given name or its
    first particle), and where the words before the surname start, a title with them."""

    name_start: int
    lead_start: int


def particle_lead(text: str, start: int) -> ParticleLead | None:
    """The particles and the given name or title before the surname at ``start``
    ('Mr. de Vos', 'Anna van der Berg'); None unless a title, a
    given name or a sentence's start comes before them ('the van Lund said': a van)."""
    if start < 3 or text[start - 3 : start - 1] not in _PARTICLE_ENDINGS:
        # The particles' spaces end at ``start``; after a letter, they are one space, and
        # the two letters before it are the last particle's last two.
        return None
    lead = _PARTICLES_BEFORE.search(text, max(0, start - 40), start)
    if lead is None:
        return None
    at = lead.start("particles")
    head = lead.group("head")
    if head is None:
        before = text[:at].rstrip()
        return ParticleLead(at, at) if not before or before[-1] in _OPENINGS else None
    word = head.rstrip(".")
    folded = fold(word)
    if not head[:1].isupper() or folded in _DETERMINERS:
        return None
    if genders.of_first_name(word):
        return ParticleLead(lead.start("head"), lead.start("head"))
    if folded in TITLES:
        return ParticleLead(at, lead.start("head"))
    return ParticleLead(at, at) if head[-1] in ".!?" else None  # a sentence ended


def with_particle(phrase: str, found: Found) -> Found:
    """``found`` with the particles (and a given name) before it that its capitalised
    run left out ('says de Vos', 'Anna van der Berg')."""
    if found.offset != found.start:
        return found  # 'Mr. de Vos': the run holds the particle already
    lead = particle_lead(phrase, found.start)
    if lead is None:
        return found
    at = lead.name_start
    name = " ".join([*phrase[at : found.start].split(), found.name])
    return Found(name, at, "", found.gender, found.end, at)


def particle_surname(words: list[str], text: str) -> bool:
    """Whether ``words`` open with a surname's particle before the rest of the surname:
    'de Vos', or 'De Vos' when ``text`` also writes 'de Vos' ('Al Holt' is a given name)."""
    if len(words) < 2 or not words[1][:1].isupper():
        return False
    particle = words[0]
    if particle in PARTICLES:
        return True
    lowered = particle.lower()
    return lowered in PARTICLES and _writes(text, f"{lowered} {words[1]}")


def _writes(text: str, phrase: str) -> bool:
    """Whether ``text`` writes ``phrase`` as words of their own."""
    return (
        phrase in text and re.search(rf"(?<![\w’']){re.escape(phrase)}(?![\w’'])", text) is not None
    )


def surname_only(words: list[str], text: str) -> bool:
    """A surname alone, with its particle or not: 'Vos', 'De Vos'."""
    return len(words) == 1 or (len(words) == 2 and particle_surname(words, text))


def fits_forms(forms, words: list[str], text: str) -> bool:
    """Whether a mention's ``words`` may mean the person whose name ``text`` writes as
    ``forms``, which share its surname: 'Vos', 'De Vos', 'A. de Vos', 'Anna de Vos'."""
    if surname_only(words, text):
        return True  # the forms share the surname already
    first = fold(words[0])
    initial = first.rstrip(".")
    for form in forms:
        own = form.split()
        if surname_only(own, text):
            continue
        if len(words) == len(own) and all(map(similar, words, own)):
            return True
        own_first = fold(own[0])
        if first == own_first or initial == own_first[:1]:
            return True
    return False


# Words in lower case within a name: 'Ana de Vos', 'Kari von Holt'.
_NAME_LINKS = PARTICLES | frozenset("bin ibn abu el y e".split())


def described_not_named(name: str) -> bool:
    """Whether a capitalised run describes rather than names: a party's member last ('a
    Fjellstad Republican'), or a word in lower case right after the first ('Bikers for
    Lund', 'Pictures of Holt'; 'Ana Berg of Havstad' is a name, then where she is from)."""
    words = name.split()
    if len(words) < 2:
        return False
    second = words[1]
    return fold(words[-1]) in PARTY_MEMBERS or (
        not second[:1].isupper() and fold(second) not in _NAME_LINKS
    )
