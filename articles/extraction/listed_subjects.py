"""A subject that lists names with commas: 'Holt, Lund and Berg argued …' means the first.

The phrase a cue's subject is read from stops at the nearest comma, so of 'Kari Holt,
Ivar Lund and Per Berg argued' it holds only 'Ivar Lund and Per Berg', which names the
last. Such a list is mostly written with its most prominent member first (PolNeAR gives
the speaker of 'Carson, Fiorina and Huckabee said' as Carson); a plain pair with no comma
('Holt and Lund said') is left as it is. Only a list of names counts ('Vestby, Bergen and
Oslo officials' lists none), and the caller (speakers.speaker_in) keeps the first piece
that is a person's, so a day, a place or a company before the names speaks for no one.
"""

from __future__ import annotations

import re

from articles.extraction.phrases import subject_length
from articles.extraction.sentence_openings import OPENING_ADVERBS, OPENING_WORDS

# How many words one listed name may take: 'Ohio Gov. Kari Holt'.
_ITEM_WORDS = 5
# How far back a list is looked for.
_REACH = 160
# Words that open no name, though a capital may start them: 'In May, Holt and Lund said'.
_NOT_NAMES = OPENING_WORDS | OPENING_ADVERBS | frozenset("but and so the a an".split())
# Where a sentence or a clause opens before a list: a stop, a line break, a mark.
_OPENING = re.compile(r"[.!?;:]\s|\n|[“\"(—–]")
# What joins the phrase to the list before it: a comma, or the list's last 'and'.
_JOINT = re.compile(r"(?:,\s*|,?\s+and\s+)$")
# Words that open the clause a list is the subject of: 'while Holt, Lund and Berg have'.
_CLAUSE_OPENERS = frozenset(
    "while whereas as what when where since because although though if but and so".split()
)
# Words that may follow a list's names inside its subject: 'Holt, Lund and Berg both said'.
_QUANTIFIERS = frozenset("all both each together".split())
_AND = re.compile(r"\s+and\s+")
_NAME_WORD = re.compile(r"(?:[A-Z][\w’'.-]*|[A-Z]\.)")


def listed_names(text: str, start: int, phrase: str) -> list[tuple[int, int]]:
    """Where the names of a list before the subject ``phrase`` at ``start`` stand (start
    and end in ``text``), the first of the list first, when the phrase ends one: 'Ivar
    Lund and Per Berg' after 'Kari Holt, ', 'Per Berg' after 'Kari Holt, Ivar Lund and '.
    Empty when the phrase lists nothing, or no name and comma come before it. All the
    pieces are given, not only the farthest, since a piece may be shaped like a name and
    be none ('Tuesday, Holt, Lund and Berg'): the caller keeps the first that is a person."""
    if phrase.startswith("and "):  # 'Holt, Lund, and Berg': the phrase after the comma
        rest = phrase[4:].lstrip()
        start, phrase = start + len(phrase) - len(rest), rest
    if not phrase[:1].isupper():
        return []
    # Most subjects follow no comma and no 'and': told from a few characters, before
    # any search (the speaker rules ask this of every subject phrase).
    tail = text[max(0, start - 5) : start].rstrip()
    if tail.endswith(","):
        if " and " not in phrase:
            return []  # 'In May, Holt said'
    elif not tail.endswith(" and"):
        return []
    head = text[max(0, start - _REACH) : start]
    base = start - len(head)
    for opening in _OPENING.finditer(head):
        base = start - len(head) + opening.end()
    joint = _JOINT.search(text, base, start)
    if joint is None:
        return []
    pieces = text[base : joint.start()].split(",")
    found: list[tuple[int, int]] = []
    stop = joint.start()
    for piece in reversed(pieces):
        opens = stop - len(piece)
        words = piece.split()
        cut = 0
        while cut < len(words) - 1 and words[cut].lower() in _CLAUSE_OPENERS:
            cut += 1  # 'while Trump, Ryan and Priebus have …': the list after 'while'
        if not _name_shaped(words[cut:]):
            break
        first = opens + piece.index(words[cut])
        found.append((first, opens + len(piece.rstrip())))
        if cut:
            break
        stop = opens - 1
    if "and" in joint.group():
        # 'Holt and Lund said', 'In May, Holt and Lund said': a pair, whose first is no
        # list's; nor is the name before the 'and' when one before it is no person's
        # ('Also Monday, Holt and Lund said').
        found = found[1:] if len(found) >= 2 else []
    if found and not _names_a_person(phrase):
        return []  # 'Vestby, Bergen and Oslo officials': the list names no people
    return found[::-1]


def full_names(text: str, spans: list[tuple[int, int]], phrase: str) -> bool:
    """Whether a list (the ``spans`` of ``text`` before its subject ``phrase``) holds a
    name of several words: 'Equinor, Kari Holt and Ivar Lund'."""
    if any(" " in text[a:b] for a, b in spans):
        return True
    words = _AND.split(phrase, maxsplit=1)[0].split()[:2]  # the phrase runs on past it
    return len(words) == 2 and all(_NAME_WORD.fullmatch(word) for word in words)


def _names_a_person(phrase: str) -> bool:
    """Whether the list's end in ``phrase`` (which runs on past the subject, into its
    verb) is names: 'Lund and Berg have', 'RNC Chairman Berg have'; not 'Bergen and Oslo
    officials argued', whose last item is a description."""
    parts = _AND.split(phrase, maxsplit=1)
    if len(parts) == 2 and not _name_shaped(parts[0].split()):
        return False
    words = parts[-1].split()
    subject = words[: subject_length(words)]
    while subject and subject[-1] in _QUANTIFIERS:
        subject.pop()  # 'Holt, Lund and Berg all have': the names, then 'all'
    return _name_shaped(subject)


def _name_shaped(words: list[str]) -> bool:
    """Whether the words of a piece of a list read as a name: a few capitalised words
    ('Sen.' and initials too), the first of them no opening word and no dateline."""
    if not words or len(words) > _ITEM_WORDS or words[0].lower() in _NOT_NAMES:
        return False
    if words[0].isupper() and len(words[0]) > 3:
        return False  # 'WASHINGTON, Holt and Lund said': a dateline
    return all(_NAME_WORD.fullmatch(word) for word in words)
