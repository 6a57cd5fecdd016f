"""Attribution set apart from the clause it attributes: not a subject and a cue around
their content but a label or an aside.

    'Okafor: Holt needs to …', 'Poll: Holt leads Berg'       a headline's label
    'Holt leads Berg by six points in a new county poll'      the poll a finding is 'in'
    'In a new county poll, Holt leads Berg by six points'     the same, the poll first
    'It was, he said, one of his bitterest failures'          an aside breaking a clause
    'The plan, Holt told reporters, will fail'                a 'told' aside
    'The message, according to the union, is that …'          an 'according to' aside
    'The vote, Holt said, “was too close.”'                   an aside a quotation goes on from

(An aside naming its speaker last, 'The trouble, says Ola Nilsen, …', is inverted_asides.py's.)

around_cues.py reads the sentence around each cue and asks these rules whether a cue is
such an aside; the headline labels it asks before any cue. quoted.py asks whose the
quotation after an aside is (both scopes); the wide scope also takes the lead before it
as a piece (pieces_around_aside).
"""

from __future__ import annotations

import re
from dataclasses import replace

from articles.extraction import cues
from articles.extraction.addressees import clause_after_addressee
from articles.extraction.attribution import Attribution, before_quote
from articles.extraction.clause_shapes import (
    FINITE,
    PREPOSITIONS,
    Token,
    last_comma_before,
    participle,
    skip_auxiliaries,
)
from articles.extraction.cue_subjects import DETERMINERS, phrase
from articles.extraction.gender import of_first_name
from articles.extraction.handoff import indirect_candidate
from articles.extraction.model import Candidate, Span
from articles.extraction.names import POSSESSIVE
from articles.extraction.patterns import ATTRIBUTING_WORDS, SAYING_VERBS
from articles.extraction.registry import Registry
from articles.extraction.speakers import phrase_source, source_in, speaker_in


def _in_a_poll(registry: Registry, text: str, sentence: list[Token]) -> Candidate | None:
    """'Holt leads Berg by six points in a new county poll': PARC takes the poll the
    finding is 'in' as its source and the clause before as what it attributes."""
    match = _IN_A_POLL.search(text, sentence[0][0], sentence[-1][1])
    if match is None or _NOT_THE_POLL.search(match.group("poll")):
        return None
    if _POLL_IN_SUBJECT.match(text, match.end(), sentence[-1][1]):
        return None  # 'Most voters in the poll were undecided': the poll's, as a subject
    cue = (match.start("in"), match.end("in"))
    lead = _after_connectives(sentence)
    if lead >= len(sentence):
        return None
    content_end = match.start()
    words = text[sentence[lead][0] : content_end].split()
    if len(words) < _POLL_CONTENT_WORDS or sentence[lead][0] >= content_end:
        return None
    before = registry.checkpoint()
    speaker = source_in(registry, text, match.start("poll"), match.end("poll"))
    registry.restore(before)
    return indirect_candidate(
        (sentence[lead][0], content_end), speaker, cue, _POLL_CONFIDENCE, gated=True
    )


def _after_connectives(sentence: list[Token]) -> int:
    """The index of the first word of ``sentence`` that is no connective ('And', 'But')."""
    lead = 0
    while lead < len(sentence) and sentence[lead][2].lower() in CONNECTIVES:
        lead += 1
    return lead


def with_poll(
    registry: Registry, text: str, sentence: list[Token], found: list[Candidate]
) -> list[Candidate]:
    """``found`` and the finding of the poll the sentence names ('… in a new poll', 'In a
    new poll, …'), where no other reading overlaps it."""
    poll = _in_a_poll(registry, text, sentence) or _opening_poll(registry, text, sentence)
    if poll is None or any(o.start < poll.end and poll.start < o.end for o in found):
        return found
    return [*found, poll]


