"""Speaker resolution: who the subject phrase at a span of the text names ('she', 'the
ministry', 'Mireille Castel, the board's chair', 'who'), with the words that name them,
resolved against the article's registry.

The phrase itself is read by phrases.py; here the text around it decides what it cannot:
whom a 'who' stands for, a place speaking for its government, the role words before a name.

Each function returns its answer; the registry is the one thing they change, as
resolving a name registers it (and "she" then means the salient woman)."""

from __future__ import annotations

import re
from typing import NamedTuple

from articles.extraction.clause_shapes import PREPOSITIONS
from articles.extraction.descriptions import (
    AFFILIATION,
    PRONOUNS,
    RELATIVES,
    apposition_of_person,
    describes,
    entity_described,
    noun_phrase,
    person_description,
)
from articles.extraction.headline_names import headline_subject
from articles.extraction.listed_subjects import full_names, listed_names
from articles.extraction.model import Span
from articles.extraction.name_shapes import particle_lead
from articles.extraction.names import WORD, Found, can_speak, is_org, is_place, names_found
from articles.extraction.patterns import (
    CUE,
)
from articles.extraction.phrases import analyse, head_name, strip_article
from articles.extraction.poll_shares import poll_of_share
from articles.extraction.registry import Entity, Registry
from articles.extraction.spelling import fold


class Speaker(NamedTuple):
    """Whom an attribution names (None: no one the registry can tell), and the span of
    the words that name them. A named tuple, as Found is: each subject looked up makes
    one."""

    entity: Entity | None
    mention: Span | None = None


def speaker_in(registry: Registry, text: str, start: int, end: int) -> Speaker:
    """The speaker the subject phrase ``text[start:end]`` names, with its span in
    ``text``: 'Holt', 'observers', 'a spokeswoman for Britain's Treasury', 'he', 'who'.
    A description may reach past ``end`` to the name in apposition after it ('the chair
    of the board, Ina Solheim,')."""
    registry.read(text)
    particle = particle_lead(text, start)
    if particle is not None:
        start = particle.lead_start  # 'Mr. de Vos', whose pattern's subject is 'Vos'
    raw = text[start:end]
    lead = len(raw) - len(raw.lstrip())
    phrase = raw.strip()
    if "’" in phrase or "'" in phrase:
        phrase = _CONTRACTED.sub(r"\1", phrase)
    start += lead
    word = phrase.casefold()
    if word in RELATIVES:
        entity, opening = _antecedent(registry, text, start)
        # 'some economists who argue': the mention runs from the description the relative
        # stands for, which is the speaker's only wording, through the relative itself.
        span = (opening, start + len(phrase)) if entity else None
    elif _place_speaking(text, start, phrase):
        entity = registry.resolve(phrase)
        entity.org = True
        span = (start, start + len(phrase))
    else:
        listed = listed_names(text, start, phrase)
        several = bool(listed) and full_names(text, listed, phrase)  # lists are rare
        for number, item in enumerate(listed):
            # 'Holt, Lund and Berg argued': the first of the names that is a person's,
            # not the last ('Tuesday, Holt, Lund and Berg': Holt). No place or body
            # speaks for a list ('Vestby, Holt and Lund'), nor a word new to the article
            # among full names ('Equinor, Kari Holt and Ivar Lund') or among surnames it
            # named before ('Vestby, Holt and Lund' after 'Kari Holt and Ivar Lund'): a
            # place's or a company's.
            name = text[item[0] : item[1]]
            if (
                " " not in name
                and not _named_before(registry, name, item[0])
                and (several or _known_after(registry, listed[number + 1 :], text, start, phrase))
            ):
                continue
            before = registry.checkpoint()
            first = speaker_in(registry, text, *item)
            found = first.entity
            if (
                found is not None
                and found.named
                and not found.org
                and can_speak(found.name)
                and not is_place(found.name)
            ):
                return first
            registry.restore(before)
        phrase = headline_subject(registry, text, start, phrase)
        phrase = _with_apposed_name(registry, text, start, phrase)
        phrase = _with_apposition_after(registry, text, start, phrase)
        entity, span = analyse(registry, phrase)
        if entity is None:
            return Speaker(None)
        if not entity.named and (poll := poll_of_share(text, start, phrase)):
            # 'In a county poll, 40 percent of voters said': the poll reports it.
            return phrase_source(text, *poll)
        if entity.named and not entity.org and not entity.description:
            entity.description = _role_before(text, start, start + len(phrase))
        span = (start + span[0], start + span[1]) if span else None
    if entity is not None and span is not None:
        registry.attributed(entity, span)
    return Speaker(entity, span)


