"""Names of people and organisations: recognising them in attribution phrases and in
prose, and telling them apart (an organisation, a place, one who can speak). Spellings
are compared in ``spelling``; which entity a mention means is ``registry``'s."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from articles.extraction import gender as genders
from articles.extraction.places import is_known_place
from articles.extraction.spelling import fold
from articles.extraction.subject_words import (
    ARTICLES,
    NOT_VERBS,
    NOUN_OPENERS,
    PREPOSITIONS,
    QUALIFIED_NOUNS,
    QUESTION_WORDS,
    REPORTING,
    SUBORDINATORS,
)

# A surname's particles, written in lower case ('Ana de Vos', 'Ivar van der Berg').
PARTICLES = frozenset("de van von da di le la al del della der den du dos das".split())
# The particles as a regular expression's alternatives, longest first, so that 'della'
# is not read as 'del'.
PARTICLE_PATTERN = "|".join(sorted(PARTICLES, key=len, reverse=True))
# Members of a party, who a capitalised run may describe ('a Fjellstad Republican').
PARTY_MEMBERS = frozenset("republican republicans democrat democrats".split())

# Capitalised words with diacritics, inner hyphens, apostrophes and dots (Odd-Arne,
# O'Neill, Sæther, J.), joined by particles and by the small words of organisation names
# ("Ministry of Fisheries"); the engine trims what is not part of the name.
NAME = re.compile(
    r"[A-ZÀ-ÖØ-ÞĀ-ſ][\wÀ-ÿĀ-ſ’'.-]*(?:[ \t]+(?:(?:of|for|and|the|" + PARTICLE_PATTERN + r")"
    r"[ \t]+)*[A-ZÀ-ÖØ-ÞĀ-ſ][\wÀ-ÿĀ-ſ’'.-]*)*"
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
    state campaign arena restaurant gmbh ag sa nv bv oy kg spa srl strategies partners
    associates communications consulting research analytics conference caucus
    institution
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
    Said Says Added Adds Wrote Writes
    Miss Sir Dame Lord Lady Rev Father Sister Cllr Shipowner Economist Researcher
    Dean Rector Superintendent Inspector Coach Manager Owner Farmer Fisherman
    Teacher Nurse Doctor Student Resident Analyst Expert Adviser Advisor Activist
    Lawyer Attorney Editor Reporter Founder Partner MP MEP Madame Monsieur Herr Frau
    Rep. Sen. Gov. Lt. Sgt. Det. Sen Rep Gov Detective Deputy Commissioner
    Chancellor Premier Alderman Constable Pastor Bishop Imam Rabbi Seventeen-year-
    old
    """.split()
)
# Words that open a sentence before a name but never start one: 'Neither Berg nor Lie',
# 'Another Berg', 'PM Berg' (a clock's 'PM' run into the next sentence's subject).
NOT_NAME_OPENERS = frozenset("Neither Either Another Besides Mostly PM AM".split())


def opener_shaped(word: str) -> bool:
    """Whether ``word`` is shaped like an opening participle or adverb ('Praising') and is
    no listed first name; 'Flemming' is too, so callers ask where the text capitalises it."""
    shaped = len(word) > 5 and word[1:].islower() and word.endswith(("ing", "ly"))
    return shaped and genders.of_first_name(word) is None


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


# "Seventeen-year-old Maisie Doyle", "Danish-born Per Lund": who they are, not their name.
_AGE = re.compile(r"\d|-year-old$|-old$|-born$")
_INITIAL = re.compile(r"(?:[A-Z]\.)+")


def _initials(word: str) -> bool:
    """Whether ``word`` is initials only ('U.S.', 'J.')."""
    # They end on a stop: most words are told by their last character, with no match.
    return word[-1:] == "." and _INITIAL.fullmatch(word) is not None