def _opening_poll(registry: Registry, text: str, sentence: list[Token]) -> Candidate | None:
    """'In a new county poll, Holt leads Berg by six points': the poll a sentence opens
    with is, as in :func:`_in_a_poll`, the source of the clause after its comma."""
    lead = _after_connectives(sentence)
    if lead >= len(sentence) or sentence[lead][2] != "In":
        return None
    match = _OPENING_POLL.match(text, sentence[lead][1], sentence[-1][1])
    if match is None or _NOT_AN_OPENING_POLL.search(match.group("poll")):
        return None
    content_start = match.end()
    content_end = sentence[-1][0] if sentence[-1][2] in ".!?" else sentence[-1][1]
    if (
        "poll" not in match.group("poll").lower()
        and not _SURVEY_OF_PEOPLE.search(match.group("poll"))
        and not _SHARE.search(text, content_start, content_end)
    ):
        return None  # 'In a survey of the seabed last spring, divers found …': no pollster
    words = text[content_start:content_end].split()
    if len(words) < _POLL_CONTENT_WORDS or _PARTICIPLE.fullmatch(words[0]):
        return None  # 'In a poll of 800 voters, conducted from Feb. 2 …': no clause yet
    before = registry.checkpoint()
    speaker = source_in(registry, text, match.start("poll"), match.end("poll"))
    registry.restore(before)
    cue = (sentence[lead][0], sentence[lead][1])
    return indirect_candidate(
        (content_start, content_end), speaker, cue, _POLL_CONFIDENCE, gated=True
    )


# After a sentence's opening 'In': the poll's noun phrase, a few words about it ('released
# Monday by the Ledger'), and a participle's aside ('conducted in May'), to the comma.
_OPENING_POLL = re.compile(
    r"\s+(?P<poll>(?:[\w’'./\-]+\s+){0,8}?(?:poll|survey|Poll|Survey)s?\b[^,;:.\n]{0,60}?)"
    r"(?:,\s+(?:conducted|released|taken|published)\b[^,;.\n]{0,60})?,\s+"
)
# Words before the comma that make the stretch no poll a finding is in: 'In a memo
# released as polls closed', 'In eight states where exit polls were taken', 'In the
# days after polls closed'. Lower case only: 'Morning Consult' names a pollster.
_NOT_AN_OPENING_POLL = re.compile(r"\b(?:to|after|before|at|as|where|when|[a-z]+ing)\s")
_PARTICIPLE = re.compile(r"[a-z]+ed")
# A survey that asked people: a pollster's name ('a YouGov/Economist survey', 'published
# by NBC News') or its respondents ('of 800', 'of likely voters'); or a finding that gives
# a share of those asked ('In a district survey, 71 percent of students …').
_SURVEY_OF_PEOPLE = re.compile(
    r"[A-Z]|\b(?:of|among)\s+(?:\d|(?:[\w-]+\s+){0,2}?(?:voters|residents|adults|respondents"
    r"|people|households|parents|workers|employers|businesses|economists|members|citizens)\b)"
)
_SHARE = re.compile(r"\d\s*(?:percent\b|per cent\b|%)")


# Most sentences name no poll: a plain search says so before _IN_A_POLL's.
POLL_WORDS = re.compile("poll|survey")


def mentions_poll(text: str, start: int, end: int) -> bool:
    """Whether POLL_WORDS occurs in ``text[start:end]``: two plain substring searches,
    several times cheaper than the pattern's, for every sentence of the wide scope."""
    return text.find("poll", start, end) >= 0 or text.find("survey", start, end) >= 0


# 'in' and the poll's noun phrase, at the end of the sentence or before a comma or a
# few words about it ('in a poll released Monday by …').
_IN_A_POLL = re.compile(
    r",?\s+(?P<in>in)\s+(?P<poll>(?:[\w’'.\-]+\s+){0,6}?(?:poll|survey)s?)\b"
    r"(?=[^.;:\n]{0,80}[.;\n]|[^.;:\n]{0,80}$)"
)


