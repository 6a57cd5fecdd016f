"""Where a reported content lies around its cue, and where it ends: the clause after the
cue ('said [the ferry will stop]', 'told reporters on Monday that [...]'), a clause broken
by its attribution ('The plan, he said, will fail'), what a demand asks for ('called for
[a review]') or a reason gives ('citing [the cost]'), and the stops a content keeps to: the
next cue's 'and', the comma before a main clause, a participle after an attribution. And
what only seems a content: a passive cue's agent ('reported [by the Ledger]'), and the
audience or the circumstance after a quotation's cue ('“…,” she told [reporters]').

around_cues.py decides which of these shapes a cue has; the spans are read here, from the
sentence's text and tokens alone (no registry, no model)."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace
from itertools import islice
from operator import itemgetter

from articles.extraction import cues
from articles.extraction.addressees import ASKING, TELLING, clause_after_addressee
from articles.extraction.aside_ends import aside_close
from articles.extraction.aside_openings import ASIDE_RELATIVES
from articles.extraction.asides import CONNECTIVES
from articles.extraction.clause_shapes import (
    BOUNDARY_WORDS,
    CLAUSE_OPENERS,
    FINITE,
    PREPOSITIONS,
    TIMES,
    Token,
    adverb,
    agent_end,
    last_comma_before,
    participle,
    skip_auxiliaries,
    subject_pronoun,
    words_back,
    zero_that_clause,
)
from articles.extraction.cue_subjects import DETERMINERS
from articles.extraction.demonstratives import demonstrative
from articles.extraction.handoff import WORD
from articles.extraction.model import Candidate
from articles.extraction.patterns import (
    REPORTING_VERBS,
    SAYING_VERBS,
    WHEN_THEN_COMMA,
    before_contrast,
    before_trailing_attribution,
)

# After a cue, words that make the rest of the sentence its time, place or audience
# rather than what was said: 'said on Monday', 'told reporters'.
NOT_CONTENT = frozenset(
    """on in at during last this earlier later yesterday today tonight recently monday
    tuesday wednesday thursday friday saturday sunday week month year morning afternoon
    evening night the a an to reporters""".split()
)


def participle_of_attribution(
    sentence: list[Token], first: int, candidate: Candidate, found: list[Candidate]
) -> Candidate:
    """'The ferry will stop, the ministry said on Monday, citing falling traffic': a
    participle after an attribution that ends its sentence's clause is that speaker's."""
    at = skip_auxiliaries(sentence, first)
    if not (at > 0 and sentence[at - 1][2] == "," and participle(sentence[first][2])):
        return candidate
    for before in reversed(found):
        if before.cue and before.end <= before.cue[0] and before.cue[1] <= sentence[at - 1][0]:
            return replace(candidate, entity=before.entity, mention=before.mention)
    return candidate


def before_next_verb(sentence: list[Token], candidate: Candidate, groups) -> Candidate:
    """'Police announced an arrest and said a curfew would continue': a content that
    runs into the subject's next cue ends at the 'and' (or a participle's comma) before
    it."""
    for first, _, _ in groups:
        at = skip_auxiliaries(sentence, first)
        if (
            at > 0
            and sentence[at - 1][2] == ","
            and participle(sentence[first][2])
            and candidate.start < sentence[at - 1][0] < candidate.end
        ):
            # '…said he doubted it, arguing that …': the participle's clause is its own.
            return replace(candidate, end=sentence[at - 1][0])
        if (
            at > 0
            and sentence[at - 1][2].lower() == "and"
            and candidate.start < sentence[at - 1][0] < candidate.end
        ):
            before = at - 2
            while before > 0 and sentence[before][2] in ",;":
                before -= 1
            if sentence[before][1] > candidate.start:
                return replace(candidate, end=sentence[before][1])
    return candidate


def before_main_clause(
    sentence: list[Token], first: int, candidate: Candidate, groups
) -> Candidate:
    """'While he allowed that his members lean left, he estimated …', 'Okafor, who
    estimated that a third were members, said …': a cue in a clause that opens the
    sentence, or in a relative clause between commas, attributes only up to the comma
    after which the main clause's subject and cue come. Otherwise its content would hold
    the main clause's cue and be taken for the same attribution, and dropped."""
    if not _in_subordinate_clause(sentence, first):
        return candidate
    for other, _, _ in groups:
        if other <= first:
            continue
        comma = _comma_before_subject(sentence, other)
        if comma is not None and candidate.start < sentence[comma][0] < candidate.end:
            return replace(candidate, end=sentence[comma][0])
    return candidate


