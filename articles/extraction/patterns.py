"""Attribution patterns: the verbs that report speech, the subjects that speak, and the
shapes an attribution takes around a quote ('…,” said Hansen', 'Hansen said: “…') or a
reported clause ('Hansen believes that …', '…, the ministry said').

Word lists first, then the patterns built from them. The lists are the places to tune:
a verb added to SPEECH_VERBS becomes a cue beside quotation marks and in dash
paragraphs; one added to REPORTING_VERBS introduces reported speech. Order matters only
as it does in any regular expression alternation: the first entry that fits wins.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def _listed(block: str) -> tuple[str, ...]:
    """The comma-separated entries of ``block``, in order."""
    return tuple(entry.strip() for entry in block.split(",") if entry.strip())


# Compiling a branched list costs some 0.4M instructions more than a plain one, as much as
# a few hundred searches save: lists that are searched seldom stay plain.
def alternation(entries: Iterable[str]) -> str:
    """``entries`` as one alternation, those that open with the same letter under one
    branch ('s(?:ays|aid|ay)|t(?:ells|old)'). The regex engine enters a branch only where
    its first letter stands, so a word is tried against a score of branches rather than
    against each of a hundred verbs. Entries keep their order within their letter, the
    only order that can decide a match: two with different first letters (lower case,
    so none matches another's letter in any case) never both match at one place."""
    branches: dict[str, list[str]] = {}
    for entry in entries:
        # A lower-case letter, then the rest as a regex of its own: no '|' of its own,
        # no quantifier on the letter.
        letter, after = entry[:1], entry[1:2]
        if (
            not (letter.isascii() and letter.islower())
            or "|" in entry
            or after in ("?", "*", "+", "{")
        ):
            raise ValueError(f"{entry!r}: not a letter, then a regex of its own")
        branches.setdefault(entry[0], []).append(entry[1:])
    return "|".join(f"{letter}(?:{'|'.join(rests)})" for letter, rests in branches.items())


# -- word lists ---------------------------------------------------------------------------

# Verbs that attribute a quote: '…,” she said', '– …, says Hansen', 'Hansen warned: “…'.
SPEECH_VERBS = _listed(
    """
    says, said, say, tells, told, adds, added, explains, explained, writes, wrote, claims,
    claimed, continues, continued, notes, noted, points out, pointed out, insists, insisted,
    warns, warned, argues, argued, asks, asked, replies, replied, states, stated, stresses,
    stressed, concludes, concluded, believes, believed, thinks, thought, admits, admitted,
    comments, commented, emphasises, emphasised, emphasizes, emphasized, underlines,
    underlined, recalls, recalled, promised, promises, announced, announces, confirms,
    confirmed, suggests, suggested, predicts, predicted, fears, feared, hopes, hoped, calls,
    called, describes, described, maintains, maintained, acknowledged, acknowledges,
    estimates, estimated, expects, expected, doubts, doubted, denies, denied, agrees, agreed,
    urged, urges, cautioned, cautions, reckons, reckoned, wonders, wondered, complains,
    complained, objects, objected, tweeted, tweets, tweeting, writing, saying, adding,
    noting, asking, telling, explaining, declared, declares, exclaimed, blurted out,
    shouted, yelled, answered, asserted, asserts, remarked, quipped, joked, observed,
    responded, responds, testified, texted, emailed, posted, typed, reported, reports,
    recounted, countered, retorted, mused, boasted, bragged, vowed, charged, alleged,
    reiterated, repeated, concluding, warning, insisting, arguing, calling, describing,
    interjected, interjects, interjecting, demands, demanded, scoffed, barked, shot back,
    confessed, reads, read,
    put it
    """
)
# Speech verbs that after a closing mark name the quote rather than attribute it
# ('“Green”, called the ministry’s plan …').
NAMING_VERBS = ("called", "calls", "calling", "described", "describes", "describing")

# Verbs that put quoted words in a speaker's mouth without a clause: 'branded the
# group an “…”', 'exhorted voters to “…”', 'pounding him as a “…”'; a cue for a mixed quote
# close after them, however short the quote.
LABELLING_VERBS = _listed(
    """
    brand, brands, branding, branded, label, labels,
    labeling, labelling, labeled, labelled, liken, likens, likening, likened, hail, hails,
    hailing, hailed, exhort, exhorts, exhorting, exhorted, blast, blasts, blasting,
    blasted, pound, pounds, pounding, pounded, decry, decries, decrying, decried,
    denounce, denounces, denouncing, denounced, slam, slams, slamming, slammed, chant,
    chants, chanting, chanted, blame, blames, blaming, blamed, proclaim, proclaims,
    proclaiming, proclaimed, characterize, characterizes, characterizing, characterized,
    characterise, characterises, characterising, characterised, lambaste, lambastes,
    lambasting, lambasted, deride, derides, deriding, derided, mock, mocks, mocking,
    mocked, bemoan, bemoans, bemoaning, bemoaned, lament, laments, lamenting, lamented,
    reference, references, referencing, referenced, refer to, refers to, referring to,
    referred to, criticize, criticizes, criticizing, criticized, criticise, criticises,
    criticising, criticised, dismiss, dismisses, dismissing, dismissed, condemn, condemns,
    condemning, condemned, ridicule, ridicules, ridiculing, ridiculed, tout, touts, touting,
    touted, praise, praises, praising, praised, encourage, encourages, encouraging,
    encouraged, went after, goes after, gone after, going after
    """
)
# Verbs that introduce reported speech: 'Hansen believes (that) the grid will fail'.
REPORTING_VERBS = _listed(
    """
    believes, believed, thinks, thought, claims, claimed, warns, warned, argues, argued,
    says, said, insists, insisted, fears, feared, expects, expected, hopes, hoped, doubts,
    doubted, stresses, stressed, explains, explained, adds, added, admits, admitted, notes,
    noted, suggests, suggested, predicts, predicted, estimates, estimated, maintains,
    maintained, acknowledged, acknowledges, confirms, confirmed, announced, announces,
    points out, pointed out, emphasises, emphasised, emphasizes, emphasized, concludes,
    concluded, reckons, reckoned, promised, promises, cautioned, cautions, complains,
    complained, told reporters, writes, wrote, denied, denies, say, believe, think, claim,
    warn, argue, insist, fear, expect, hope, doubt, stress, explain, admit, note, suggest,
    predict, estimate, maintain, acknowledge, confirm, concede, contend, allege, worry,
    agree
    """
)
# Words that attribute what follows or precedes them as speech, belief or knowledge:
# the cue model (cues.py) is trusted on these alone; on any other word it finds (PolNeAR
# counts 'defended the plan' and 'opposed the bill'), only when a clause follows.
ATTRIBUTING_WORDS = frozenset(
    _listed(
        """
    say, says, said, saying, tell, tells, told, telling, add, adds, added, adding, note,
    notes, noted, noting, write, writes, wrote, writing, written, tweet, tweets, tweeted,
    tweeting, argue, argues, argued, arguing, claim, claims, claimed,
    claiming, insist, insists, insisted, insisting, warn, warns, warned, warning, suggest,
    suggests, suggested, suggesting, assert, asserts, asserted, declare, declares,
    declared, reveal, reveals, revealed, report, reports, reported, reporting, indicate,
    indicates, indicated, indicating, show, shows, showed, showing, shown, find, finds,
    found, believe, believes, believed, believing, think, thinks, thought, thinking, feel,
    feels, felt, know, knows, knew, understand, understands, understood, realize,
    realizes, realized, learn, learned, learnt, hope, hopes, hoped, hoping, fear, fears,
    feared, worry, worries, worried, wonder, wonders, wondered, doubt, doubts, doubted,
    agree, agrees, agreed, contend, contends, contended, allege, alleges, alleged,
    testify, testified, concede, concedes, conceded, recall, recalls, recalled, predict,
    predicts, predicted, estimate, estimates, estimated, expect, expects, expected,
    acknowledge, acknowledges, acknowledged, admit, admits, admitted, deny, denies,
    denied, confirm, confirms, confirmed, announce, announces, announced, explain,
    explains, explained, state, states, stated, stress, stresses, stressed, emphasize,
    emphasizes, emphasized, emphasise, emphasises, emphasised, maintain, maintains,
    maintained, reply, replies, replied, respond, responds, responded, answer, answers,
    answered, ask, asks, asked, complain, complains, complained, speculate, speculated,
    remark, remarked, observe, observes, observed, quip, quipped, joke, joked, boast,
    boasted, brag, bragged, vow, vows, vowed, promise, promises, promised, pledge,
    pledged, threaten, threatened, urge, urges, urged, demand, demands, demanded, caution,
    cautioned, advise, advised, recommend, recommended, propose, proposed, according,
    point, points, pointed, conclude, concludes, concluded, continue, continues,
    continued, reckon, reckons, reckoned, mention, mentions, mentioned, announce,
    insisted, blame, blamed, accuse, accused, accuses, charge, charged, reiterated,
    repeated, cited, citing, recounted, described, opined, countered, retorted, sees,
    predicting, announcing, warns, informed, assured, reminded, believe, view, views,
    thinks, argument, claims, belief, sense, senses, sensed, recalling, urging, remarking,
    asking, declaring, responding, answering, reminding, advising, promising, pledging,
    repeating, describing, wondering, vowing, confirming, admitting, threatening,
    demanding, asserting, fearing, conceding, alleging, worrying, stressing, expecting,
    proposing, stating, accusing, emphasizing, emphasising, explaining, acknowledging,
    mentioning, blaming, commenting, contending, concluding, joking, bragging,
    boasting, assure, assures, assuring, remind, reminds, hint, hints, hinted, hinting,
    noticed
    """
    )
)

# Reporting to someone (regular expressions): 'told Reuters', 'told the council', 'tells NRK'.
REPORTING_TO = (
    r"told [A-Z][\w-]*(?: [A-Z0-9][\w-]*)*",
    r"told the [A-Za-z ]+?(?= that\b)",  # 'told the debate audience that …'
    r"told the [A-Za-z ]+?",
    r"tells [A-Z][\w-]*",
    r"told [a-z]+",
)
# Where reported speech was said, between the verb and the clause: 'said in a statement'.
SAID_IN = _listed("statement, letter, interview, email, post, press release, written statement")
# Verbs of a clause that ends in its attribution: 'The ferry will stop, the ministry said.'
SAID_AFTER_CLAUSE = ("said", "says", "announced", "confirmed", "reported", "warned")
SAID_BEFORE_SPEAKER = ("said", "says")  # 'The ferry will stop, said the ministry.'
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
# After a cue, when or where it was said and then a comma: 'said Friday afternoon, as
# they …', 'said in a June report, and …'; what follows that comma is not what was said.
WHEN_THEN_COMMA = re.compile(
    r"\s*(?:(?:on|in|at|during|after|before|last|this|earlier|later|late|early|yesterday|"
    rf"today|tonight|{WEEKDAY})\b"
    # … unless a subject pronoun opens the clause: 'said Friday she, too, wants …'.
    r"(?!\s+(?:he|she|they|we|I)\b)"
    r"[^,.;:!?“”\"]{0,40},\s"
    # … unless the clause follows: 'says at a stop in Toledo, Ohio, that it means …'.
    r"(?!that\b)(?![^,.;:!?“”\"]{0,30},\s+that\b)"
    # 'said Friday as he entered the talks': a day, then when it was said.
    rf"|(?:yesterday|today|tonight|{WEEKDAY})"
    r"\s+(?:as|when|while|after|before)\s)"
)
# Verbs of saying that may follow the clause they attribute: '…, she said in an interview',
# 'The plan, he argues, will fail', '…, two surveys have shown'.
SAYING_VERBS = frozenset(
    _listed(
        """
    said, says, told, tells, added, adds, argued, argues, wrote, writes, noted, notes,
    explained, explains, recalled, recalls, insisted, insists, contended, contends,
    maintained, maintains, claimed, claims, warned, warns, acknowledged, acknowledges,
    conceded, concedes, testified, shown
    """
    )
)
# The end of a clause that another attribution closes: '…, sources said', ', the
# company's lawyer added on Monday', ', officials said in a statement'.
_TRAILING_ATTRIBUTION = re.compile(
    r",\s+(?!(?:and|but|or|which|who|that|as|while)\b)[^,.;:!?“”\"]{1,60}?\s"
    rf"(?:{alternation(sorted(SAYING_VERBS))})"
    r"(?:\s+(?:on\s+)?\w+day|\s+(?:in|at|on|during)\s+[^,.;:!?“”\"]{1,40})?[.!?]?\s*$"
)
_TRAILING_REACH = 120  # characters: the attribution is read at the content's end only


def before_trailing_attribution(text: str, start: int, end: int) -> tuple[int, int]:
    """The content ``text[start:end]`` without an attribution that closes it ('… at the
    border, sources said' ends at 'border')."""
    reach = max(start, end - _TRAILING_REACH)
    if text.find(",", reach, end) == -1:
        return start, end  # the attribution opens with a comma: most contents are spared
    match = _TRAILING_ATTRIBUTION.search(text, reach, end)
    return (start, match.start()) if match and match.start() > start else (start, end)


def before_contrast(text: str, start: int, end: int) -> int:
    """Where the content ``text[start:end]`` ends when the writer goes on with a clause of
    their own: 'said the levy was too high, but he voted for it' ends at 'high'."""
    match = _CONTRAST.search(text, start, end)
    if match is None or len(text[start : match.start()].split()) < _CONTRAST_MIN_WORDS:
        return end
    return match.start()


# A comma or dash, then a word that sets a new clause against the reported one ('but',
# 'though') or 'and' before a subject pronoun ('…, and she accused …'): PolNeAR's
# annotators end the content there six times as often as they run it on. A modal or a
# backshifted auxiliary after the pronoun still reports ('…, and he would vote no').
_CONTRAST = re.compile(
    r"(?:,|\s[—–-]+)\s+(?:(?:but|though|although|even\s+as|yet)\s+"
    r"(?!(?:not|also|only|rather|instead|too|still|that|for|then|now|never)\b)"
    r"(?:he|she|they|it|we|I|you|there|this|the|his|her|their|its|a|an|[A-Z][\w’'-]*)\b"
    r"|and\s+(?:he|she|they|I|we)(?=\s))(?!\s+(?:would|could|should|might|had|was\s+going)\b)"
)
_CONTRAST_MIN_WORDS = 3


# What follows a reporting verb without being a reported clause ('thinks about it').
NOT_A_CLAUSE = ("to ", "so ", "of ", "about ", "in ", "with ")

ADVERBS = _listed(
    "also, still, now, often, therefore, however, further, even, nevertheless, clearly, firmly"
)
# Nouns that end like an adverb: 'Her family said' is no 'Her, reportedly, said'.
LY_NOUNS = frozenset(
    """family assembly supply monopoly anomaly daily weekly monthly quarterly ally rally
    belly bully folly italy july""".split()
)
LY_ADVERB = rf"(?!(?:{'|'.join(sorted(LY_NOUNS))})\b)\w+ly"
# 'The ministry said': the nouns for which "the <noun>" is an organisation speaking.
ORG_NOUNS = """
    ministry department company agency council authority association union police
    government committee commission board municipality county city firm directorate
    report study survey institute bank airline court hospital school club
    organisation organization federation group party office administration service
    operator society audit
""".split()

# -- building blocks ----------------------------------------------------------------------

CUE = alternation(SPEECH_VERBS)
REPORTING = alternation(REPORTING_VERBS + REPORTING_TO)
ADVERB = rf"(?:(?:{'|'.join(ADVERBS)})\s+)?"

# Who speaks: a pronoun, "the (adjective) ministry", or up to four capitalised words.
SUBJECT_PRONOUN = r"(?:[Hh]e|[Ss]he|[Tt]hey)"
ORG_NOUN = rf"(?:[Tt]he\s+(?:[a-z]+\s+)?(?P<noun>{'|'.join(ORG_NOUNS)}))"
CAPITALISED = r"(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'-]*"
CAPITALISED_NO_INITIALS = r"(?:[A-Z][\w’'-]*\s+){0,3}[A-Z][\w’'-]*"
SUBJECT = rf"{SUBJECT_PRONOUN}|{ORG_NOUN}|{CAPITALISED}"

PRONOUN = re.compile(SUBJECT_PRONOUN)  # use with fullmatch
ORG_PHRASE = re.compile(ORG_NOUN)  # use with fullmatch
ORG_AT_END = re.compile(ORG_NOUN + r"\s*$")
PRONOUN_AT_END = re.compile(rf"(?:^|\s){SUBJECT_PRONOUN}$")
# What follows a name in an attribution phrase: 'Arve Hansen to TV 2', 'Hansen (45)'.
AFTER_NAME = re.compile(
    r"\s+(?:to|in|at|on|during|after|before|when|while|from|via|for|with|as|about|"
    r"last|this|earlier|later|yesterday|today|on)\b.*$|\s*\(.*$"
)
# 'Beatriz Olmos, who runs a bakery, described': the clause about the subject.
# An apposition ('X, the lawyer, said') is closed by its comma; one left open is the
# sentence going on after an opening phrase ('After the vote, the board said').
RELATIVE_CLAUSE = re.compile(r",\s+(?:(?:who|which|whose)\b[^,]*,?|(?:the|a|an|now|then)\b[^,]*,)")
LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+")
LEADING_ARTICLE_ANY_CASE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)

