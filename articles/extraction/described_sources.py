"""Who a wide-scope content's source is when its subject phrase was read as a thing
described: a name in that phrase often says it better.

The wide scope's gate (gate.py) admits contents whose subject the speaker rules could not
resolve; handoff.subject_source then keeps the subject phrase as a description, in its
own words. Two shapes of that phrase hold the person who speaks:

    'Holm failed three times [to refuse] …'   a clause: its subject is the name it opens with
    'Holm’s strikingly personal [attacks] on …'  a noun cue: its possessor is the source
    'an opening for Holm to [highlight] …'    an infinitive: the name before 'to' is its subject

Read only here, after the gate has weighed the candidate as it learnt (with its subject
described), so that what the gate admits does not change, only whose it is.
"""

from __future__ import annotations

import re
from dataclasses import replace

from articles.extraction.clause_shapes import PREPOSITIONS, adverb
from articles.extraction.descriptions import PLURAL_ROLES, PRONOUNS, RELATIVES
from articles.extraction.handoff import opens_predicate
from articles.extraction.model import Candidate
from articles.extraction.names import POSSESSIVE, WORD, is_place
from articles.extraction.phrases import head_name, subject_length
from articles.extraction.registry import Registry
from articles.extraction.speakers import speaker_in
from articles.extraction.spelling import fold

_NEXT_WORD = re.compile(r"\s*(\S+)")
# Past forms of common verbs that end in no '-ed': 'Obama won his party's nomination by
# promising', 'Putin held forth', 'Clinton came out against'.
_IRREGULAR_PAST = frozenset(
    """won held came spent found led broke took made gave went began kept sent ran got
    put told""".split()
)
# Words that open a clause with a contracted verb, never a name: 'It's', 'There's'.
_NO_NAMES = PRONOUNS | frozenset("it that there here what this who".split())
# The relatives and indefinites that make a phrase someone's description: 'Lund, who',
# 'whoever was running Lund's office'.
_RELATIVES = RELATIVES | frozenset("whoever whatever".split())
# How many lower-case words may stand between a possessor and its noun cue: 'Holm's
# strikingly personal attacks on'.
_MODIFIERS = 3
# Prepositions before a name that make it a place or a body, no infinitive's subject:
# 'the town in Congress to', 'a trip to Vestby to'.
_PLACE_PREPOSITIONS = frozenset("in at of from on by into to".split())


def named_source(registry: Registry, text: str, candidate: Candidate) -> Candidate:
    """``candidate`` (a gated content) with the person its described source names as its
    speaker, when the description is a clause opening with a name or ends with a
    possessor; else ``candidate`` as it is."""
    entity, mention = candidate.entity, candidate.mention
    if entity is None or entity.named or mention is None or not candidate.gated:
        return candidate
    words = [(m.start(), m.end(), m.group()) for m in WORD.finditer(text, *mention)]
    if not words or any(fold(w) in _RELATIVES for _, _, w in words):
        # 'Lund of Vestby, who', 'Lund's supporters who': whom the relative stands for
        # is the rules' reading (handoff._relative_source), not a name inside it.
        return candidate
    following = _NEXT_WORD.match(text, mention[1])
    cue = following.group(1) if following else ""
    span = _clause_subject(registry, words, cue) or _possessor(words) or _infinitive_subject(words)
    if span is None:
        return candidate
    before = registry.checkpoint()
    speaker = speaker_in(registry, text, *span)
    registry.restore(before)
    if speaker.entity is None or not speaker.entity.named or speaker.mention is None:
        return candidate
    return replace(candidate, entity=speaker.entity, mention=speaker.mention)