def _in_subordinate_clause(sentence: list[Token], first: int) -> bool:
    """Whether the cue at ``first`` is the verb of a relative clause set off by a comma
    (', who estimated') or of a clause a subordinating word opens the sentence with
    ('While he allowed', 'When the mayor suggested')."""
    at = skip_auxiliaries(sentence, first)
    if at >= 2 and sentence[at - 1][2].lower() in ASIDE_RELATIVES and sentence[at - 2][2] == ",":
        return True
    return (
        first > 1
        and sentence[0][2].lower() in _SUBORDINATORS
        and all(w != "," for _, _, w in sentence[1:first])
    )


# Words that open a sentence with a clause that is not its main one.
_SUBORDINATORS = frozenset(
    "while when as if although though after before because since once whereas unless".split()
)


def _comma_before_subject(sentence: list[Token], cue: int) -> int | None:
    """The comma before the subject of the cue at ``cue`` (', he estimated', ', the
    board ruled'), or before the cue itself (', said Okafor'); None when none is near."""
    at = skip_auxiliaries(sentence, cue)
    start = words_back(sentence, at, _MAIN_SUBJECT_WORDS, BOUNDARY_WORDS)
    if start > 0 and sentence[start - 1][2] == ",":
        return start - 1
    return None


_MAIN_SUBJECT_WORDS = 6


def only_circumstance(sentence: list[Token], first: int, last: int) -> bool:
    """Nothing said after the cue, only where or when it was ('said in an interview on
    Monday'), and a clause before it: '…, she said in an interview.'"""
    rest = [w.lower() for _, _, w in sentence[last + 1 :] if w[:1].isalnum()]
    if rest and sentence[last][2].lower() in _TELL:
        rest = _after_addressee(sentence, last, rest)
    if not rest or rest[0] not in PREPOSITIONS or len(rest) > _CIRCUMSTANCE_WORDS:
        return False
    if sentence[last][2].lower() not in SAYING_VERBS or any(
        w in FINITE or w == "that" for w in rest
    ):
        return False
    comma = last_comma_before(sentence, first)
    return comma is not None and any(w.lower() in FINITE for _, _, w in sentence[:comma])


_CIRCUMSTANCE_WORDS = 8
_TELL = frozenset("told tells tell".split())
_ADDRESSEE_WORDS = 4  # 'told [his closest advisers]', 'told [the Ledger]'


def _after_addressee(sentence: list[Token], last: int, rest: list[str]) -> list[str]:
    """``rest``, the words after a cue of telling, without the addressee that opens
    them ('told [the court] in a filing'): the circumstance is what follows; a clause
    after the addressee ('told the court the law was void') is no circumstance."""
    first = sentence[last + 1][2]
    if not first[:1].isalnum() or rest[0] in PREPOSITIONS or rest[0] in FINITE:
        return rest
    for i, word in enumerate(rest[: _ADDRESSEE_WORDS + 1]):
        if word in PREPOSITIONS:
            return rest[i:] if i else rest
        if word in FINITE or word == "that" or (i and subject_pronoun(word)):
            return rest
    return rest


