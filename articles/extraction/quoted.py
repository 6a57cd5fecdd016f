"""Quotes in quotation marks: which quoted stretches are speech, whether direct
('“We will appeal,” Whitfield said') or mixed ('Whitfield called the ruling “a farce”'),
and whose."""

from __future__ import annotations

import re

from articles.extraction.around_cues import learned_cue
from articles.extraction.asides import quotation_aside
from articles.extraction.attribution import (
    Attribution,
    after_quote,
    before_quote,
    cue_in,
    signature_below,
)
from articles.extraction.clause_shapes import CLAUSE_SUBJECTS
from articles.extraction.lead_subjects import subject_speaker_before
from articles.extraction.marks import CLOSING, Segment
from articles.extraction.model import Candidate, Span
from articles.extraction.names import SMALL_WORDS
from articles.extraction.paragraphs import sentence_end, sentence_start, strip
from articles.extraction.patterns import (
    LABELLING_LEAD,
    LABELLING_LEAD_WORDS,
    LABELLING_WORD,
    NAME_CALLING_LEAD,
    VIEWPOINT_LEAD,
    WORK_BEFORE,
    may_label,
    scare_before,
)
from articles.extraction.registry import Entity, Registry
from articles.extraction.speakers import Speaker, source_in, speaker_in
from articles.extraction.unattributed import nearby_speaker