# -- around quotation marks ---------------------------------------------------------------

# After a closing mark: '…,” said Dana Whitfield', '…,” she said'.
# A name to the next comma or stop, an initial's or a title's stop kept: 'Charles B.
# Rangel', 'the Rev. Peter Wherry', 'Army Capt. Ana Ruiz', and initials written together,
# 'T.J. Holloway'.
# An office's stop before a second office is kept too: 'said former Vestland Gov. and party
# Chairman Ola Lund', whose name is after both (up to two lower-case words before the
# second office's capital: 'party', 'deputy party').
_INITIAL_STOP = (
    r"(?:(?<=\b[A-Z])\.(?=[A-Z]\.)|(?:(?<=\b[A-Z])|(?<=\b(?:Dr|Mr|Ms|Lt|St))"
    r"|(?<=\b(?:Rev|Mrs|Sen|Rep|Gov|Gen|Col|Sgt|Adm))|(?<=\b(?:Capt|Prof|Msgr)))\.(?=\s[A-Z])"
    r"|(?:(?<=\b(?:Sen|Rep|Gov|Gen|Col|Sgt|Adm))|(?<=\b(?:Capt|Prof)))"
    r"\.(?=\sand\s(?:[a-z]+\s){0,2}[A-Z]))"
)
INITIALLED = rf"(?:[^.,;:!?“”\"]|{_INITIAL_STOP})+"
CUE_THEN_SPEAKER = re.compile(
    rf"\s*[,:]?\s*(?P<cue>{CUE})\s+(?P<who>{SUBJECT_PRONOUN}\b|{ORG_NOUN}|{INITIALLED})"
)
# After a closing mark: '…,” Whitfield said'.
SPEAKER_THEN_CUE = re.compile(rf"\s*[,:]?\s*(?P<who>{SUBJECT})\s+{ADVERB}(?P<cue>{CUE})\b")
# Before an opening mark, at the end of the sentence's lead: 'Whitfield said: “'.
SPEAKER_CUE_COLON = re.compile(
    rf"(?P<who>{SUBJECT})(?:,[^,]*,)?\s+{ADVERB}(?P<cue>{CUE})\b[^:,]*?[:,]\s*$"
)
_LABELLING = alternation(LABELLING_VERBS)
# Up to five words from a labelling verb to the quotation mark that ends the lead.
_WORDS_TO_MARK = 5
_LABELLING_TO_MARK = rf"(?:\s+[^\s,;:.!?“”\"]+){{0,{_WORDS_TO_MARK}}}"
# How many words (runs between white space) of the lead's end LABELLING_LEAD and
# NAME_CALLING_LEAD can span: the longest verb's and five more.
LABELLING_LEAD_WORDS = max(len(verb.split()) for verb in LABELLING_VERBS) + _WORDS_TO_MARK
# A labelling verb at most five words before the quotation mark that ends the lead; it
# may open the sentence ('Bemoaning the “…”').
LABELLING_LEAD = re.compile(rf"\b(?P<cue>{_LABELLING})\b{_LABELLING_TO_MARK}\s*$", re.IGNORECASE)
# A stem each labelling verb holds (tests check every one does), and 'call': a lead that
# holds none of them (most) holds no match of LABELLING_LEAD or NAME_CALLING_LEAD.
LABELLING_STEMS = tuple(
    """brand label liken hail exhort blast pound decr denounc slam chant blam proclaim
    characteri lambast derid mock bemoan lament refer critici dismiss condemn
    ridicul tout prais encourag after call""".split()
)


