"""The speaker an attribution pattern's match names. A pattern's ``who`` group is often
too short ('the Treasury' of 'a spokeswoman for the Treasury said') or wrong (a sentence
adverb, a participle's object, a relative clause's subject): the match is widened to the
whole subject phrase, or the subject found between it and the cue."""

from __future__ import annotations

import re

from articles.extraction.aside_subjects import subject_before_aside
from articles.extraction.coordinated_subjects import coordinated_subject
from articles.extraction.cues import tokens
from articles.extraction.descriptions import (
    AFFILIATION,
    PLURAL_ROLES,
    RELATIVES,
    VERBS,
    describes,
)
from articles.extraction.gap_subjects import described_group
from articles.extraction.lead_subjects import pronoun_after_relative
from articles.extraction.names import WORD, can_speak, is_place, names_found
from articles.extraction.org_qualifiers import MOST_QUALIFIERS, QUALIFIERS, trailing_qualifiers
from articles.extraction.patterns import SAYING_VERBS, alternation
from articles.extraction.phrases import subject_length
from articles.extraction.registry import Registry
from articles.extraction.relative_adjuncts import relative_in_lead
from articles.extraction.relative_subjects import described_before_relative
from articles.extraction.sentence_openings import OPENING_WORDS, dateline_end
from articles.extraction.speakers import Speaker, speaker_in
from articles.extraction.spelling import fold

# 'a spokeswoman for ', 'one analyst at the ': a described person's head before the
# organisation a pattern took as the subject.
# A group opens it too: 'People with knowledge of the ', 'Officials at the '.
_AFFILIATED_LEAD = re.compile(
    r"(?:^|[.,;:!?“”\"]\s*|\n)(?P<head>(?:(?:[Aa]n?|[Tt]he|[Oo]ne|[Tt]wo|[Ss]ome|[Ss]everal)"
    r"\s+(?:[\w’'-]+\s+){0,4}?|(?i:"
    + alternation(sorted(PLURAL_ROLES | {"people", "friends", "allies"}))
    + r")\s+(?:[\w’'-]+\s+){0,4}?)(?:for|of|at|with|from|in)\s+(?:the\s+"
    + QUALIFIERS
    + r")?)$"
)


# 'Energy economist Tomasz Wierzbicki at the ': a name, then where they work; perhaps
# after another subject and 'and' ('Kari Holt of Bergen and Ivar Lund of ').
_NAMED_AFFILIATED_LEAD = re.compile(
    r"(?:^|[.,;:!?“”\"]\s*|\n)(?P<head>(?:(?:[\w’'.-]+\s+){1,5}?and\s+)?"
    r"(?:[\w’'.-]+\s+){0,3}?[A-Z][\w’'.-]*\s+"
    r"(?:at|of|for|from|with)\s+(?:the\s+)?" + QUALIFIERS + r")$"
)


# 'Two officials who spoke to the ', 'A source speaking with ': the speaker, and the
# paper or channel they spoke to, which a pattern took as the subject.
_INTERVIEWED_LEAD = re.compile(
    r"(?:^|[.,;:!?“”\"]\s*|\n)(?P<head>(?:[\w’'-]+\s+){1,6}?"
    r"(?:who\s+(?:spoke|talked)|speaking|talking)\s+(?:to|with)\s+(?:the\s+)?)$",
    re.IGNORECASE,
)


def _relative_across(registry: Registry, text: str, cue: int) -> Speaker | None:
    """'Holt, who, after the vote, said': whom the relative before the aside stands for."""
    base = max(0, cue - 200)
    across = relative_in_lead(text[base:cue])
    if across is None:
        return None
    speaker = speaker_in(registry, text, base + across[0], base + across[1])
    return speaker if speaker.entity is not None else None