# Titles and roles that stand before a name and belong in the description, not the name
# ("President Aleksandr Lukashenko", "Former Florida Gov. Jeb Bush"), folded, no dots.
TITLES = (
    frozenset(
        """
    president vice gov governor sen senator rep representative congressman congresswoman
    speaker secretary minister chancellor mayor judge justice attorney general ag director
    chairman chairwoman chair ceo cfo coo chief ambassador gen adm col lt sgt cpl maj capt
    dr mr mrs ms miss mx prof professor rev pope king queen prince princess sheriff
    commissioner leader whip councilman councilwoman councillor cllr superintendent
    archbishop bishop cardinal rabbi imam pastor father sister nominee candidate
    independent reporter anchor host correspondent
    columnist spokesman spokeswoman spokesperson officer detective agent trooper deputy
    former retired ex acting interim assistant associate senior top lieutenant sergeant captain
    admiral colonel commander premier prime first lady founder economist analyst expert
    researcher adviser advisor strategist pollster executive press chairperson dean
    rector inspector coach manager owner lawyer editor publisher author activist
    president-elect presumptive nominee frontrunner front-runner hopeful billionaire
    businessman businesswoman mogul tycoon entrepreneur actor actress singer comedian
    rapper star legend icon gop dem dems d r sir dame lord lady mp mep sec pres
    """.split()
    )
    | PARTY_MEMBERS
)
# A title's abbreviation and the role noun that refers back to it: 'Sen. Kari Voll' is
# 'the senator'; a representative is 'the congressman'.
_ROLE_WORDS = {
    "sen": "senator",
    "gov": "governor",
    "rep": "representative",
    "congressman": "representative",
    "congresswoman": "representative",
    "pres": "president",
    "sec": "secretary",
    "gen": "general",
    "prof": "professor",
}


def role_noun(word: str) -> str:
    """The role noun a title's abbreviation stands for, folded: 'sen' a senator."""
    key = fold(word)
    return _ROLE_WORDS.get(key, key)


def roles(description: str) -> set[str]:
    """The role nouns a description holds, abbreviations written out: 'Sen.' a senator."""
    words = fold(description).replace(".", "").split()
    return {_ROLE_WORDS.get(word, word) for word in words}


# Words a capitalised run may start with that make it no one's name on its own.
NOT_SPEAKERS = (
    frozenset(
        """
    though although however finally significantly having meanwhile still yet instead
    also even only just indeed perhaps maybe thus hence therefore moreover furthermore
    nevertheless nonetheless besides otherwise overall ultimately initially originally
    recently currently previously later earlier today tonight yesterday tomorrow now
    then there here this that these those it its he she they we you i his her their our
    my your report reports hospital poll polls survey study statement twitter facebook
    democratic americans liberals conservatives
    following according despite during after before amid since unlike given including
    regarding asked responding speaking
    rather similarly likewise separately specifically additionally notably importantly
    interestingly ironically unfortunately fortunately clearly apparently obviously
    seconds minutes hours days weeks months years moments
    """.split()
    )
    | PARTY_MEMBERS
)
# Organisations spoken of by one word, often as speakers.
KNOWN_ORGS = frozenset(
    """
    reuters politico breitbart bloomberg axios gallup quinnipiac rasmussen monmouth
    marist twitter facebook google apple microsoft amazon walmart pentagon kremlin
    congress senate house parliament nato vatican hamas hezbollah taliban isis isil
    """.split()
)
POSSESSIVE = re.compile(r"[’']s?$")


def without_possessive(word: str) -> str:
    """``word`` without its possessive ending ('Lund’s', 'Jones'')."""
    # The ending holds an apostrophe: a word with none (most) is spared the substitution.
    return POSSESSIVE.sub("", word) if "'" in word or "’" in word else word


class Found(NamedTuple):
    """A name in a phrase: the name, where it starts, and what stood before it in the
    same capitalised run (its titles: 'Belarusian President'), with the gender those
    titles tell. A named tuple, not a frozen dataclass: one is made for each name in
    each phrase read, and a tuple costs a fraction as much to make."""

    name: str
    offset: int
    titles: str = ""
    gender: str | None = None
    end: int = 0  # where the name's words end in the phrase
    start: int = 0  # where its run starts, titles included


