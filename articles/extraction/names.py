"""People and organisations: recognising names in attribution phrases and tying later
mentions (a surname, a misspelling, a pronoun, "the ministry") to the first full one."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

# Capitalised words with diacritics, inner hyphens, apostrophes and dots (Odd-Arne,
# O'Neill, Sæther, J.), joined by particles and by the small words of organisation names
# ("Ministry of Fisheries"); the engine trims what is not part of the name.
NAME = re.compile(
    r"[A-ZÀ-ÖØ-ÞĀ-ſ][\wÀ-ÿĀ-ſ’'.-]*(?:\s+(?:(?:of|for|and|the|de|van|von|al|da|di|le|la)"
    r"\s+)*[A-ZÀ-ÖØ-ÞĀ-ſ][\wÀ-ÿĀ-ſ’'.-]*)*"
)

GENERIC_ORG_NOUNS = {"company", "firm", "group", "operator", "organisation", "organization"}
ORG_WORDS = set(
    """
    ministry department authority council association company agency committee
    commission university institute party union office board government police
    directorate administration federation corporation inc ltd group bank service
    court municipality county city organisation organization foundation center
    centre firm club school hospital coalition alliance network airline railway port
    fund trust co corp llc plc as asa ab society systems dynamics transit industries
    holdings energy foods motors airlines media labs technologies solutions
    logistics shipping buses metro rail power capital ventures construction services
    review audit league church academy college museum library theatre festival times
    post news daily herald courier gazette tribune radio tv sjømat fiskeri kraft
    """.split()
)
# Capitalised words that start sentences or name roles, never a person by themselves.
NOT_NAMES = set(
    """
    The A An In On At But And Or If When While After Before However Although Because
    Since This That These Those It He She They We I You His Her Their Our My Its
    Photo Minister Director Professor Prof. Dr. Dr Mr. Mrs. Ms. Mr Mrs Ms Mayor
    President Chief Senator Governor Councillor Councilwoman Councilman Judge
    Officer Sheriff Captain General Secretary Chairman Chairwoman Leader Head
    Spokesperson Spokesman Spokeswoman CEO Monday Tuesday Wednesday Thursday Friday
    Saturday Sunday January February March April May June July August September
    October November December Q Not Yes No So Then There Here What Why How Who Where
    For From To With By As Of Last Every Some All Many Most One Two Three Both Each
    Few Several Such Now Today Yesterday Tomorrow Earlier Later Meanwhile Still Yet
    Instead Also Even Only Just Under Over During Until Unless Despite Without
    Within Among Between Against Through Across Around Outside Inside Near Behind
    Beyond According Asked Speaking Like Unlike Once Twice Next First Second Third
    Miss Sir Dame Lord Lady Rev Father Sister Cllr Shipowner Economist Researcher
    Dean Rector Superintendent Inspector Coach Manager Owner Farmer Fisherman
    Teacher Nurse Doctor Student Resident Analyst Expert Adviser Advisor Activist
    Lawyer Attorney Editor Reporter Founder Partner MP MEP Madame Monsieur Herr Frau
    Rep. Sen. Gov. Lt. Sgt. Det. Sen Rep Gov Detective Deputy Commissioner
    Chancellor Premier Alderman Constable Pastor Bishop Imam Rabbi Seventeen-year-
    old
    """.split()
)
# Role nouns end like this; a capitalised one leading a longer name is a description
# ("Shipowner Tormod Lie", "Harbourmaster Ola Vik").
ROLE_ENDINGS = ("er", "or", "ist", "ian", "ent", "ant", "man", "woman", "ive", "ary", "eur")
# Small words that may join the capitalised words of a name but never start or end one.
SMALL_WORDS = {"a", "an", "the", "of", "to", "in", "on", "and", "or", "for", "at", "by", "with"}
PLACE_WORDS = set(
    """
    street avenue road lane river lake valley bridge square park harbour harbor bay
    island fjord mountain estate hill beach coast creek highway boulevard quay pier
    """.split()
)
PLACE_BEFORE = {
    "in",
    "at",
    "from",
    "to",
    "near",
    "across",
    "outside",
    "inside",
    "into",
    "of",
    "on",
    "around",
    "through",
    "towards",
    "toward",
    "via",
}


_INITIAL = re.compile(r"[A-Z]\.")


def find_names(phrase: str) -> list[tuple[str, int]]:
    """Capitalised name sequences in ``phrase`` with their offsets; organisation names may
    include 'of', 'for' and 'and'."""
    result = []
    for match in NAME.finditer(phrase):
        words = match.group().split()
        offset = match.start()
        while words and (words[0] in NOT_NAMES or words[0].lower() in SMALL_WORDS):
            offset += len(words[0]) + 1
            words = words[1:]
        while words and words[-1].lower() in SMALL_WORDS:
            words = words[:-1]
        if len(words) >= 3 and words[0].lower().endswith(ROLE_ENDINGS) and words[0].isalpha():
            offset += len(words[0]) + 1
            words = words[1:]
        if words and not (len(words) == 1 and words[0] in NOT_NAMES):
            name = " ".join(w.rstrip(".’'") if not _INITIAL.fullmatch(w) else w for w in words)
            if name and name[0].isupper():
                result.append((name, offset))
    return result


def names_in_prose(
    text: str, start: int, end: int, quoted: list[tuple[int, int]]
) -> list[tuple[int, str]]:
    """``(position, name)`` for the people and organisations ``text[start:end]`` names
    outside its ``quoted`` stretches, except after a preposition that makes the name a
    place ("in Little Wrayton")."""
    outside = text[start:end]
    for q_start, q_end in reversed(quoted):
        a, b = q_start - start, min(q_end, end) - start
        outside = outside[:a] + " " * (b - a) + outside[b:]
    mentions = []
    for name, offset in find_names(outside):
        previous_word = outside[:offset].split()[-1:] or [""]
        if previous_word[0].lower() in PLACE_BEFORE:
            continue
        mentions.append((start + offset, name))
    return mentions


@lru_cache(maxsize=8192)
def fold(name: str) -> str:
    """A name without case and diacritics, for comparing spellings."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).replace("ø", "o")