def only_scene(sentence: list[Token], comma: int) -> bool:
    """Whether the words before the comma at ``comma`` only set the scene of what follows
    ('In a 1990 speech, Holt declared:', 'Shortly after the vote, Berg announced …',
    'When reached by the Ledger, Holt had little to say'): a phrase opened by a
    preposition or a word of time, without a finite verb, which nobody said."""
    words = [w.lower() for _, _, w in sentence[:comma] if w[:1].isalnum() or w == ","]
    return (
        0 < len(words) <= _SCENE_WORDS
        and "," not in words  # 'In all, the committee raised …': a clause after the scene
        and words[0] in _SCENE_OPENERS
        and not any(w in FINITE for w in words)
    )


_SCENE_WORDS = 8
_SCENE_OPENERS = PREPOSITIONS | frozenset("shortly later earlier last once".split())


def only_where_spoken(sentence: list[Token], last: int) -> bool:
    """'spoke at the convention', 'spoke for an hour', 'spoke to the Rotary Club',
    'spoke on behalf of Holt': where, how long or to whom someone spoke, not what about."""
    word = sentence[last][2].lower()
    if (word not in _SPEAK and word not in _APPEAR) or last + 2 >= len(sentence):
        return False
    rest = [w.lower() for _, _, w in sentence[last + 1 :]]
    if "about" in rest:
        return False  # 'spoke at the hall about the levy'
    after = rest[0]
    if word in _APPEAR:
        # 'appeared on a morning show', 'appeared with Holt at the rally': where someone
        # was seen, not how anything seemed ('appeared to waver', 'appeared tired').
        return after in _WHERE_APPEARED
    if after in ("at", "for"):
        return True
    if after == "on":
        return rest[1] == "behalf"
    if after != "to":
        return False
    # To an audience by name ('to the Vestby Rotary Club'), not 'to the fears of many'.
    at = last + 3 if rest[1] == "the" else last + 2
    return at < len(sentence) and sentence[at][2][:1].isupper()


_SPEAK = frozenset("speak speaks spoke spoken speaking".split())
_APPEAR = frozenset("appear appears appeared appearing".split())
_WHERE_APPEARED = frozenset("on at with alongside before".split())


def with_lead(
    sentence: list[Token],
    first: int,
    last: int,
    candidate: Candidate,
    inverted: tuple[int, int | None] | None,
):
    """'The plan, he said, will fail': a clause broken by its attribution is two pieces,
    the lead before the subject's comma and the rest after the cue's. ``inverted`` is
    inverted_aside's reading of the cue."""
    yield candidate
    after = sentence[last + 1 : last + 3]
    # 'The trouble, says Ola Nilsen, a historian, is that …': the speaker after the cue,
    # the rest after his comma; otherwise the rest right after the cue's comma.
    if (inverted is None or inverted[1] is None) and (
        len(after) < 2 or after[0][2] != "," or after[1][2] in cues.QUOTE_MARKS
    ):
        return  # no clause after the cue's comma, or a quotation the marks' rules read
    if candidate.start < sentence[last][1]:
        return
    comma = last_comma_before(sentence, first)
    if comma is None or first - comma > 6 or sentence[comma][2] != ",":
        return
    # However short ('The museum, he said, …', 'Perhaps, she said, …'), after a leading
    # 'And' or 'But', which join the sentence to the one before.
    lead = 0
    while lead < comma and sentence[lead][2].lower() in CONNECTIVES:
        lead += 1
    if lead < comma and any(w[:1].isalnum() for _, _, w in sentence[lead:comma]):
        yield replace(candidate, start=sentence[lead][0], end=sentence[comma][0])