def speaker_of(registry: Registry, text: str, match: re.Match, offset: int) -> Speaker:
    """The speaker an attribution pattern's ``who`` group names; ``match`` was run on the
    text from ``offset``. A ``noun`` group marks 'the ministry'."""
    registry.read(text)
    start = offset + match.start("who")
    if "cue" in match.re.groupindex:
        after = _dateline_after(registry, text, start, offset + match.start("cue"))
        if after is not None:
            return after
        said = _said_before(registry, text, start, offset + match.end("who"))
        if said is not None:
            return said
        relative = pronoun_after_relative(registry, text, offset + match.start("cue"))
        if relative is not None:
            return relative
        relative = _relative_across(registry, text, offset + match.start("cue"))
        if relative is not None:
            return relative
        after = _after_comma_in_subject(registry, text, match, offset)
        if after is not None:
            return after
        shared = _coordinated(registry, text, match, offset)
        if shared is not None:
            return shared
    # Found once: it depends on the text alone, and its searches look back 100 characters.
    phrase_start = _phrase_start(text, start)
    speaker = speaker_in(registry, text, phrase_start, offset + match.end("who"))
    if "cue" in match.re.groupindex and speaker.entity is not None:
        # 'the farmers who met Holt said': the farmers, not the relative clause's object.
        relative = described_before_relative(
            registry, text, phrase_start, offset + match.start("cue"), speaker
        )
        if relative is not None:
            return relative
    described = speaker.entity is None or not speaker.entity.named
    if "cue" in match.re.groupindex and (described or _ARTICLE.match(match.group("who"))):
        bare = _BARE_RELATIVE.fullmatch(
            text, offset + match.end("who"), offset + match.start("cue")
        )
        if bare is not None:
            # 'Tom Okafor, a senior analyst at Lund Partners, who said': the pattern took
            # the apposition for the subject and the relative for its aside; the relative
            # is the subject, and it stands for the name before the apposition.
            relative = speaker_in(registry, text, bare.start("relative"), bare.end("relative"))
            if relative.entity is not None and relative.entity.named:
                return relative
    if (
        "cue" in match.re.groupindex
        and "," in text[offset + match.end("who") : offset + match.start("cue")]
    ):
        opening = subject_before_aside(registry, text, start, offset + match.start("cue"))
        if opening is not None:
            return opening
    if "cue" in match.re.groupindex:
        inner = _inner_subject(
            registry, text, offset + match.end("who"), offset + match.start("cue")
        )
        if inner is not None:
            return inner
    governed = _PARTICIPLE_BEFORE.search(text, max(0, start - 40), start)
    opening = "cue" in match.re.groupindex and _in_opening_phrase(text, match, offset)
    if "cue" in match.re.groupindex and (
        speaker.entity is None or governed or opening or _unclosed_aside(text, match, offset)
    ):
        # "However, Fjellheim doubts that": a pattern that took the sentence adverb as
        # the subject leaves the real one between it and the verb. What a participle
        # governs is no subject either: 'Speaking to Dorset Radio, Okafor said', 'One
        # pastor backing Mr. Roe, Ann Lind of Hope Church, said'.
        between = text[offset + match.end("who") : offset + match.start("cue")]
        words = between.strip(" ,")
        if words.split()[-1:] in (["and"], ["but"]):
            # "On Monday, the governor visited the plant and said": the subject only.
            words = " ".join(words.split()[: subject_length(words.split()[:-1])])
        elif opening:
            # 'Here in Vestby, Lund pressed on, saying': the clause's subject only.
            words = " ".join(words.split()[: subject_length(words.split()[:8])])
        if words and len(words.split()) <= 8:
            at = offset + match.end("who") + between.index(words)
            subject = speaker_in(registry, text, at, at + len(words))
            if subject.entity is not None or speaker.entity is None:
                return subject
    if "cue" in match.re.groupindex and speaker.entity is not None:
        # 'Lund, exactly the kind of judge many farmers fear Holt would pick': the group
        # before the cue speaks, the name is the cue's object.
        group = described_group(registry, text, start, offset + match.start("cue"), Speaker(None))
        if group is not None:
            return group
    return speaker


def _coordinated(registry: Registry, text: str, match: re.Match, offset: int) -> Speaker | None:
    """The subject a cue after 'and' or 'but' shares with the verb before it, when the
    conjunction comes right after the pattern's subject: in 'Kari Holt met Ivar Lund, and
    said …' the pattern took the first verb's object. Not 'He praised those who left but
    said', whose subject the pattern's reading of the clause before keeps."""
    between = text[offset + match.end("who") : offset + match.start("cue")]
    if between.replace(",", " ").split()[:1] not in (["and"], ["but"]):
        return None
    return coordinated_subject(registry, text, offset, offset + match.start("cue"))


