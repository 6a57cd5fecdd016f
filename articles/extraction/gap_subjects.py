"""A group described right before a cue whose object is a noun earlier in the phrase:
'the port, which even the most hopeful traders doubt will reopen', 'the kind of judge many
farmers fear Holt would pick', 'Lake Marrow is the place harbour officials say …'.

The phrase back to the clause boundary then holds a name that is the cue's object, not
its subject; the group at the phrase's end speaks."""

from __future__ import annotations

import re

from articles.extraction.descriptions import (
    AFFILIATION,
    DETERMINERS,
    GROUP_HEADS,
    PLURAL_NOUNS,
    is_fraction,
    is_number,
)
from articles.extraction.registry import Registry
from articles.extraction.speakers import Speaker, speaker_in
from articles.extraction.subject_words import ARTICLES

# Words that open a description of a group: 'many Republicans', 'even the most hopeful
# traders', 'other party leaders'.
# A possessive, a number or a singular determiner opens none: 'Greenberg says his research
# shows' has Greenberg speak, 'two in three voters' is a share, 'a text message to
# supporters' no group.
_OPENERS = (
    frozenset(w for w in DETERMINERS if not is_number(w))
    - frozenset("his her their its our my your a an another each every".split())
) | {"even"}
# A group's description is short: the head and at most this many words before it.
_TAIL_WORDS = 4
# Plural nouns for people, besides the groups that speak at a sentence's start: an
# ending such as '-ers' or '-ents' also makes 'numbers' and 'documents'.
_PEOPLE = (
    GROUP_HEADS
    | PLURAL_NOUNS
    | frozenset(
        """farmers traders merchants members citizens owners employees columnists
        commentators pundits bankers donors fans neighbours neighbors locals
        shopkeepers fishermen miners nurses judges jurists bishops priests pastors
        ministers diplomats commanders soldiers troops veterans immigrants migrants
        refugees tenants landlords consumers customers shareholders investors""".split()
    )
)
# Prepositions that tie the noun before them to the group after them, which then does not
# speak: 'a lawyer for the farmers', 'Republicans in the audience'; 'hope among Twitter
# investors' is the group's own.
_BELONGING = AFFILIATION - {"among"}
# Words that join the group to the name before it into one subject.
_JOINING = frozenset("and or nor but plus with".split())
# The indefinite articles alone: 'the' may open the speaking group itself.
_INDEFINITE_ARTICLES = ARTICLES - {"the"}
_MARKS = ',;:()“”"'
_WORD = re.compile(r"[^\s,;:()“”\"]+|[,;:()“”\"]")


def last_word(phrase: str) -> str | None:
    """The last of _WORD's tokens in ``phrase``, or None when it has none, read from its
    end: most phrases end in no group's head, and tokenizing each whole cost more."""
    rest = phrase.rsplit(None, 1)  # the same white space as the pattern's
    if not rest:
        return None
    chunk = rest[-1]
    if chunk[-1] in _MARKS:
        return chunk[-1]
    at = len(chunk) - 1
    while at > 0 and chunk[at - 1] not in _MARKS:
        at -= 1
    return chunk[at:]


def described_group(
    registry: Registry, text: str, start: int, end: int, found: Speaker
) -> Speaker | None:
    """The group described at the end of the phrase ``text[start:end]``, when the
    speaker ``found`` for the whole phrase is no one or a name before that description;
    None when the phrase does not end in such a group."""
    phrase = text[start:end]
    head = last_word(phrase)
    if head is None or not _group_head(head):
        return None
    words = [(m.start() + start, m.end() + start, m.group()) for m in _WORD.finditer(phrase)]
    if len(words) < 3:
        return None
    tail = _tail_start(words)
    if tail is None:
        return None
    if found.entity is not None and (found.mention is None or found.mention[1] > words[tail][0]):
        return None  # the phrase's own speaker reaches into the group's words
    before = words[tail - 1][2]
    if (
        before[:1].isupper()
        or not before.isalpha()
        or before.casefold() in _JOINING
        or before.casefold() in _INDEFINITE_ARTICLES
        or (before.casefold() in _BELONGING and not _share_of(words, tail - 1))
    ):
        # 'Sen. Holt, many Republicans', 'Holt and other leaders': the group is no more
        # than part of the subject; 'a lawyer for the farmers': the lawyer speaks; 'a
        # few protesters': the article opens the group with its quantifier.
        return None
    group = speaker_in(registry, text, words[tail][0], words[-1][1])
    return group if group.entity is not None and not group.entity.named else None


def _share_of(words: list[tuple[int, int, str]], at: int) -> bool:
    """Whether the preposition at ``at`` takes a share of the group ('68% of Democratic
    voters', 'most of the traders'), which speaks, not someone it affiliates."""
    share = words[at - 1][2].casefold() if at > 0 else ""
    return words[at][2].casefold() == "of" and (
        is_number(share.rstrip("%"))
        or is_fraction(share)
        or share in DETERMINERS
        or share == "percent"
    )


def _group_head(word: str) -> bool:
    return word.casefold() in _PEOPLE


def _tail_start(words: list[tuple[int, int, str]]) -> int | None:
    """Where the group's description opens: at the openers before its head ('even the
    most hopeful traders'), or at the capitalised word that qualifies it after a noun
    ('the place Pentagon officials')."""
    lowest = max(1, len(words) - 1 - _TAIL_WORDS)
    opener = None
    for i in range(len(words) - 2, lowest - 1, -1):
        if words[i][2].casefold() in _OPENERS:
            opener = i
        elif opener is not None:
            break
    if opener is not None and not _complement_before_qualifier(words, opener):
        return opener
    if len(words) >= 3 and words[-2][2][:1].isupper() and words[-3][2].islower():
        return len(words) - 2
    return None


def _complement_before_qualifier(words: list[tuple[int, int, str]], opener: int) -> bool:
    """Whether the opener is a lone 'the' inside the phrase, before one lower-case noun
    and the capitalised word that qualifies the head: 'is now the place Marrow officials
    say' puts 'the place' in the clause before, whose relative clause the group opens."""
    return (
        words[opener][2] == "the"
        and opener > 0
        and words[opener - 1][2].isalpha()
        and words[opener - 1][2].islower()
        and opener + 3 == len(words) - 1
        and words[opener + 1][2].islower()
        and words[opener + 2][2][:1].isupper()
    )