def find_names(phrase: str) -> list[tuple[str, int]]:
    """Capitalised name sequences in ``phrase`` with their offsets; organisation names may
    include 'of', 'for' and 'and'. Titles before a name are left out."""
    return [(found.name, found.offset) for found in names_found(phrase)]


def names_found(phrase: str) -> list[Found]:
    """The names of ``phrase`` with their offsets and the titles before them."""
    result = []
    for match in NAME.finditer(phrase):
        found = _names_in_run(match.group())
        if found:  # many runs name no one ('The', 'But')
            result += _shifted(found, match.start())
    return result


# An article repeats its capitalised runs ('President Halvorsen'), and so does the next one:
# each run is cut and read once, its names then moved to where it stands. What a run
# holds depends on its words alone (fixed word lists), not on where it is or the article.
@lru_cache(maxsize=65536)
def _names_in_run(run: str) -> tuple[Found, ...]:
    names: list[Found] = []
    for piece, at in _runs(run, 0):
        found = _name_in_run_at_start(piece)
        if found is not None:
            names += _shifted((found,), at)
    return tuple(names)


def _shifted(found: tuple[Found, ...], at: int) -> tuple[Found, ...] | list[Found]:
    """``found`` moved ``at`` characters on."""
    if not at:
        return found
    return [Found(n, o + at, t, g, e + at, s + at) for n, o, t, g, e, s in found]


# Titles before a name ('Gov. Kari Holt'), whose stop a passive agent runs past.
TITLE_ABBREVIATIONS = frozenset("mr mrs ms dr sen rep gov gen lt col sgt capt adm prof rev".split())
# Abbreviations that end in a dot without ending a sentence ('Inc.', 'No.' end an agent).
ABBREVIATIONS = TITLE_ABBREVIATIONS | frozenset(
    "jr sr st inc co corp ltd pres vs u.s u.n d.c u.k e.u no mt ft".split()
)
MONTHS = frozenset(
    """january february march april may june july august september october november
    december""".split()
)
# Days and months end a name that runs into them ('CNN Tuesday'); 'May' may be a name.
_DATES = frozenset("monday tuesday wednesday thursday friday saturday sunday".split()) | (
    MONTHS - {"may"}
)
_SPLIT = re.compile(
    r"[ \t]+(?:and|&)[ \t]+|(?<=\.)[ \t]+|[ \t]+(?:Is|Are|Was|Were|Has|Have|Had|Says|Said|"
    r"Will|Would|Can|Could|Should|May|Might|Must|Does|Did|Gets|Wins|Loses|Calls)[ \t]+"
)


def _runs(run: str, offset: int) -> list[tuple[str, int]]:
    """A capitalised run cut where a sentence ends inside it ('Bush. But Lewandowski')
    and, unless it names an organisation, at 'and' ('Sanders and Clinton')."""
    if " " not in run and "\t" not in run:
        return [(run, offset)]  # one word: every separator takes a space or a tab
    pieces, start = [], 0
    for match in _SPLIT.finditer(run):
        separator = match.group().strip()
        if separator in ("and", "&"):
            if is_org(_without_openers(run)) or is_known_place(fold(run)):
                continue
        elif separator:
            pass  # a verb in a headline: "Donald Trump Is Right"
        else:
            word = run[: match.start()].split()[-1]
            following = run[match.end() :].split(maxsplit=1)
            if (
                _initials(word)
                or fold(word).strip(".") in ABBREVIATIONS
                or (len(word) <= 3 and word[:-1].isupper())
            ) and not (following and (_pronoun(following[0]) or following[0] in _OPENERS)):
                continue  # 'U.S. Senate' goes on; in 'the U.S. He said' a sentence ends
        pieces.append((run[start : match.start()], offset + start))
        start = match.end()
    pieces.append((run[start:], offset + start))
    return [(piece, at) for piece, at in pieces if piece.strip()]


# Words that open a sentence, never a name's: after 'U.S.' they start the next sentence.
# Not built from sentence_openings' lists: their other words ('Here', 'Now', 'Asked')
# change which wide-scope speakers are read (same figures, other output), so kept apart.
_OPENERS = frozenset(
    """The A An In On At But And Or If When While After Before However Although Because
    Since This That These Those It Yet Still Meanwhile Instead""".split()
)


