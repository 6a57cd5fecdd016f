"""The subject of a verb, read from the characters of its sentence before it: 'Holt said
the plan was “a disaster”', '“…,” she said, adding', 'Berg attacked Lund, saying'; with
none in the sentence, the last speaker.

cue_subjects.py asks the same question of a sentence's tokens for the cues found around
quotes; this reading serves quotes in marks and the sentences that introduce a quote."""

from __future__ import annotations

import re

from articles.extraction.apposed_leads import apposed_lead_subject
from articles.extraction.clause_shapes import MID_CLAUSE_ADVERBS
from articles.extraction.coordinated_subjects import coordinated_subject
from articles.extraction.descriptions import (
    AFFILIATION,
    DETERMINERS,
    GROUP_HEADS,
    PRONOUNS,
    VERBS,
    describes,
    head_noun,
    noun_phrase,
)
from articles.extraction.names import (
    PARTICLE_PATTERN,
    can_speak,
    is_place,
    names_found,
)
from articles.extraction.paragraphs import tail_start
from articles.extraction.patterns import (
    ADVERB,
    CUE,
    LY_ADVERB,
    ORG_AT_END,
    ORG_NOUNS,
    RELATIVE_CLAUSE,
)
from articles.extraction.phrases import comma_parts, head_name, subject_length
from articles.extraction.registry import Entity, Registry
from articles.extraction.relative_adjuncts import relative_in_lead
from articles.extraction.relative_subjects import described_before_relative
from articles.extraction.sentence_openings import OPENING_WORDS
from articles.extraction.speakers import CLAUSE_MARKS, Speaker, speaker_in
from articles.extraction.subject_words import NOUN_OPENERS


def pronoun_after_relative(registry: Registry, text: str, cue_start: int) -> Speaker | None:
    """The pronoun right before the cue, after a relative or one only a subject takes,
    which is the cue's subject: 'he' in 'the department, which he said was unfair', 'she'
    in 'Roe v. Wade … she has never said'; None when the cue has no such pronoun before it."""
    if text[cue_start - 1 : cue_start] != " ":
        return None
    near, far = max(0, cue_start - 30), max(0, cue_start - 50)
    # Most cues have no relative before them: its letters ('wh' of which, whom, who and
    # what; 'that') are a cheaper test than searches anchored at the cue, which try each
    # position before it.
    lead = text[far:cue_start]
    relative = "wh" in lead
    found = (
        ((relative or "that" in lead) and _PRONOUN_AFTER_RELATIVE.search(text, near, cue_start))
        or _PRONOUN_BEFORE_CUE.search(text, far, cue_start)
        or (relative and _NAME_AFTER_RELATIVE.search(text, far, cue_start))
    )
    if not found:
        return None
    speaker = speaker_in(registry, text, *found.span("pronoun"))
    return speaker if speaker.entity is not None else None


_PRONOUN_AFTER_RELATIVE = re.compile(
    rf"\b(?:which|whom|who|what|that)\s+(?P<pronoun>[Hh]e|[Ss]he|[Tt]hey|it|we|I)\s+{ADVERB}$"
)
# A name in the same place: 'Mr. Holt' in 'the fee, which Mr. Holt called "a scandal"' is
# the cue's subject, not the noun the relative stands for.
_NAME_AFTER_RELATIVE = re.compile(
    r"\b(?:which|whom|what)\s+(?P<pronoun>(?:(?:Mr|Mrs|Ms|Dr|Sen|Gov|Rep)\.\s+)?"
    rf"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'.-]+){{0,2}})\s+{ADVERB}$"
)
# A pronoun only a subject takes, then auxiliaries and adverbs, before the cue: 'she has
# never said', 'He has also called', 'indeed, he had publicly stated'.
_PRONOUN_BEFORE_CUE = re.compile(
    r"(?<![\w’'-])(?P<pronoun>[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I)\s+"
    r"(?:(?:has|have|had|also|never|not|did|does|do|would|will|could|then|later|once|again|"
    rf"still|just|since|{LY_ADVERB})\s+)*$"
)


