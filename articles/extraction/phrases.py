"""What an attribution phrase, taken alone, names, describes or refers to: a name
heading it ('Energy economist Ruth Okafor to TV 2'), a pronoun, a role named before ('the
senator'), an organisation ('the ministry') or a description ('a spokeswoman for the
Treasury', 'About half of the delegates').

Only the phrase's words are read, never the text around them (speakers.py does that).
Whether words describe someone, and the word lists a subject is read with, are
descriptions.py's."""

from __future__ import annotations

import re
from functools import lru_cache

from articles.extraction import gender as genders
from articles.extraction.clause_shapes import NEGATIONS
from articles.extraction.descriptions import (
    AFFILIATION,
    DETERMINERS,
    GROUP_HEADS,
    PAPERS,
    PERSON_ENDINGS,
    PLURAL_ROLES,
    PRONOUNS,
    RELATIVES,
    VERBS,
    describes,
    entity_described,
    gender_of,
    head_noun,
    is_fraction,
    is_number,
    is_plural,
)
from articles.extraction.model import Span
from articles.extraction.month_names import month_given_name
from articles.extraction.name_shapes import with_particle
from articles.extraction.names import (
    HONORIFICS,
    KNOWN_ORGS,
    TITLES,
    Found,
    can_speak,
    is_org,
    names_found,
)
from articles.extraction.org_qualifiers import trailing_qualifiers
from articles.extraction.patterns import (
    ORG_NOUNS,
    ORG_PHRASE,
)
from articles.extraction.registry import Entity, Registry
from articles.extraction.sentence_openings import OPENING_WORDS
from articles.extraction.spelling import fold
from articles.extraction.subject_words import ARTICLES

# What may follow a name in an attribution phrase without being part of it: 'Ruth
# Okafor to TV 2', 'Holt on Monday', 'Okafor (45)'.
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
_PARENTHESIS = re.compile(r"\s*\([^()]*\)")
# A name after a lower-case title at the end of a subject: '… organizing director Ivar Lund'.
_TITLED_NAME_END = re.compile(
    r"\s(?P<role>[a-z][a-z-]*)\s+(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'-]*$"
)


# 'The senator', 'the Indiana governor', 'the Republican nominee': a role that may stand
# for a person named before.
_ROLE_PHRASE = re.compile(r"[Tt]he\s+(?:[\w-]+\s+){0,2}?(?P<role>[A-Za-z]+(?:-[a-z]+)?)")
# Words of names.TITLES that qualify a role rather than name one.
_NOT_ROLES = frozenset(
    """former ex acting interim assistant associate senior top vice first press democrat
    democrats republican republicans independent gop dem dems d r presumptive mr mrs ms
    miss mx dr sir dame lord lady""".split()
)
# The titles that name a role ('the senator'): made once, not for each phrase read.
_ROLES = (TITLES - _NOT_ROLES) | frozenset(
    # Roles news calls someone by after naming them, which are no titles before a name.
    "incumbent challenger neurosurgeon surgeon businessman businesswoman".split()
)


_PLURAL_DETERMINERS = frozenset(
    "two three four five six seven eight nine ten several some many few both these those".split()
)
_PLURAL_NOUN = re.compile(r"[a-z-]{2,}[^su’']s")