_POLL_CONTENT_WORDS = 3
# Words inside the 'in … polls' stretch that make it no poll a finding is in: 'states
# going to the polls', 'the day after polls closed'.
_NOT_THE_POLL = re.compile(r"\b(?:to|after|before|at|\w+ing)\s", re.IGNORECASE)
# A verb right after the poll (a time between): the poll was in its subject ('Most
# voters in the poll were undecided', 'One in four voters in a new poll said …').
_POLL_IN_SUBJECT = re.compile(
    r"(?:\s+(?:last|this|next|week|month|year|weeks|months|years|ago))*"
    r"\s+(?:is|are|was|were|had|have|has|said|say|says|approved|disapproved)\b"
)


_POLL_CONFIDENCE = 0.5


def quotation_aside(registry: Registry, text: str, lead: Span, content: str) -> Attribution | None:
    """The attribution a quotation goes on from when it carries on the sentence its lead
    began ('The vote, Holt said, “was too close.”', 'The vote, said Holt, “was …'): the
    quotation is the aside's speaker's, whatever cue follows it."""
    if not content[:1].islower() or not text[lead[0] : lead[1]].rstrip().endswith(","):
        return None
    match = _ASIDE_AFTER_LEAD.search(text, *lead)
    if match is None:
        return None
    aside_start, aside_end = match.span("aside")
    attribution = before_quote(registry, text, aside_start, lead[1])
    if attribution is None or attribution.mention is None:
        return None
    # The aside is its speaker and cue and nothing more (but a 'told' cue's addressee):
    # a speaker named only before it ('Marrow, a top aide said, “is …”') is a guess, and
    # a cue inside a longer clause ('said the group might run ads against Cruz, “…')
    # makes no aside.
    (cue_start, cue_end), (name_start, name_end) = attribution.cue, attribution.mention
    if name_start < aside_start:
        return None
    first, second = sorted([(cue_start, cue_end), (name_start, name_end)])
    tail = text[second[1] : aside_end]
    if (
        second[1] == cue_end
        and text[cue_start:cue_end] == "told"
        and _addressee(tail.split())
        and all(w[:1].isupper() for w in text[name_start:name_end].split())
    ):
        # 'The vote, Holt told reporters, “was …': a named speaker only, since a
        # description ('the mayor told reporters') is looked up after the cue past the
        # quotation has named someone, and may be taken for them.
        tail = ""
    gaps = text[aside_start : first[0]] + text[first[1] : second[0]] + tail
    return None if gaps.strip() else attribution


def _addressee(words: list[str]) -> bool:
    """Whether ``words`` after a 'told' can be its addressee: up to three words, or a
    name's capitalised words up to six ('told the Lund Evening Gazette')."""
    return (
        0 < len(words) <= _NAMED_ADDRESSEE_WORDS
        and all(w[:1].isalnum() for w in words)
        and all(w[:1].isupper() for w in words[_ADDRESSEE_WORDS:])
    )


# A lead of words, then an aside between commas that ends where the quotation opens.
_ASIDE_AFTER_LEAD = re.compile(r"\w[^,;:“”\"]*,\s+(?P<aside>[^\s,;:“”\"][^,;:“”\"]{0,80}),\s*$")