def _known_after(
    registry: Registry, rest: list[tuple[int, int]], text: str, start: int, phrase: str
) -> bool:
    """Whether a later piece of a list (the ``rest`` of its pieces, or the name that
    opens its subject ``phrase`` at ``start``) is a person's the article named before."""
    # The first word without the comma that lists it: 'Holt' of 'Holt, Vestby and Lund'.
    first = [word.rstrip(",;:") for word in phrase.split(" and ", 1)[0].split(None, 1)[:1]]
    pieces = [(text[a:b], a) for a, b in rest] + [(word, start) for word in first]
    return any(_named_before(registry, name, at) for name, at in pieces)


def _named_before(registry: Registry, name: str, at: int) -> bool:
    """Whether ``name`` is a person's the article named before ``at`` (a reading of the
    same sentence, which may have resolved it already, does not count)."""
    known = registry.find(name)
    if known is None or known.org:
        return False
    span = registry.mention_of(known, 0)
    return known.mention_count > 1 or span is None or span[0] < at


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


_PRONOUNS_OR_RELATIVES = PRONOUNS | RELATIVES


def _with_apposed_name(registry: Registry, text: str, start: int, phrase: str) -> str:
    """``phrase`` with the name in apposition right after it, when it only describes a
    person ('the chair of the Harbour Board' before ', Ina Solheim,'): the subject a
    clause gives stops at the comma, but the name is whom the description means."""
    before = text[max(0, start - 30) : start].split()[-1:]
    if "," in phrase or (before and before[0].casefold() in _PREPOSITIONS_BEFORE_PLACES):
        # 'According to a county report, Ina Solheim, its author, sent': the name after
        # a source that a preposition gives opens the next clause.
        return phrase
    match = _APPOSED_NAME.match(text, start + len(phrase))
    if match is None or head_name(registry, phrase) is not None or not describes(phrase):
        return phrase
    found = names_found(match.group(1))
    if len(found) != 1 or found[0].name != match.group(1) or not _a_person(found[0].name):
        return phrase
    return text[start : match.end(1)]


# ', Ina Solheim,' or ', Per Hegg.' after a description: two to four capitalised words.
_APPOSED_NAME = re.compile(r",\s+((?:[A-Z][\w’'.-]*\s+){1,3}[A-Z][\w’'-]*)\s*(?=[,.;]|$)")


def _with_apposition_after(registry: Registry, text: str, start: int, phrase: str) -> str:
    """The name ``phrase`` with the description in commas right after it and before the
    cue ('Marta Solheim' of 'Marta Solheim, a lawyer, said the …'), which a pattern's
    subject leaves out: read whole, as 'Marta Solheim, a lawyer, said: “…”' is, the
    apposition is the name's description."""
    if "," in phrase:
        return phrase
    match = _APPOSITION_AFTER.match(text, start + len(phrase))
    if (
        match is None
        or _VERB_NEXT.match(text, match.end()) is None
        or not apposition_of_person(match.group(1))
        or head_name(registry, phrase) is None
    ):
        return phrase
    return text[start : match.end(1)]


# ', a lawyer,' after a name: a phrase set off by two commas, within its sentence.
_APPOSITION_AFTER = re.compile(r",\s+([^,;:.!?\n“”\"()]{1,80}?),")


def _a_person(name: str) -> bool:
    """A name that reads as a person's: no organisation's or place's."""
    return can_speak(name) and not is_org(name) and not is_place(name)