def _clause_subject(
    registry: Registry, words: list[tuple[int, int, str]], following: str
) -> tuple | None:
    """The span of the name that opens ``words`` when a verb follows it: 'Ms. Holm
    avoids', 'Holm failed three times'; not 'Holm supporters' or 'Holm aides'.
    ``following``: the word after the phrase (the cue)."""
    if len(words) < 2 or not words[0][2][:1].isupper():
        return None
    if fold(POSSESSIVE.sub("", words[0][2])) in _NO_NAMES:
        return None  # 'It's easy to', 'That's why': no name opens the clause
    plain = [w for _, _, w in words]
    length = subject_length(plain)
    if not 0 < length < len(plain):
        return None
    verb = plain[length]
    if not verb[:1].islower() or POSSESSIVE.search(verb):
        # 'The Holm family's endorsement': a possessive ends a noun phrase, no verb in -s.
        return None
    lowered = verb.lower()
    if not (
        opens_predicate(verb)
        or lowered in _IRREGULAR_PAST
        or (
            # 'Holm holds several', 'Ms. Holm avoids discussing': a verb in -s has words
            # after it in the phrase, or a cue that is no finite verb; a plural noun
            # ('Holm aides') ends the phrase before its own verb.
            lowered.endswith("s")
            and not lowered.endswith("ss")
            and lowered not in PLURAL_ROLES
            and (
                not adverb(plain[length + 1].lower())
                and plain[length + 1].lower() not in PREPOSITIONS  # 'Lund leads by 21 points'
                if length + 1 < len(plain)
                else following.endswith("ing") or following == "to"
            )
        )
    ):
        return None
    name = " ".join(plain[:length])
    if POSSESSIVE.search(name) or head_name(registry, name) is None:
        # 'Lund's kids have sold him on': the subject is whom the name possesses.
        return None
    return words[0][0], words[length - 1][1]


def _possessor(words: list[tuple[int, int, str]]) -> tuple | None:
    """The span of the name in the possessive that ends ``words`` but for a few
    modifiers: 'Holm’s strikingly personal', 'the only hitch in Holm’s'."""
    for i in range(len(words) - 1, max(-1, len(words) - 2 - _MODIFIERS), -1):
        word = words[i][2]
        if POSSESSIVE.search(word) and word[:1].isupper() and ("’" in word or "'" in word):
            stem = POSSESSIVE.sub("", word)
            if fold(stem) in _NO_NAMES:
                return None  # 'It's easy', 'That's why': a verb contracted, no possessor
            first = i
            while first > 0 and words[first - 1][2][:1].isupper():
                first -= 1  # 'Donald Trump’s', 'Mr. Trump's'
            if not stem:
                return None
            return words[first][0], words[i][0] + len(stem)
        if not word[:1].islower() or (opens_predicate(word) and not word.endswith("ing")):
            return None  # 'Lund's kids have sold him on': a verb, no modifier ('impending')
        if POSSESSIVE.search(word) and ("’" in word or "'" in word):
            return None  # 'Holm's rival's attacks': the rival, not Holm, owns the cue
    return None


def _infinitive_subject(words: list[tuple[int, int, str]]) -> tuple | None:
    """The span of the name right before the 'to' that ends ``words``, after a word in
    lower case: 'a natural opening for Holm to', 'will force Sen. Kari Holm to'; the
    infinitive the cue opens is that person's."""
    if len(words) < 3 or words[-1][2] != "to":
        return None
    first = len(words) - 1
    while first > 0 and words[first - 1][2][:1].isupper():
        first -= 1
    if first == len(words) - 1 or first == 0 or not words[first - 1][2][:1].islower():
        return None  # no name before 'to', or one that opens the phrase (a clause's)
    if words[first - 1][2] in _PLACE_PREPOSITIONS:
        return None  # 'who represents the town in Congress to': a place or a body
    if POSSESSIVE.search(words[-2][2]):
        return None  # 'Holm's to': no name of a person who acts
    if is_place(" ".join(w for _, _, w in words[first:-1])):
        return None  # 'a visit with Vestby to': a place acts on no infinitive
    return words[first][0], words[-2][1]