def quote_in_marks(
    registry: Registry,
    text: str,
    paragraph: Span,
    segment: Segment,
    *,
    first: bool,
    previous: Entity | None,
    running: Entity | None,
) -> Candidate | None:
    """The quote in ``segment``, a quoted stretch of ``paragraph``, or None when it is not
    speech (a scare quote, a title, empty marks). ``first``: the paragraph's first quoted
    stretch; ``previous``: the speaker of the paragraph's quote before this one;
    ``running``: the speaker of a quote that ran on from an earlier paragraph.
    Its speaker becomes the registry's last speaker."""
    p_start, p_end = paragraph
    close = segment.close if segment.close is not None else p_end
    inner_start, inner_end = strip(text, segment.start, close)
    if inner_end <= inner_start:
        return None
    content = text[inner_start:inner_end]
    # The label ends on a colon: most contents hold none and are spared the match.
    label = _TRANSCRIPT_LABEL.match(content) if ":" in content else None
    if label and label.group("who") not in _NOT_SPEAKER_LABELS:
        who = label.group("who").title()
        speaker = registry.find(who)
        if speaker is None and first and not text[p_start : segment.open].strip():
            # A turn that opens its paragraph names its speaker even when the article
            # never did in full ('"WALLACE: …' of a host it calls only Chris).
            speaker = registry.resolve(who)
        if speaker is not None:
            # A transcript quoted whole: '“PENCE: Well, look, …”' is Pence's.
            registry.spoke(speaker)
            at = inner_start + label.start("who")
            colon = inner_start + label.end("who")
            return Candidate(
                inner_start + label.end(),
                _trim_comma(text, inner_start, inner_end),
                "direct",
                speaker,
                0.85,
                (colon, colon + 1),
                (at, colon),
            )
    words = content.split()
    lead_start = sentence_start(text, p_start, segment.open)
    while lead_start < segment.open and text[lead_start] in _CLOSING:
        lead_start += 1  # the marks closing the sentence before: 'on “Fox Live.” “I mean …'
    lead = text[lead_start : segment.open]
    if _not_speech(lead, content, words, after_quote=previous is not None):
        return None
    tail_end = sentence_end(text, close + 1, p_end)
    tail = text[close + 1 : tail_end]
    if _nickname(lead, words, tail):
        return None
    if _FOLLOW.match(content):
        return None  # 'Follow Tom Beck on Twitter @tombeck': a byline's boilerplate
    if _single_marked_subheading(text, paragraph, segment, words):
        return None
    # Ends with a stop or a comma, or a comma (or the paragraph's end) follows it.
    ends_clause = content[-1:] in ",.?!…" or (tail[:1] in ",")
    # Both sides are read, even when one will do: each registers the names it meets.
    after = after_quote(registry, text, close + 1, tail_end, opens_sentence=not lead.strip())
    if after is None and not lead.strip() and not text[close + 1 : p_end].strip(" ."):
        # A quotation filling its paragraph, signed on the line below: '- Lund.'
        after = signature_below(registry, text, p_end)
    before = before_quote(registry, text, lead_start, segment.open) or _speaker_colon(
        registry, text, lead_start, segment.open
    )
    aside = quotation_aside(registry, text, (lead_start, segment.open), content)
    if aside is not None:
        # The aside opens the quotation, and a cue after it is the next sentence's.
        before, after = aside, None
    lead_words = lead.strip()
    if not lead_words and not ends_clause and len(words) <= 3 and after is None:
        return None  # a stray scare quote at the start of a sentence
    end = _trim_comma(text, inner_start, inner_end)
    standalone = not lead_words or (lead_words.endswith((":", ",")) and before is not None)
    quote = None
    if not standalone:
        if content.endswith(".") and text[close + 1 : close + 3].strip()[:1].isupper():
            after = None  # 'accused him of “recklessness.” President Park said': a new sentence
        quote = _mixed(registry, text, (inner_start, end), (lead_start, segment.open), after)
        # A sentence quoted whole after a colon and no cue ('ran it as its headline: “…”')
        # is speech all the same, whose as a quote with no attribution is.
        standalone = quote is None and lead_words.endswith(":") and _sentence(content)
        # So is a clause set off between dashes: 'took it as praise -- “That …” -- and'.
        standalone = standalone or (
            quote is None
            and lead_words.endswith(_DASHES)
            and tail.lstrip()[:1] in _DASHES
            and content[:1].isupper()
            and len(words) >= 3
        )
    if standalone and (after is not None or before is not None):
        if (
            before is not None
            and content.endswith((".", "!", "?"))
            and lead_words.endswith((",", ":"))
            and len(text[before.cue[1] : segment.open].split()) <= _CUE_NEAR_MARK
        ):
            # 'Holm said, “We will win.” Asked about it, Lund replied, …': a stop closes
            # a quotation its lead's cue opened; the next cue is the next sentence's. (A
            # cue further back may be another clause's: 'When Berg noted …, Holm said, “')
            after = None
        quote = _attributed((inner_start, end), after or before)
    elif standalone:
        continuing = segment.close is None or (first and not lead_words)
        entity, confidence = _unattributed_speaker(
            registry,
            text,
            (p_start, segment.open),
            running=running if continuing else None,
            previous=previous,
        )
        mention = registry.mention_of(entity, since=p_start)  # "…,” she said. “…”
        quote = Candidate(inner_start, end, "direct", entity, confidence, mention=mention)
    if quote is not None:
        registry.spoke(quote.entity)
    return quote


# A sentence's start past the marks and spaces that close the one before.
_CLOSING = CLOSING | {" "}
_ACCORDING_TO = re.compile(r"[Aa]ccording\s+to")
_FOLLOW = re.compile(r"Follow .+ on (?:Twitter|Facebook|Instagram)\b")
_DASHES = ("-", "—", "–")
# Words at most between a lead's cue and the opening mark for the quotation to be that
# cue's own sentence: room for an addressee and a time ('Holm told reporters on Monday,
# “'); a cue further back may be another clause's ('When Berg noted …, Holm said, “'),
# and with no limit dev lost a speaker.
_CUE_NEAR_MARK = 6
# Capitals and a colon that head a news item, not a speaker's turn.
_NOT_SPEAKER_LABELS = frozenset(
    "BREAKING UPDATE UPDATED NOTE WATCH READ VIDEO PHOTOS PHOTO EXCLUSIVE ALERT CORRECTION "
    "EDITOR'S EDITOR’S Q A".split()
)
# A speaker's label in capitals at the start of a transcript's turn: 'PENCE: ', 'MR. COOK: '.
_TRANSCRIPT_LABEL = re.compile(r"(?P<who>(?:[A-Z][A-Z’'.-]+ ){0,2}[A-Z][A-Z’'-]+):\s+")