def subject_length(words: list[str]) -> int:
    """How many of ``words`` (a clause's start) its subject takes: up to its first verb,
    which is the first word in lower case that is no determiner and, once the phrase has
    a word of its own, no role ('the Indiana governor', 'Holt urged')."""
    has_head = False
    plural = bool(words) and words[0].casefold() in _PLURAL_DETERMINERS
    for i, word in enumerate(words):
        lowered = word.casefold()
        if i == 0 and lowered in PRONOUNS:
            return 1  # 'In Ohio, he said': the pronoun is the whole subject
        verb = word[:1].islower() and (lowered in VERBS or (lowered.endswith("ed") and i > 0))
        if word in (",", ";") or verb:
            return i  # a capital makes 'May' a name, not a verb
        if lowered in _NAME_JOINERS and _between_capitals(words, i):
            continue  # 'the Association of Harbour Pilots': one name
        if (
            word[:1].islower()
            and lowered not in DETERMINERS
            and has_head
            and (fold(word) not in TITLES or lowered in _VERB_QUALIFIERS)
            and lowered not in PLURAL_ROLES
            and lowered not in ORG_NOUNS  # 'the county court', 'the harbour board'
            and not (plural and _PLURAL_NOUN.fullmatch(lowered))
            and not _role_before_name(words, i)
        ):
            # After 'two' or 'several' a word in -s is the plural noun, not a verb in
            # -s: 'Two council members', 'several Democratic speechwriters'.
            return i
        if lowered not in DETERMINERS:
            has_head = True
    return len(words)


# Lower-case words inside a body's name ('Association of Harbour Pilots').
_NAME_JOINERS = frozenset(("of", "for"))


def _between_capitals(words: list[str], i: int) -> bool:
    return 0 < i < len(words) - 1 and words[i - 1][:1].isupper() and words[i + 1][:1].isupper()


def _role_before_name(words: list[str], i: int) -> bool:
    """Whether ``words[i:]`` open with lower-case adjectives and a role noun that a name
    follows ('Presumptive Democratic presidential nominee Kari Holt', 'Democratic
    incumbent Ola Berg', 'Holt campaign manager Ivar Lund'): they belong to the subject.
    In 'Holt hit candidate Berg' a verb, no adjective, comes before the role."""
    for j in range(i, min(len(words) - 1, i + _ROLE_RUN)):
        word = fold(words[j])
        if not words[j][:1].islower():
            return False
        if word in _NOT_ROLE_WORDS:
            return False
        chief = _chief_of_staff_at(words, j) if word in _CHIEF_OF_STAFF[1:] else None
        if chief is not None:
            # 'Holt chief of staff Eva Lie': the role's own 'of' phrase, a name after it.
            return chief + 3 < len(words) and words[chief + 3][:1].isupper()
        # A role by its ending only after an adjective: 'spent Monday', 'consider Berg'
        # are a verb and its object.
        role = (
            word in TITLES
            or word in _ROLE_NOUNS
            or (j > i and word.endswith(PERSON_ENDINGS))
            or _occupation_after_name(words, j)
        )
        # 'press' is a role only with a noun after it ('press secretary'): after a plural
        # it is the verb ('Unions press Mayor Holt').
        if role and word not in _VERB_QUALIFIERS and words[j + 1][:1].isupper():
            return True
        if word in _VERB_QUALIFIERS and not _after_name(words, j):
            return False  # 'the unions campaign for Berg': a verb, no name's campaign
        if not (
            word.endswith(_ADJECTIVE_ENDINGS)
            or word in _PLACE_ADJECTIVES
            or word in _ROLE_QUALIFIERS
            or word in TITLES
        ):
            return False
    return False


def _occupation_after_name(words: list[str], j: int) -> bool:
    """'Vestby farmer Ivar Lund', 'Bergen historian Kari Holt': a noun for a person's
    occupation between a place and a name of two words. A verb in -er ('Unions order
    Kari Holt') comes after a plural, and no verb ends in -ist or -ian."""
    word = fold(words[j])
    if not (0 < j < len(words) - 2 and word.endswith(_OCCUPATION_ENDINGS)):
        return False
    place, given, surname = words[j - 1], words[j + 1], words[j + 2]
    return (
        place[:1].isupper()
        and not place.endswith("s")
        and given[:1].isupper()
        and surname[:1].isupper()
        and word not in _NOT_ROLE_WORDS
    )