def right_content(
    text: str, sentence: list[Token], last: int, min_words: int = 3
) -> tuple[int, int] | None:
    """The content after the cue, to the sentence's end, when there is one: at least
    ``min_words`` words, not only when and to whom it was said."""
    # 'Holt (who said [the levy was unfair]) lost': a cue inside an aside ends its content
    # at the aside's closing mark.
    close = aside_close(text, sentence, last)
    rest = sentence[last + 1 : close]
    if close is not None:
        min_words = min(min_words, 2)  # '-- who had announced [their support] --'
    # 'estimates that the plan would raise $1 trillion; the foundation puts it at …':
    # a semicolon ends the reported clause.
    rest_words = list(map(WORD, rest))
    if ";" in rest_words:
        rest = rest[: rest_words.index(";")]
    while rest and rest[-1][2] in ".!?":
        rest = rest[:-1]
    if rest and WHEN_THEN_COMMA.match(text, sentence[last][1]):
        return None  # 'said Friday afternoon, as they …': when, then another clause
    # The first six words decide both tests below (min_words is at most three): a long
    # sentence's rest is not read to its end.
    words = list(islice((w for _, _, w in rest if w[:1].isalnum()), _WORDS_READ + 1))
    if len(words) < min_words and not (rest and rest[0][2] == ":"):
        return None
    if _only_when_and_whom(words):
        return None  # 'said on Monday', 'told CNN', 'told the Ledger earlier this week'
    i = 0
    while i < len(rest) and rest[i][2] in ",:":
        i += 1
    if i and rest[0][2] == "," and participle(rest[i][2]):
        return None  # 'Rendell recalled, suggesting …': the participle is the next cue's
    cue_word = sentence[last][2].lower()
    told = None
    if cue_word in TELLING or cue_word in ASKING:
        told = clause_after_addressee(rest, i, asking=cue_word in ASKING)
    if told is not None:
        i = told  # 'told [the Courier] they …', 'told [the Ledger], the council …'
    # 'told reporters on Monday that …': the clause starts after its 'that'; not where
    # a clause of its own comes first ('say she now admits that …' reports her admitting).
    # 'asserted responsibility for that attack': a 'that' pointing at a noun stays.
    lead = [w.lower() for _, _, w in rest[i : i + 6]]
    at = lead.index("that") if "that" in lead else -1
    if (
        told is None
        and at >= 0
        and not _opens_clause(lead[:at])
        and not demonstrative([w for _, _, w in rest[i : i + at + 4]], at)
    ):
        i += at + 1
    if i >= len(rest):
        return None
    first = rest[i][0]
    return before_trailing_attribution(text, first, before_contrast(text, first, rest[-1][1]))


def object_before_that(
    sentence: list[Token], last: int, content: tuple[int, int]
) -> tuple[int, int]:
    """For a cue that reports no clause: the object right_content skipped on its way to a
    'that' after a comma ('rejected [the label], noting that …'), up to that comma; else
    ``content``. The clause after the comma is another cue's, which reads it as its own."""
    first = last + 1
    if first >= len(sentence) or sentence[first][0] >= content[0]:
        return content
    skipped = sentence[first : bisect_left(sentence, content[0], key=_START)]
    if not skipped or skipped[-1][2].lower() != "that":
        return content
    words = skipped[:-1]
    comma = next((i for i, (_, _, w) in enumerate(words) if w == ","), None)
    if comma is None:
        return content
    words = words[:comma]
    if not words or all(w.lower() in NOT_CONTENT for _, _, w in words):
        return content
    return (words[0][0], words[-1][1])


_WORDS_READ = 5  # a content of five words or fewer may be only when and to whom it was said


def _only_when_and_whom(words: list[str]) -> bool:
    """Whether the first words after a cue say only when and to whom it was said ('on
    Monday', 'CNN', 'the Ledger earlier this week'), with nothing said after them."""
    if len(words) > _WORDS_READ or not all(
        w.lower() in NOT_CONTENT or w[:1].isupper() for w in words
    ):
        return False
    # Five such words need a time: without one they are a headline's title case more
    # often ('Refuses to Back Port Plan') than an addressee.
    return len(words) < _WORDS_READ or any(w in _TIME_WORDS for w in words)