def _without_openers(run: str) -> str:
    """``run`` without the words that open sentences ('As Holt and Berg'): 'As' there is
    no company's 'AS', which would make the run one organisation's name."""
    words = run.split()
    while len(words) > 1 and words[0] in NOT_NAMES:
        words = words[1:]
    return " ".join(words)


# News repeats its capitalised runs ('President Trump', 'The'), within an article and
# across articles, and reading one takes a dozen word tests: read once, then shifted.
@lru_cache(maxsize=65536)
def _name_in_run_at_start(run: str) -> Found | None:
    words = run.split()
    positions = []
    at = 0
    for word in words:
        at = run.index(word, at)
        positions.append(at)
        at += len(word)
    cut = 0
    while cut < len(words) and (
        words[cut] in NOT_NAMES
        or words[cut].lower() in SMALL_WORDS
        or _AGE.search(words[cut])
        or _pronoun(words[cut])
    ):
        cut += 1
    end = len(words)
    while end > cut and (words[end - 1].lower() in SMALL_WORDS or fold(words[end - 1]) in _DATES):
        after_first_name = end - 2 >= cut and genders.of_first_name(words[end - 2])
        if fold(words[end - 1]) in _DATES and after_first_name:
            break  # 'Theresa May': a surname, not the month
        end -= 1
    # A possessive ends a run that names someone's: "Breitbart’s Joel Pollak" is Pollak,
    # "Democracy Corps’ Stan Greenberg" Greenberg.
    for i in range(cut, end - 1):
        if words[i][-2:] in _POSSESSIVE_ENDS and not is_org(" ".join(words[i + 1 : end])):
            cut = i + 1
    # The last title in the run ends the description ("Former Florida Gov. Jeb Bush"),
    # unless what follows it is an organisation ("Republican National Committee").
    for i in range(end - 2, cut - 1, -1):
        if i > cut and len(_folded_word(words[i])) == 1:
            continue  # a middle initial ('Ronald R. Fieldstone'), not 'R' for Republican
        if i > 0 and _before_surname(words[i - 1]):
            continue  # 'Ola T. King', 'Mr. King': a surname that is also a title's word
        if _title_word(_folded_word(words[i])):
            rest = [w for w in words[i + 1 : end] if w.lower() not in SMALL_WORDS]
            if rest and not is_org(" ".join(rest)):
                cut = i + 1
                while cut < end and words[cut].lower() in SMALL_WORDS:
                    cut += 1
            break
    # "Secretary of State John Kerry": a known first name after capitalised words that
    # are not one (nor a first name's initial: 'Paul D. Ryan') starts the person's name.
    for i in range(cut + 1, end - 1):
        before = words[i - 2] if i - 2 >= cut and _initials(words[i - 1]) else words[i - 1]
        if genders.of_first_name(words[i]) and not genders.of_first_name(before):
            if not is_org(" ".join(words[i:end])) and _folded_word(words[cut]) not in KNOWN_ORGS:
                cut = i
            break
    # "Jeffrey Lewis of the James Martin Center": the person, not the place of work; after
    # a courtesy title one word is the surname ('Mr. Strand of the Harbour Policy Institute').
    titled = cut > 0 and _folded_word(words[cut - 1]) in HONORIFICS
    for i in range(cut + 1 if titled else cut + 2, end - 1):
        if words[i] in ("of", "for") and not is_org(" ".join(words[cut:i])):
            if titled or genders.of_first_name(words[cut]) or is_org(" ".join(words[i + 1 : end])):
                end = i
            break
    if (
        end - cut >= 3
        and words[cut].lower().endswith(ROLE_ENDINGS)
        and words[cut].isalpha()
        and _folded_word(words[cut]) not in ORG_WORDS  # 'Department of …', 'Center for …'
        and not genders.of_first_name(words[cut])
    ):
        cut += 1
    inner = [i for i in range(cut + 1, end - 1) if words[i] == "the"]
    if inner and not is_org(" ".join(words[cut:end])):
        cut = inner[-1] + 1  # "Bemoaning the Trump": only organisations hold a "the"
    kept = words[cut:end]
    if not kept or (len(kept) == 1 and kept[0] in NOT_NAMES):
        return None
    kept = [w if _initials(w) else w.rstrip(".’'") for w in kept]
    kept[-1] = without_possessive(kept[-1]) if len(kept[-1]) > 2 else kept[-1]
    name = " ".join(w for w in kept if w)
    if not name or not (name[0].isupper() or (cut and _particle_name(kept))):
        return None
    titles = " ".join(words[:cut])
    gender = next((g for g in (genders.of_title(w) for w in reversed(words[:cut])) if g), None)
    last = end - 1
    return Found(
        name, positions[cut], titles, gender, positions[last] + len(words[last]), positions[0]
    )