def pieces_around_aside(
    registry: Registry,
    text: str,
    sentence: list[Token],
    first: int,
    last: int,
    found: list[Candidate],
) -> list[Candidate]:
    """'It was, he said, one of his bitterest failures', 'Any attempt to fix it, he said,
    becomes hopeless': PARC reads a clause an attribution breaks as two pieces of what
    was said, however short the lead and whatever the verb after; the rules take a piece
    only where they see a clause, and a lead only of some length. The pieces none of
    ``found`` covers; only the lead where a quotation goes on with the sentence."""
    if last + 2 >= len(sentence) or sentence[last + 1][2] != ",":
        return []
    comma = last_comma_before(sentence, first)
    if comma is None or sentence[comma][2] != "," or comma < 1:
        return []
    end = len(sentence)
    while end > last + 2 and sentence[end - 1][2] in ".!?":
        end -= 1
    rest = sentence[last + 2 : end]
    quoted_rest = rest[0][2] in cues.QUOTE_MARKS
    if quoted_rest and len(rest) > 1 and rest[1][2][:1].islower():
        # 'An early vote, he said, “would help us”': the quotation goes on with the
        # sentence the lead began, and is the quote rules'; the lead is a piece.
        rest = []
    elif (
        len([w for _, _, w in rest if w[:1].isalnum()]) < _ASIDE_REST_WORDS
        or quoted_rest
        or participle(rest[0][2])
    ):
        return []
    lead = 0
    while lead < comma and sentence[lead][2].lower() in CONNECTIVES:
        lead += 1
    if lead >= comma or any(w in cues.QUOTE_MARKS for _, _, w in sentence[lead:comma]):
        return []
    if not rest and not _lead_goes_on(sentence, lead, comma):
        return []
    before = registry.checkpoint()
    speaker = phrase(registry, text, sentence, comma + 1, skip_auxiliaries(sentence, first))
    registry.restore(before)
    cue = (sentence[first][0], sentence[last][1])
    pieces = []
    spans = [(sentence[lead][0], sentence[comma - 1][1])]
    if rest:
        spans.append((rest[0][0], rest[-1][1]))
    for start, end_ in spans:
        if not any(other.start < end_ and start < other.end for other in found):
            pieces.append(
                Candidate(start, end_, "indirect", speaker.entity, 0.5, cue, speaker.mention, True)
            )
    return pieces


_ASIDE_REST_WORDS = 2


def _lead_goes_on(sentence: list[Token], lead: int, comma: int) -> bool:
    """Whether the lead ``sentence[lead:comma]`` can be what a quotation after the aside
    goes on with: a preposition or subordinator and one word ('On Monday', 'When asked')
    only set the scene."""
    return comma - lead > 2 or sentence[lead][2].lower() not in _SCENE_OPENERS


_SCENE_OPENERS = PREPOSITIONS | frozenset("if unless because although though once whereas".split())


def told_aside(sentence: list[Token], first: int, last: int) -> int | None:
    """The last word of the addressee in an aside 'The plan, Holt told reporters, will
    fail': a 'told' with up to three words after it, then a comma; None otherwise."""
    if sentence[last][2] != "told" or first < 2:
        return None
    for end in range(last + 1, min(last + 1 + _NAMED_ADDRESSEE_WORDS, len(sentence) - 2)):
        word = sentence[end][2]
        if not word[:1].isalnum():
            return None
        if end - last > _ADDRESSEE_WORDS and not word[:1].isupper():
            return None  # only a name runs longer: 'told the Lund Evening Gazette'
        if sentence[end + 1][2] == ",":
            comma = last_comma_before(sentence, first)
            if comma is None or sentence[comma][2] != "," or first - comma > _ASIDE_SUBJECT:
                return None
            return end
    return None


_ADDRESSEE_WORDS = 3  # 'told reporters', 'told The Washington Post'
# A name may be longer when its words are capitalised: 'told the Lund Evening Gazette'.
_NAMED_ADDRESSEE_WORDS = 6


def breaks_told_clause(sentence: list[Token], first: int, last: int) -> bool:
    """'The plan, Holt told reporters, will fail': a told aside whose addressee no clause
    follows, so the clause it breaks came before it ('told reporters, the board would
    meet' has its own)."""
    return (
        told_aside(sentence, first, last) is not None
        and clause_after_addressee(sentence, last + 1) is None
    )


def in_adjunct(sentence: list[Token], first: int) -> bool:
    """A cue word inside a preposition's phrase: 'in a statement', 'during an interview'."""
    return (
        first >= 2
        and sentence[first - 1][2].lower() in DETERMINERS
        and sentence[first - 2][2].lower() in PREPOSITIONS
    )


def lead_before_according(
    sentence: list[Token], first: int, candidate: Candidate
) -> list[Candidate]:
    """'The message, according to the union, is that …', 'Now, according to the poll,
    …': PARC reads an 'according to' set between commas as the attribution of the clause
    it breaks, and the short lead before it as a piece of that clause, which the rules
    leave out when they take the rest. (A longer lead the rules take as the content, and
    what follows that one's source is more often a clause of the writer's.)"""
    if sentence[first][2].lower() != "according" or first < 2 or sentence[first - 1][2] != ",":
        return []
    if candidate.start < sentence[first][0]:
        return []  # the rules took the lead
    lead = 0
    while lead < first - 1 and sentence[lead][2].lower() in CONNECTIVES:
        lead += 1
    if not any(w[:1].isalnum() for _, _, w in sentence[lead : first - 1]):
        return []
    return [replace(candidate, start=sentence[lead][0], end=sentence[first - 2][1], gated=True)]