def _single_marked_subheading(
    text: str, paragraph: Span, segment: Segment, words: list[str]
) -> bool:
    """'‘A change warrior.’' alone in its paragraph, in an article that quotes in double
    marks: a section's subheading quoting words from below it, no speech of its own (in
    British style, single marks are the quotes)."""
    if segment.mark not in "‘'" or len(words) > _SUBHEADING_WORDS:
        return False
    if segment.open != paragraph[0] or segment.close != paragraph[1] - 1:
        return False
    return any(mark in text for mark in '“"')


_SUBHEADING_WORDS = 8


def _speaker_colon(registry: Registry, text: str, start: int, end: int) -> Attribution | None:
    """'Republican pollster Daron Shaw: “…': a named speaker and a colon, no verb; the
    colon is the cue."""
    lead = text[start:end].rstrip()
    if not lead.endswith(":") or len(lead.split()) > 8:
        return None
    phrase_start = start + len(lead) - len(lead.lstrip())
    speaker = speaker_in(registry, text, phrase_start, start + len(lead) - 1)
    if speaker.entity is None or not speaker.entity.named or speaker.mention is None:
        return None
    if speaker.mention[0] - phrase_start > 40:
        return None
    return Attribution((start + len(lead) - 1, start + len(lead)), speaker.entity, speaker.mention)


def _mixed(
    registry: Registry, text: str, span: Span, lead: Span, after: Attribution | None
) -> Candidate | None:
    """Quoted words inside a narrative sentence: mixed speech when the sentence has a
    cue before them ('Hansen said the plan was “a disaster”') or an attribution after."""
    # A word that attributes only loosely ('critical of the “…”', 'call it “the Nest”')
    # makes a quote of three words or more, not a name or a scare-quoted word.
    near = len(text[span[0] : span[1]].split()) >= 3
    cue = cue_in(text, *lead) or learned_cue(text, *lead, near=near)
    labelling = _labelling(text, *lead)
    if labelling is not None and (cue is None or labelling[0] > cue[0]):
        # The verb nearest the quote is its cue: 'described her as a “…” and blamed the
        # rise on “…”' gives the second quote its own cue, so the two stay apart.
        cue = labelling
    if cue is None and near:
        # Three words or more are speech after a labelling verb however far back in the
        # sentence: 'blasted the panel for saying in its report the deal was “…”'.
        farther = list(LABELLING_WORD.finditer(text, *lead))
        cue = farther[-1].span("cue") if farther else None
    viewpoint = VIEWPOINT_LEAD.search(text, *lead) if cue is None and near else None
    if viewpoint is not None and after is None:
        # 'because to her, “…”': her view in her words; a pronoun falls back on the name
        # nearest before.
        holder = speaker_in(registry, text, *viewpoint.span("who"))
        entity = holder.entity or nearby_speaker(registry, text, *lead)
        return Candidate(*span, "mixed", entity, 0.7, viewpoint.span("cue"), holder.mention)
    if cue is None and after is None:
        return None  # a scare quote
    subject = subject_speaker_before(registry, text, lead[0], cue[0]) if cue else None
    if after is not None:
        if _participle_before_its_subject(text, after):
            # 'Holt defended “Bergen values,” saying the city …': no subject follows a
            # participle; the sentence's before the quotation says it, not 'the city'.
            # With a cue in the lead, that is the cue's subject, already read: a reading
            # up to the participle runs across the quotation and may take another
            # clause's ('Lund is gone and Holt called it “…,” saying' is Holt's).
            if subject is None:
                subject = subject_speaker_before(registry, text, lead[0], after.cue[0])
            if subject.entity is not None:
                return Candidate(*span, "mixed", subject.entity, 0.7, after.cue, subject.mention)
        return Candidate(*span, "mixed", after.entity, 0.7, after.cue, after.mention)
    comma = text.find(",", cue[1], lead[1])
    source_end = comma if comma >= 0 else lead[1]
    before_cue = text[lead[0] : cue[0]].rstrip()
    if (
        _ACCORDING_TO.fullmatch(text, *cue)
        and (not before_cue or before_cue.endswith(","))
        and any(c.isalnum() for c in text[cue[1] : source_end])
    ):
        # 'According to her physician, the mayor had “…”', 'For Lund, according to his
        # aides, the vote is “…”': the source follows the cue, and governs the sentence
        # (not after 'said that', whose subject's it is).
        source = source_in(registry, text, cue[1], source_end)
        if source.entity is not None:
            return Candidate(*span, "mixed", source.entity, 0.7, cue, source.mention)
    agent = _passive_agent(registry, text, span, lead, cue)
    if agent is not None:
        # 'has been called “strategic silence” by Ola Nilsen': the agent labels it.
        return Candidate(*span, "mixed", agent.entity, 0.7, cue, agent.mention)
    outer = _same_subject_outer(registry, text, lead[0], subject)
    if outer is not None:
        return Candidate(*span, "mixed", subject.entity, 0.7, outer[0], outer[1])
    return Candidate(*span, "mixed", subject.entity, 0.7, cue, subject.mention)