def _particle_name(words: list[str]) -> bool:
    """A surname that opens with its particle after a title ('Mr. de Vos', 'Dr. van
    Dijk'): the particle is written in lower case, the surname after it is not."""
    return len(words) >= 2 and words[0] in PARTICLES and words[-1][:1].isupper()


def _title_word(folded: str) -> bool:
    """A title, or titles shared by the names after it ('Senators Voll and Hegg')."""
    return folded in TITLES or (folded[-1:] == "s" and folded[:-1] in _PLURAL_TITLES)


# Titles whose plural heads names: 'Senators Voll and Hegg', 'Candidates Ola Berg and Kari Moe'.
# Few: most titles in the plural ('Experts Without Borders', 'Editors Guild') open a body's name.
_PLURAL_TITLES = frozenset(
    """senator sen representative rep governor gov professor prof dr doctor general gen
    judge justice president candidate democrat republican dem""".split()
)


# Pronouns, which a contraction keeps ("I’ve", "He’d", "We're"): never a name's word.
_PRONOUN_WORDS = frozenset("i he she it we they you".split())


def _pronoun(word: str) -> bool:
    """Whether ``word`` is a pronoun, alone or contracted ('He', 'I’ve', 'She's')."""
    # What re.split(r"[’']", word, maxsplit=1)[0] gives, without the regex module's
    # look-up of its cached pattern, for each word of each capitalised run.
    return fold(word.split("’", 1)[0].split("'", 1)[0]) in _PRONOUN_WORDS


_POSSESSIVE_ENDS = frozenset(("’s", "'s", "s’"))


def _before_surname(word: str) -> bool:
    """Whether a surname follows ``word``: a courtesy title, an initial or a first name."""
    return (
        _folded_word(word) in HONORIFICS
        or _initials(word)
        or genders.of_first_name(word) is not None
    )


# Courtesy titles: the word after one is a surname, even a title's word ('Mr. King').
HONORIFICS = frozenset("mr mrs ms miss dr".split())


def _folded_word(word: str) -> str:
    return fold(word).strip(".’',")