def may_label(text: str, start: int, end: int) -> bool:
    """False when ``text[start:end]`` holds no labelling verb, nor 'call': a few plain tests
    spare most leads LABELLING_LEAD's and NAME_CALLING_LEAD's hundreds of alternatives."""
    lead = text[start:end]
    # Other letters may match an ASCII one under IGNORECASE ('ſ' for 's'): such a lead is
    # left to the search.
    if not lead.isascii():
        return True
    lead = lead.lower()
    return any(stem in lead for stem in LABELLING_STEMS)


# A labelling verb anywhere in the lead: the cue of a quote long enough to be speech
# ('blasted the panel for saying the deal was “only partial and late”').
LABELLING_WORD = re.compile(rf"\b(?P<cue>{_LABELLING})\b", re.IGNORECASE)
# Whose view the quoted words give, just before the mark: 'because to her, “…”'.
VIEWPOINT_LEAD = re.compile(r"\b(?P<cue>[Tt]o)\s+(?P<who>him|her|them|[A-Z][\w’'-]*),\s*$")
# A verb that calls someone names just before the quotation mark: what follows in Title
# Case is a name put on someone ('called her “Miss Piggy”'), no title. 'Call' counts
# only with its object next ('a plan called “…”' and 'calls to his “…”' name a title),
# and not when that is a thing ('call it “the Crow’s Nest”' names a place).
NAME_CALLING_LEAD = re.compile(
    rf"(?:\b(?:{_LABELLING})\b{_LABELLING_TO_MARK}"
    r"|\b(?P<call>call|calls|called|calling)\s+(?!(?:it|this|that)\b)"
    r"(?:(?!(?:to|from|into|on|in|for|at|with)\b)[^\s,;:.!?“”\"]+\s*){1,4})\s*$"
)
# A cue anywhere in the lead of a mixed quote: 'Hansen said the plan was “a disaster”'.
CUE_WORD = re.compile(rf"\b(?:{CUE}|according to)\b")