def _participle_before_its_subject(text: str, after: Attribution) -> bool:
    """Whether the attribution after a quotation is a present participle ('saying',
    'adding') with the phrase it took for a speaker after it."""
    cue = text[after.cue[0] : after.cue[1]]
    return (
        cue.endswith("ing")
        and cue.islower()
        and after.mention is not None
        and after.mention[0] >= after.cue[1]
    )


def _passive_agent(
    registry: Registry, text: str, span: Span, lead: Span, cue: Span
) -> Speaker | None:
    """Who a passive labelling cue's 'by' names, before the quoted words ('known by some
    voters as a “…”') or after them ('was called “…” by Ola Nilsen'); None otherwise."""
    word = text[cue[0] : cue[1]].split()[-1].lower()
    if not (word.endswith("ed") or word in _IRREGULAR_PARTICIPLES):
        return None
    between = text[cue[1] : lead[1]]
    agent = _AGENT_BEFORE_LABEL.fullmatch(between)
    if agent is not None:
        start, end = cue[1] + agent.start("agent"), cue[1] + agent.end("agent")
    elif _NOTHING_BEFORE_LABEL.fullmatch(between):
        agent = _AGENT_AFTER_LABEL.match(text, span[1], span[1] + _AGENT_REACH)
        if agent is None:
            return None
        start, end = agent.span("agent")
    else:
        return None
    speaker = source_in(registry, text, start, end)
    return speaker if speaker.entity is not None else None


_IRREGULAR_PARTICIPLES = frozenset("known seen shown".split())  # -ed words pass already
# 'known by some voters as a “': the agent between the cue and the label.
_AGENT_BEFORE_LABEL = re.compile(
    r"\s+by\s+(?P<agent>[^,.;:!?“”\"]{2,60}?)\s+as\s+(?:an?\s+|the\s+)?(?:[“\"‘]\s*)?"
)
# 'called “', 'labeled as a “', 'called the “': only the label after the cue.
# The mark takes its own spaces, so no two runs of spaces meet (linear on a long run).
_NOTHING_BEFORE_LABEL = re.compile(r"\s*(?:as\s+)?(?:an?\s+|the\s+)?(?:[“\"‘]\s*)?")
# '” by Ola Nilsen, a professor': the agent after the label's closing mark, to a mark or
# a word that ends a noun phrase.
_AGENT_AFTER_LABEL = re.compile(
    r"[”\"’.,]*\s*by\s+(?P<agent>[^,.;:!?“”\"()—–]{2,80}?)"
    r"(?=\s*[,.;:!?“”\"()—–]|\s+(?:as|that|for|in|on|to|after|before|during|and|but)\b)"
)
_AGENT_REACH = 120  # characters after the label


