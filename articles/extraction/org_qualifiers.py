"""The lower-case words that may stand between a preposition and the organisation it
governs: 'Ivar Lund of the nonpartisan Nordvik Ferry Report', 'an analyst at digital
consulting firm Nordvik Data', 'Kari Holt at the office of Nordvik Ferries'. A name
after them is where someone works, not who speaks.

One rule, read two ways: phrases.py tries each count of ``trailing_qualifiers`` before a
name; pattern_speakers.py puts ``QUALIFIERS`` in the regexes that widen a pattern's
subject to the person before the organisation. Both accept the same words, and both try
every count, so a qualifier may be an article or a preposition ('the office of'): the
reading with fewer qualifiers is tried as well."""

from __future__ import annotations

import re

from articles.extraction.clause_shapes import BOUNDARY_WORDS
from articles.extraction.descriptions import RELATIVES
from articles.extraction.patterns import alternation

# At most this many qualifiers between the preposition (and its article) and the name.
MOST_QUALIFIERS = 3

# No word that opens a clause ('Some voters in the crowd cheered as Holt said': the
# clause after 'as' has its own subject).
_NOT_QUALIFIERS = BOUNDARY_WORDS | RELATIVES
# A word in lower case: 'independent', 'state-owned', 'city’s'.
_WORD = r"[a-z][\w’'-]*"
_WORD_ALONE = re.compile(_WORD)

# The qualifiers as part of a regex: up to MOST_QUALIFIERS words, each followed by
# white space.
QUALIFIERS = (
    r"(?:(?!(?:"
    + alternation(sorted(_NOT_QUALIFIERS))
    + r")\s)"
    + _WORD
    + rf"\s+){{0,{MOST_QUALIFIERS}}}"
)


def is_qualifier(word: str) -> bool:
    """Whether ``word`` may qualify an organisation's name after a preposition
    ('independent', 'state-owned'): the test QUALIFIERS puts on each word."""
    return _WORD_ALONE.fullmatch(word) is not None and word not in _NOT_QUALIFIERS


def trailing_qualifiers(words: list[str]) -> int:
    """How many of ``words``' last words, up to MOST_QUALIFIERS, may all be
    qualifiers: a reader tries each count from none to this."""
    count = 0
    while count < min(MOST_QUALIFIERS, len(words)) and is_qualifier(words[-1 - count]):
        count += 1
    return count