_TIME_WORDS = NOT_CONTENT - frozenset("on in at during the a an to reporters".split())


def _opens_clause(words: list[str]) -> bool:
    """Whether the words before a 'that' hold a clause of their own: a finite verb, a
    subject pronoun or a verb of saying ('she now admits that'), not an infinitive or a
    noun ('to insist that', 'his claim that')."""
    before = ""
    for word in words:
        if word in FINITE or subject_pronoun(word):
            return True
        if word in _SAYING and before not in _BEFORE_NOT_A_VERB:
            return True
        before = word
    return False


_SAYING = SAYING_VERBS | frozenset(verb for verb in REPORTING_VERBS if " " not in verb)
_BEFORE_NOT_A_VERB = DETERMINERS | {"to", "my", "your"}


def that_after_aside(sentence: list[Token], last: int) -> int | None:
    """The 'that' after an aside between commas right after the cue ('insisted, most
    recently in an interview with NRK, that he …'), when a clause follows it; or None."""
    if last + 2 >= len(sentence) or sentence[last + 1][2] != ",":
        return None
    for j in range(last + 2, min(len(sentence) - 1, last + _ASIDE_TOKENS)):
        word = sentence[j][2]
        if word == "," and sentence[j + 1][2].lower() == "that":
            return j + 1 if zero_that_clause(sentence, j + 1) else None
        if word.lower() in FINITE or not (word[:1].isalnum() or word in "-'’"):
            return None  # a clause of its own, or a mark that ends the aside
    return None


_ASIDE_TOKENS = 16


def that_after_circumstance(sentence: list[Token], last: int) -> int | None:
    """The 'that' after when or where the cue at ``last`` said it, with no comma ('has
    said from the start that he …', 'claimed at one point that …'), when a clause
    follows it; or None."""
    if last + 2 >= len(sentence):
        return None
    opener = sentence[last + 1][2].lower()
    if not (opener in PREPOSITIONS or opener in TIMES or adverb(opener)) or opener == "to":
        return None
    for j in range(last + 2, min(len(sentence) - 1, last + 2 + _CIRCUMSTANCE_TOKENS)):
        word = sentence[j][2].lower()
        if word == "that":
            return j if zero_that_clause(sentence, j) else None
        if word in FINITE or subject_pronoun(word) or not word[:1].isalnum():
            return None
    return None


_CIRCUMSTANCE_TOKENS = 8  # 'at a Saturday rally in Vestby'


def called_for(sentence: list[Token], at: int) -> tuple[int, int] | None:
    """What a demand asks for: 'called for [a review of the tolls]', 'calls on [the
    council to release the videos]' (an 'on' with a 'to' after it, not 'on Monday')."""
    if sentence[at][2].lower() not in _CALL or at + 2 >= len(sentence):
        return None
    preposition = sentence[at + 1][2].lower()
    end = len(sentence)
    while end > at + 2 and sentence[end - 1][2] in ".!?":
        end -= 1
    if end <= at + 2:
        return None
    if preposition == "on" or preposition == "upon":
        following = [w.lower() for _, _, w in sentence[at + 2 : at + 10]]
        if "to" not in following or following[0] in TIMES:
            return None
    elif preposition != "for":
        return None
    return sentence[at + 2][0], sentence[end - 1][1]


_CALL = frozenset("call calls called calling".split())


def cited(sentence: list[Token], at: int) -> tuple[int, int] | None:
    """What is given as a reason: 'citing [a threat to public health]', 'cited [his
    endorsements]', up to a relative clause about it (', who took heat …')."""
    if sentence[at][2] not in _CITE or at + 1 >= len(sentence):
        return None
    if sentence[at + 1][2].lower() in PREPOSITIONS or not sentence[at + 1][2][:1].isalnum():
        return None  # 'was cited by the minister', 'cited, too'
    end = len(sentence)
    for j in range(at + 2, len(sentence) - 1):
        if sentence[j][2] == "," and sentence[j + 1][2].lower() in CLAUSE_OPENERS:
            end = j
            break
    while end > at + 1 and sentence[end - 1][2] in ".!?":
        end -= 1
    return sentence[at + 1][0], sentence[end - 1][1]