# Between an outer cue and the pronoun that repeats its subject: up to 40 characters
# with no stop or quotation mark (a hearer: 'told the Ledger that he'), then an optional
# 'that' ('says he', 'added that she'); no comma, which may open a clause of its own
# ('Rusk says, but she warns that she …').
_TO_PRONOUN = re.compile(r"(?:\s+[^,.;:!?“”\"]{1,40}?)?\s+(?:that\s+)?")


def _same_subject_outer(
    registry: Registry, text: str, start: int, subject: Speaker | None
) -> tuple[Span, Span | None] | None:
    """The cue and mention of an attribution whose subject the mixed quote's subject only
    repeats as a pronoun: in 'He says he believes it has “…”' the one speaker says it,
    and the attribution that names him is 'He says', as annotators mark it."""
    mention = subject.mention if subject is not None else None
    if mention is None or subject.entity is None:
        return None
    if text[mention[0] : mention[1]].casefold() not in CLAUSE_SUBJECTS:
        return None
    outer_cue = cue_in(text, start, mention[0])
    if outer_cue is None or not _TO_PRONOUN.fullmatch(text, outer_cue[1], mention[0]):
        return None
    outer = subject_speaker_before(registry, text, start, outer_cue[0])
    if outer.entity is not subject.entity:
        return None
    return outer_cue, outer.mention


def _labelling(text: str, start: int, end: int) -> Span | None:
    """The labelling verb just before the quoted words ('branded the group an “', 'call
    them “'), if any."""
    start = _labelling_reach(text, start, end)
    if not may_label(text, start, end):
        return None
    match = LABELLING_LEAD.search(text, start, end)
    if match:
        return match.start("cue"), match.end("cue")
    match = NAME_CALLING_LEAD.search(text, start, end)
    return (match.start("call"), match.end("call")) if match and match.group("call") else None


# The labelling verbs' patterns end at the quotation mark, a verb and at most five words
# before it: tried from every position of a long lead, their hundreds of alternatives
# cost more than all else the quote's lead is read for.
_VERB_REACH = 200  # characters


def _labelling_reach(text: str, start: int, end: int) -> int:
    """Where a labelling pattern (LABELLING_LEAD, NAME_CALLING_LEAD) is searched from in
    the lead ``text[start:end]``: within its last ``_VERB_REACH`` characters, and there
    from where its last LABELLING_LEAD_WORDS words begin, the most a match spans; so it is
    not tried (and failed) from every position before."""
    start = _last_words(text, start, end)
    words = text[start:end].rsplit(maxsplit=LABELLING_LEAD_WORDS)
    if len(words) > LABELLING_LEAD_WORDS:
        return start + len(words[0])
    return start


def _last_words(text: str, start: int, end: int) -> int:
    """Where the lead ``text[start:end]``'s last ``_VERB_REACH`` characters begin, at a
    word's start (a cut word could read as another)."""
    if end - start <= _VERB_REACH:
        return start
    space = text.find(" ", end - _VERB_REACH, end)
    return end if space == -1 else space + 1


def _attributed(span: Span, attribution: Attribution) -> Candidate:
    return Candidate(*span, "direct", attribution.entity, 0.9, attribution.cue, attribution.mention)


def _unattributed_speaker(
    registry: Registry,
    text: str,
    lead: Span,
    *,
    running: Entity | None,
    previous: Entity | None,
) -> tuple[Entity | None, float]:
    """Whose a quote with no attribution of its own is, and how sure that is: the speaker
    of a quote running on, of the quote before it, or else the name nearest before it."""
    if running is not None:
        return running, 0.8
    if previous is not None:
        return previous, 0.8
    return nearby_speaker(registry, text, *lead), 0.55