def attribution_aside(sentence: list[Token], i: int) -> bool:
    """'The plan, the mayor argues, will fail', '…, other studies have shown.': a verb of
    saying between a comma and a comma or the sentence's end, its subject after the
    first comma."""
    if sentence[i][2].lower() not in SAYING_VERBS or sentence[i - 1][2].lower() in DETERMINERS:
        return False  # 'rejects the claims': a noun
    following = sentence[i + 1][2] if i + 1 < len(sentence) else "."
    if following not in ",.!?;":
        return False
    comma = last_comma_before(sentence, i)
    if comma is None or comma < 2 or not 1 <= i - comma <= _ASIDE_SUBJECT:
        return False
    # Before the comma a clause, not the subject and its apposition ('The operator,
    # Fjellvind AS, says.'); a clause broken by the aside goes on after it.
    return following == "," or any(
        w.lower() in FINITE or (j > 0 and w.endswith("ed"))
        for j, (_, _, w) in enumerate(sentence[:comma])
    )


def name_colon(registry: Registry, text: str, start: int, end: int) -> Candidate | None:
    """'Sanders: Clinton needs to get away from personality': a headline's named speaker,
    a colon, and what they said; on a headline's own line the label may go on past the
    name ('Sanders camp: …', 'Sanders to Teachers: …', 'Sanders at Rally: …')."""
    colon = text.find(": ", start, min(end, start + 40))
    if colon < 0:
        return None
    words = text[start:colon].split()
    named = _named_part(words)
    if not 1 <= named <= 4:
        return None
    words = words[:named]
    if any(w.lower() in ATTRIBUTING_WORDS for w in words):
        return None  # 'Said Ellis: “…”': a cue, and the quotation's own rules read it
    label = words[1:] if words[0] == "The" and len(words) > 1 else words
    if label[0].lower().rstrip("’'s") in _NEWS_LABELS:
        return None  # 'Correction: An earlier version …': the paper's note, no one's words
    if len(text[colon + 2 : end].split()) < 4:
        return None
    speaker_end = colon
    if named < len(text[start:colon].split()):
        if not _line_alone(text, start, end):
            return None  # 'Limited Tools to Fight Crime: The board …': a section's heading
        if not _person_named(text, start, colon, label):
            return None  # 'Vote on Friday: …', 'Tax Cuts to Families: …': a topic's heading
        speaker_end = start + _word_end(text[start:colon], named)
    speaker = speaker_in(registry, text, start, speaker_end)
    if speaker.entity is None or not speaker.entity.named or speaker.mention is None:
        return None
    content_end = end - 1 if text[end - 1] in ".!?" else end
    return Candidate(
        colon + 2, content_end, "indirect", speaker.entity, 0.6, (colon, colon + 1), speaker.mention
    )


def _named_part(words: list[str]) -> int:
    """How many of a headline label's ``words`` name its speaker: all when each is
    capitalised; those before 'camp' ('Holt camp: …'), or before 'to', 'at' or 'on' and a
    capitalised place, audience or topic ('Holt to Fishermen: …', 'Holt at Rally: …');
    none otherwise."""
    lower = next((i for i, w in enumerate(words) if not w[:1].isupper()), len(words))
    if lower == len(words):
        return lower
    if words[0] in ("A", "An"):
        return 0  # 'A Curious Plan to Fight Smog: …': a thing's title, no one named
    rest = words[lower + 1 :]
    if words[lower] in _CAMP_WORDS and not rest:
        return lower
    if words[lower] in _LABEL_LINKS and 1 <= len(rest) <= 4 and all(w[:1].isupper() for w in rest):
        return lower
    return 0