_APOSTROPHE_S = re.compile(r"[’']s$")  # 'He’s claiming': the pronoun before it


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
    pronoun = pronoun_after_relative(registry, text, cue_start)
    if pronoun is not None:
        return pronoun
    # 'The Vestland senator is telling reporters …': the progressive's 'is' stands between
    # a described subject and its participle, which without it was nobody's.
    progressive = _at_end(_PROGRESSIVE, lead) if _PARTICIPLE.match(text, cue_start) else None
    bare = lead[: progressive.start()] + " " if progressive else lead
    described = _DESCRIBED_AFTER_OPENER.match(bare, tail_start(bare, 0, len(bare)))
    if described and _described_subject(described.group("subject")):
        # 'a strike that company executives said could …', 'as one aide put it', 'That is
        # why critics say …': the description between the clause's opener and the verb is
        # its subject, not the noun the relative stands for nor the last name before it.
        speaker = _subject_group(registry, text, sentence_start, described)
        if speaker.entity is not None and _may_be_progressive(speaker, progressive):
            return speaker
    relative = _at_end(_RELATIVE_SUBJECT, lead) if lead.endswith(" ") else None
    if relative:
        # 'Mayor Holt, who called the plan “…”': whom the relative stands for,
        # not a name the clause it opens leaves last before the cue.
        at = sentence_start + relative.start("who")
        speaker = speaker_in(registry, text, at, at + len(relative.group("who")))
        if speaker.entity is not None:
            return speaker
    across = relative_in_lead(lead) if lead.endswith(" ") else None
    if across is not None:
        # 'Holt, who for weeks had called', 'Holt, who, after the vote, said': the same,
        # across an adjunct or an aside.
        at, stop = across
        speaker = speaker_in(registry, text, sentence_start + at, sentence_start + stop)
        if speaker.entity is not None:
            return speaker
    said = (
        _at_end(_CUE_BEFORE_COMMA, lead)
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
    elif _ends_with_comma(lead) and _PARTICIPLE.match(text, cue_start):
        # 'Ocampo attacked Whitfield, saying the budget would “…”': the sentence's
        # subject says it, not the object before the comma.
        opening = _opening_subject(registry, text, sentence_start, lead)
        if opening.entity is not None:
            return opening
    with_subject = _at_end(_WITH_SUBJECT, lead) if _PARTICIPLE.match(text, cue_start) else None
    if with_subject:
        # 'Critics balked, with Sen. Ana Lund calling it “…”': the phrase after 'with' is
        # the participle's subject, not the sentence's.
        speaker = _subject_group(registry, text, sentence_start, with_subject)
        if speaker.entity is not None:
            return speaker
    earlier = _at_end(_COORDINATED_CUE, lead)
    if earlier:
        # 'Though she called the bank’s conduct “shameful” and called for …': the first
        # verb's subject, not its object.
        return subject_speaker_before(
            registry, text, sentence_start, sentence_start + earlier.start()
        )
    if _at_end(_AND_AT_END, lead) and _verb_phrase(lead) and _one_clause(lead):
        # 'Holt took the stage at the Grand Hotel and called …': the verbs share the
        # sentence's subject, not the last name in the first one's object.
        opening = _opening_subject(registry, text, sentence_start, lead)
        if opening.entity is not None and opening.mention is not None:
            return opening
    if _at_end(_QUOTE_AND_AT_END, lead):
        # 'Okafor, speaking on the radio, called Berg a “windbag,” and said …': the verbs
        # share the sentence's subject, not the name in the first one's object.
        opening = _opening_subject(registry, text, sentence_start, lead)
        if opening.entity is not None and opening.mention is not None:
            return opening
    tail = _at_end(_SUBJECT_AT_END, bare)
    if tail and noun_phrase(tail.group("subject")):
        # 'After the talks with Eng, the White House announced', 'The senator said': the
        # phrase right before the verb is its subject, not a name earlier in the lead.
        speaker = _subject_group(registry, text, sentence_start, tail)
        if speaker.entity is not None and _may_be_progressive(speaker, progressive):
            return speaker
    place = _at_end(_PLACE_AT_END, lead)
    if place and len(place.group("place").split()) <= 3 and is_place(place.group("place")):
        # 'Norway branded the decision “…”', 'Sweden insisted that …': a country that is
        # the whole subject of the verb speaks for its government, whichever verb it is.
        at = sentence_start + place.start("place")
        entity = registry.resolve(place.group("place"))
        entity.org = True
        span = (at, at + len(place.group("place")))
        registry.attributed(entity, span)
        return Speaker(entity, span)
    apposed = (
        None
        if _PARTICIPLE.match(text, cue_start)
        else apposed_lead_subject(registry, text, sentence_start, lead)
    )
    if apposed is not None:
        # 'Lund, leader of the Nordic Freedom Party, says …': the name the description
        # is set off from, not the last name in it. A participle's subject may be an
        # object's ('Berg attacked Lund, the mayor, saying'), read above.
        return apposed
    # "Beatriz Olmos, who runs a bakery on Cedar Avenue, described": the subject, not
    # the names in the clause about her. What follows reads the lead's last characters
    # only, where the clauses are blanked.
    cut = tail_start(lead, 0, len(lead))
    lead = lead[:cut] + _blanked(RELATIVE_CLAUSE, lead[cut:])
    stripped = lead.rstrip()
    last_word = stripped.rsplit(None, 1)[-1:] or [""]
    pronoun = _APOSTROPHE_S.sub("", last_word[0])
    if pronoun.casefold() in PRONOUNS:
        # 'he said', and 'He’s claiming': the pronoun, not a possessive.
        at = sentence_start + len(stripped) - len(last_word[0])
        return speaker_in(registry, text, at, at + len(pronoun))
    # The last clause, read in the lead's last characters as the searches at its end are.
    clause = CLAUSE_MARKS.split(lead[cut:])[-1]
    phrase = clause.strip()
    if phrase and describes(phrase) and noun_phrase(phrase) and head_name(registry, phrase) is None:
        # 'Only 52 percent of registered voters agreed that …', 'Residents questioned
        # whether …': a described subject with no article, not whoever spoke last nor a
        # capitalised first word taken for a name.
        at = sentence_start + len(lead) - len(clause) + clause.index(phrase)
        speaker = speaker_in(registry, text, at, at + len(phrase))
        if speaker.entity is not None:
            return speaker
    opening = _clause_pronoun(registry, text, sentence_start, lead, cut)
    if opening is not None:
        # 'However, he held his fire on Berg, calling …', 'he looked into the camera and
        # said': the pronoun that opens the verb's clause, not a name in its object nor
        # whoever spoke last, which would point at another sentence's words.
        return opening
    # 'The Holm campaign sent an email with a photo of Ola Berg, and accused …', 'Lund
    # did not name Berg, but told …': a verb with no subject of its own shares the
    # subject that opens the sentence, not the last name in the first verb's object.
    shared = coordinated_subject(registry, text, sentence_start, cue_start)
    if shared is not None:
        return shared
    named = _last_name_speaking(registry, lead, sentence_start)
    if named is not None and named.mention is not None:
        # 'Residents who met Ivar Lund called the plan “…”': the name is the object of a
        # relative clause with no commas; the people it describes speak, as a pattern's
        # subject reads them.
        group = described_before_relative(
            registry, text, named.mention[0], cue_start, named, who_object=True
        )
        return group or named
    if named is not None:
        return named
    org = ORG_AT_END.search(lead, cut)
    if org:
        return Speaker(registry.organisation(org.group("noun")))
    return Speaker(registry.last_speaker)


def _at_end(pattern: re.Pattern[str], lead: str) -> re.Match[str] | None:
    """``pattern``'s search of the lead's last characters only: the patterns that end at
    the lead's end ('$') match a few words there, and a search of the whole lead tries
    each of its positions, which makes a run-on sentence with a cue in each clause cost
    the square of its length. A search from a word's start in it still sees the
    characters before it for its look-behinds and word boundaries, and '^' no longer
    matches there, as the lead's own start lies before."""
    return pattern.search(lead, tail_start(lead, 0, len(lead)))


def _clause_pronoun(
    registry: Registry, text: str, sentence_start: int, lead: str, cut: int
) -> Speaker | None:
    """The subject pronoun that opens the last clause of ``lead`` before its verb, read
    from ``cut`` (its last characters) on, when no clause opens after it with a capital
    (another subject) and no quotation mark stands in the lead; None when it names no one."""
    if any(mark in lead for mark in '"“”'):
        return None
    opened = list(_CLAUSE_PRONOUN.finditer(lead, cut))
    if not opened or _CLAUSE_CAPITAL.search(lead, opened[-1].end()):
        return None
    found = opened[-1]
    at = sentence_start + found.start("pronoun")
    speaker = speaker_in(registry, text, at, at + len(found.group("pronoun")))
    return speaker if speaker.entity is not None and speaker.mention is not None else None


# A subject pronoun where a clause opens, before a verb in lower case: 'However, he held',
# 'and although he thanked'.
_CLAUSE_PRONOUN = re.compile(
    r"(?:^\s*|[,;:—–]\s+|\b(?:and|but|so|yet|then|although|though|while|when|as|because|if|"
    r"after|before|since|once)\s+)(?P<pronoun>[Hh]e|[Ss]he|[Tt]hey|[Ww]e)\s+(?=[a-z])"
)
# A clause after the pronoun's that opens with a capital: another subject ('When he
# arrived, Berg said').
_CLAUSE_CAPITAL = re.compile(
    r"(?:[,;:—–]\s+|\b(?:and|but|while|when|as|after|though|although|because)\s+)[A-Z]"
)


def _last_name_speaking(registry: Registry, words: str, start: int) -> Speaker | None:
    """The last name in ``words`` (at ``start`` in the text) that may speak, neither an
    affiliation's ('of Ohio') nor a possessive owning other words, recorded as speaking."""
    # A run-on lead: its last few hundred characters, from a word's start, as the
    # searches at its end read them; the whole lead for each cue costs its square.
    cut = tail_start(words, 0, len(words))
    words, start = words[cut:], start + cut
    names = [
        f
        for f in names_found(words)
        if may_speak(registry, f.name)
        and _word_before(words, f.start, 0) not in AFFILIATION
        and not _possessive_of_other_words(words, f.end)
        and not _qualifies_noun(words, f.start, f.end)
    ]
    if not names:
        return None
    # 'Per Lund, chairman of the Vestby Harbour Committee,': the body he chairs is no
    # speaker while a name before it may be; alone ('a spokesman for the Pentagon'), it is.
    heads = [f for f in names if _word_before(words, f.start, 1) not in AFFILIATION]
    found = (heads or names)[-1]
    entity = registry.resolve(found.name, "", found.gender)
    span = (start + found.offset, start + found.end)
    registry.attributed(entity, span)
    return Speaker(entity, span)


def _word_before(words: str, at: int, articles: int) -> str:
    """The word before ``at`` in ``words``, folded, past up to ``articles`` articles."""
    # From the right, at most the words asked for: a long run-on lead has many names.
    before = words[:at].rsplit(None, 1 + articles)[-1 - articles :]
    while len(before) > 1 and before[-1].casefold() in ("the", "a", "an"):
        before.pop()
    return before[-1].casefold() if before else ""


def _ends_with_comma(lead: str) -> bool:
    """A comma ends ``lead``, or a quotation that closes with one ('a “silly notion,” ')."""
    stripped = lead.rstrip()
    return stripped.endswith(",") or (stripped[-1:] in '"”' and stripped[:-1].endswith(","))


# A participle's subject after 'with' that ends the lead: ', with Sen. Ana Lund '.
_WITH_SUBJECT = re.compile(r"(?:^|,)\s*with\s+(?P<subject>[^\s,;:“”\"][^,;:“”\"]{0,60}?)\s+$")


# A present participle for a cue: 'saying', 'calling', not 'bring' or 'thing'.
_PARTICIPLE = re.compile(r"[a-z]{3,}ing\b")
# A progressive's form of 'be' that ends a lead before a participle ('is telling', 'were
# saying').
_PROGRESSIVE = re.compile(r"\s(?:is|are|was|were)\s+$")


def _may_be_progressive(speaker: Speaker, progressive: re.Match[str] | None) -> bool:
    """Whether a subject read before a progressive's 'is' may be the participle's: one who
    speaks, a person or a body ('the BLM group is calling on …'), not a thing ('The
    question is telling voters …' is a copula and a gerund, and 'Her strategy' tells no
    one)."""
    if progressive is None or not speaker.entity.thing:
        return True
    head = head_noun(speaker.entity.description.split())
    return head is not None and head.casefold() in ORG_NOUNS


def _subject_group(registry: Registry, text: str, sentence_start: int, match: re.Match) -> Speaker:
    """The speaker a lead pattern's ``subject`` group names, read in the text."""
    start = sentence_start + match.start("subject")
    return speaker_in(registry, text, start, sentence_start + match.end("subject"))


def colon_subject(registry: Registry, text: str, sentence_start: int, colon: int) -> Speaker:
    """The subject of a sentence that ends in a colon before a quotation: 'Holt had a
    message for the council: “…”' is Holt's, not the council's."""
    registry.read(text)
    return _opening_subject(registry, text, sentence_start, text[sentence_start:colon])


def _opening_subject(registry: Registry, text: str, sentence_start: int, lead: str) -> Speaker:
    """The subject opening ``lead`` past opening phrases ('On Monday, '): the name heading
    it before the main verb, or its words; no one when quoted words may start the lead."""
    quoted = min((lead.find(mark) for mark in '"“”' if mark in lead), default=-1)
    if quoted >= 0:
        if not lead[quoted - 1 : quoted].isspace() or _MAIN_VERB.search(lead, 0, quoted) is None:
            return Speaker(None)
        # 'Lund called the idea a “silly notion,” adding …': the subject opens the lead
        # before the verb whose quoted words follow it.
        lead = lead[:quoted]
    # 'Ocampo, who ran against Whitfield, endorsed': the clause about her names others.
    lead = _blanked(_RELATIVE, lead)
    verb = _MAIN_VERB.search(lead)
    parts = comma_parts(lead[: verb.start() if verb else len(lead)])
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


def _blanked(clause: re.Pattern[str], lead: str) -> str:
    """``lead`` with the clauses ``clause`` finds blanked, each with a place that goes on
    it after a comma ('a baker from Dayton, Ohio,'), whose name is no subject."""
    pieces, done = [], 0
    for match in clause.finditer(lead):
        if match.start() < done:
            continue
        end = match.end()
        goes_on = _PLACE_GOES_ON.match(lead, end) if lead[end - 1] == "," else None
        if goes_on and is_place(goes_on.group("place")):
            end = goes_on.end()
        pieces += [lead[done : match.start()], _BLANK * (end - match.start())]
        done = end
    return "".join(pieces) + lead[done:]


# What blanks a clause: white space to split() and \s, but no space or tab, which names
# run across ('Lund' and 'Ohio' of 'Lund, a baker from Dayton, Ohio,' are two names).
_BLANK = "\u2002"
# A place after a clause's comma that the clause goes on with: ' Ohio,' of 'Dayton, Ohio,'.
_PLACE_GOES_ON = re.compile(r"\s*(?P<place>[A-Z][\w.’'-]*(?:[ \t]+[A-Z][\w.’'-]*){0,2}),")


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
    if first in OPENING_WORDS or first in AFFILIATION or words[0][:1].islower():
        return True
    participle = first.endswith(("ing", "ed")) and len(words) > 1 and words[1][:1].islower()
    # 'In Portsmouth, N.H., on Tuesday,': a place and its state go on the opening phrase.
    place = is_place(part) or (len(words) <= 2 and part.endswith("."))
    return participle or (after_opening and place)


_RELATIVE = re.compile(r",\s+(?:who|which|whose)\b[^,]*,?")
# A speech verb that ends a clause before a participle: '…, Okafor said, adding'.
_CUE_BEFORE_COMMA = re.compile(rf"\b(?:{CUE})\s*,\s*$")
# The first word that reads as a clause's verb: 'attacked', 'sought', 'is', 'said'.
_MAIN_VERB = re.compile(rf"(?<=\s)(?:[a-z]+ed|{CUE}|" + "|".join(sorted(VERBS)) + r")\b")


def _qualifies_noun(lead: str, start: int, end: int) -> bool:
    """'his British trip', 'the German press': one capitalised word between a determiner
    and a noun in lower case qualifies that noun, and is nobody speaking."""
    if " " in lead[start:end] or lead[start:end].isupper():
        return False  # 'the chair of the DNC authority to call': an acronym is a body
    before = lead[:start].split()[-1:]
    after = lead[end:].split()[:1]
    if not before or before[0].casefold() not in _DETERMINERS_OF_NOUNS or not after:
        return False
    word = after[0].rstrip(",;:.")
    # 'the Pentagon has', 'the Kremlin also': a verb or an adverb after the name makes it
    # the subject.
    return (
        word.isalpha()
        and word.islower()
        and word not in VERBS
        and word not in _ADVERBS_AFTER_SUBJECTS
        and not word.endswith("ly")
    )


# Not 'these' or 'those', which open a plural, never the one name a verb follows here.
_DETERMINERS_OF_NOUNS = NOUN_OPENERS - {"these", "those"}
# The adverbs of time as well ('the Kremlin then said'), but not those of frequency that
# the middle of a clause holds ('often', 'always'): the rule was measured without them.
_ADVERBS_AFTER_SUBJECTS = (MID_CLAUSE_ADVERBS - {"often", "always", "rarely", "seldom"}) | {
    "now",
    "then",
    "again",
    "once",
    "later",
}


def _possessive_of_other_words(lead: str, end: int) -> bool:
    """'Castel says Holt’s flurry of posts was …': a possessive name owns a noun
    phrase of its own, not the cue; 'Holt’s claim that …' is his."""
    return lead[end - 2 : end] in ("’s", "'s") and len(lead[end:].split()) > 1


# A relative pronoun that is the subject of the cue after it: ', who has also '.
_RELATIVE_SUBJECT = re.compile(
    r"(?:^|[\s,—–])(?P<who>who|which)\s+"
    rf"(?:(?:has|have|had|is|was|also|then|again|later|now|once|{LY_ADVERB})\s+)*$"
)


# An earlier cue the one at the lead's end is coordinated with: 'she called it … and'.
_COORDINATED_CUE = re.compile(rf"\b(?:{CUE})\b(?=[^,;:—–]*\s(?:and|but)\s*$)")


# A lead ending in 'and' after a word, a verb coordinated with one before it.
_AND_AT_END = re.compile(r"[\w.’'”\"]\s+and\s+$")


# A lead ending in 'and' after quoted words that close with a comma: '… a “windbag,” and '.
_QUOTE_AND_AT_END = re.compile(r",[\"”]\s+(?:and|but)\s+$")


def _one_clause(lead: str) -> bool:
    """No clause mark in ``lead`` before its final 'and': its opening is the subject,
    not a phrase such as 'Eight years ago,' or 'Outside the arena in Oslo,'."""
    body = lead.rstrip()[:-3]
    # The lead's last characters first: a run-on lead has its marks there, and all of
    # it is read only when they hold none.
    cut = tail_start(body, 0, len(body))
    return not any(_clause_mark(body, start) for start in dict.fromkeys((cut, 0)))


def _clause_mark(body: str, start: int) -> bool:
    """Whether ``body`` holds a clause mark from ``start`` on, not a comma between digits
    ('2,000 supporters' is one phrase)."""
    if "―" in body[start:]:
        return True
    return any(
        match.group() != "," or not _THOUSANDS.match(body, match.start())
        for match in CLAUSE_MARKS.finditer(body, start)
    )


_THOUSANDS = re.compile(r"(?<=\d),(?=\d)")


def _verb_phrase(lead: str) -> bool:
    """Whether a word in lower case that may be a verb stands in ``lead``: sought in its
    last characters first, and in all of it only when they hold none."""
    cut = tail_start(lead, 0, len(lead))
    return any(_VERB_PHRASE.search(lead, start) for start in dict.fromkeys((cut, 0)))


# A word in lower case that may be a verb, so that 'Holt and ' is a subject, not a clause.
_VERB_PHRASE = re.compile(rf"\s(?!(?:and|the|of|for|{PARTICLE_PATTERN})\b)[a-z]{{3,}}\s")


# A described subject that ends a lead, after a clause boundary: 'the Vermont senator',
# 'the farmers’ unions', 'his aides', perhaps before 'has' or 'also'.
_SUBJECT_AT_END = re.compile(
    r"(?:^\s*|[,;:—–]\s+|\b(?:and|but|while|as|when|after|though|although|because)\s+)"
    r"(?P<subject>(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+(?:[\w’'.-]+\s+){0,5}?[\w’'.-]+)"
    rf"(?:\s+(?:has|have|had|also|then|again|later|now|once|{LY_ADVERB}))*\s*$"
)


# A described subject after a word that opens an object clause, then auxiliaries and
# adverbs: 'that company executives said', 'what former employees have called', 'as an
# American diplomat put it', 'why critics say'.
_DESCRIBED_AFTER_OPENER = re.compile(
    r"(?:.*\b(?:that|which|what|why|[Aa]s)\s+|^\s*)"
    r"(?P<subject>(?:[\w’'.-]+\s+){0,4}?[\w’'.-]+)"
    rf"(?:\s+(?:has|have|had|also|then|again|later|now|once|{LY_ADVERB}))*\s+$",
    re.DOTALL,
)


def _described_subject(words: str) -> bool:
    """A description that may be a verb's whole subject: 'company executives', 'an
    official inquiry'; not a determiner alone ('his claims') nor words a conjunction
    joins to the verb before ('as a hero but insisting'); one word only when it names a
    group ('critics', 'aides'), and no name ('the Tax Council')."""
    split = words.split()
    if any(w in _CONJUNCTIONS for w in split):
        return False
    if split[-1].islower() and split[-1].endswith("ing"):
        # 'a strategy that banks on presenting': a verb's clause, no subject. Before
        # another word it is that word's modifier: 'that housing officials said'.
        return False
    if len(split) == 1:
        # 'his claims', 'a strategy that banks on': a determiner, or a verb.
        return split[0].casefold() in GROUP_HEADS
    named = split[1:] if split[0].casefold() in DETERMINERS else split
    if all(w[:1].isupper() for w in named):
        return False  # 'which the Tax Council estimates': a name, which other rules read
    return describes(words) and noun_phrase(words)


_CONJUNCTIONS = frozenset("and but or nor".split())


# A place name that is the whole lead of a clause: 'Norway ', '…; South Korea '.
_PLACE_AT_END = re.compile(
    r"(?:^\s*|[;:—–]\s+|\b(?:and|but|while|as|when|though|although)\s+)"
    r"(?P<place>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*)"
    rf"(?:\s+(?:has|have|had|also|then|again|later|now|once|{LY_ADVERB}))*\s*$"
)


def may_speak(registry: Registry, name: str) -> bool:
    """A name that may be a speaker's: no place, and no common word that opens a
    sentence ('Hopefully', 'Following') unless someone already bears it."""
    if not can_speak(name):
        return False
    return (
        len(name.split()) > 1 or not registry.common_word(name) or registry.find(name) is not None
    )
