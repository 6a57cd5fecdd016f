"""A description whose restrictive relative clause runs up to the cue: 'the board members
who had backed Berg or Holt said', 'local groups that have endorsed her say'.

The phrase before the cue then is the relative clause's object (a name or a pronoun),
not the cue's subject; the people described before the relative speak."""

from __future__ import annotations

import re

from articles.extraction.clause_shapes import AUXILIARIES
from articles.extraction.registry import Registry
from articles.extraction.speakers import Speaker, described_before, speaker_in
from articles.extraction.subject_words import NOUN_OPENERS

# The last relative that is its clause's subject before the phrase, in the phrase's own
# clause (no mark between), and the word after it: 'who had backed', 'that’s run by'.
# Possessive: a shorter word or space never lets the rest run to the end where the whole
# did not, and trying each shorter one made this the costliest search of a long lead.
_RELATIVE = re.compile(
    r"\b(?:[Ww]ho|[Tt]hat)(?:[’'](?:d|s|ve|ll))?\s++(?P<next>[\w’'-]++)[^,;:()\[\]—–“”\"\n.!?]*+$"
)
# Words after 'that' or 'who' that make it no subject: 'the plan that the mayor said'.
_NOT_VERBS = NOUN_OPENERS | frozenset(
    "this he she they we i it someone nobody everyone many some most".split()
)
# Where the clause holding the description opens: the sentence's start or a conjunction.
_CLAUSE_OPENING = re.compile(
    r"(?s).*(?:[.!?]\s+|\n|\b(?:[Bb]ut|[Aa]nd|[Ww]hile|[Ww]hen|[Aa]s|[Ii]f|[Bb]ecause|"
    r"[Yy]et|[Ss]o)\s+)"
)
# A mark or relative between the phrase and the cue: the phrase is no relative's object.
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]—–“”\"]|\b(?:who|which|that)\b")
# A conjunction or a second relative after the relative opens a clause of its own.
_SUBORDINATOR = re.compile(
    r"\b(?:when|while|as|if|because|since|after|before|until|where|than|whether|though|"
    r"although|unless|once|that|who|which|whom)\b",
    re.IGNORECASE,
)
# How far back from the phrase the relative may stand, in characters.
_REACH = 120


def may_hold_relative(lead: str) -> bool:
    """False only when ``lead`` holds none of _RELATIVE's words ('who', 'that'): most
    leads, told by substring tests in C, where the search tried each of its positions."""
    return "who" in lead or "hat" in lead or "Who" in lead


# A preposition between a relative clause's verb and its object: 'who spoke to Ivar Lund'.
_OBJECT_PREPOSITIONS = frozenset("to with for against about at from by under".split())


def described_before_relative(
    registry: Registry, text: str, start: int, cue: int, found: Speaker, *, who_object: bool = False
) -> Speaker | None:
    """The people described before a restrictive relative clause that runs on to the
    phrase ``text[start:cue]`` before the cue, when that phrase (``found``) names someone;
    None otherwise. With ``who_object``, only a 'who' whose verb takes the phrase as its
    object directly ('Residents who met Ivar Lund'), for a reader that finds no cue in the
    relative's sentence to tell a clause of its own from it."""
    if found.entity is None or not found.entity.named or _CLAUSE_BREAK.search(text, start, cue):
        return None  # 'Holt, who said': the phrase is the cue's subject
    lead = text[max(0, start - _REACH) : start]
    relative = _RELATIVE.search(lead) if may_hold_relative(lead) else None
    if relative is None or _SUBORDINATOR.search(lead, relative.start("next")):
        # 'those who backed Holt when Lund said', 'chatter that may fade now that Holt
        # has said': a clause of its own, whose subject the phrase is.
        return None
    after = relative.group("next")
    if after[:1].isupper() or after.lower() in _NOT_VERBS:
        return None  # 'the levy that Holt said would pass': Holt is the clause's subject
    if who_object and not _verb_then_object(lead, relative):
        return None
    # The description is in the relative's sentence, after any conjunction that opens
    # its clause ('But local groups that …').
    opening = _CLAUSE_OPENING.search(lead, 0, relative.start())
    at = opening.end() if opening else 0
    described = described_before(lead[at : relative.start()].rstrip())
    if described is None:
        return None
    part, offset = described
    at += offset + max(0, start - _REACH)
    subject = speaker_in(registry, text, at, at + len(part))
    return subject if subject.entity is not None and not subject.entity.named else None


def _verb_then_object(lead: str, relative: re.Match[str]) -> bool:
    """Whether ``relative`` is a 'who' whose verb, after any auxiliaries, is all that
    stands before the lead's end (with a preposition at most): 'who met', 'who had long
    backed', 'who spoke to'. Not 'those who know the harbour well say' nor 'who met him
    said': a second verb there closes the relative clause, and the name after it is the
    subject of its own verb. 'that' as often describes a thing that says nothing ('a
    campaign message that showed Islamic State fighters warning')."""
    if lead[relative.start() : relative.start() + 3].casefold() != "who":
        return False
    words = lead[relative.start("next") :].split()
    if words and words[-1].casefold() in _OBJECT_PREPOSITIONS:
        words.pop()
    return (
        bool(words)
        and words[-1].isalpha()
        and words[-1].islower()
        and all(word.casefold() in AUXILIARIES for word in words[:-1])
    )