def _after_comma_in_subject(
    registry: Registry, text: str, match: re.Match, offset: int
) -> Speaker | None:
    """The subject after the last comma of a pattern's ``who`` when a participle's phrase
    opens it: 'Reflecting on his years as a farmer, the council leader said', whose
    capital the pattern takes for a name; or when a description and its cue interrupt a
    quoted sentence: 'The levy, a senior aide said, “is going to pass.”'"""
    who = match.group("who")
    comma = who.rfind(",")
    rest = who[comma + 1 :].strip()
    if comma < 0 or not rest:
        return None
    if not _OPENING_PARTICIPLE.match(who) and not (
        # 'The levy, a senior aide said, “is …”': a description and its cue set off by
        # commas inside the quoted sentence, whose subject the phrase before them is.
        "cue" in match.re.groupindex
        and describes(rest)
        # 'At the same time, the person added, “…”' opens a sentence: the phrase is no
        # subject interrupted, and the attribution may be the quotation's before it.
        and who.split()[0].casefold() not in OPENING_WORDS
        and _PARENTHETICAL_END.match(text, offset + match.end("cue"))
    ):
        return None
    at = offset + match.start("who") + who.rindex(rest)
    speaker = speaker_in(registry, text, at, at + len(rest))
    return speaker if speaker.entity is not None else None


# The rest of a parenthetical cue: its comma before the quotation it interrupts.
_PARENTHETICAL_END = re.compile(r"[^,.;:“”\"\n]{0,30},\s*[“\"]")
# 'Reflecting on his earlier career, ': a participle's phrase opening the sentence.
_OPENING_PARTICIPLE = re.compile(r"[A-Z][a-z]{2,}(?:ing|ed)\s+[a-z][^,]*,")


# ', who ' between a pattern's subject and its cue, an adverb or two allowed.
_BARE_RELATIVE = re.compile(r",\s+(?P<relative>who|which)\s+(?:[a-z]+ly\s+){0,2}")
# A subject phrase that opens with an article in lower case, an apposition's way.
_ARTICLE = re.compile(r"(?:a|an|the)\s")


def _said_before(registry: Registry, text: str, start: int, end: int) -> Speaker | None:
    """The subject of a saying verb that ends the pattern's subject phrase between commas:
    'Lund' in 'Okafor and Holt will meet, Lund said, adding', not the sentence's opening."""
    said = _SAID_LAST.search(text, start, end)
    if said is None or said.group("verb").lower() not in SAYING_VERBS:
        return None
    speaker = speaker_in(registry, text, said.start("subject"), said.end("subject"))
    return speaker if speaker.entity is not None else None


# ', Lund said,' or ', Mr. Holt added,' closing a pattern's subject phrase.
_SAID_LAST = re.compile(r",\s+(?P<subject>[^,;:\n]{1,60}?)\s+(?P<verb>[a-z]+),\s*\Z")


def _unclosed_aside(text: str, match: re.Match, offset: int) -> bool:
    """Whether what a pattern took for an apposition after its subject has no comma to
    close it before the cue: in 'After a rally in Erie, Voss said' the words after the
    comma are the subject, and 'Erie' ends an opening phrase."""
    between = text[offset + match.end("who") : offset + match.start("cue")]
    if not between.startswith(","):
        return False
    words = between.strip(" ,").split()
    return bool(words) and not between.rstrip().endswith(",") and fold(words[0]) not in RELATIVES


def _in_opening_phrase(text: str, match: re.Match, offset: int) -> bool:
    """Whether a pattern's subject ends a short phrase of place or time that opens the
    sentence, its comma after it: in 'Here in Vestby, Lund pressed on, saying:' the
    clause after the comma, which the pattern took for an aside, has the subject."""
    start = offset + match.start("who")
    if not text.startswith(",", offset + match.end("who")):
        return False
    # Only words the pattern left out of its subject: one that took 'In Vestby' whole
    # reads other sentences too ('In Flint, residents …'), and did not pay.
    lead = _SENTENCE_LEAD.search(text, max(0, start - 40), start)
    words = lead.group("words").split() if lead else []
    return 0 < len(words) <= _OPENING_PHRASE_WORDS and words[0].casefold() in OPENING_WORDS