# The endings of nouns for someone's occupation: 'farmer', 'professor', 'historian'.
_OCCUPATION_ENDINGS = ("er", "or", "ist", "ian")
# At most two adjectives, or nouns saying what the role is for, before the role:
# 'Democratic presidential nominee', 'Holt campaign manager'.
_ROLE_RUN = 3
# Roles that are no titles: 'Liberal incumbent Ola Berg', 'Holt aide Per Lie'.
_ROLE_NOUNS = frozenset("incumbent challenger aide".split())
# Words in -er or -or that are no role: 'Holt never Berg', 'Lund after Berg'.
_NOT_ROLE_WORDS = frozenset(
    "never ever after under over rather either neither whether together later earlier".split()
    + "further for or nor".split()
)
# Adjectives by their ending: 'presidential', 'economic', 'executive', 'primary'.
_ADJECTIVE_ENDINGS = ("al", "ic", "ive", "ary")
# Nouns that qualify a role like adjectives: 'state senator', 'county judge'.
_PLACE_ADJECTIVES = frozenset("state city county".split())
_CHIEF_OF_STAFF = ["chief", "of", "staff"]


def _chief_of_staff_at(words: list[str], j: int) -> int | None:
    """Where the 'chief of staff' that ``words[j]`` ends or is inside starts, if it is."""
    return next(
        (
            k
            for k in (j - 1, j - 2)
            if k >= 0 and [fold(w) for w in words[k : k + 3]] == _CHIEF_OF_STAFF
        ),
        None,
    )


# Nouns that say what a role is for, as in 'Holt campaign manager Ivar Lund' or 'Berg
# communications director Kari Moe': with them the role, not the name before, is the
# subject's head, and the name after the role is who speaks.
# Words that are verbs too ('Unions field candidate Berg', 'staff', 'trade', 'finance',
# 'research') are left out; 'campaign' and 'press' qualify a role only after a name.
_ROLE_QUALIFIERS = frozenset(
    """campaign communications policy security media transition digital press legal
    energy health defense defence""".split()
)
_VERB_QUALIFIERS = frozenset(("campaign", "press"))


def _after_name(words: list[str], j: int) -> bool:
    """Whether a capitalised word comes before ``words[j]`` past lower-case titles only:
    'Dahl deputy campaign', not 'the unions campaign'."""
    k = j - 1
    while k >= 0 and words[k][:1].islower() and fold(words[k]) in TITLES:
        k -= 1
    return k >= 0 and words[k][:1].isupper()


def named_by(registry: Registry, phrase: str) -> Entity | None:
    """The entity an attribution phrase names: 'Energy expert Ruth Okafor to TV 2'."""
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


# Possessive pronouns, a whole subject only before an attributing noun ('Her call for').
_POSSESSIVES = frozenset(("his", "her"))
# Pronouns for a group, which may speak as one unnamed: 'we', 'they'.
_GROUP_PRONOUNS = frozenset(("we", "they"))