_CITE = frozenset("cite cites cited citing".split())


def only_agent(sentence: list[Token], last: int, candidate: Candidate) -> bool:
    """'was first reported [by the Ledger]', 'a plan backed [by the county board] on
    Monday': a past participle's content that is only its agent, who says it, and when
    or where; nothing said. Not 'angered by the levy', whose agent is what is felt."""
    head = sentence[last][2].lower()
    if head in _FEELINGS or not (head.endswith("ed") or head in _PARTICIPLES):
        return False
    by = bisect_left(sentence, candidate.start, key=_START)
    if by != last + 1 or by + 1 >= len(sentence) or sentence[by][2].lower() != "by":
        return False
    if participle(sentence[by + 1][2]):
        return False  # 'responded by closing the pier': what was done
    end = agent_end(sentence, by, _AGENT_ENDS)
    if any(w.lower() in FINITE for _, _, w in sentence[by:end]):
        return False  # 'asked by a reporter whether the levy would pass': a clause
    rest = [w.lower() for s, _, w in sentence[end:] if s < candidate.end and w[:1].isalnum()]
    return all(w in NOT_CONTENT or w in TIMES for w in rest)


_START = itemgetter(0)
_PARTICIPLES = frozenset("written seen told shown held given taken".split())
# Participles whose agent is what is felt, or a name it is known by: 'outraged by the
# raids', 'known by its initials'.
_FEELINGS = frozenset(
    """angered outraged shocked startled scared upset impressed rattled alarmed
    frustrated troubled moved stunned offended annoyed bothered worried concerned
    surprised disappointed pleased known""".split()
)
# Words that end an agent: 'reported by the Ledger on Monday', 'backed by X for Y'.
_AGENT_ENDS = CLAUSE_OPENERS | frozenset("as for to in on at after because over".split())


def after_its_quotation(sentence: list[Token], first: int, last: int, candidate: Candidate) -> bool:
    """'“…,” Holt told the Ledger in late May', '“…,” she said, with a smile': after the
    quotation it attributes, a cue's audience, manner, time or place; what was said is the
    quotation, unless a clause follows ('told the Ledger that …', 'told CNN she …')."""
    if candidate.start < sentence[last][1]:
        return False
    end = skip_auxiliaries(sentence, first)
    subject = words_back(sentence, end, _SUBJECT_WORDS, BOUNDARY_WORDS)
    if subject < 2 or subject == end or sentence[subject - 1][2] not in cues.QUOTE_MARKS:
        return False
    if sentence[subject - 2][2] not in _QUOTATION_ENDS:
        return False  # '… in 2008.” Holt also pleaded': a new sentence after the quotation
    rest = [w.lower() for s, _, w in sentence[last + 1 :] if s < candidate.end and w[:1].isalnum()]
    if not rest or "that" in rest:
        return False
    cue = sentence[last][2].lower()
    if cue in _TELL:
        return not any(map(subject_pronoun, rest[:_CLAUSE_WITHIN]))
    if cue in _ASKED:
        # Whom, not what: 'was asked by the host whether …' asks a question of its own.
        return _ASKED_WHAT.isdisjoint(rest[:_CLAUSE_WITHIN])
    return rest[0] in _CIRCUMSTANCES or adverb(rest[0])