def edit_distance(a: str, b: str, limit: int = 2) -> int:
    """Levenshtein distance with adjacent transpositions, giving up past ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


@lru_cache(maxsize=8192)
def similar(a: str, b: str) -> bool:
    """Same word, or a plausible misspelling of it (Godzimirksi ~ Godzimirski)."""
    a, b = fold(a), fold(b)
    if a == b:
        return True
    if min(len(a), len(b)) < 5:
        return False
    return edit_distance(a, b, 2) <= (1 if min(len(a), len(b)) < 7 else 2)


def is_org(name: str) -> bool:
    return any(fold(word).strip(".") in ORG_WORDS for word in name.split())


def is_place(name: str) -> bool:
    return fold(name.split()[-1]).strip(".") in PLACE_WORDS


@dataclass
class Entity:
    name: str
    description: str = ""
    aliases: list[str] = field(default_factory=list)
    org: bool = False

    def add_alias(self, alias: str) -> None:
        if fold(alias) != fold(self.name) and all(fold(alias) != fold(a) for a in self.aliases):
            self.aliases.append(alias)


class Registry:
    """The people and organisations met so far in one article, and who spoke last."""

    def __init__(self) -> None:
        self.entities: list[Entity] = []
        self.last_speaker: Entity | None = None
        self.last_mentioned: Entity | None = None
        self.last_person: Entity | None = None
        self._known: dict[str, Entity] = {}  # every folded mention seen, to its entity

    def find(self, mention: str) -> Entity | None:
        """The entity a mention (full name, surname, misspelling) refers to, if known."""
        known = self._known.get(fold(mention))
        if known is not None:
            return known
        found = self._find(mention)
        if found is not None:
            self._known[fold(mention)] = found
        return found

    def _find(self, mention: str) -> Entity | None:
        words = mention.split()
        for entity in reversed(self.entities):
            own = entity.name.split()
            if entity.org:
                continue
            if len(words) == 1 and similar(words[0], own[-1]):
                return entity
            if (
                len(words) == len(own)
                and len(words) > 1
                and all(
                    similar(x, y) or fold(x) == fold(y) for x, y in zip(words, own, strict=True)
                )
            ):
                return entity
            if (
                len(words) > 1
                and len(own) > 1
                and similar(words[-1], own[-1])
                and (fold(words[0]) == fold(own[0]))
            ):
                return entity
        return None

    def resolve(self, mention: str, description: str = "") -> Entity:
        """The entity a name mention means, registering it if new."""
        found = self.find(mention)
        if found is not None:
            if found.name != mention:
                if len(mention.split()) > len(found.name.split()) and not found.org:
                    found.add_alias(found.name)
                    found.name = mention  # a fuller name arrived later
                else:
                    found.add_alias(mention)
            if description and not found.description:
                found.description = description
            self._mentioned(found)
            return found
        entity = Entity(mention, description, org=is_org(mention))
        self.entities.append(entity)
        self._known[fold(mention)] = entity
        self._mentioned(entity)
        return entity

    def _mentioned(self, entity: Entity) -> None:
        self.last_mentioned = entity
        if not entity.org:
            self.last_person = entity

    def organisation(self, noun: str) -> Entity | None:
        """The organisation that "the ministry" or "the company" refers to: one whose name
        has that word, or for a generic noun the organisation named last."""
        key = fold(noun)
        for entity in reversed(self.entities):
            if entity.org and key in fold(entity.name):
                return entity
        if key in GENERIC_ORG_NOUNS:
            return next((e for e in reversed(self.entities) if e.org), None)
        return None

    def person_for_pronoun(self) -> Entity | None:
        """He or she: the person mentioned last, as a reader would take it."""
        for candidate in (self.last_person, self.last_speaker):
            if candidate is not None and not candidate.org:
                return candidate
        for entity in reversed(self.entities):
            if not entity.org:
                return entity
        return None

    def spoke(self, entity: Entity | None) -> None:
        """``entity`` was just quoted: a later unattributed quote may be theirs."""
        if entity is not None:
            self.last_speaker = entity

    def mention(self, name: str) -> None:
        """A name met in prose: known people become the last mentioned."""
        if is_place(name):
            return
        found = self.find(name)
        if found is None and len(name.split()) >= 2:
            found = self.resolve(name)
        if found is not None:
            self._mentioned(found)
