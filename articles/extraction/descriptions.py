"""Whether a phrase describes a person or a group without naming them ('a spokeswoman
for the Treasury', 'observers', 'About half of the delegates', 'Twelve percent'), and the
entity a description stands for: its gender, whether it is plural, whether it is a thing
('the report', 'a majority') that no later 'he' or 'she' can mean.

The word lists here are shared by every module that reads a subject's words; phrases.py
reads a whole attribution phrase with them."""

from __future__ import annotations

import re

from articles.extraction import gender as genders
from articles.extraction.names import TITLES
from articles.extraction.patterns import ORG_NOUNS
from articles.extraction.registry import Entity, Registry

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
# Nouns for papers, not bodies: "the report said" names no organisation.
PAPERS = frozenset("report study survey audit poll statement letter".split())
# Things that may 'say' something but are nobody 'he' or 'she' refers back to: papers,
# media, shares of a group.
THINGS = PAPERS | frozenset(
    """book books article story memo email e-mail ad advertisement video clip footage film
    movie documentary show episode post tweet message transcript record records data
    investigation affidavit agreement document filing complaint lawsuit ruling decision
    analysis review editorial column piece page website site paper release network
    majority minority percent chorus ability plan bill law policy proposal
    campaign year week month day trip sign change
    it""".split()
)
# Words that make a phrase a clause, not someone's description.
VERBS = frozenset(
    """is are was were be been being has have had will would can could should shall may
    might must do does did said says say told tells not no it he she they we i""".split()
)
# Plural role nouns that open a sentence: 'Prosecutors said', 'Critics argue'.
PLURAL_ROLES = frozenset(
    """prosecutors officials critics analysts experts supporters investigators observers
    residents authorities officers lawmakers voters witnesses organizers organisers
    protesters activists economists scientists researchers doctors lawyers sources aides
    advisers advisors opponents defenders historians strategists pollsters legislators
    senators politicians leaders police parents students teachers workers""".split()
)
PLURAL_NOUNS = frozenset("people police staff media public crowd audience".split())
# Groups written with a capital that speak as a group: 'Republicans said', 'Many Americans
# believe'.
CAPITALISED_GROUPS = frozenset(
    """republicans democrats conservatives liberals progressives independents libertarians
    evangelicals americans europeans britons tories""".split()
)


def describes(part: str) -> bool:
    """Whether ``part`` reads as a noun phrase for a person or group: 'a spokeswoman for
    the Treasury', 'observers', 'Brexit backers', 'the board's chair'."""
    words = part.split()
    if not words or len(words) > 12 or any(w.casefold() in VERBS for w in words):
        return False
    first = words[0].casefold().strip("’'")
    if first in DETERMINERS or first.endswith(("’s", "'s")):
        return True
    if _owned(words):
        return True
    qualifier = _SHARE_QUALIFIER.match(part.strip())
    skip = len(qualifier.group().split()) if qualifier else 0
    if skip and (is_number(words[skip]) or is_fraction(words[skip])):
        words = words[skip:]  # 'About half of them', 'At least 40 percent': the share
    head = head_noun(words)
    if head is not None and head.casefold() in GROUP_HEADS:
        return True  # 'Republicans said', a sentence's 'Authorities said', 'Polls show'
    if head is not None and is_fraction(head):
        return True  # 'About half of the delegates said', 'Two-thirds of officials believe'
    if head is not None and (is_number(head) or head.casefold() in _SHARES):
        # 'Twelve percent said', 'Nearly eight of 10 voters say', 'More than six in 10
        # say': a share of people.
        numbered = any(is_number(w) for w in words)
        out_of = len(words) > 1 and words[-2].casefold() in ("in", "of") and is_number(words[-1])
        share = words[-1].casefold() in _SHARES or words[-1].endswith("%")  # '47% say'
        return numbered and (share or is_plural(words[-1]) or out_of)
    # A plural in lower case, or one alone or before a preposition that opens the phrase,
    # whose capital the sentence's start gives it ('Companies say', 'Advisers to Holt
    # say'): a name has been looked for first. 'Woods shared' is a name and a verb.
    opening = (
        head is words[0]
        and (len(words) == 1 or words[1].casefold() in AFFILIATION)
        and head.casefold() not in _TIMES  # 'Hours later, …'
    )
    return head is not None and (head[:1].islower() or opening) and is_plural(head)


_TIMES = frozenset("seconds minutes hours days weeks months years decades moments".split())


_SHARES = frozenset("percent %".split())