# A subject pronoun with its verb's contraction: 'He’s claiming', 'who’d told'.
_CONTRACTED = re.compile(r"(?i)^(he|she|it|we|they|who)[’'](?:s|d|ll|re|ve)$")


def _place_speaking(text: str, start: int, phrase: str) -> bool:
    """A country or city that is the whole subject of the speech verb right after it:
    'North Korea said', 'Moscow has warned' speak for a government; 'support in Ukraine,
    Hansen believes' and 'In Ohio, Holt said' do not."""
    if len(phrase.split()) > 3 or not is_place(phrase):
        return False
    before = text[max(0, start - 30) : start].split()[-1:]
    if before and before[0].casefold() in _PREPOSITIONS_BEFORE_PLACES:
        return False
    return _VERB_NEXT.match(text, start + len(phrase)) is not None


_PREPOSITIONS_BEFORE_PLACES = frozenset("in on at to from of for with by into across".split())
_CUE_WORD = re.compile(rf"\b(?:{CUE})\b")
_VERB_NEXT = re.compile(rf"\s+(?:(?:has|had|have|also|then)\s+)?(?:{CUE})\b")


# Up to the last mark that breaks a clause: one search, backing off from the end, in
# place of a search of the lead for each mark (every named subject's lead is read).
_TO_LAST_BREAK = re.compile(r'.*[.,;:!?\n“”"–]', re.DOTALL)


def last_break(lead: str) -> int:
    """Where the last of the marks ``.,;:!?``, a line break, a quotation mark or a dash
    stands in ``lead``; -1 if none does."""
    match = _TO_LAST_BREAK.match(lead)
    return match.end() - 1 if match else -1


def _role_before(text: str, start: int, end: int) -> str:
    """The role words just before the subject at ``text[start:end]``, in its clause:
    'Institute researcher and Russia expert' before 'Lena Moss believes'."""
    lead = text[max(0, start - 120) : start]
    cut = last_break(lead)
    if cut >= 0 and lead[cut] == "," and not lead[cut + 1 :].strip():
        # Only a name in commas is in apposition to the words before it ('A lawyer,
        # Marta Solheim, said'); in 'The biggest loser, Lund said, is …' they open the
        # speech, and are no one's description.
        if not text[end:].lstrip().startswith(","):
            return ""
        return _description_opening(lead[:cut])
    lead = lead[cut + 1 :].strip()
    words = lead.split()
    if not words or len(words) > 8 or not any(w[:1].islower() for w in words):
        return ""
    if words[0].casefold() in PRONOUNS or words[0].casefold() in AFFILIATION:
        return ""
    if any(w.casefold() in _CLAUSE_WORDS for w in words):
        return ""
    if words[-1].casefold() in ("and", "or", "to") or _CUE_WORD.search(lead):
        # 'Berg and Ivar Lund said': a second subject; '“…,” asked Ivar Holt': the cue;
        # 'According to a study by Ivar Lund': the source's cue.
        return ""
    return strip_article(lead)


def _description_opening(lead: str) -> str:
    """The description that opens the sentence and a comma sets off before the name
    ('A lawyer, Marta Solheim, said'), without its article; '' when ``lead`` has none."""
    cut = last_break(lead)
    if cut >= 0 and lead[cut] not in '.!?\n“”"':
        return ""  # the phrase is not the sentence's first
    phrase = lead[cut + 1 :].strip()
    return strip_article(phrase) if person_description(phrase) else ""


# Words that make the text before a subject a clause rather than its role.
_CLAUSE_WORDS = frozenset(
    """if when while because although though but and so that which who is are was were
    has have had will would can could said says told""".split()
) - {"and"}