def _analyse(registry: Registry, phrase: str) -> tuple[Entity | None, Span | None]:
    if not phrase:
        return None, None
    word = phrase.casefold()
    if word == "i":
        return registry.writer(), (0, 1)  # 'I think', outside quotation marks
    if word in PRONOUNS or word in _POSSESSIVES:
        # 'His support for the levy' (an attributing noun's): whose, as 'he' is who.
        found = registry.person_for_pronoun(word)
        if found is None and word in genders.PRONOUN_GENDER:
            # '…,” she said' with no woman named yet: hers still, an unnamed speaker,
            # rather than the quote going to whoever is named nearby.
            found = registry.describe(phrase, genders.PRONOUN_GENDER[word])
        elif found is None and word in _GROUP_PRONOUNS:
            # 'We believe six debates are enough', 'They endorse …' with no group named
            # before: a group the text does not name still says it, not nobody.
            found = registry.describe(phrase, plural=True)
        return found, (0, len(phrase))
    parts = comma_parts(phrase)
    last_start, last = parts[-1]
    if len(parts) > 1 and last.casefold() in PRONOUNS:
        # "… to people” that the border is safe, he said": the pronoun is the subject.
        return registry.person_for_pronoun(last.casefold()), (last_start, last_start + len(last))
    first_start, first = parts[0]
    found = head_name(registry, first)
    if found is not None:
        given = month_given_name(registry.text, found.titles, found.name)
        if given != found.name:
            # 'May Olsen said': the month is her given name, no title or date.
            found = Found(given, found.start, "", found.gender, found.end, found.start)
        description = _description(first, found, parts[1:])
        return _named(registry, found, description, first_start)
    # Only the first later part that names someone counts; looked for when it matters.
    named = _first_named(registry, parts[1:]) if len(parts) > 1 else None
    role = _role_phrase(_without_adjuncts(first))
    if role and fold(role.group("role")) in _ROLES:
        # "The senator said": the person of that role named before, if there is one.
        entity = registry.person_with_role(role.group("role"))
        if entity is None and named is None:
            # News names someone before calling them by a role: 'Holt … The Republican
            # nominee said'; a name in apposition ('The chairman, Kelly Voss,') is new.
            entity = registry.person_called(gender_of(role.group(0)))
        if entity is not None:
            return entity, (first_start, first_start + len(role.group(0)))
    org = ORG_PHRASE.fullmatch(_without_adjuncts(first))
    if org:
        # "The hospital said": the organisation of that kind named before, or else an
        # unnamed one, never a speaker called "Hospital".
        entity = registry.organisation(org.group("noun"))
        if entity is None and len(org.group(0).split()) > 2 and org.group("noun") not in PAPERS:
            entity = registry.resolve(org.group(0)[4:].strip().capitalize())  # "Port authority"
        if entity is None:
            entity = registry.describe(org.group(0), org=True)
        return entity, (first_start, first_start + len(org.group(0)))
    known = _without_adjuncts(first)
    if fold(known) in KNOWN_ORGS and named is None:
        # 'Twitter said', 'In a blog post, Facebook acknowledged': a company known by one
        # word, which names.NOT_SPEAKERS keeps from being a name elsewhere ('on Twitter').
        entity = registry.resolve(known)
        entity.org = True
        return entity, (first_start, first_start + len(known))
    if not describes(first):
        return None, None
    if named is not None:
        # "Holt's press secretary, Lena Moss": the name in apposition.
        at, found = named
        return _named(registry, found, _without_adjuncts(first), at)
    description = _without_adjuncts(first)
    return entity_described(registry, description), (first_start, first_start + len(description))


def _role_phrase(core: str) -> re.Match | None:
    """'The senator', or the first of two roles one person holds ('the Vermont senator
    and former mayor'); not two people ('the senator and his wife', 'the mayor and the
    governor')."""
    role = _ROLE_PHRASE.fullmatch(core)
    if role is not None or " and " not in core:
        return role
    left, right = core.split(" and ", 1)
    words = right.split()
    if not words or words[0].casefold() in DETERMINERS:
        return None
    # 'former secretary of state': the role is the head, before 'of'.
    return _ROLE_PHRASE.fullmatch(left) if fold(head_noun(words) or "") in _ROLES else None


def _first_named(registry: Registry, parts: list[tuple[int, str]]) -> tuple[int, Found] | None:
    """Where the first of ``parts`` that has a head name starts, and that name."""
    for at, part in parts:
        if (found := head_name(registry, part)) is not None:
            return at, found
    return None


def comma_parts(phrase: str) -> list[tuple[int, str]]:
    """The comma-separated parts of a phrase with their offsets, parentheses blanked."""
    blanked = _PARENTHESIS.sub(lambda m: " " * len(m.group()), phrase) if "(" in phrase else phrase
    parts, at = [], 0
    for piece in blanked.split(","):
        stripped = piece.strip()
        if stripped:
            parts.append((at + piece.index(stripped), stripped))
        at += len(piece) + 1
    return parts or [(0, phrase)]