# The words from a sentence's start to a pattern's subject, with no comma among them.
_SENTENCE_LEAD = re.compile(r"(?:^|[.!?”\"]\s+|\n)(?P<words>[A-Z][^,.!?;:“”\"\n]*\s)\Z")
# 'Here in', 'There at the': the words before the place.
_OPENING_PHRASE_WORDS = 3


def _inner_subject(registry: Registry, text: str, start: int, end: int) -> Speaker | None:
    """The subject of a clause inside a relative clause that runs up to the cue: 'aides'
    in 'Okafor, who got less credit than aides say …'; None when there is none."""
    aside = text[start:end]
    if not _RELATIVE_ASIDE.match(aside) or aside.rstrip().endswith(","):
        return None  # 'Okafor, who ran when Roe quit, said': the aside closed, Okafor said
    clauses = list(_INNER_CLAUSE.finditer(aside))
    if not clauses:
        return None
    inner = clauses[-1]
    words = aside[inner.end() :].split()
    if not words or len(words) > 6 or subject_length(words) != len(words):
        return None
    phrase = " ".join(words)
    at = start + aside.rindex(phrase)
    speaker = speaker_in(registry, text, at, at + len(phrase))
    return speaker if speaker.entity is not None else None


_RELATIVE_ASIDE = re.compile(r",\s*(?:who|which)\s")
_INNER_CLAUSE = re.compile(r"\s(?:than|that|because|while|when|if|as)\s+")


# A participle, perhaps with its preposition, right before a pattern's subject: its object.
_PARTICIPLE_BEFORE = re.compile(
    r"(?:^|\W)[A-Za-z][a-z]+ing\s+(?:(?:to|with|in|on|at|for|about|from)\s+)?(?:the\s+)?"
    r"(?:(?:Mr|Mrs|Ms|Dr|Sen|Gov|Rep)\.\s+)?\Z"
)


def _dateline_after(registry: Registry, text: str, start: int, cue: int) -> Speaker | None:
    """The subject after a dateline that a pattern took for its subject ('BERGEN' of
    'BERGEN, Norway - Kari Holt's allies on Monday predicted'): the phrase that opens the
    sentence after the dash. None when ``start`` opens no dateline."""
    if start and text[start - 1] != "\n":
        return None
    # The cue readers' own dateline rule, on the words up to the cue.
    sentence = tokens(text, start, cue)
    after = dateline_end(sentence)
    if not after or after >= len(sentence) or any(t[2] == "(" for t in sentence[:after]):
        # Not after an agency's dateline ('NEW YORK, Dec. 22 (UPI) —'), whose sentence the
        # patterns read right as they were: there it changed only a cue on train.
        return None
    # Up to a phrase of time or place before the cue ('on Monday'); subject_length would
    # stop at a possessive ('Kari Holt's political allies'). Its end is the text's own,
    # whatever spaces stand between its words.
    words = list(WORD.finditer(text, sentence[after][0], cue))[:8]
    cut = next((i for i, word in enumerate(words) if word.group() in OPENING_WORDS), len(words))
    if not cut or any(_verb(word.group()) for word in words[:cut]):
        # 'Kari Holt announced she and Ivar Lund are expecting': a clause of its own,
        # which the readers after this one take apart.
        return None
    begin = sentence[after][0]
    subject = speaker_in(registry, text, begin, words[cut - 1].end())
    return subject if subject.entity is not None else None


def _verb(word: str) -> bool:
    """A verb in the phrase after a dateline: one of saying, or a past form in -ed as
    handoff.opens_predicate reads one ('announced')."""
    return word.islower() and (
        word in SAYING_VERBS or word in VERBS or (word.endswith("ed") and len(word) > 4)
    )


def _phrase_start(text: str, start: int) -> int:
    """Where the subject phrase holding ``text[start:]`` starts: a pattern that took
    only 'Britain's Treasury' from 'a spokeswoman for Britain's Treasury said' gets the
    whole phrase."""
    lead = text[max(0, start - 100) : start]
    clause = _preposition_last(lead) and (
        _AFFILIATED_LEAD.search(lead)
        or _NAMED_AFFILIATED_LEAD.search(lead)
        or (_may_be_interviewed(lead) and _INTERVIEWED_LEAD.search(lead))
    )
    if clause:
        start = start - len(lead) + clause.start("head")
    return _name_before_apposition(text, start)


