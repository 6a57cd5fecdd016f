"""A month that is someone's given name ('May Olsen said', 'said June Holt'), not the
date it opens ('In May Olsen said', 'by April Lund …'). Names.py cuts a month from the
front of a name, as a capitalised run gives it no other way to tell; the article does:
a month before a surname is a given name when the article calls the person by the
surname alone elsewhere, or when a cue follows or precedes the pair, and no preposition
or word of time governs the month."""

from __future__ import annotations

import re
from functools import lru_cache

from articles.extraction.names import MONTHS, renamed
from articles.extraction.patterns import CUE
from articles.extraction.sentence_openings import OPENING_WORDS

# Months that are also given names; 'March' or 'July' are not.
_GIVEN_MONTHS = ("May", "June", "April", "August")
# Words that make the month after them a date: the words that open a sentence with a
# time or place ('In May', 'since June'), and the ones no sentence opens with ('last
# April', 'from May'); not the cue 'asked', after which the month is the speaker's name.
_DATE_BEFORE = (OPENING_WORDS - {"asked"}) | frozenset(
    "about between each every from into mid next of same that this till to".split()
)
# Words that join a month to another before it: 'In May and June', 'April or May'.
_JOINING = frozenset("and or to through".split())
# A month and a capitalised word after it: 'May Olsen'; a day's number ('May 5') is no
# surname. The search is anchored on the month; the words before it are read back from
# the text, as a pattern that reached back for them would retry at every letter of a
# long word.
_PAIR = re.compile(
    r"\b(?P<month>" + "|".join(_GIVEN_MONTHS) + r")[ \t]+(?P<surname>[A-Z][a-z][\w’'-]*)\b"
)
# The two words before a month, closest last.
_WORDS_BEFORE = re.compile(r"(?:([\w’'-]+)[ \t,]+)?([\w’'-]+)[ \t]+\Z")
# A cue after the pair, past an apposition ('May Olsen, a nurse, said'), or before it
# ('said June Holt').
_CUE_AFTER = re.compile(rf"(?:,[^,.;:!?\n]{{1,80}},)?\s+(?:[a-z]+ly\s+)?(?:{CUE})\b")
_CUE_BEFORE = re.compile(rf"\b(?:{CUE})\s+\Z")


def given_month(text: str, month: str, surname: str) -> bool:
    """Whether ``month`` before ``surname`` is a given name somewhere in ``text``."""
    return (month, surname) in _given_months(text)


@lru_cache(maxsize=8)
def _given_months(text: str) -> frozenset[tuple[str, str]]:
    pairs = set()
    for match in _PAIR.finditer(text):
        if _dated(text, match.start()):
            continue
        month, surname = match.group("month"), match.group("surname")
        cued = _CUE_AFTER.match(text, match.end()) or _CUE_BEFORE.search(
            text, max(0, match.start("month") - 40), match.start("month")
        )
        if cued or _alone(text, month, surname):
            pairs.add((month, surname))
    return frozenset(pairs)


def _dated(text: str, at: int) -> bool:
    """Whether the month at ``text[at]`` is a date by the words before it: a preposition
    or word of time ('In May'), another month ('May June'), or a month joined to it ('In
    May and June Holt said')."""
    before = _WORDS_BEFORE.search(text, max(0, at - 60), at)
    if before is None:
        return False
    first, last = (word.casefold() if word else "" for word in before.groups())
    return last in _DATE_BEFORE or last in MONTHS or (last in _JOINING and first in MONTHS)


def _alone(text: str, month: str, surname: str) -> bool:
    """Whether ``text`` writes ``surname`` without ``month`` before it."""
    return any(
        not text[max(0, m.start() - len(month) - 2) : m.start()].rstrip().endswith(month)
        for m in re.finditer(rf"\b{re.escape(surname)}\b", text)
    )


def month_given_name(text: str, titles: str, name: str) -> str:
    """``name`` with the month before it when that month is its given name in ``text``
    ('May Olsen' for the titles 'May' and the name 'Olsen'); else ``name``."""
    month = titles.strip(" ,.")
    if month not in _GIVEN_MONTHS or " " in name or not given_month(text, month, name):
        return name
    return f"{month} {name}"


def with_given_month(text: str, name: str) -> str:
    """A name met in prose, with the month its titles hold when that is its given name
    ('May Olsen', not 'Olsen' titled 'May'); any other ``name`` as it is."""
    titles = getattr(name, "titles", "")
    given = month_given_name(text, titles, name) if titles else name
    return name if given == name else renamed(name, given)