# The kinds of work whose title may follow them in quotation marks: 'the report “…”'.
_WORK_KIND_WORDS = (
    "report book film novel song album play series show documentary campaign project "
    "programme program plan strategy slogan law bill act article column study exhibition "
    "festival podcast"
).split()
_WORK_KINDS = rf"(?:{'|'.join(_WORK_KIND_WORDS)})"
# The end of a lead that names a work: 'the campaign “'.
WORK_BEFORE = re.compile(rf"the {_WORK_KINDS}\s*$", re.IGNORECASE)
# Not speech: the words before a scare quote or a title.
SCARE_BEFORE = re.compile(
    # A name given with its article: 'what became known as the “…”', 'dubbed a “…”'.
    r"(?:so-called|so called|(?:dubbed|nicknamed|known as)(?:\s+(?:the|a|an))?|"
    r"the (?:title|name|headline|motto|banner)|"
    rf"the {_WORK_KINDS}|titled|"
    # A work's name after its kind: 'in his 2002 book, “…”', 'the civil rights anthem “…”',
    # 'on Ms. Lund's show, “…”'.
    r"(?:the|his|her|their|its|a|an|[A-Z][\w.]*['’]s)\s+(?:[\w-]+\s+){0,3}?(?:book|film|"
    r"novel|song|album|documentary|podcast|anthem|memoir|poem|essay|show|series),?|"
    r"entitled|named|the word|the term|the phrase|the label)\s*$",
    re.IGNORECASE,
)
# How many words (runs between white space) at the lead's end SCARE_BEFORE can span: a
# work's name after its kind, 'his [2002 civil rights] book,', the longest of its forms.
_SCARE_BEFORE_WORDS = 5
# The words SCARE_BEFORE can end on, before its comma and white space: most leads end on
# none of them, and then SCARE_BEFORE need not be tried from each of their positions.
_SCARE_LAST_WORDS = (
    *"called dubbed nicknamed as the a an title name headline motto banner".split(),
    *_WORK_KIND_WORDS,
    *"titled book film novel song album documentary podcast anthem memoir poem essay show".split(),
    *"series named word term phrase label".split(),
)
_SCARE_LAST = re.compile(rf"(?:{'|'.join(_SCARE_LAST_WORDS)})\Z", re.IGNORECASE)
_SCARE_LAST_REACH = 16  # characters: more than its longest word's