def _preposition_last(lead: str) -> bool:
    """Whether ``lead`` ends as the three leads above all do, in a preposition and a
    space, perhaps with 'the' and up to three qualifiers after it ('of the independent
    ', 'at digital consulting '): a cheap test that most subjects fail, as each search
    for a pattern anchored at the end tries every position of the lead. It lets through
    every lead that one of them matches, and few that none does."""
    if not lead[-1:].isspace():
        return False
    # The preposition, 'the' and the qualifiers, split from the right only.
    most = MOST_QUALIFIERS + 2
    words = lead.rsplit(None, most)[-most:]
    for qualifiers in range(trailing_qualifiers(words) + 1):
        rest = words[: len(words) - qualifiers]
        if rest and rest[-1].lower() == "the":
            rest.pop()
        # Ignoring case, 'ı' and 'İ' match 'i' ('with'): a word not in ASCII is the
        # search's.
        if rest and (not rest[-1].isascii() or rest[-1].lower() in _LEAD_PREPOSITIONS):
            return True
    return False


_LEAD_PREPOSITIONS = frozenset("for of at with from in to".split())

# The letters besides ASCII ones that a case-insensitive search takes for an ASCII letter
# ('ſ' for 's', the Kelvin sign for 'k', 'ı' and 'İ' for 'i').
_ASCII_UNDER_IGNORECASE = ("ſ", "\u212a", "ı", "İ")


def _may_be_interviewed(lead: str) -> bool:
    """False when ``lead`` holds none of _INTERVIEWED_LEAD's verbs: a few substring tests,
    where its search tried a dozen words from each mark of the lead (its costliest
    search on a long text of quotes)."""
    if not lead.isascii() and any(letter in lead for letter in _ASCII_UNDER_IGNORECASE):
        return True  # left to the search
    lowered = lead.lower()  # no other letter's lower case is more than one letter
    return (
        "speaking" in lowered
        or "talking" in lowered
        or ("who" in lowered and ("spoke" in lowered or "talked" in lowered))
    )


# 'Ruth Okafor, 27, a nurse from ': a name opening the sentence, then commas before the
# phrase at ``start`` (an age, a description); or a name, then an aside whose
# preposition governs that phrase ('Voss, speaking at a rally in ' before 'Dayton').
_NAME_THEN_COMMAS = re.compile(
    r"(?:^|[.;:!?“”\"]\s+|\n)(?P<name>(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'-]*)"
    r"(?:,\s+[^,.;:!?“”\"\n]{1,60}){0,2},\s+$"
)
_NAME_THEN_ASIDE = re.compile(
    r"(?:^|[.;:!?“”\"]\s+|\n)(?P<name>(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'-]*)"
    rf"(?:,\s+\d{{1,3}})?,\s+(?:[a-z][^,.;:!?“”\"\n]{{0,60}}\s)?"
    rf"(?:{'|'.join(sorted(AFFILIATION))})\s+(?:the\s+)?$"
)


def _name_before_apposition(text: str, start: int) -> int:
    """Where the name that a description at ``start`` stands in apposition to starts:
    a pattern that allows one apposition takes 'a nurse from Tacoma' from 'Marta Lind,
    34, a nurse from Tacoma, said', or 'Dayton' from 'Voss, speaking in Dayton, Ohio,'."""
    lead = text[max(0, start - 160) : start]
    # Cheap tests first, as most subjects have neither shape.
    if text[start : start + 1].islower():
        match = _NAME_THEN_COMMAS.search(lead) if lead.endswith(", ") else None
    elif "," in lead and _ends_in_preposition(lead):
        match = _NAME_THEN_ASIDE.search(lead)
    else:
        match = None
    if match is None:
        return start
    name = match.group("name")
    found = names_found(name)
    if len(found) != 1 or found[0].start != 0 or found[0].end != len(name):
        return start  # 'In Ohio, a nurse said': the words before are no name
    if not can_speak(found[0].name) or is_place(found[0].name):
        return start
    return start - len(lead) + match.start("name")


def _ends_in_preposition(lead: str) -> bool:
    """'… a rally in ', '… a spokesman for the ': a preposition last, or before 'the'."""
    words = lead[-16:].split()[-2:]
    return bool(words) and (
        words[-1] in AFFILIATION or (words[-1] == "the" and words[0] in AFFILIATION)
    )