def names_in_prose(
    text: str, start: int, end: int, quoted: list[tuple[int, int]]
) -> list[tuple[int, str]]:
    """``(position, name)`` for the people and organisations ``text[start:end]`` names
    outside its ``quoted`` stretches, except after a preposition that makes the name a
    place ("in Little Wrayton"). Each name is a :class:`Mention`, which knows whether it
    opens its sentence (a subject, salient for a later "he") and the gender its title
    tells."""
    if title_case_line(text[start:end]):
        return []
    pieces, at = [], start
    for q_start, q_end in quoted:
        q_start, q_end = max(q_start, at), min(q_end, end)
        if q_end > q_start:
            pieces += [text[at:q_start], _blank(text[q_start:q_end])]
            at = q_end
    pieces.append(text[at:end])
    outside = "".join(pieces)
    mentions = []
    for found in names_found(outside):
        run_start = found.start
        before = outside[max(0, run_start - 80) : max(0, run_start)].rstrip()
        previous_word = before.rsplit(maxsplit=1)[-1:] or [""]
        if previous_word[0].lower() in PLACE_BEFORE:
            continue
        after = outside[found.end : found.end + 40].split(maxsplit=1)[:1] or [""]
        opens = run_start <= 0 or not before or before[-1] in ".!?:;"
        # 'Matthews said Pence’s performance …': a possessive inside a sentence qualifies
        # a noun, and is no subject (one that opens it names the sentence's topic).
        possessive = outside[found.end - 2 : found.end] in ("’s", "'s") and not opens
        # 'Voss said Haskins had driven …': the subject of what someone said, not of the
        # sentence.
        # 'asked who Holt was': after a question word, the subject of a clause inside.
        reported = previous_word[0].casefold() in REPORTING or previous_word[0] in QUESTION_WORDS
        # 'unless Berg pays': the subject of a condition or a reason, not of the sentence.
        reported = reported or previous_word[0] in SUBORDINATORS
        # 'drew boos for Berg, who had …': after a preposition a name is an object,
        # whatever verb comes after it, and so it is after a verb in the past ('asked
        # Berg whether').
        governed = previous_word[0] in PREPOSITIONS or (
            len(previous_word[0]) > 3
            and previous_word[0].endswith("ed")
            and previous_word[0].isalpha()
            and previous_word[0].islower()
        )
        # 'The Berg campaign said', 'the Lund outlets have': after an article and before
        # a word in lower case, a name qualifies the noun that is the subject.
        # So does one before a noun for someone's people or time ('Berg supporters say').
        modifier = (previous_word[0].casefold() in ARTICLES and after[0][:1].islower()) or after[
            0
        ].rstrip(".,;:") in QUALIFIED_NOUNS
        subject = (
            not possessive
            and not reported
            and not governed
            and not modifier
            and (
                opens
                or (
                    after[0][:1].islower()
                    and after[0] not in NOT_VERBS
                    and after[0] not in NOUN_OPENERS
                )
                or _verb_after_apposition(outside, found.end)
            )
        )
        mention = Mention(found.name, subject, found.gender, found.titles.rstrip(" ,."), opens)
        mentions.append((start + found.offset, mention))
    return mentions


def _blank(quoted: str) -> str:
    """Spaces for a quoted stretch, which a name runs across only when it is a nickname
    ('Marcia “Cia” Price'): in 'Holm “got a deal,” Lunde said' Holm and Lunde are two."""
    if _NICKNAME.fullmatch(quoted):
        return " " * len(quoted)
    return "\n" + " " * (len(quoted) - 1)


_NICKNAME = re.compile(r"[\"“‘'][A-Z][\w’'-]*[\"”’']")


def title_case_line(paragraph: str) -> bool:
    """A title in Title Case ('Holt Camp Slams Berg Over Remarks'): its capitals
    are no names."""
    words = lower = 0  # words that are not small words, and those not capitalised
    # Word by word, not split whole: prose is told within a few dozen words, and a
    # paragraph of thousands is asked about once for each of its sentences.
    for match in WORD.finditer(paragraph):
        word = match.group()
        if word[:1].isalpha() and word.lower() not in SMALL_WORDS:
            words += 1
            if words > 25:
                return False
            if not word[0].isupper():
                lower += 1
                if lower > 1:
                    # Prose, told early: of at most 25 words, 95% leave room for one.
                    return False
    if words < 5 or ". " in paragraph.rstrip(". "):
        return False  # a sentence ends inside it: prose
    return words - lower >= 0.95 * words


WORD = re.compile(r"\S+")  # a word as every reader splits text: no spaces in it


# 'Hilde Aamot, sent', 'Jaylen Brooks, 17, the board's representative, cannot vote':
# the verb a name in apposition (or with one) is the subject of.
_APPOSITION_VERB = re.compile(r",(?:[^.!?;:,“”\"]{1,80},)?\s+([a-z][\w’'-]*)")
_NOT_APPOSITION_VERBS = NOT_VERBS | frozenset(
    "the a an his her its their our my your this these those one two three".split()
)


