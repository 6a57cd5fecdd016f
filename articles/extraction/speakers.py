"""Speaker resolution: who an attribution phrase names ('she', 'the ministry', 'Belarus
expert Arve Hansen to TV 2', 'Moyra Baxter, the board's chair', 'a spokeswoman for
Britain's Treasury') and where, resolved against the article's registry.

A phrase names a person or organisation (a name, perhaps after titles and before an
apposition), refers back (a pronoun, 'who'), or only describes someone: then the
speaker is an unnamed entity whose name is the description.

Each function returns its answer; the registry is the one thing they change, as
resolving a name registers it (and "she" then means the salient woman)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from articles.extraction import gender as genders
from articles.extraction.model import Span
from articles.extraction.names import (
    HONORIFICS,
    TITLES,
    Found,
    can_speak,
    fold,
    is_org,
    is_place,
    names_found,
)
from articles.extraction.paragraphs import SENTENCE_END
from articles.extraction.patterns import (
    ADVERB,
    CUE,
    LY_ADVERB,
    ORG_AT_END,
    ORG_NOUNS,
    ORG_PHRASE,
    RELATIVE_CLAUSE,
)
from articles.extraction.registry import Entity, Registry

# A sentence that introduces the quote in the next paragraph: 'The Times reported:'.
_LAST_CUE = re.compile(
    rf"\b(?:{CUE}|continued|responded|observed|echoed|wrote|reported|reports|tweeted|"
    rf"declared|remarked|testified|read|reads)\b[^:]*:$"
)

PRONOUNS = frozenset("he she they it we i".split())
RELATIVES = frozenset("who which that whom".split())
# Words that open a phrase describing someone without naming them.
DETERMINERS = frozenset(
    """a an the one two three four five several some many most few other others another
    his her their its our my your this these those both all each every any""".split()
)
# Prepositions before a name that make it an affiliation, not the speaker
# ('a spokeswoman for Britain's Treasury', 'an analyst at Capital Economics').
AFFILIATION = frozenset(
    "for of at with from inside in on by to within about near among behind under".split()
)
# What may follow a name in an attribution phrase without being part of it: 'Arve
# Hansen to TV 2', 'Trump on Monday', 'Hansen (45)'.
ADJUNCT = re.compile(
    r"\s+(?:to|in|at|on|during|after|before|when|while|from|via|for|with|as|about|last|"
    r"this|earlier|later|yesterday|today|tonight|recently|also|again|once|then|now|"
    r"repeatedly|previously|has|had|have|would|will|could|might|may|can|did|does|do|"
    r"was|is|were|are)\b.*$|\s*[(\[].*$",
    re.DOTALL,
)
# Time and place at the end of a description: 'a spokeswoman on Monday'.
DESCRIPTION_END = re.compile(
    r"\s+(?:on|in|at|during|last|this|earlier|later|yesterday|today|tonight|recently|also|"
    r"to|has|had|have|would|will|could|was|is|were|are)\s+"
    r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|month|year|night|"
    r"morning|afternoon|evening|a\s+statement|an\s+interview|an\s+email|a\s+letter|"
    r"a\s+tweet|twitter|the\s+(?:statement|interview|email|letter|call))\b.*)?$",
    re.IGNORECASE | re.DOTALL,
)
# Nouns for papers, not bodies: "the report said" names no organisation.
_PAPERS = frozenset("report study survey audit poll statement letter".split())
# Things that may 'say' something but are nobody 'he' or 'she' refers back to: papers,
# media, shares of a group.
_THINGS = _PAPERS | frozenset(
    """book books article story memo email e-mail ad advertisement video clip footage film
    movie documentary show episode post tweet message transcript record records data
    investigation affidavit agreement document filing complaint lawsuit ruling decision
    analysis review editorial column piece page website site paper release network
    majority minority percent chorus ability plan bill law policy proposal
    it""".split()
)
# Words that make a phrase a clause, not someone's description.
_VERBS = frozenset(
    """is are was were be been being has have had will would can could should shall may
    might must do does did said says say told tells not no it he she they we i""".split()
)
_PARENTHESIS = re.compile(r"\s*\([^()]*\)")
# Plural role nouns that open a sentence: 'Prosecutors said', 'Critics argue'.
_PLURAL_ROLES = frozenset(
    """prosecutors officials critics analysts experts supporters investigators observers
    residents authorities officers lawmakers voters witnesses organizers organisers
    protesters activists economists scientists researchers doctors lawyers sources aides
    advisers advisors opponents defenders historians strategists pollsters legislators
    senators politicians leaders police parents students teachers workers""".split()
)
_PLURAL_NOUNS = frozenset("people police staff media public crowd audience".split())
# Groups written with a capital that speak as a group: 'Republicans said', 'Many Americans
# believe'.
_CAPITALISED_GROUPS = frozenset(
    """republicans democrats conservatives liberals progressives independents libertarians
    evangelicals americans europeans britons tories""".split()
)


# 'The senator', 'the Indiana governor', 'the Republican nominee': a role that may stand
# for a person named before.
_ROLE_PHRASE = re.compile(r"[Tt]he\s+(?:[\w-]+\s+){0,2}?(?P<role>[A-Za-z]+)")
# Words of names.TITLES that qualify a role rather than name one.
_NOT_ROLES = frozenset(
    """former ex acting interim assistant associate senior top vice first press democrat
    democrats republican republicans independent gop dem dems d r presumptive mr mrs ms
    miss mx dr sir dame lord lady""".split()
)
# The titles that name a role ('the senator'): made once, not for each phrase read.
_ROLES = TITLES - _NOT_ROLES


# 'a spokeswoman for ', 'one analyst at the ': a described person's head before the
# organisation a pattern took as the subject.
# A group opens it too: 'People with knowledge of the ', 'Officials at the '.
_AFFILIATED_LEAD = re.compile(
    r"(?:^|[.,;:!?“”\"]\s*|\n)(?P<head>(?:(?:[Aa]n?|[Tt]he|[Oo]ne|[Tt]wo|[Ss]ome|[Ss]everal)"
    r"\s+(?:[\w’'-]+\s+){0,4}?|(?i:"
    + "|".join(sorted(_PLURAL_ROLES | {"people", "friends", "allies"}))
    + r")\s+(?:[\w’'-]+\s+){0,4}?)(?:for|of|at|with|from|in)\s+(?:the\s+)?)$"
)


# 'Energy economist Tomasz Wierzbicki at the ': a name, then where they work.
_NAMED_AFFILIATED_LEAD = re.compile(
    r"(?:^|[.,;:!?“”\"]\s*|\n)(?P<head>(?:[\w’'.-]+\s+){0,3}?[A-Z][\w’'.-]*\s+"
    r"(?:at|of|for|from|with)\s+(?:the\s+)?)$"
)


# 'Two officials who spoke to the ', 'A source speaking with ': the speaker, and the
# paper or channel they spoke to, which a pattern took as the subject.
_INTERVIEWED_LEAD = re.compile(
    r"(?:^|[.,;:!?“”\"]\s*|\n)(?P<head>(?:[\w’'-]+\s+){1,6}?"
    r"(?:who\s+(?:spoke|talked)|speaking|talking)\s+(?:to|with)\s+(?:the\s+)?)$",
    re.IGNORECASE,
)


class Speaker(NamedTuple):
    """Whom an attribution names (None: no one the registry can tell), and the span of
    the words that name them. A named tuple, as Found is: each subject looked up makes
    one."""

    entity: Entity | None
    mention: Span | None = None


def speaker_of(registry: Registry, text: str, match: re.Match, offset: int) -> Speaker:
    """The speaker an attribution pattern's ``who`` group names; ``match`` was run on the
    text from ``offset``. A ``noun`` group marks 'the ministry'."""
    registry.read(text)
    start = offset + match.start("who")
    if "cue" in match.re.groupindex:
        relative = _pronoun_after_relative(registry, text, offset + match.start("cue"))
        if relative is not None:
            return relative
    speaker = speaker_in(registry, text, _phrase_start(text, start), offset + match.end("who"))
    if "cue" in match.re.groupindex:
        inner = _inner_subject(
            registry, text, offset + match.end("who"), offset + match.start("cue")
        )
        if inner is not None:
            return inner
    governed = _PARTICIPLE_BEFORE.search(text, max(0, start - 40), start)
    if "cue" in match.re.groupindex and (
        speaker.entity is None or governed or _unclosed_aside(text, match, offset)
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
        if words and len(words.split()) <= 8:
            at = offset + match.end("who") + between.index(words)
            subject = speaker_in(registry, text, at, at + len(words))
            if subject.entity is not None or speaker.entity is None:
                return subject
    return speaker


def _unclosed_aside(text: str, match: re.Match, offset: int) -> bool:
    """Whether what a pattern took for an apposition after its subject has no comma to
    close it before the cue: in 'After a rally in Erie, Voss said' the words after the
    comma are the subject, and 'Erie' ends an opening phrase."""
    between = text[offset + match.end("who") : offset + match.start("cue")]
    if not between.startswith(","):
        return False
    words = between.strip(" ,").split()
    return bool(words) and not between.rstrip().endswith(",") and fold(words[0]) not in RELATIVES


def _pronoun_after_relative(registry: Registry, text: str, cue_start: int) -> Speaker | None:
    """The pronoun right before the cue, after a relative or one only a subject takes,
    which is the cue's subject: 'he' in 'the department, which he said was unfair', 'she'
    in 'Roe v. Wade … she has never said'; None when the cue has no such pronoun before it."""
    if text[cue_start - 1 : cue_start] != " ":
        return None
    found = _PRONOUN_AFTER_RELATIVE.search(
        text, max(0, cue_start - 30), cue_start
    ) or _PRONOUN_BEFORE_CUE.search(text, max(0, cue_start - 50), cue_start)
    if found is None:
        return None
    speaker = speaker_in(registry, text, *found.span("pronoun"))
    return speaker if speaker.entity is not None else None


_PRONOUN_AFTER_RELATIVE = re.compile(
    rf"\b(?:which|whom|who|what|that)\s+(?P<pronoun>[Hh]e|[Ss]he|[Tt]hey|it|we|I)\s+{ADVERB}$"
)
# A pronoun only a subject takes, then auxiliaries and adverbs, before the cue: 'she has
# never said', 'He has also called', 'indeed, he had publicly stated'.
_PRONOUN_BEFORE_CUE = re.compile(
    r"(?<![\w’'-])(?P<pronoun>[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I)\s+"
    r"(?:(?:has|have|had|also|never|not|did|does|do|would|will|could|then|later|once|again|"
    rf"still|just|since|{LY_ADVERB})\s+)*$"
)


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


_PLURAL_DETERMINERS = frozenset(
    "two three four five six seven eight nine ten several some many few both these those".split()
)
_PLURAL_NOUN = re.compile(r"[a-z-]{2,}[^su’']s")


def subject_length(words: list[str]) -> int:
    """How many of ``words`` (a clause's start) its subject takes: up to its first verb,
    which is the first word in lower case that is no determiner and, once the phrase has
    a word of its own, no role ('the Indiana governor', 'Cruz urged')."""
    has_head = False
    plural = bool(words) and words[0].casefold() in _PLURAL_DETERMINERS
    for i, word in enumerate(words):
        lowered = word.casefold()
        if i == 0 and lowered in PRONOUNS:
            return 1  # 'In Ohio, he said': the pronoun is the whole subject
        verb = word[:1].islower() and (lowered in _VERBS or (lowered.endswith("ed") and i > 0))
        if word in (",", ";") or verb:
            return i  # a capital makes 'May' a name, not a verb
        if (
            word[:1].islower()
            and lowered not in DETERMINERS
            and has_head
            and fold(word) not in TITLES
            and lowered not in _PLURAL_ROLES
            and lowered not in ORG_NOUNS  # 'the county court', 'the harbour board'
            and not (plural and _PLURAL_NOUN.fullmatch(lowered))
        ):
            # After 'two' or 'several' a word in -s is the plural noun, not a verb in
            # -s: 'Two council members', 'several Democratic speechwriters'.
            return i
        if lowered not in DETERMINERS:
            has_head = True
    return len(words)


def _phrase_start(text: str, start: int) -> int:
    """Where the subject phrase holding ``text[start:]`` starts: a pattern that took
    only 'Britain's Treasury' from 'a spokeswoman for Britain's Treasury said' gets the
    whole phrase."""
    lead = text[max(0, start - 100) : start]
    clause = _preposition_last(lead) and (
        _AFFILIATED_LEAD.search(lead)
        or _NAMED_AFFILIATED_LEAD.search(lead)
        or _INTERVIEWED_LEAD.search(lead)
    )
    if clause:
        start = start - len(lead) + clause.start("head")
    return _name_before_apposition(text, start)


def _preposition_last(lead: str) -> bool:
    """Whether ``lead`` ends as the three leads above all do, in a preposition and a
    space, or a preposition, 'the' and a space: a cheap test that most subjects fail,
    as each search for a pattern anchored at the end tries every position of the lead."""
    if not lead[-1:].isspace():
        return False
    words = lead.rsplit(None, 2)[-2:]
    if words and words[-1].lower() == "the":
        words.pop()
    # Ignoring case, 'ı' and 'İ' match 'i' ('with'): a word not in ASCII is the search's.
    return bool(words) and (not words[-1].isascii() or words[-1].lower() in _LEAD_PREPOSITIONS)


_LEAD_PREPOSITIONS = frozenset("for of at with from in to".split())


# 'Ruth Okafor, 27, a nurse from ': a name opening the sentence, then commas before the
# phrase at ``start`` (an age, a description); or a name, then an aside whose
# preposition governs that phrase ('Voss, speaking at a rally in ' before 'Dayton').
_NAME_THEN_COMMAS = re.compile(
    r"(?:^|[.;:!?“”\"]\s+|\n)(?P<name>(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'-]*)"
    r"(?:,\s+[^,.;:!?“”\"\n]{1,60}){0,2},\s+$"
)
_NAME_THEN_ASIDE = re.compile(
    r"(?:^|[.;:!?“”\"]\s+|\n)(?P<name>(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'-]*)"
    rf",\s+[a-z][^,.;:!?“”\"\n]{{0,60}}\s(?:{'|'.join(sorted(AFFILIATION))})\s+(?:the\s+)?$"
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


def speaker_in(registry: Registry, text: str, start: int, end: int) -> Speaker:
    """The speaker the subject phrase ``text[start:end]`` names, with its span in
    ``text``: 'Trump', 'observers', 'a spokeswoman for Britain's Treasury', 'he', 'who'."""
    registry.read(text)
    raw = text[start:end]
    lead = len(raw) - len(raw.lstrip())
    phrase = raw.strip()
    if "’" in phrase or "'" in phrase:
        phrase = _CONTRACTED.sub(r"\1", phrase)
    start += lead
    word = phrase.casefold()
    if word in RELATIVES:
        entity = _antecedent(registry, text, start)
        span = (start, start + len(phrase)) if entity else None
    elif _place_speaking(text, start, phrase):
        entity = registry.resolve(phrase)
        entity.org = True
        span = (start, start + len(phrase))
    else:
        entity, span = analyse(registry, phrase)
        if entity is None:
            return Speaker(None)
        if entity.named and not entity.org and not entity.description:
            entity.description = _role_before(text, start)
        span = (start + span[0], start + span[1]) if span else None
    if entity is not None and span is not None:
        registry.attributed(entity, span)
    return Speaker(entity, span)


def source_in(registry: Registry, text: str, start: int, end: int) -> Speaker:
    """The source 'according to' gives in ``text[start:end]``: whom :func:`speaker_in`
    finds, or else the phrase itself as a thing nobody refers back to ('early results of
    exit polls conducted for the network', 'state law')."""
    speaker = speaker_in(registry, text, start, end)
    if speaker.entity is not None:
        return speaker
    raw = text[start:end]
    phrase = raw.strip().rstrip(".,;:!?")
    words = phrase.split()
    if not words or len(words) > _SOURCE_WORDS or fold(words[0]) in _PRONOUNS_OR_RELATIVES:
        return speaker
    at = start + raw.index(phrase)
    entity = registry.describe(phrase, thing=True)
    registry.attributed(entity, (at, at + len(phrase)))
    return Speaker(entity, (at, at + len(phrase)))


_SOURCE_WORDS = 20


def phrase_source(text: str, start: int, end: int) -> Speaker:
    """The phrase ``text[start:end]`` as a source described, not looked up: an entity
    no registry knows, so that naming it changes nothing of who is salient ('A county
    poll' before 'found'); no source for a pronoun, a relative or a long phrase."""
    raw = text[start:end]
    phrase = raw.strip().rstrip(".,;:!?")
    words = phrase.split()
    if not words or len(words) > _SOURCE_WORDS or fold(words[0]) in _PRONOUNS_OR_RELATIVES:
        return Speaker(None)
    at = start + raw.index(phrase)
    entity = Entity(phrase, phrase, named=False)
    entity.thing = True
    return Speaker(entity, (at, at + len(phrase)))


_APOSTROPHE_S = re.compile(r"[’']s$")  # 'He’s claiming': the pronoun before it
_PRONOUNS_OR_RELATIVES = PRONOUNS | RELATIVES


# A subject pronoun with its verb's contraction: 'He’s claiming', 'who’d told'.
_CONTRACTED = re.compile(r"(?i)^(he|she|it|we|they|who)[’'](?:s|d|ll|re|ve)$")


def _place_speaking(text: str, start: int, phrase: str) -> bool:
    """A country or city that is the whole subject of the speech verb right after it:
    'North Korea said', 'Moscow has warned' speak for a government; 'support in Ukraine,
    Hansen believes' and 'In Ohio, Trump said' do not."""
    if len(phrase.split()) > 3 or not is_place(phrase):
        return False
    before = text[max(0, start - 30) : start].split()[-1:]
    if before and before[0].casefold() in _PREPOSITIONS_BEFORE_PLACES:
        return False
    return _VERB_NEXT.match(text, start + len(phrase)) is not None


_PREPOSITIONS_BEFORE_PLACES = frozenset("in on at to from of for with by into across".split())
_VERB_NEXT = re.compile(rf"\s+(?:(?:has|had|have|also|then)\s+)?(?:{CUE})\b")


def _role_before(text: str, start: int) -> str:
    """The role words just before a subject, in its clause: 'NUPI researcher and Russia
    expert' before 'Jakub Godzimirski believes'."""
    lead = text[max(0, start - 120) : start]
    cut = max(lead.rfind(ch) for ch in '.,;:!?\n“”"–')
    lead = lead[cut + 1 :].strip()
    words = lead.split()
    if not words or len(words) > 8 or not any(w[:1].islower() for w in words):
        return ""
    if words[0].casefold() in PRONOUNS or words[0].casefold() in AFFILIATION:
        return ""
    if any(w.casefold() in _CLAUSE_WORDS for w in words):
        return ""
    return _strip_article(lead)


# Words that make the text before a subject a clause rather than its role.
_CLAUSE_WORDS = frozenset(
    """if when while because although though but and so that which who is are was were
    has have had will would can could said says told""".split()
) - {"and"}


def named_by(registry: Registry, phrase: str) -> Entity | None:
    """The entity an attribution phrase names: 'Belarus expert Arve Hansen to TV 2'."""
    return analyse(registry, phrase)[0]


def org_or_named_by(registry: Registry, phrase: str) -> Entity | None:
    """'The ministry' as the organisation it refers to, or else the entity ``phrase`` names."""
    org = ORG_PHRASE.fullmatch(phrase.strip())
    if org:
        found = registry.organisation(org.group("noun"))
        if found is not None:
            return found
    return named_by(registry, phrase)


def analyse(registry: Registry, phrase: str) -> tuple[Entity | None, Span | None]:
    """The entity ``phrase`` names, describes or refers to, and the span (in ``phrase``)
    of the words that do it: the name, the pronoun or the description."""
    stripped = phrase.strip()
    shift = len(phrase) - len(phrase.lstrip())
    entity, span = _analyse(registry, stripped)
    if span is not None:
        span = (span[0] + shift, span[1] + shift)
    return entity, span


def _analyse(registry: Registry, phrase: str) -> tuple[Entity | None, Span | None]:
    if not phrase:
        return None, None
    word = phrase.casefold()
    if word == "i":
        return registry.writer(), (0, 1)  # 'I think', outside quotation marks
    if word in PRONOUNS:
        found = registry.person_for_pronoun(word)
        if found is None and word in genders.PRONOUN_GENDER:
            # '…,” she said' with no woman named yet: hers still, an unnamed speaker,
            # rather than the quote going to whoever is named nearby.
            found = registry.describe(phrase, genders.PRONOUN_GENDER[word])
        return found, (0, len(phrase))
    parts = _parts(phrase)
    last_start, last = parts[-1]
    if len(parts) > 1 and last.casefold() in PRONOUNS:
        # "… to people” that the border is safe, he said": the pronoun is the subject.
        return registry.person_for_pronoun(last.casefold()), (last_start, last_start + len(last))
    first_start, first = parts[0]
    named = [(at, part, found) for at, part in parts if (found := _head_name(registry, part))]
    if named and named[0][0] == first_start:
        at, part, found = named[0]
        description = _description(part, found, parts[1:])
        return _named(registry, found, description, at)
    role = _ROLE_PHRASE.fullmatch(_without_adjuncts(first))
    if role and fold(role.group("role")) in _ROLES:
        # "The senator said": the person of that role named before, if there is one.
        entity = registry.person_with_role(role.group("role"))
        if entity is None and not named:
            # News names someone before calling them by a role: 'Trump … The Republican
            # nominee said'; a name in apposition ('The chairman, Kelly Voss,') is new.
            entity = registry.person_called(_gender_of(role.group(0)))
        if entity is not None:
            return entity, (first_start, first_start + len(role.group(0)))
    org = ORG_PHRASE.fullmatch(_without_adjuncts(first))
    if org:
        # "The hospital said": the organisation of that kind named before, or else an
        # unnamed one, never a speaker called "Hospital".
        entity = registry.organisation(org.group("noun"))
        if entity is None and len(org.group(0).split()) > 2 and org.group("noun") not in _PAPERS:
            entity = registry.resolve(org.group(0)[4:].strip().capitalize())  # "Port authority"
        if entity is None:
            entity = registry.describe(org.group(0), org=True)
        return entity, (first_start, first_start + len(org.group(0)))
    if not describes(first):
        return None, None
    if named and len(parts) > 1:
        # "Carter's press secretary, Peter Cook": the name in apposition.
        at, part, found = named[0]
        return _named(registry, found, _without_adjuncts(first), at)
    description = _without_adjuncts(first)
    return _described(registry, description), (first_start, first_start + len(description))


def _parts(phrase: str) -> list[tuple[int, str]]:
    """The comma-separated parts of a phrase with their offsets, parentheses blanked."""
    blanked = _PARENTHESIS.sub(lambda m: " " * len(m.group()), phrase) if "(" in phrase else phrase
    parts, at = [], 0
    for piece in blanked.split(","):
        stripped = piece.strip()
        if stripped:
            parts.append((at + piece.index(stripped), stripped))
        at += len(piece) + 1
    return parts or [(0, phrase)]


def _head_name(registry: Registry, part: str) -> Found | None:
    """The name that is the head of ``part`` ('Belarus expert Arve Hansen to TV 2'), not
    one it mentions in passing ('a spokeswoman for Britain's Treasury')."""
    core = _without_adjuncts(part)
    head = None
    for found in names_found(core):
        before = [w.casefold() for w in core[: found.start].split()]
        while before and before[-1] in ("the", "a", "an"):
            before.pop()
        if before and before[-1] in AFFILIATION:
            continue
        after = core[found.end :].split()
        if after and after[0].casefold() not in AFFILIATION:
            continue  # "White House officials": the name qualifies the head noun
        head = found
    if head is None or not (can_speak(head.name) or _honorific_surname(head)):
        return None
    words = head.name.split()
    if (
        len(words) == 1
        and (
            registry.common_word(words[0])
            or words[0].casefold() in _GROUP_HEADS
            or _number(words[0])
            or _fraction(words[0])
        )
        and registry.find(head.name) is None
        and not is_org(head.name)
    ):
        # "Finally", "Report", "Prosecutors", "Data from", "Nine in 10", "Two-thirds of":
        # a word at a sentence's start
        return None
    return head


def _honorific_surname(found: Found) -> bool:
    words = found.titles.casefold().replace(".", "").split()
    return len(found.name.split()) == 1 and bool(words) and words[-1] in HONORIFICS


def _named(registry: Registry, found: Found, description: str, at: int) -> tuple[Entity, Span]:
    gender = found.gender or _gender_of(description)
    entity = registry.resolve(found.name, description, gender)
    head = description.split()[-1:] if description else []
    if head and is_org(head[0]) and not entity.org and entity.spoke_at < 0:
        entity.org, entity.gender = True, None  # "the trawler company Polarfangst"
    return entity, (at + found.offset, at + found.end)


def _description(part: str, found: Found, rest: list[tuple[int, str]]) -> str:
    """An apposition ('a Clinton backer') or else the words before the name ('Belarus
    expert', 'Belarusian President')."""
    for _, other in rest:
        if other.split()[0].casefold() in RELATIVES:
            continue
        if describes(other):
            return _strip_article(_without_adjuncts(other))
    return _strip_article(part[: found.offset].strip(" ,.:"))


def _strip_article(words: str) -> str:
    parts = words.split(maxsplit=1)
    if len(parts) == 2 and parts[0].casefold() in ("the", "a", "an"):
        return parts[1]
    return words


def describes(part: str) -> bool:
    """Whether ``part`` reads as a noun phrase for a person or group: 'a spokeswoman for
    the Treasury', 'observers', 'Brexit backers', 'the board's chair'."""
    words = part.split()
    if not words or len(words) > 12 or any(w.casefold() in _VERBS for w in words):
        return False
    first = words[0].casefold().strip("’'")
    if first in DETERMINERS or first.endswith(("’s", "'s")):
        return True
    if _owned(words):
        return True
    qualifier = _SHARE_QUALIFIER.match(part.strip())
    skip = len(qualifier.group().split()) if qualifier else 0
    if skip and (_number(words[skip]) or _fraction(words[skip])):
        words = words[skip:]  # 'About half of them', 'At least 40 percent': the share
    head = _head_noun(words)
    if head is not None and head.casefold() in _GROUP_HEADS:
        return True  # 'Republicans said', a sentence's 'Authorities said', 'Polls show'
    if head is not None and _fraction(head):
        return True  # 'About half of the delegates said', 'Two-thirds of officials believe'
    if head is not None and (_number(head) or head.casefold() in _SHARES):
        # 'Twelve percent said', 'Nearly eight of 10 voters say', 'More than six in 10
        # say': a share of people.
        numbered = any(_number(w) for w in words)
        out_of = len(words) > 1 and words[-2].casefold() in ("in", "of") and _number(words[-1])
        return numbered and (words[-1].casefold() in _SHARES or _is_plural(words[-1]) or out_of)
    return head is not None and head[:1].islower() and _is_plural(head)


_SHARES = frozenset("percent %".split())


def _owned(words: list[str]) -> bool:
    """'Hillary Clinton's campaign', 'Kantar Media's ad tracker': a named owner's body or
    paper, a capitalised name and then words in lower case after its possessive."""
    for i, word in enumerate(words[1:4], start=1):
        if word.endswith(("’s", "'s", "s’", "s'")):
            rest = words[i + 1 :]
            return (
                0 < len(rest) <= 3
                and all(w[:1].isupper() for w in words[:i])
                and all(w[:1].islower() for w in rest)
            )
    return False


# Words that qualify a share: 'About half', 'At least 40 percent', 'More than six in 10'.
_SHARE_QUALIFIER = re.compile(
    r"(?:(?:about|almost|nearly|roughly|around|just|over|under|only|at\s+least|at\s+most|"
    r"more\s+than|fewer\s+than|less\s+than)\s+)+(?=\S)",
    re.IGNORECASE,
)
# What reports a finding when a sentence opens with it: 'Polls show that …', 'Exit
# polling showed', 'New research suggests'.
_FINDINGS = frozenset("polls surveys polling data research analysis".split())
_GROUP_HEADS = _CAPITALISED_GROUPS | _PLURAL_ROLES | _FINDINGS | {"people"}
_NUMBER_WORDS = frozenset(
    """one two three four five six seven eight nine ten eleven twelve thirteen fourteen
    fifteen sixteen seventeen eighteen nineteen twenty thirty forty
    fifty sixty seventy eighty ninety hundred""".split()
)


def _number(word: str) -> bool:
    """'63', '12%', 'Twelve': a number in figures or words."""
    word = word.casefold().rstrip("%")
    return word.replace(".", "").replace(",", "").isdigit() or word in _NUMBER_WORDS


_FRACTIONS = frozenset("half third thirds quarter quarters fifth fifths".split())


def _fraction(word: str) -> bool:
    """'half', 'Two-thirds', 'three-quarters': a share written as a fraction."""
    parts = word.casefold().split("-")
    return parts[-1] in _FRACTIONS and all(_number(p) for p in parts[:-1])


def _head_noun(words: list[str]) -> str | None:
    for i, word in enumerate(words):
        if word.casefold() in AFFILIATION or word.casefold() in RELATIVES:
            return words[i - 1] if i else None
        if i and _postmodifier(word) and _is_plural(words[i - 1]):
            # 'officials familiar with the talks', 'People briefed on the plan', 'Exit
            # polls taken in Ohio': the plural before what qualifies it is the head.
            return words[i - 1]
    return words[-1]


_POSTMODIFIERS = frozenset("familiar close taken given known involved".split())


def _postmodifier(word: str) -> bool:
    """A participle or adjective that qualifies the noun before it: 'briefed', 'familiar'."""
    return word in _POSTMODIFIERS or (len(word) > 4 and word.islower() and word.endswith("ed"))


def _is_plural(noun: str) -> bool:
    noun = noun.casefold()
    return noun in _PLURAL_NOUNS or (
        noun.endswith("s") and not noun.endswith(("ss", "us", "’s", "'s", "is"))
    )


def _gender_of(description: str) -> str | None:
    for word in description.split():
        found = genders.of_title(word)
        if found:
            return found
    lowered = f" {description.casefold()} "
    if any(w in lowered for w in (" woman ", " mother ", " wife ", " daughter ", " girl ")):
        return genders.FEMALE
    if any(w in lowered for w in (" man ", " father ", " husband ", " son ", " boy ")):
        return genders.MALE
    return None


def _described(registry: Registry, description: str) -> Entity:
    words = description.split()
    head = _head_noun(words) or words[-1]
    gender = _gender_of(description)
    return registry.describe(
        description, gender, plural=_is_plural(head), thing=gender is None and _thing(words, head)
    )


def _thing(words: list[str], head: str) -> bool:
    """A description of no person, whom a later 'he' or 'she' cannot mean: a document or
    a piece of media ('the book', 'A video of the episode'), a share or a crowd ('a
    majority of Americans'), a body ('the Obama administration'), or words with no noun
    to head them ('those', 'many of whom')."""
    noun = head.casefold().strip(".,;:’'")
    if noun in _THINGS or noun in ORG_NOUNS or noun in DETERMINERS or noun in PRONOUNS:
        return True
    # A verb before any relative clause makes a clause ('It's easy'); 'a staffer who was
    # there' is someone described.
    for word in words[1:]:
        lowered = word.casefold()
        if lowered in RELATIVES:
            return False
        if lowered in _VERBS:
            return True
    return False


# Speaker look-ups strip the same few phrases over and over: each once.
@lru_cache(maxsize=65536)
def _without_adjuncts(part: str) -> str:
    """``part`` without what follows its noun phrase: 'to TV 2', 'on Monday'."""
    words = part.split()
    if words and words[0].casefold() not in DETERMINERS:
        core = ADJUNCT.sub("", part).strip()
        return core or part
    return DESCRIPTION_END.sub("", part).strip() or part


def _antecedent(registry: Registry, text: str, start: int) -> Entity | None:
    """Whom 'who' stands for: the name just before it ('Barkley, who said …')."""
    lead = text[max(0, start - 200) : start].rstrip(" ,—–")  # "Clinton — who’s called"
    stop = max(lead.rfind(". "), lead.rfind("\n"))
    lead = lead[stop + 1 :]
    found = [f for f in names_found(lead) if can_speak(f.name)]
    if found and found[-1].end >= len(lead) - 1:
        return registry.resolve(found[-1].name)
    comma = lead.rfind(",")
    if comma > 0 and len(lead[comma + 1 :].split()) <= _APPOSITION_WORDS:
        # 'Ana Lund, Republican of Maine, who', 'Al Roe, a developer, who': the name
        # before the apposition.
        named = lead[:comma].rstrip()
        found = [f for f in found if f.end <= len(named)]
        if found and found[-1].end >= len(named) - 1:
            return registry.resolve(found[-1].name)
    if text.startswith(("who", "which"), start):
        # 'an architect who said', 'some economists who argue': the people described.
        described = _described_before(lead)
        if described:
            return _described(registry, described)
    return None


def _described_before(lead: str) -> str | None:
    """The longest phrase of up to six words ending ``lead``, in its clause, that
    describes someone: 'an architect' in 'refused to pay an architect'."""
    words = _CLAUSE_MARKS.split(lead)[-1].split()[-6:]
    for i in range(len(words)):
        part = " ".join(words[i:])
        if describes(part) and _noun_phrase(part):
            return part
    return None


_APPOSITION_WORDS = 6
_CLAUSE_MARKS = re.compile(r"[,;:()—–“”\"]")


def subject_before(
    registry: Registry, text: str, sentence_start: int, cue_start: int
) -> Entity | None:
    """The subject of the verb at ``cue_start``: 'Hansen said the plan was “a disaster”'.
    With none in the sentence, the last speaker."""
    return subject_speaker_before(registry, text, sentence_start, cue_start).entity


def subject_speaker_before(
    registry: Registry, text: str, sentence_start: int, cue_start: int
) -> Speaker:
    """:func:`subject_before` with the span of the words that name the subject."""
    registry.read(text)
    lead = text[sentence_start:cue_start]
    pronoun = _pronoun_after_relative(registry, text, cue_start)
    if pronoun is not None:
        return pronoun
    relative = _RELATIVE_SUBJECT.search(lead) if lead.endswith(" ") else None
    if relative:
        # 'Mayor Holt, who called the plan “…”': whom the relative stands for,
        # not a name the clause it opens leaves last before the cue.
        at = sentence_start + relative.start("who")
        speaker = speaker_in(registry, text, at, at + len(relative.group("who")))
        if speaker.entity is not None:
            return speaker
    said = (
        _CUE_BEFORE_COMMA.search(lead)
        if lead.rstrip().endswith(",") and _PARTICIPLE.match(text, cue_start)
        else None
    )
    if said:
        # '“…,” she said, adding, “…”': whoever said it adds, not a name in the
        # quotation before.
        speaker = subject_speaker_before(
            registry, text, sentence_start, sentence_start + said.start()
        )
        if speaker.entity is not None and speaker.mention is not None:
            return speaker
    elif lead.rstrip().endswith(",") and _PARTICIPLE.match(text, cue_start):
        # 'Ocampo attacked Whitfield, saying the budget would “…”': the sentence's
        # subject says it, not the object before the comma.
        opening = _opening_subject(registry, text, sentence_start, lead)
        if opening.entity is not None:
            return opening
    earlier = _COORDINATED_CUE.search(lead)
    if earlier:
        # 'Though she called the bank’s conduct “shameful” and called for …': the first
        # verb's subject, not its object.
        return subject_speaker_before(
            registry, text, sentence_start, sentence_start + earlier.start()
        )
    tail = _SUBJECT_AT_END.search(lead)
    if tail and _noun_phrase(tail.group("subject")):
        # 'After the talks with Eng, the White House announced', 'The senator said': the
        # phrase right before the verb is its subject, not a name earlier in the lead.
        at = sentence_start + tail.start("subject")
        speaker = speaker_in(registry, text, at, sentence_start + tail.end("subject"))
        if speaker.entity is not None:
            return speaker
    place = _PLACE_AT_END.search(lead)
    if place and len(place.group("place").split()) <= 3 and is_place(place.group("place")):
        # 'Norway branded the decision “…”', 'Sweden insisted that …': a country that is
        # the whole subject of the verb speaks for its government, whichever verb it is.
        at = sentence_start + place.start("place")
        entity = registry.resolve(place.group("place"))
        entity.org = True
        span = (at, at + len(place.group("place")))
        registry.attributed(entity, span)
        return Speaker(entity, span)
    # "Beatriz Olmos, who runs a bakery on Cedar Avenue, described": the subject, not
    # the names in the clause about her.
    lead = RELATIVE_CLAUSE.sub(lambda m: " " * len(m.group()), lead)
    stripped = lead.rstrip()
    last_word = stripped.split()[-1:] or [""]
    pronoun = _APOSTROPHE_S.sub("", last_word[0])
    if pronoun.casefold() in PRONOUNS:
        # 'he said', and 'He’s claiming': the pronoun, not a possessive.
        at = sentence_start + len(stripped) - len(last_word[0])
        return speaker_in(registry, text, at, at + len(pronoun))
    clause = _CLAUSE_MARKS.split(lead)[-1]
    phrase = clause.strip()
    if (
        phrase
        and describes(phrase)
        and _noun_phrase(phrase)
        and _head_name(registry, phrase) is None
    ):
        # 'Only 52 percent of registered voters agreed that …', 'Residents questioned
        # whether …': a described subject with no article, not whoever spoke last nor a
        # capitalised first word taken for a name.
        at = sentence_start + len(lead) - len(clause) + clause.index(phrase)
        speaker = speaker_in(registry, text, at, at + len(phrase))
        if speaker.entity is not None:
            return speaker
    named = _last_name_speaking(registry, lead, sentence_start)
    if named is not None:
        return named
    org = ORG_AT_END.search(lead)
    if org:
        return Speaker(registry.organisation(org.group("noun")))
    return Speaker(registry.last_speaker)


def _last_name_speaking(registry: Registry, words: str, start: int) -> Speaker | None:
    """The last name in ``words`` (at ``start`` in the text) that may speak, neither an
    affiliation's ('of Ohio') nor a possessive owning other words, recorded as speaking."""
    names = [
        f
        for f in names_found(words)
        if _may_speak(registry, f.name)
        and (words[: f.start].split()[-1:] or [""])[0].casefold() not in AFFILIATION
        and not _possessive_of_other_words(words, f.end)
    ]
    if not names:
        return None
    found = names[-1]
    entity = registry.resolve(found.name, "", found.gender)
    span = (start + found.offset, start + found.end)
    registry.attributed(entity, span)
    return Speaker(entity, span)


# A present participle for a cue: 'saying', 'calling', not 'bring' or 'thing'.
_PARTICIPLE = re.compile(r"[a-z]{3,}ing\b")


def _opening_subject(registry: Registry, text: str, sentence_start: int, lead: str) -> Speaker:
    """The subject opening ``lead`` past opening phrases ('On Monday, '): the name heading
    it before the main verb, or its words; no one when quoted words may start the lead."""
    if any(mark in lead for mark in '"“”'):
        return Speaker(None)
    # 'Ocampo, who ran against Whitfield, endorsed': the clause about her names others.
    lead = _RELATIVE.sub(lambda m: " " * len(m.group()), lead)
    verb = _MAIN_VERB.search(lead)
    parts = _parts(lead[: verb.start() if verb else len(lead)])
    i = 0
    while i < len(parts) - 1 and _opens_sentence(parts[i][1], i > 0):
        i += 1
    at, part = parts[i]
    start = sentence_start + at
    part = _before_verb(part)
    # 'Party leader Rita Ocampo', 'Ocampo’s aide Lena Moss': the last name is the head.
    named = _last_name_speaking(registry, part, start)
    if named is not None:
        return named
    words = part.split()
    length = subject_length(words)
    if length == 0 or all(w.casefold() in DETERMINERS for w in words[:length]):
        return Speaker(None)
    return speaker_in(registry, text, start, start + len(" ".join(words[:length])))


def _before_verb(part: str) -> str:
    """``part`` up to the verb after its subject, which a word it governs shows: 'Holt'
    of 'Holt went after Berg', whose object is no subject; 'Energy economist Tomasz
    Berg' and 'Ocampo’s aide Lena Moss' have no verb."""
    spans = [m.span() for m in re.finditer(r"\S+", part)]
    words = [part[a:b] for a, b in spans]
    length = subject_length(words)
    if not 0 < length < len(words) - 1 or words[length - 1].endswith(("’s", "'s")):
        return part
    verb, governed = words[length], words[length + 1].casefold()
    if not verb.endswith("ed") and governed not in _GOVERNED_WORDS:
        return part
    return part[: spans[length - 1][1]]


# Words a verb governs right after it: 'went after', 'hit back at', 'took the'.
_GOVERNED_WORDS = (
    AFFILIATION
    | DETERMINERS
    | frozenset(
        "back up out off down over into after against him her them it his their its".split()
    )
)


def _opens_sentence(part: str, after_opening: bool) -> bool:
    """A phrase before a sentence's subject: 'On Monday', 'Early in the race', 'Facing
    pressure', and a place that goes on one ('In Portland, Ore.,')."""
    words = part.split()
    first = words[0].casefold()
    if first in _OPENING_WORDS or first in AFFILIATION or words[0][:1].islower():
        return True
    participle = first.endswith(("ing", "ed")) and len(words) > 1 and words[1][:1].islower()
    # 'In Portsmouth, N.H., on Tuesday,': a place and its state go on the opening phrase.
    place = is_place(part) or (len(words) <= 2 and part.endswith("."))
    return participle or (after_opening and place)


_RELATIVE = re.compile(r",\s+(?:who|which|whose)\b[^,]*,?")
# A speech verb that ends a clause before a participle: '…, Nefzi said, adding'.
_CUE_BEFORE_COMMA = re.compile(rf"\b(?:{CUE})\s*,\s*$")
# Words that open a phrase before a sentence's subject: 'Early in the race, …'.
_OPENING_WORDS = frozenset(
    """after before during early earlier later last yesterday today since following
    despite amid like unlike""".split()
)
# The first word that reads as a clause's verb: 'attacked', 'sought', 'is', 'said'.
_MAIN_VERB = re.compile(rf"(?<=\s)(?:[a-z]+ed|{CUE}|" + "|".join(sorted(_VERBS)) + r")\b")


def _possessive_of_other_words(lead: str, end: int) -> bool:
    """'Clinton says Trump’s flurry of tweets was …': a possessive name owns a noun
    phrase of its own, not the cue; 'Trump’s claim that …' is his."""
    return lead[end - 2 : end] in ("’s", "'s") and len(lead[end:].split()) > 1


# A relative pronoun that is the subject of the cue after it: ', who has also '.
_RELATIVE_SUBJECT = re.compile(
    r"(?:^|[\s,—–])(?P<who>who|which)\s+"
    rf"(?:(?:has|have|had|is|was|also|then|again|later|now|once|{LY_ADVERB})\s+)*$"
)


# An earlier cue the one at the lead's end is coordinated with: 'she called it … and'.
_COORDINATED_CUE = re.compile(rf"\b(?:{CUE})\b(?=[^,;:—–]*\s(?:and|but)\s*$)")


# A described subject that ends a lead, after a clause boundary: 'the Vermont senator',
# 'the farmers’ unions', 'his aides', perhaps before 'has' or 'also'.
_SUBJECT_AT_END = re.compile(
    r"(?:^\s*|[,;:—–]\s+|\b(?:and|but|while|as|when|after|though|although|because)\s+)"
    r"(?P<subject>(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+(?:[\w’'.-]+\s+){0,5}?[\w’'.-]+)"
    rf"(?:\s+(?:has|have|had|also|then|again|later|now|once|{LY_ADVERB}))*\s*$"
)


# A place name that is the whole lead of a clause: 'Norway ', '…; South Korea '.
_PLACE_AT_END = re.compile(
    r"(?:^\s*|[;:—–]\s+|\b(?:and|but|while|as|when|though|although)\s+)"
    r"(?P<place>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*)"
    rf"(?:\s+(?:has|have|had|also|then|again|later|now|once|{LY_ADVERB}))*\s*$"
)


def _noun_phrase(words: str) -> bool:
    """No verb or relative among ``words``: 'the 34-year-old mother of three', not 'the
    council issued a statement' or 'the study, which'."""
    return not any(
        w.casefold() in _VERBS or w.casefold() in RELATIVES or (w.islower() and w.endswith("ed"))
        for w in words.split()
    )


def _may_speak(registry: Registry, name: str) -> bool:
    """A name that may be a speaker's: no place, and no common word that opens a
    sentence ('Hopefully', 'Following') unless someone already bears it."""
    if not can_speak(name):
        return False
    return (
        len(name.split()) > 1 or not registry.common_word(name) or registry.find(name) is not None
    )


def nearby_speaker(registry: Registry, text: str, p_start: int, position: int) -> Entity | None:
    """For an unattributed quote: the last name before it in its paragraph, or else the
    last speaker."""
    registry.read(text)
    lead = text[max(p_start, position - 400) : position]
    names = [f for f in names_found(lead) if _may_speak(registry, f.name)]
    if names:
        return registry.resolve(names[-1].name, "", names[-1].gender)
    if not text[p_start:position].strip(" “\"'"):
        introduced = _introduced_by(registry, text, p_start) or registry.new_subject()
        if introduced is not None:
            return introduced
    return registry.last_speaker


def _introduced_by(registry: Registry, text: str, p_start: int) -> Entity | None:
    """A quote opening its paragraph after one that ends in a colon ('He said:', 'The
    New York Times reports:'): the subject of that colon's sentence."""
    before = text[max(0, p_start - 400) : p_start].rstrip()
    if not before.endswith(":"):
        return None
    line_start = max(before.rfind("\n") + 1, 0)
    sentence = before[line_start:]
    offset = max(0, p_start - 400) + line_start
    stops = [m.end() for m in SENTENCE_END.finditer(sentence[:-1])]
    cut = stops[-1] if stops else 0
    cue = _LAST_CUE.search(sentence, cut)
    if cue is None:
        return None
    speaker = subject_speaker_before(registry, text, offset + cut, offset + cue.start())
    if speaker.entity is None or speaker.mention is None:
        return None
    registry.introduced(speaker.entity, speaker.mention, p_start)
    return speaker.entity


def speaker_fields(entity: Entity | None) -> dict:
    """The speaker fields of a suggestion for ``entity``: its name, or for someone only
    described, no name and the description."""
    if entity is None:
        return {"speaker": None, "speaker_description": ""}
    if not entity.named:
        return {"speaker": None, "speaker_description": entity.description}
    return {"speaker": entity.name, "speaker_description": ""}