def head_name(registry: Registry, part: str) -> Found | None:
    """The name that is the head of ``part`` ('Energy expert Ruth Okafor to TV 2'), not
    one it mentions in passing ('a spokeswoman for Britain's Treasury')."""
    head = _head_of(_without_adjuncts(part))
    if head is None:
        return None
    words = head.name.split()
    if (
        len(words) == 1
        and (
            registry.common_word(words[0])
            or words[0].casefold() in GROUP_HEADS
            or is_number(words[0])
            or is_fraction(words[0])
            or _function_word(words[0])
            or (_inflected(words[0]) and registry.opens_sentences_only(words[0]))
            or (words[0].casefold() in OPENING_WORDS and part.startswith(words[0] + " "))
        )
        and registry.find(head.name) is None
        and not is_org(head.name)
    ):
        # "Finally", "Report", "Prosecutors", "Data from", "Nine in 10", "Two-thirds of",
        # "Back in 2001": a word at a sentence's start
        return None
    return head


def _function_word(word: str) -> bool:
    """A determiner or indefinite pronoun that opens a sentence: 'Another', 'Nobody'."""
    folded = word.casefold()
    return folded in DETERMINERS or folded in _FUNCTION_OPENERS


def _inflected(word: str) -> bool:
    """A gerund, participle or adverb ('Convincing', 'Trailing', 'Nearly'), which opens a
    sentence as no name even where the article never writes it in lower case; a name may
    end the same way ('Kettering'), so only where the text never capitalises it elsewhere.
    A first name ('Sterling') may still be one."""
    return (
        len(word) > 5
        and word[1:].islower()
        and word.casefold().endswith(("ing", "ly"))
        and not genders.of_first_name(word)
    )


# Indefinite pronouns, words of negation and a few other function words that open a
# sentence ('What', 'Whenever', 'Together'): closed classes, none of them a name.
_INDEFINITES = frozenset(
    """none nobody nothing neither anyone anybody everyone everybody someone somebody
    whoever whatever""".split()
)
_FUNCTION_OPENERS = _INDEFINITES | NEGATIONS | frozenset("nor what whenever together".split())


# Subject look-ups read the same phrases over and over ('Trump', 'the campaign'), the
# wide scope's gate twice: which name heads one depends on its words alone, read once.
@lru_cache(maxsize=65536)
def _head_of(core: str) -> Found | None:
    """The head name of the noun phrase ``core`` that may speak, whatever the registry
    knows; head_name then asks the registry whether a lone word is a name at all."""
    head = None
    for found in names_found(core):
        if _governed(core[: found.start].split(), core.startswith("The ", found.start), found.name):
            continue  # 'a spokeswoman for the private Nordvik Ferry Company': her employer
        if head is not None and _affiliated(core[head.end : found.start]):
            continue  # 'Ivar Lund of the independent Nordvik Policy Report': his employer
        after = core[found.end :].split()
        if after and after[0].casefold() not in AFFILIATION:
            continue  # "White House officials": the name qualifies the head noun
        head = found
    if head is None or not (can_speak(head.name) or _honorific_surname(head)):
        return None
    return with_particle(core, head)


def _governed(before: list[str], own_article: bool, name: str) -> bool:
    """Whether the words ``before`` a name end in a preposition that governs it, perhaps
    with an article and up to three lower-case qualifiers after that ('for the', 'of the
    independent'): the name is where someone works or what they speak of, not the
    phrase's head. With no article the words are a role's ('secretary of state Kari
    Holt', 'master of ceremonies Ivar Lund'), and the name is its holder. A name with an
    article of its own ('The Nordvik Post') or after a plural noun ('One of the jobs Lund
    talks about') opens a phrase of its own: no qualifier comes before it. Nor does a
    person's name after a body's noun ('The leader of the opposition party Kari Holt'):
    nobody is a party, so the name is the leader's, set beside the whole phrase."""
    most = 0
    if not own_article and before and not is_plural(before[-1]):
        most = trailing_qualifiers(before)
    # Each count of qualifiers in turn: 'the office of' before a name is three
    # qualifiers after no preposition, and none after 'of'.
    return any(_governs(before, len(before) - count, name) for count in range(most + 1))