def _person_named(text: str, start: int, colon: int, label: list[str]) -> bool:
    """Whether a headline label's leading words name a person: a known given name among
    them ('Kari Holt to Fishermen'), or its last word met again outside the label ('Holt
    camp: …' and 'Holt said …' below)."""
    if any(of_first_name(w) is not None for w in label):
        return True
    last = re.compile(r"\b" + re.escape(POSSESSIVE.sub("", label[-1])) + r"\b")
    return last.search(text, 0, start) is not None or last.search(text, colon) is not None


def _line_alone(text: str, start: int, end: int) -> bool:
    """Whether the sentence ``text[start:end]`` is a line of its own, as a headline is."""
    line_end = text.find("\n", end)
    after = text[end:] if line_end < 0 else text[end:line_end]
    return (start == 0 or text[start - 1] == "\n") and not after.strip()


def _word_end(label: str, count: int) -> int:
    """The offset in ``label`` just past its first ``count`` words."""
    return [m.end() for m in re.finditer(r"\S+", label)][count - 1]


# A lower-case word a speaker's headline label goes on with: 'Holt camp: …', 'Holt to
# Fishermen: …', 'Former Mayor Berg at Rally: …', 'Holt on the Toll: …' ('the' is no
# capital, so 'on' takes only a capitalised topic).
_CAMP_WORDS = frozenset(("camp",))
_LABEL_LINKS = frozenset(("to", "at", "on"))


def source_colon(text: str, start: int, end: int) -> Candidate | None:
    """'Poll: Holt leads Berg in the county', 'Report: The ferry ran at a loss': a
    headline whose source is a poll or a report, which PARC counts like a named
    speaker's; no one the registry knows."""
    colon = text.find(": ", start, min(end, start + _SOURCE_LABEL_CHARACTERS))
    if colon < 0:
        return None
    words = text[start:colon].split()
    if not 1 <= len(words) <= 3 or words[-1] not in _SOURCE_LABELS:
        return None
    if len(text[colon + 2 : end].split()) < 3:
        return None
    content_end = end - 1 if text[end - 1] in ".!?" else end
    # Its source is the label's words ('Poll', 'New Survey'), described, not looked up.
    source = phrase_source(text, start, colon)
    return Candidate(
        colon + 2,
        content_end,
        "indirect",
        source.entity,
        0.5,
        (colon, colon + 1),
        source.mention,
        True,
    )


def pronoun_according(registry: Registry, text: str, start: int, end: int) -> Candidate | None:
    """'That’s according to the county’s own figures.': PARC takes the pronoun, which
    stands for what the sentence before said, as the content, and the rest as its source."""
    match = _PRONOUN_ACCORDING.match(text, start, end)
    if match is None:
        return None
    source_end = end - 1 if text[end - 1] in ".!?" else end
    if not text[match.end() : source_end].strip():
        return None
    before = registry.checkpoint()
    speaker = source_in(registry, text, match.end(), source_end)
    registry.restore(before)
    cue = (match.start("cue"), match.end("cue"))
    content = (start, match.end("pronoun"))
    return indirect_candidate(
        content, speaker, cue, _PRONOUN_CONFIDENCE, gated=True, shortest=len("That")
    )


_PRONOUN_CONFIDENCE = 0.5  # a fixed shape, no cue the model scores: as sure as a headline label
_PRONOUN_ACCORDING = re.compile(r"(?P<pronoun>That)(?P<cue>[’']s according to)\s+")


_SOURCE_LABELS = frozenset("Poll Polls Survey Report Study".split())


_SOURCE_LABEL_CHARACTERS = 30


# Words that head a newspaper's own note or section, not a speaker: 'Correction: …'.
_NEWS_LABELS = frozenset(
    """correction corrections clarification update updated editor note related watch read
    breaking exclusive photos photo video live analysis opinion latest""".split()
)


_ASIDE_SUBJECT = 6  # tokens from the comma to the cue: ', the party's chairman argues,'


CONNECTIVES = frozenset("and but so yet still however meanwhile instead indeed also".split())