def _ends_on_scare_word(tail: str) -> bool:
    """Whether ``tail`` ends on one of _SCARE_LAST_WORDS, in any case: _SCARE_LAST's search."""
    end = tail[-_SCARE_LAST_REACH:]
    # Most leads end in ASCII, where a plain test says it with no search from each position;
    # other letters may match an ASCII one under IGNORECASE ('ſ' for 's'): those are searched.
    if end.isascii():
        return end.lower().endswith(_SCARE_LAST_WORDS)
    return _SCARE_LAST.search(tail, max(0, len(tail) - _SCARE_LAST_REACH)) is not None


def scare_before(lead: str) -> bool:
    """Whether SCARE_BEFORE finds the words before a scare quote or a title in ``lead``."""
    tail = lead.rstrip().removesuffix(",")
    if not _ends_on_scare_word(tail):
        return False
    # Searched from where the lead's last words begin, not tried from each position before.
    words = lead.rsplit(maxsplit=_SCARE_BEFORE_WORDS)
    start = len(words[0]) if len(words) > _SCARE_BEFORE_WORDS else 0
    return SCARE_BEFORE.search(lead, start) is not None


# -- at the end of a dash paragraph -------------------------------------------------------

# '– We have no choice, says port director Sigrun Haldorsen to Vesterhavn Posten.'
TRAILING_CUE_THEN_SPEAKER = re.compile(rf",\s+(?P<cue>{CUE})\s+(?P<who>[^.?!]+?)\s*[.!?]?$")
# '– We have no choice, Haldorsen says.'
TRAILING_SPEAKER_THEN_CUE = re.compile(
    rf",\s+(?P<who>{SUBJECT_PRONOUN}|{ORG_NOUN}|{CAPITALISED_NO_INITIALS})\s+{ADVERB}"
    rf"(?P<cue>{CUE})\b[^.?!]*[.!?]?$"
)