def _not_speech(lead: str, content: str, words: list[str], *, after_quote: bool = False) -> bool:
    """'The so-called “green” buses', 'the report “Roads to Nowhere”'. ``after_quote``: a
    quote of the paragraph came before ('“…,” she said. “We’re Norway.”')."""
    if scare_before(lead):
        # A work's title is capitalised: 'expects the campaign “to go on …”' is speech.
        return not (content[:1].islower() and WORK_BEFORE.search(lead))
    if content.startswith("(") and content.rstrip(".")[-1:] == ")":
        return True  # a transcript's stage direction: '“(CROSSTALK.)”'
    reach = _labelling_reach(lead, 0, len(lead))
    if may_label(lead, reach, len(lead)) and NAME_CALLING_LEAD.search(lead, reach):
        return False  # 'hailed him as “The Comeback Kid”': a name put on someone
    if len(words) == 1 and words[0][:1].isupper() and _OWNER_NAME.search(lead):
        return True  # a programme's one-word name: 'told NBC’s “Today”'
    # American style puts the comma or stop inside the marks: '“Fox News Sunday,” Pence'.
    return _is_title(words) and (
        content.rstrip()[-1:] not in ".?!," or _titled(lead, words, after_quote)
    )


def _nickname(lead: str, words: list[str], tail: str) -> bool:
    """A nickname between a first name and a surname: 'Marta “Teddy” Ruiz', in a sentence
    rather than a headline in Title Case ('General Reveals ‘Demoralizing’ Experience')."""
    if not (
        len(words) <= 2
        and all(w[:1].isupper() and w.isalpha() for w in words)
        and lead.endswith(" ")
        and tail[:1] == " "
        and tail.lstrip()[:1].isupper()
    ):
        return False  # most quotes: no need to read the whole lead's words
    lead_words = lead.split()
    first = lead_words[-1] if lead_words else ""
    headline = len(lead_words) > 1 and not any(w[:1].islower() for w in lead_words)
    return not headline and first.isalpha() and first[:1].isupper()


def _titled(lead: str, words: list[str], after_quote: bool) -> bool:
    """A title followed by its punctuation: two to six Title Case words after 'of', 'on',
    'in' or an owner ('Fox News’s'), or alone in a sentence ('“All Bets Are Off.”') that
    no quote of its paragraph comes before (there it is more of that speech)."""
    last = lead.rstrip().split()[-1:] or [""]
    after_owner = last[0].endswith(("’s", "'s"))  # 'on CNN’s “State of the Union.”'
    return 2 <= len(words) <= 6 and (
        (not lead.strip() and not after_quote) or last[0].casefold() in _TITLE_AFTER or after_owner
    )


# A capitalised owner's possessive right before the marks: 'Fox News Channel’s “'.
_OWNER_NAME = re.compile(r"\b[A-Z][\w.]*['’]s\s*$")
_TITLE_AFTER = frozenset("of on in to from at with told tells".split())


def _is_title(words: list[str]) -> bool:
    """Title Case words such as a report's or a film's name."""
    letters = []
    for w in words:
        if any(ch.isalpha() for ch in w):
            letters.append(w)
            if len(letters) > 8:
                return False  # told at the ninth word, not after reading a long quote's all
    if not letters:
        return False
    capitalised = [w for w in letters if w[0].isupper() or w.lower() in SMALL_WORDS]
    return len(capitalised) == len(letters) and sum(w[0].isupper() for w in letters) >= 2


def _sentence(content: str) -> bool:
    """Quoted words that make a sentence of their own: a capital, then a stop."""
    return content[:1].isupper() and content.rstrip()[-1:] in ".?!" and len(content.split()) >= 3


def _trim_comma(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in ", ":
        end -= 1
    return end