def _governs(before: list[str], i: int, name: str) -> bool:
    """Whether the words ``before[:i]`` end in a preposition, perhaps with an article
    after it, that governs ``name`` across the qualifiers ``before[i:]``."""
    if i < len(before) and not (i > 0 and before[i - 1].casefold() in ARTICLES):
        return False  # qualifiers with no article before them
    if i < len(before) and before[-1].casefold() in ORG_NOUNS and not is_org(name):
        return False  # 'the regional office Ivar Lund': a person beside a body
    while i > 0 and before[i - 1].casefold() in ARTICLES:
        i -= 1
    return i > 0 and before[i - 1].casefold() in AFFILIATION


def _honorific_surname(found: Found) -> bool:
    words = found.titles.casefold().replace(".", "").split()
    return len(found.name.split()) == 1 and bool(words) and words[-1] in HONORIFICS


def _named(registry: Registry, found: Found, description: str, at: int) -> tuple[Entity, Span]:
    gender = found.gender or gender_of(description)
    entity = registry.resolve(found.name, description, gender)
    # "the trawler company Polarfangst"; not 'the chief known as Bob', whose 'as' is a
    # company's suffix ('Fjord AS') only in capitals, nor 'former secretary of
    # state Hillary Clinton', whose head is the secretary, nor a role in capitals ('its
    # president and CEO').
    head = head_noun(description.split()) or "" if description else ""
    noun = fold(head) not in TITLES and not (len(head) <= 3 and not head.isupper())
    if head and noun and is_org(head) and not entity.org and entity.spoke_at < 0:
        entity.org, entity.gender = True, None
    return entity, (at + found.offset, at + found.end)


def _description(part: str, found: Found, rest: list[tuple[int, str]]) -> str:
    """An apposition ('a Holt backer') or else the words before the name ('Energy
    expert', 'Belarusian President')."""
    for _, other in rest:
        if other.split()[0].casefold() in RELATIVES:
            continue
        if describes(other):
            return strip_article(_without_adjuncts(other))
    before = part[: found.offset].strip(" ,.:")
    if before.rsplit(maxsplit=1)[-1:] in (["and"], ["or"], ["&"]):
        # 'Mrs. Berg and Ivar Lund said': the first of two subjects, no description
        # (nor her title's gender) of the second.
        return ""
    return strip_article(before)


def strip_article(words: str) -> str:
    parts = words.split(maxsplit=1)
    if len(parts) == 2 and parts[0].casefold() in ARTICLES:
        return parts[1]
    return words


# Speaker look-ups strip the same few phrases over and over: each once.
@lru_cache(maxsize=65536)
def _without_adjuncts(part: str) -> str:
    """``part`` without what follows its noun phrase: 'to TV 2', 'on Monday'."""
    words = part.split()
    if words and words[0].casefold() not in DETERMINERS:
        cut = ADJUNCT.search(part)
        if cut is None:
            return part
        if _for_in_org_name(part, cut):
            return part
        core = part[: cut.start()].strip()
        return core or part
    return DESCRIPTION_END.sub("", part).strip() or part


def _for_in_org_name(part: str, cut: re.Match) -> bool:
    """'Fight for Fifteen organizing director Ivar Lund': the 'for' is the organisation's,
    after a capitalised word, and the person's name ends the part after a role."""
    before = part[: cut.start()].split()
    if cut.group().split()[0] != "for" or not before or not before[-1][:1].isupper():
        return False
    role = _TITLED_NAME_END.search(part, cut.start())
    return role is not None and fold(role.group("role")) in TITLES


def _affiliated(between: str) -> bool:
    """Whether ``between`` two names ties the second to the first as where they work:
    'of the independent', 'of digital consulting firm' (lower-case words after 'of')."""
    words = between.split()
    return (
        1 < len(words) <= 5
        and words[0] in AFFILIATION
        and all(word.isalpha() or "-" in word for word in words[1:])
        and all(word[:1].islower() for word in words[1:])
    )