# -- reported speech ----------------------------------------------------------------------

# 'According to the ministry, prices will fall.'
ACCORDING_TO_FIRST = re.compile(
    r"(?:[A-Z][^,]*?\s)?[Aa]ccording to (?P<who>[^,]+),\s+(?P<clause>.+)$"
)
# 'As first reported by the Ledger, the council will close two schools.': the source is
# the agent of the opening passive, its clause what follows the comma. After 'in' it is
# one only when it names an outlet ('in the Daily Ledger', not 'in March').
AS_REPORTED_BY = re.compile(
    r"As\s+(?:(?:was|first|previously|originally|earlier|also)\s+)*"
    r"(?P<cue>reported|noted|revealed|disclosed|stated)\s+(?:first\s+)?(?P<by>by|in)\s+"
    r"(?P<who>[^,]+),\s+(?P<clause>.+)$"
)
# 'Prices will fall, according to the ministry.'
ACCORDING_TO_LAST = re.compile(r"(?P<clause>.+?),\s+according to (?P<who>[^,.]+)[.!]?$")
# 'The ferry will stop in May, the ministry said on Monday.'
CLAUSE_THEN_SPEAKER = re.compile(
    rf"(?P<clause>[A-Z].{{12,}}?),\s+(?:(?P<who>{SUBJECT})\s+"
    rf"(?P<cue>{'|'.join(SAID_AFTER_CLAUSE)})|(?P<cue2>{'|'.join(SAID_BEFORE_SPEAKER)})"
    rf"\s+(?P<who2>(?:[^.]|{_INITIAL_STOP})+?))(?:\s+(?:on\s+)?\w+day)?"
    rf"(?:\s+in\s+(?:an?|his|her|their|its)\s+(?:\w+\s+)?(?:{'|'.join(SAID_IN)}|report))?"
    r"(?:\s+(?:on\s+)?\w+day)?[.!]?$"
)
# 'Energy researcher Ola Nygaard believes that the grid will fail.', 'Dahl said Friday
# the talks would fail.'
DAY = (
    WEEKDAY + r"(?!\s+(?:is|was|will|would|has|had|could|might)\b)"  # 'said Friday is the deadline'
)
# 'earlier', 'late' before the time it qualifies ('told the Ledger [earlier] this week',
# 'said [early] Friday'): part of when it was said, never the clause's first word; alone
# it may be an adjective of the clause ('said earlier reports were wrong').
NEARER_TIME = (
    r"(?:earlier|later|late|early)\s+"
    rf"(?=(?:on|in|at|last|this|today|yesterday|tonight|{WEEKDAY})\b)"
)
SPEAKER_THEN_CLAUSE = re.compile(
    # An apposition is no bare pronoun: in 'At the ministry, she said' she speaks. One
    # its comma does not close ends at the first verb of saying ('Ultimately, Lund hopes
    # to offset the expected costs': 'hopes', not 'expected').
    rf"(?:^|(?<=[\s,]))(?P<who>{SUBJECT})(?:,(?!\s*{SUBJECT_PRONOUN}\s)(?:[^,]{{3,160}},|[^,]{{3,160}}?)|,)?\s+"
    rf"{ADVERB}"
    rf"(?P<cue>{REPORTING})\s+(?:(?:on|in|at|last|this)\s+\w+\s+|in an? (?:{'|'.join(SAID_IN)})"
    rf"\s+|{DAY}\s+|{NEARER_TIME})*(?:that\s+)?(?P<clause>\S.+)$"
)
# SPEAKER_THEN_CLAUSE's verb stands between spaces, so a sentence with none of these
# first words as a word of its own has no match: a test far cheaper than the search,
# which tries a subject at every position of the sentence.
REPORTING_FIRST_WORDS = frozenset(
    verb.split(" ", 1)[0] for verb in (*REPORTING_VERBS, *REPORTING_TO)
)