def _owned(words: list[str]) -> bool:
    """'Mireille Castel's campaign', 'Fjord Media's ad tracker': a named owner's body or
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
GROUP_HEADS = CAPITALISED_GROUPS | PLURAL_ROLES | _FINDINGS | {"people"}
_NUMBER_WORDS = frozenset(
    """one two three four five six seven eight nine ten eleven twelve thirteen fourteen
    fifteen sixteen seventeen eighteen nineteen twenty thirty forty
    fifty sixty seventy eighty ninety hundred""".split()
)


def is_number(word: str) -> bool:
    """'63', '12%', 'Twelve', 'Twenty-four': a number in figures or words."""
    word = word.casefold().rstrip("%")
    if word.replace(".", "").replace(",", "").isdigit() or word in _NUMBER_WORDS:
        return True
    tens, _, units = word.partition("-")
    return units in _UNITS and tens in _TENS


# The two halves of a number written with a hyphen: 'seventy-two'.
_TENS = frozenset("twenty thirty forty fifty sixty seventy eighty ninety".split())
_UNITS = frozenset("one two three four five six seven eight nine".split())

_FRACTIONS = frozenset("half third thirds quarter quarters fifth fifths".split())


def is_fraction(word: str) -> bool:
    """'half', 'Two-thirds', 'three-quarters': a share written as a fraction."""
    parts = word.casefold().split("-")
    return parts[-1] in _FRACTIONS and all(is_number(p) for p in parts[:-1])


def head_noun(words: list[str]) -> str | None:
    for i, word in enumerate(words):
        if word.casefold() in AFFILIATION or word.casefold() in RELATIVES:
            return words[i - 1] if i else None
        if i and _postmodifier(word) and is_plural(words[i - 1]):
            # 'officials familiar with the talks', 'People briefed on the plan', 'Exit
            # polls taken in Ohio': the plural before what qualifies it is the head.
            return words[i - 1]
    return words[-1]


_POSTMODIFIERS = frozenset("familiar close taken given known involved".split())


def _postmodifier(word: str) -> bool:
    """A participle or adjective that qualifies the noun before it: 'briefed', 'familiar'."""
    return word in _POSTMODIFIERS or (len(word) > 4 and word.islower() and word.endswith("ed"))


def is_plural(noun: str) -> bool:
    noun = noun.casefold()
    return noun in PLURAL_NOUNS or (
        noun.endswith("s") and not noun.endswith(("ss", "us", "’s", "'s", "is"))
    )


def gender_of(description: str) -> str | None:
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


def entity_described(registry: Registry, description: str) -> Entity:
    words = description.split()
    head = head_noun(words) or words[-1]
    gender = gender_of(description)
    plural = is_plural(head)
    # One described by no noun for a person ('The New York primary', 'a young', 'It's
    # easy') is nobody a later 'he' or 'she' means.
    thing = gender is None and (_thing(words, head) or (not plural and _no_person_head(head)))
    return registry.describe(description, gender, plural=plural, thing=thing)


def _thing(words: list[str], head: str) -> bool:
    """A description of no person, whom a later 'he' or 'she' cannot mean: a document or
    a piece of media ('the book', 'A video of the episode'), a share or a crowd ('a
    majority of Americans'), a body ('the Lund administration'), or words with no noun
    to head them ('those', 'many of whom')."""
    noun = head.casefold().strip(".,;:’'")
    if noun in THINGS or noun in ORG_NOUNS or noun in DETERMINERS or noun in PRONOUNS:
        return True
    if noun in _NO_HEADS or (len(noun) > 5 and noun.endswith("ing")):
        # 'The most telling', 'polling', 'This allowed us to': a phrase cut short, or
        # a gerund, heads no noun for a person.
        return True
    if words[0].casefold() in _POSSESSIVES and not _person_noun(noun):
        # 'Her advice to young reporters is …', 'His face darted …': something of
        # someone's, whom a later 'she' means, not the thing.
        return True
    # A verb before any relative clause makes a clause ('It's easy'); 'a staffer who was
    # there' is someone described.
    for word in words[1:]:
        lowered = word.casefold()
        if lowered in RELATIVES:
            return False
        if lowered in VERBS:
            return True
    return False


# Possessive pronouns, which open a description of someone's relative or aide ('his
# brother', 'her lawyer') or of something of theirs ('her advice', 'his remarks').
_POSSESSIVES = frozenset("his her its their my our your".split())
# Words that end a phrase no noun heads: 'This allowed us to', 'her but'.
_NO_HEADS = frozenset("to but and or of than as if".split())
# Nouns for people that a possessive may open, besides titles and gendered nouns.
_PEOPLE_OF_SOMEONE = frozenset(
    """wife husband son daughter mother father brother sister parent parents child
    friend boss partner colleague lawyer attorney doctor physician aide assistant deputy
    successor predecessor opponent rival mate manager niece nephew cousin uncle aunt
    grandson granddaughter grandmother grandfather widow widower fiance fiancee fiancé
    fiancée girlfriend boyfriend spouse stepfather stepmother biographer publicist coach
    client employer employee counterpart teammate roommate neighbor neighbour mentor
    protege protégé ally confidant confidante supporter critic running""".split()
)
# Endings of nouns for people ('her campaign manager', 'his biographer', 'her pianist').
PERSON_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent", "man", "woman", "ee")


def person_description(words: str) -> bool:
    """Whether ``words`` are an article and a noun phrase whose head is a person: 'A
    lawyer', 'the chief planner for the port', not 'The next day'."""
    split = words.split()
    if len(split) < 2 or split[0].casefold() not in ("a", "an", "the") or not noun_phrase(words):
        return False
    head = head_noun(split[1:])
    return head is not None and head.islower() and _person_noun(head)


def apposition_of_person(words: str) -> bool:
    """Whether ``words``, set off by commas after a name, say who the person (or body) is:
    'a lawyer', 'Vestby's mayor', not a clause ('made the ads'), an aside ('as expected') or
    a time ('the next day')."""
    if not describes(words):
        return False
    # A determiner opens times and manners as well ('the next day', 'each time', 'all
    # smiles'), so only a noun for a person as the head says who someone is.
    split = words.split()
    # A participle ends the noun phrase it qualifies: 'a group based in Vestby'.
    cut = next((i for i, w in enumerate(split) if i and w.islower() and w.endswith("ed")), None)
    head = head_noun(split[:cut])
    if head is None:
        return False
    if head.casefold() + "s" in CAPITALISED_GROUPS or head.casefold() in ORG_NOUNS:
        return True  # 'a Michigan Republican', 'a Canadian mining company' for a firm
    return (
        head.islower()
        and head not in _NO_PERSON_HEADS  # 'an hour later': '-er' and no person
        and _person_noun(head)
    )


def _person_noun(noun: str) -> bool:
    """'lawyer', 'spokeswoman', 'son': a noun for a person, by list or by ending."""
    return (
        noun in _PEOPLE_OF_SOMEONE
        or noun in TITLES
        or genders.of_title(noun) is not None
        or noun.endswith(PERSON_ENDINGS)
    )


def _no_person_head(head: str) -> bool:
    """Whether the head of a description is a word for no person, whom a later 'he' or
    'she' cannot mean: a thing ('primary', 'tabloid', 'survey'), an adjective ('young',
    'federal'), a number, a day, a participle or a contraction; any other head may be
    someone's ('pilot', 'nurse', 'the 34-year-old')."""
    noun = head.casefold().strip(".,;:’'")
    if noun in _NO_PERSON_HEADS or noun.endswith("-") or "’" in noun or "'" in noun:
        return True
    if any(ch.isdigit() for ch in noun):
        return not noun.endswith("-old")  # '42%', '31-page'; not 'the 34-year-old'
    # 'the poll released', 'those surveyed': a participle, not a noun for a person.
    return noun.endswith("ed") and not _person_noun(noun)


# Heads for no person: things, shares, bodies of text or speech, and adjectives and
# ordinals left at the end of a description cut short ('a young', 'the third').
_NO_PERSON_HEADS = frozenset(
    """primary tabloid us average half third second first lot research summary tally
    country interview opinion account suit cable timeline count proportion leadership
    language faction choice hill magazine newspaper resolution panel way base debate
    version place bureau community tactic question result lecture unit option platform
    role tax idea state index initiative probe speech fact foundation criticism reason
    thing problem class evidence note collection pitch university industry world body
    fraction comparison vote team survey poll study report statement letter memo video
    book film article post tweet message email story plan bill law rule deal budget
    monday tuesday wednesday thursday friday saturday sunday week month year day
    young old familiar hard close democratic conservative liberal progressive federal
    bipartisan critical fine funny available safe widespread false elite snarky worth
    two three four five six seven eight nine ten then soon ago like remain seek
    later earlier after ever never together however rather further other""".split()
)


def noun_phrase(words: str) -> bool:
    """No verb or relative among ``words``: 'the 34-year-old mother of three', not 'the
    council issued a statement' or 'the study, which'."""
    return not any(
        w.casefold() in VERBS or w.casefold() in RELATIVES or (w.islower() and w.endswith("ed"))
        for w in words.split()
    )