def _verb_after_apposition(text: str, end: int) -> bool:
    """Whether a verb follows the name ending at ``end`` past a comma and perhaps an
    apposition."""
    if not text.startswith(",", end):
        return False  # the pattern opens with the comma: most names are told by it alone
    match = _APPOSITION_VERB.match(text, end, end + 120)
    return match is not None and match.group(1) not in _NOT_APPOSITION_VERBS


class Mention(str):
    """A name met in prose, with whether it is its sentence's subject (``opens``: its
    first words) and its title's gender."""

    subject: bool
    gender: str | None
    titles: str
    opens: bool

    def __new__(
        cls,
        name: str,
        subject: bool = False,
        gender: str | None = None,
        titles: str = "",
        opens: bool = False,
    ):
        mention = super().__new__(cls, name)
        mention.subject = subject
        mention.opens = opens
        mention.gender = gender
        mention.titles = titles
        return mention


def renamed(name: str, new: str) -> Mention:
    """``new`` as a mention with what ``name``, if a mention, knew of its sentence (its
    subject, gender and opening), without its titles."""
    return Mention(
        new,
        getattr(name, "subject", False),
        getattr(name, "gender", None),
        opens=getattr(name, "opens", False),
    )


# The same names are tested again and again, sentence after sentence: each once.
@lru_cache(maxsize=65536)
def is_org(name: str) -> bool:
    words = name.split()
    if len(words) == 1 and _acronym(words[0]) and not is_known_place(fold(words[0])):
        return True
    folded = [_folded_word(word) for word in words]
    if any(word in ORG_WORDS for word in folded):
        return True
    if folded[-1] in KNOWN_ORGS and len(words) > 1 and genders.of_first_name(words[0]):
        return False  # 'Michael Bloomberg': a first name makes the company's name a surname
    return any(word in KNOWN_ORGS for word in folded)


def _acronym(word: str) -> bool:
    letters = [ch for ch in word if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


@lru_cache(maxsize=65536)
def is_place(name: str) -> bool:
    folded = fold(name)
    return is_known_place(folded) or _folded_word(name.split()[-1]) in PLACE_WORDS


@lru_cache(maxsize=65536)
def can_speak(name: str) -> bool:
    """Whether a name found in an attribution may be a speaker's: not a place ("Ohio",
    "Russia and Ukraine"), a sentence adverb ("Though") or a role with a place
    ("Democrat of Missouri")."""
    words = name.split()
    # 'R-Ore.': a dash second, which most names are told by before the match.
    party = name[1:2] == "-" and _PARTY_AND_STATE.match(name)
    if not words or is_place(name) or party:
        return False
    first = _folded_word(words[0])
    if first in NOT_SPEAKERS and (
        len(words) == 1 or first not in ("democrat", "republican", "democratic")
    ):  # 'Democratic leaders' is no one; 'Democratic National Committee' may speak
        return False
    if (
        len(words) == 1
        and _MODIFIER.fullmatch(words[0])
        and not genders.of_first_name(words[0])
        and not is_org(name)  # 'Vatican' ends like 'American' but is no adjective
    ):
        return False  # 'Reluctantly, Voss said', 'the Mexican border': no one by that name
    if first in TITLES and len(words) >= 2 and words[1] in ("of", "for", "from"):
        return False  # "Democrat of Missouri", "Republican from Ohio"
    return not (len(words) == 1 and first in TITLES)


# A capitalised adverb or adjective standing alone ('Reluctantly', 'Subsequently',
# 'American', 'Southern'): an adjective's ending, after a stem long enough and in lower
# case, so that names ('McNally', 'Sally') do not match.
_MODIFIER = re.compile(
    r"[A-Z][a-z]{2,}(?:al|ous|ate|ful|ive|ent|ant|ed|ic|ing|ab|ar)ly"
    r"|[A-Z][a-z]{2,}ican|(?:South|North|East|West)(?:ern|ward)"
)
# 'R-Utah', 'D-N.Y.': a lawmaker's party and state, written after the name.
_PARTY_AND_STATE = re.compile(r"[RDI]-[A-Z][\w.]*$")