_ASKED = frozenset("asked asks ask".split())
_ASKED_WHAT = frozenset("whether if what how why who when where which about to".split())
# How a quotation that its attribution follows ends: '“…,” Holt said', '“…?” she asked'.
_QUOTATION_ENDS = frozenset(",?!")
_SUBJECT_WORDS = 6  # 'the former Florida senator told'
# Where a clause after the audience starts at the latest: 'told The Ledger on Monday he'.
_CLAUSE_WITHIN = 6
# Words that open how, where, when or to whom a quotation was said: 'said to reporters',
# 'wrote in her memoir', 'said, as the crowd cheered'; not what about ('said of the vote').
_CIRCUMSTANCES = frozenset("to with in on at after during via aboard without as while".split())


def before_quotation(text: str, candidate: Candidate, quoted: list[tuple[int, int]]):
    """A content after its cue that runs on into a quotation ('said it was too early, but
    added, “…”', 'stated that …, which he described as “…”'): its words up to the last
    break (comma, colon, dash) before the quotation, whose words stay the quotation's. None
    when the content opens inside a quotation, or no break leaves a clause."""
    if candidate.cue is None or candidate.start < candidate.cue[1]:
        return None
    opening = closing = None
    for q_start, q_end in quoted:
        if q_start <= candidate.start < q_end:
            return None
        if candidate.start < q_start < candidate.end and (opening is None or q_start < opening):
            opening, closing = q_start, q_end
    if opening is None:
        return None
    # The quotation's own cue, a few words before it ('but added, “', 'he said, “') or after
    # it ('– “…,” Holt said'): without one, the quoted words end the content (PolNeAR's
    # mixed quotes).
    lead = max(candidate.start, opening - _CUE_BEFORE_QUOTATION)
    said = [m for m in _WORD_RE.finditer(text, lead, opening) if m[0].lower() in _QUOTATION_CUES]
    if said:
        stop = said[-1].start()
    elif _attributed_after(text, closing):
        stop = opening
    else:
        return None
    breaks = list(_BREAK.finditer(text, candidate.start, stop))
    if not breaks:
        return None
    end = before_trailing_attribution(text, candidate.start, breaks[-1].start())[1]
    words = text[candidate.start : end].lower().split()
    if len(words) < _WORDS_BEFORE_QUOTATION or not text[candidate.start].isalnum():
        return None
    if not _opens_clause(words):
        return None  # 'told [the Ledger], “…”': its audience, not a clause
    return replace(candidate, end=end)


def _attributed_after(text: str, closing: int) -> bool:
    """Whether a quotation that closes at ``closing`` on a comma has a cue of its own
    right after it ('“…,” Holt said')."""
    if text[closing - 2 : closing - 1] not in _OWN_CUE_MARKS:
        return False
    after = text[closing : closing + _CUE_BEFORE_QUOTATION]
    return any(m[0].lower() in _QUOTATION_CUES for m in _WORD_RE.finditer(after))


_OWN_CUE_MARKS = frozenset(",?!")
# Where a content may stop before a quotation's cue: 'winners, but added', 'plans, which'.
_BREAK = re.compile(r"\s*(?:[,;:]|\s[—–-]+|\s(?:and|but)\s)")
_WORD_RE = re.compile(r"[\w’']+")
# The words that may introduce a quotation after a content: 'which he described as “…”'.
_QUOTATION_CUES = _SAYING | frozenset(
    """described describes called calls dubbed termed asked asks replied responded
    declared tweeted adding saying writing""".split()
)
_CUE_BEFORE_QUOTATION = 40  # characters: ', which he described as “'
_WORDS_BEFORE_QUOTATION = 3


def contents_cut(text: str, quotes: list, cut_at) -> list:
    """``quotes`` (suggestions with their entities) with each indirect content that follows
    its cue ended where ``cut_at(quote)`` says: an offset inside it, or None to keep it."""
    cut = []
    for quote, entity in quotes:
        if quote.kind == "indirect" and quote.cue_end is not None and quote.cue_end <= quote.start:
            end = cut_at(quote)
            if end is not None and end != quote.end:
                quote = replace(quote, end=end, text=text[quote.start : end])
        cut.append((quote, entity))
    return cut
