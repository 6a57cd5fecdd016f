"""A subject that lists names with commas: 'Holt, Lund and Berg argued …' means the first.

The phrase a cue's subject is read from stops at the nearest comma, so of 'Kari Holt,
Ivar Lund and Per Berg argued' it holds only 'Ivar Lund and Per Berg', which names the
last. Such a list is mostly written with its most prominent member first (PolNeAR gives
the speaker of 'Carson, Fiorina and Huckabee said' as Carson); a plain pair with no comma
('Holt and Lund said') is left as it is.
"""

from __future__ import annotations

import re

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
_NAME_WORD = re.compile(r"(?:[A-Z][\w’'.-]*|[A-Z]\.)")


def first_listed(text: str, start: int, phrase: str) -> tuple[int, int] | None:
    """Where the first name of a list stands (its start and end in ``text``) when the
    subject ``phrase`` at ``start`` ends one: 'Ivar Lund and Per Berg' after 'Kari Holt, ',
    'Per Berg' after 'Kari Holt, Ivar Lund and '. None when the phrase lists nothing, or
    no name and comma come before it."""
    if phrase.startswith("and "):  # 'Holt, Lund, and Berg': the phrase after the comma
        rest = phrase[4:].lstrip()
        start, phrase = start + len(phrase) - len(rest), rest
    if not phrase[:1].isupper():
        return None
    # Most subjects follow no comma and no 'and': told from a few characters, before
    # any search (the speaker rules ask this of every subject phrase).
    tail = text[max(0, start - 5) : start].rstrip()
    if tail.endswith(","):
        if " and " not in phrase:
            return None  # 'In May, Holt said'
    elif not tail.endswith(" and"):
        return None
    head = text[max(0, start - _REACH) : start]
    base = start - len(head)
    for opening in _OPENING.finditer(head):
        base = start - len(head) + opening.end()
    joint = _JOINT.search(text, base, start)
    if joint is None:
        return None
    pieces = text[base : joint.start()].split(",")
    found, names = None, 0
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
        found, names = (first, opens + len(piece.rstrip())), names + 1
        if cut:
            break
        stop = opens - 1
    if "and" in joint.group() and names < 2:
        return None  # 'Holt and Lund said', 'In May, Holt and Lund said': a pair
    return found


def _name_shaped(words: list[str]) -> bool:
    """Whether the words of a piece of a list read as a name: a few capitalised words
    ('Sen.' and initials too), the first of them no opening word and no dateline."""
    if not words or len(words) > _ITEM_WORDS or words[0].lower() in _NOT_NAMES:
        return False
    if words[0].isupper() and len(words[0]) > 3:
        return False  # 'WASHINGTON, Holt and Lund said': a dateline
    return all(_NAME_WORD.fullmatch(word) for word in words)