def _antecedent(registry: Registry, text: str, start: int) -> tuple[Entity | None, int]:
    """Whom 'who' stands for: the name just before it ('Berg, who said …'), and where
    the mention opens: at the relative, or at the description it stands for."""
    base = max(0, start - 200)
    lead = text[base:start].rstrip(" ,—–-(")  # "Castel — who’s called", "Castel (who"
    stop = max(lead.rfind(". "), lead.rfind("\n"))
    base += stop + 1
    lead = lead[stop + 1 :]
    found = [f for f in names_found(lead) if can_speak(f.name) and not _place_like(lead, f)]
    comma = lead.rfind(",")
    apposition = lead[comma + 1 :].split() if comma > 0 else []
    described = bool(apposition) and apposition[0].lower() in ("a", "an", "the")
    if found and found[-1].end >= len(lead) - 1:
        before = [f for f in found if f.end >= comma - 1 and f.end <= comma]
        if not (described and found[-1].start > comma + 1 and before):
            return registry.resolve(found[-1].name), start
        # 'Tom Okafor, a senior analyst at Lund Partners, who': the name the apposition
        # describes, not the one inside its phrase.
    if comma > 0 and len(apposition) <= (_DESCRIBED_WORDS if described else _APPOSITION_WORDS):
        # 'Ana Lund, Republican of Maine, who', 'Al Roe, a developer, who': the name
        # before the apposition.
        named = lead[:comma].rstrip()
        found = [f for f in found if f.end <= len(named)]
        if found and found[-1].end >= len(named) - 1:
            return registry.resolve(found[-1].name), start
    if text.startswith(("who", "which"), start):
        # 'an architect who said', 'some economists who argue': the people described.
        described = described_before(lead)
        if described:
            part, at = described
            # The mention opens at the description only when the relative follows it
            # ('some economists who', 'the records, which'), not across a dash.
            joined = not text[base + at + len(part) : start].strip(" ,")
            return entity_described(registry, part), base + at if joined else start
    return None, start


# Prepositions after which a lone capitalised word is a place: 'Voters in Bergen -- who'.
_PLACE_PREPOSITIONS = frozenset("in across throughout near outside".split())


def _place_like(lead: str, found: Found) -> bool:
    """Whether the one-word name ``found`` follows a preposition of place in ``lead``."""
    before = lead[: found.start].split()
    return " " not in found.name and bool(before) and before[-1] in _PLACE_PREPOSITIONS


def described_before(lead: str) -> tuple[str, int] | None:
    """The longest phrase of up to six words ending ``lead``, in its clause, that
    describes someone, and where it opens in ``lead``: 'an architect' in 'refused to pay
    an architect'."""
    tail = CLAUSE_MARKS.split(lead)[-1]
    clause = len(lead) - len(tail)
    words = list(WORD.finditer(tail))[-6:]
    for i in range(len(words)):
        part = " ".join(w.group() for w in words[i:])
        if describes(part) and noun_phrase(part) and not _verb_before_article(words, i):
            return part, clause + words[i].start()
    return None


def _verb_before_article(words: list[re.Match], i: int) -> bool:
    """Whether an article inside ``words[i:]`` follows a word that may be a verb ('Lund
    met the voters'): a description opens with its article, or has one after 'of'."""
    return any(
        words[j].group().lower() in _ARTICLES and words[j - 1].group().lower() not in _LINKS
        for j in range(i + 1, len(words))
    )


_ARTICLES = frozenset(("a", "an", "the"))
# Words an article inside a description may follow: 'a spokeswoman for the Treasury'.
_LINKS = PREPOSITIONS | frozenset("of and or all both half".split())
_APPOSITION_WORDS = 6
# An apposition that opens with an article may run longer: 'Mireille Castel, the leader
# of the opposition on the county board, who'.
_DESCRIBED_WORDS = 14
CLAUSE_MARKS = re.compile(r"[,;:()—–“”\"]")


def speaker_fields(entity: Entity | None) -> dict:
    """The speaker fields of a suggestion for ``entity``: its name, or for someone only
    described, no name and the description."""
    if entity is None:
        return {"speaker": None, "speaker_description": ""}
    if not entity.named:
        return {"speaker": None, "speaker_description": entity.description}
    return {"speaker": entity.name, "speaker_description": ""}
