"""The shape of a sentence around a cue, token by token: whether a clause follows it
('said that …', 'said the span is unsafe'), whether it is negated or passive, where the
auxiliaries before it start, what 'Asked whether …' asks.

Tests on the tokens alone, with no registry and no model: the subject, hand-off and cue
rules (cue_subjects.py, handoff.py, around_cues.py) all read a sentence's shape here.
"""

from __future__ import annotations

import re

from articles.extraction.cues import Token
from articles.extraction.names import TITLE_ABBREVIATIONS
from articles.extraction.patterns import LY_NOUNS

# Between a subject and its cue: 'Trump has also repeatedly denied'.
AUXILIARIES = frozenset(
    """has have had having is was were are am be been being would will could should might
    may can must did does do not never also still already reportedly repeatedly
    previously later then now once again recently publicly privately ever even often
    first further only openly explicitly flatly falsely strongly really actually
    personally clearly just quickly immediately later initially yet perhaps maybe n’t n't
    ’s 's 've ’ve ’d 'd ’ll 'll long always too sometimes usually""".split()
) | frozenset(
    # A negation written into its verb, one word: 'The Ledger didn't say'.
    f"{verb}{mark}t"
    for verb in """didn doesn don hasn haven hadn isn aren wasn weren wouldn couldn shouldn
        mustn won can""".split()
    for mark in "'’"
)
# Where a subject phrase starts, looking back from its cue.
BOUNDARY_WORDS = frozenset(
    """that but while because although though as when if whether since so and or than
    which where after before until unless whereas yet""".split()
)


def asked(sentence: list[Token], first: int, last: int) -> tuple[int, int] | None:
    """What 'Asked' opening a sentence asked, to its comma: 'Asked by a reporter whether
    …,', 'When asked about …,'."""
    if sentence[last][2].lower() != "asked" or first > 1:
        return None
    if first == 1 and sentence[0][2].lower() not in ("when", "once", "after"):
        return None
    at = last + 1
    if at < len(sentence) and sentence[at][2].lower() in ("by", "on", "in", "during", "at"):
        # Past who asked, or where: the question opens with its own word.
        at = next(
            (
                j
                for j in range(at + 1, min(len(sentence), at + 12))
                if _opens_question(sentence[j][2])
            ),
            len(sentence),
        )
    if at >= len(sentence) or not _opens_question(sentence[at][2]):
        return None
    comma = next((j for j in range(at + 1, len(sentence)) if sentence[j][2] == ","), None)
    if comma is None:
        return None  # 'Asked why …' running to the end asks nothing of a speaker
    return sentence[at][0], sentence[comma - 1][1]


def _opens_question(word: str) -> bool:
    return word.lower() in _QUESTION_WORDS or word.lower() in ("if", "about", "to", "when", "where")


BE = frozenset("is are was were be been being am ’s 's".split())
NEGATIONS = frozenset("not n't n’t never no".split())
# The words between a subject and its cue that may hide a negation: made once, not for
# each word looked back at.
_AUXILIARIES_OR_NEGATIONS = AUXILIARIES | NEGATIONS
# Finite verbs that show a clause without 'that': 'said the span is unsafe'.
FINITE = frozenset(
    """is are was were will would can could should has have had may might must does did
    do wo ca""".split()
)
_SUBJECT_WORDS = frozenset("he she it they we i this there".split())


def negated_or_passive(
    sentence: list[Token], first: int, *, progressive_is_active: bool = False
) -> bool:
    """'did not say', 'have been told to wait', 'is expected on 28 April'. With
    ``progressive_is_active``, not 'is calling for a recount': its 'be' makes a
    progressive, as active as 'called for a recount'."""
    progressive = progressive_is_active and _progressive(sentence[first][2])
    i = first
    while i > 0 and sentence[i - 1][2].lower() in _AUXILIARIES_OR_NEGATIONS:
        i -= 1
        word = sentence[i][2].lower()
        if word in NEGATIONS or (
            word in BE and not progressive and not clause_follows(sentence, first)
        ):
            return True
    return False


def _progressive(word: str) -> bool:
    """A present participle after 'be' ('is backing', 'were rejecting'): the subject
    does what the cue says, as in the simple past."""
    return len(word) > 5 and word.endswith("ing") and word[:1].islower()


def negated(sentence: list[Token], first: int) -> bool:
    """'did not say', 'has never denied': a negation among the words before the cue."""
    i = first
    while i > 0 and sentence[i - 1][2].lower() in _AUXILIARIES_OR_NEGATIONS:
        i -= 1
        if sentence[i][2].lower() in NEGATIONS:
            return True
    return False


def that_clause(sentence: list[Token], last: int) -> bool:
    """'that' and a clause right after the cue, not 'that amount' or 'that spilled'."""
    following = sentence[last + 1 : last + 2]
    if not following:
        return False
    if following[0][2] == ":":
        return True
    if following[0][2].lower() in _QUESTION_WORDS:
        return True  # 'questioned whether the county could pay': a reported question
    if following[0][2].lower() != "that":
        return False
    # 'that his plan works': a determiner after 'that' makes it the clause's opener, not
    # a demonstrative ('that plan'), however the clause's verb is spelt.
    after = sentence[last + 2 : last + 3]
    return bool(after and after[0][2].lower() in _CLAUSE_DETERMINERS) or zero_that_clause(
        sentence, last + 1
    )


_QUESTION_WORDS = frozenset("whether how why what who".split())
_CLAUSE_DETERMINERS = frozenset("the a an his her its their our my your some many most".split())


def zero_that_clause(sentence: list[Token], last: int) -> bool:
    """A clause right after the cue, with no 'that': a finite verb in its first words."""
    original = [w for _, _, w in sentence[last + 1 : last + 14]]
    words = [w.lower() for w in original]
    if not words:
        return False
    if subject_pronoun(words[0]) and len(words) > 1 and words[1][:1].isalpha():
        # 'say they plan', 'says she’ll continue'; 'say he’s at ease': the pronoun holds
        # its verb, so a preposition may follow it.
        return words[1] not in PREPOSITIONS or _APOSTROPHE.search(words[0]) is not None
    if _contracted_subject(words[0]):
        return True  # 'said it’s time', 'says there’s no money': the verb is in the word
    if words[0] in PREPOSITIONS and not (
        words[0] == "about" and words[1:2] and words[1][:1].isdigit()
    ):
        return False  # 'said after the meeting', but 'said about 60 families were …'
    for j, word in enumerate(words[1:], start=1):
        if word in FINITE or word.endswith(("ed", "n’t", "n't")):
            return True  # 'said the crews had', 'said the crews don’t'
        if word.endswith("s") and words[j - 1] in _SUBJECT_WORDS:
            return True
        if word in MID_CLAUSE_ADVERBS and j + 1 < len(words) and words[j + 1].isalpha():
            return True  # 'say officers still check': an adverb between subject and verb
        if (
            j <= 2
            and word.endswith("s")
            and word.isalpha()
            and all(w[:1].isupper() for w in original[:j])
        ):
            return True  # 'say Scott deserves', 'said Mary Poppins sings'
        if _present_verb(words, j):
            return True
        if word in ";:":
            return False
    return False


def relative_gap(sentence: list[Token], first: int, last: int) -> bool:
    """'a levy which critics said [was unfair]': a finite verb right after the cue whose
    subject is the relative before the cue's own subject; not after 'what' ('what she
    said was wrong': the relative clause is the sentence's subject)."""
    if last + 1 >= len(sentence) or sentence[last + 1][2].lower() not in FINITE:
        return False
    start = words_back(sentence, first, _GAP_SUBJECT_WORDS + 1, RELATIVE_SUBJECTS)
    return start > 0 and start < first and sentence[start - 1][2].lower() in RELATIVE_SUBJECTS


_GAP_SUBJECT_WORDS = 5  # 'which [many county officials] said'


def _present_verb(words: list[str], j: int) -> bool:
    """'the county needs more', 'the harbour remains a priority', 'the law unfairly targets': a word
    in -s after an adverb in -ly, or between a noun (no determiner before it) and a
    determiner, is a verb in the present."""
    word = words[j]
    if (
        len(word) < _SHORTEST_VERB
        or not word.endswith("s")
        or word.endswith(_NOT_VERB_ENDINGS)
        or not word.isalpha()
        or word in _NOT_VERBS
    ):
        return False
    if adverb(words[j - 1]):
        return True
    before = words[j - 1]
    return (
        j + 1 < len(words)
        and words[j + 1] in _OBJECT_DETERMINERS
        and before.isalpha()
        and before not in _CLAUSE_DETERMINERS
        and before not in _NOT_SUBJECT_ENDS
    )


_NOT_VERB_ENDINGS = ("ss", "us", "is", "ics")
_SHORTEST_VERB = 4  # 'owes', not 'as' or 'its'
_NOT_VERBS = frozenset("times always perhaps sometimes this thus plus news lots".split())
# What opens a verb's object: 'needs more', 'favors the wealthy', 'remains a priority'.
_OBJECT_DETERMINERS = frozenset("the a an his her its their our no more every this these".split())
# Words after which a word in -s is a noun, not a verb: 'the same things', 'told reporters'.
_NOT_SUBJECT_ENDS = frozenset("same other many several few two three four five told".split())


# A subject pronoun with its verb in one word: 'it’s', 'there’s', 'that’s', 'you’re'.
_CONTRACTED_SUBJECT = re.compile(r"(?:it|there|that|you|who)[’'](?:s|re|ll|d|ve)$")


def _contracted_subject(word: str) -> bool:
    """'it’s', 'there's': a subject holding its verb, as _CONTRACTED_SUBJECT matches."""
    # It holds an apostrophe: most words are spared the match.
    return ("'" in word or "’" in word) and _CONTRACTED_SUBJECT.match(word) is not None


# Adverbs that stand between a clause's subject and its verb ('the crews still check',
# 'the fund never paid'), and seldom after a noun phrase that is a cue's object.
MID_CLAUSE_ADVERBS = frozenset("still also never already often always rarely seldom".split())


def impersonal(sentence: list[Token], first: int) -> bool:
    """'it is obvious that', 'there was little doubt that': an empty subject and a form of
    'be' before the cue, where the cue is what is said of the clause, not who says it."""
    end = skip_auxiliaries(sentence, first)
    if end > 0 and sentence[end - 1][2].lower().replace("’", "'") in ("it's", "there's"):
        return True  # 'It's unclear whether …': the 's is the form of 'be'
    if end == 0 or end == first:
        return False
    skipped = {w.lower() for _, _, w in sentence[end:first]}
    return sentence[end - 1][2].lower() in ("it", "there") and bool(skipped & _FORMS_OF_BE)


_FORMS_OF_BE = frozenset("is was are were be been being".split())


def expletive_it(sentence: list[Token], first: int, last: int) -> bool:
    """'It seems that …', 'it is said, …', 'It now seems likely they will': an empty 'it'
    for the subject of the cue ``sentence[first:last + 1]``, which stands for the clause
    after it; not 'It appears certain to win' nor 'it was mentioned by …'."""
    end = skip_auxiliaries(sentence, first)
    if end == 0 or sentence[end - 1][2].lower() != "it":
        return False
    at = last + 1
    while at < len(sentence) and adverb(sentence[at][2]):
        at += 1
    if at >= len(sentence):
        return False
    word = sentence[at][2].lower()
    if word in ("that", "like", ","):
        return True
    following = [w.lower() for _, _, w in sentence[at : at + _EXPLETIVE_WORDS]]
    if word in PREPOSITIONS or "to" in following[:3]:
        return False  # 'it was argued in January', 'It appears certain to become'
    return "that" in following or zero_that_clause(sentence, at - 1)


# How far after an empty subject's cue its clause's 'that' may come: 'seems a near
# certainty that'.
_EXPLETIVE_WORDS = 4


def subject_pronoun(word: str) -> bool:
    """'they', 'she’ll', 'we're': a pronoun that can only be a clause's subject."""
    return _before_apostrophe(word) in CLAUSE_SUBJECTS


def _before_apostrophe(word: str) -> str:
    """``word`` up to its first apostrophe of either kind: _APOSTROPHE's first piece."""
    # Two plain splits cut at the first of the two marks, with no pattern call.
    return word.split("'", 1)[0].split("’", 1)[0]


CLAUSE_SUBJECTS = frozenset("he she they we i".split())
# A relative that stands for a clause's subject: 'which is seen as', 'who seems to',
# 'a poll that shows'.
RELATIVE_SUBJECTS = frozenset("that who which".split())
# The relatives that stand for a named antecedent: 'Holt, who said', 'the board, which'.
WH_RELATIVES = frozenset(("who", "which"))
_APOSTROPHE = re.compile(r"[’']")  # compiled once: re.split looks a pattern up per call
PREPOSITIONS = frozenset(
    """to on about into for of with at in by from over against outside inside after before
    during near following while when as amid among under behind through via without
    within since until upon""".split()
)
CLAUSE_OPENERS = frozenset("that whether if how why what who when where which :".split())


def clause_follows(sentence: list[Token], last: int) -> bool:
    """A clause after the cue, perhaps after whom it was told: 'warned (voters) that'."""
    return any(w.lower() in CLAUSE_OPENERS for _, _, w in sentence[last + 1 : last + 4])


def last_comma_before(sentence: list[Token], first: int) -> int | None:
    for i in range(first - 1, -1, -1):
        if sentence[i][2] in ",;:—–":
            return i
    return None


def words_back(sentence: list[Token], end: int, most: int, bounds: frozenset[str]) -> int:
    """Where a run of up to ``most`` words before ``end`` starts: it stops at a mark or at
    one of ``bounds`` (a subject's words back from its verb)."""
    start = end
    while (
        start > 0
        and end - start < most
        and sentence[start - 1][2][:1].isalnum()
        and sentence[start - 1][2].lower() not in bounds
    ):
        start -= 1
    return start


# A dozen rules look for the subject of the same cue, each from the cue back: the answers
# for the sentence last asked about are kept. The sentence itself is kept with them, so
# no other list can take its id (and token lists are never changed once made).
_SKIPPED: tuple[list[Token], dict[int, int]] = ([], {})


def skip_auxiliaries(sentence: list[Token], i: int) -> int:
    """Where the subject ends: before the auxiliaries and adverbs that precede the cue."""
    global _SKIPPED
    asked, answers = _SKIPPED
    if asked is not sentence:
        answers = {}
        _SKIPPED = (sentence, answers)
    else:
        answer = answers.get(i)
        if answer is not None:
            return answer
    answer = answers[i] = _skip_auxiliaries(sentence, i)
    return answer


def _skip_auxiliaries(sentence: list[Token], i: int) -> int:
    while i > 0:
        word = sentence[i - 1][2].lower()
        if word in AUXILIARIES or (adverb(word) and sentence[i - 1][2].islower()):
            i -= 1
        elif word == "since" and i > 1 and sentence[i - 2][2].lower() in _PERFECT:
            i -= 1  # 'has since said'; 'Since announcing …' opens a phrase
        elif word in _QUANTIFIERS and i > 1 and sentence[i - 2][2].lower() not in BOUNDARY_WORDS:
            i -= 1  # 'Lund and Berg both stressed'; 'Both want' is the subject itself
        elif i > 1 and word in TIMES and sentence[i - 2][2].lower() in _TIME_LEADS:
            i -= 2  # 'Harbour Bank this month announced', 'Nord on Monday said'
        elif (
            i > 2
            and word in TIMES
            and sentence[i - 2][2].lower() in _TIME_ADJECTIVES
            and sentence[i - 3][2].lower() in _TIME_LEADS
        ):
            i -= 3  # 'Holt, the chairman, this past week announced'
        elif word in _RELATIVE_TIMES and sentence[i - 1][2] == word:
            i -= 1  # 'Lund, for example, earlier asked'; 'Earlier, …' opens a phrase
        elif i > 1 and word == "it" and sentence[i - 2][2].lower() in _MAKE:
            i -= 2  # 'Hale made it clear that'
        elif i > 1 and word == "to" and sentence[i - 2][2].lower() in _VERBS_BEFORE_TO:
            i -= 2  # 'Democrats wanted to know', 'the mayor declined to say'
        elif (
            i > 2
            and word == "to"
            and sentence[i - 2][2].lower() in _ADJECTIVES_BEFORE_TO
            and sentence[i - 3][2] not in ",;:—–"
        ):
            # 'Voters are more likely to say', 'Aides were quick to point out'; not an
            # aside after a comma ('…, ready to tell'), whose subject is the sentence's.
            i -= 2
        elif (
            word in _DEGREES
            and i < len(sentence)
            and sentence[i][2].lower() in _ADJECTIVES_BEFORE_TO
        ):
            i -= 1  # the 'more' of 'more likely to say'
        else:
            break
    return i


def adverb(word: str) -> bool:
    """'reportedly', 'flatly': a word in -ly that is no noun ('family', 'the weekly')."""
    return word.endswith("ly") and len(word) > 4 and word not in LY_NOUNS


_PERFECT = frozenset("has have had".split())
_QUANTIFIERS = frozenset("both all each".split())
_TIME_LEADS = frozenset("this last next earlier on".split())
_TIME_ADJECTIVES = frozenset("past last next same".split())
_RELATIVE_TIMES = frozenset("earlier later".split())
# 'made it clear': the cue is the adjective; 'made it' stands between it and the subject.
_MAKE = frozenset("make makes made making".split())
# Verbs whose subject is also the subject of the cue after 'to': 'wanted to know'.
_VERBS_BEFORE_TO = frozenset(
    """want wants wanted decline declines declined refuse refuses refused try tries tried
    continue continues continued seem seems seemed appear appears appeared seek seeks
    sought hope hopes hoped plan plans planned promise promises promised vow vows vowed
    threaten threatens threatened decide decides decided begin begins began need needs
    needed""".split()
)
# Adjectives and participles after a form of 'be' that put the cue after 'to': the
# subject stands before them ('the board is trying to determine').
_ADJECTIVES_BEFORE_TO = frozenset(
    """likely unlikely quick careful correct right wrong eager keen ready willing
    reluctant able unable trying struggling working seeking""".split()
)
_DEGREES = frozenset("more less most".split())
TIMES = frozenset(
    """week month year morning afternoon evening night weekend monday tuesday wednesday
    thursday friday saturday sunday""".split()
)


def participle(word: str) -> bool:
    """'claiming', 'adding': a present participle (not 'bring' or 'thing')."""
    return len(word) > 5 and word.islower() and word.endswith("ing")


# An agent longer than this is a clause, not a name or a description: 'by some', 'by many
# investors in the region'.
_AGENT_WORDS = 8


def agent_end(sentence: list[Token], by: int, ends: frozenset[str]) -> int:
    """Where the agent after the 'by' at ``sentence[by]`` ends (exclusive): at the first
    word of ``ends``, a mark, or eight words on; ``by + 1`` when it has none."""
    end = by + 1
    while (
        end < len(sentence)
        and end - by <= _AGENT_WORDS
        and (sentence[end][2][:1].isalnum() or _title_stop(sentence, end))
        and sentence[end][2].lower() not in ends
    ):
        end += 1
    return end


def _title_stop(sentence: list[Token], at: int) -> bool:
    """Whether the '.' at ``sentence[at]`` ends a title's abbreviation before a name ('by
    former Vestby Gov. Kari Holt'): the agent runs on to the name, not stopping at the title."""
    return (
        sentence[at][2] == "."
        and sentence[at - 1][2].lower() in TITLE_ABBREVIATIONS
        and at + 1 < len(sentence)
        and sentence[at + 1][2][:1].isupper()
    )


def passive(sentence: list[Token], first: int, last: int) -> bool:
    """'is widely seen as', 'was named': a past participle for a cue, a form of 'be'
    among the words before it; not a state of mind ('was worried', 'is eager')."""
    head = sentence[last][2].lower()
    if head in _STATES_OF_MIND or not (head.endswith("ed") or head in _IRREGULAR_PARTICIPLES):
        return False
    i = first
    while i > 0 and (sentence[i - 1][2].lower() in AUXILIARIES or adverb(sentence[i - 1][2])):
        i -= 1
        if sentence[i][2].lower() in BE:
            return True
    return False


_IRREGULAR_PARTICIPLES = frozenset("seen known thought said told shown held".split())
# Participles that say how someone is, not what is said of the subject: 'was asked' too,
# whose subject is who answers. The one 'shocked', 'startled' or 'angered by' something
# holds the view (PolNeAR names them), and the 'by' names what stirred it, not a speaker.
_STATES_OF_MIND = frozenset(
    """asked assured concerned outraged inclined convinced worried interested determined
    prepared pleased disappointed surprised committed focused shocked scared startled
    impressed persuaded poised aligned angered alarmed thrilled stunned dismayed frustrated
    upset troubled excited delighted""".split()
)


def raised_subject(sentence: list[Token], first: int, last: int) -> tuple[int, int] | None:
    """The token indices ``(start, end)`` of the subject before the auxiliaries of the
    cue ``sentence[first:last + 1]``: a relative word alone ('which is seen as', 'who
    seems to'), or up to _RAISED_WORDS words back to a mark or a conjunction; None when
    none is found, or when it is an empty 'it' ('It seems that …': nothing is said of it)."""
    if expletive_it(sentence, first, last):
        return None
    end = skip_auxiliaries(sentence, first)
    if end > 0 and sentence[end - 1][2].lower() in RELATIVE_SUBJECTS:
        return end - 1, end
    if end > 1 and sentence[end - 1][2] == ",":
        if sentence[last][2].lower() in _ADDRESSED:
            return None  # 'The crew, most of them young, were told to wait': its audience
        end = _before_parenthetical(sentence, end - 1)
        if end is None:
            return None
    start = words_back(sentence, end, _RAISED_WORDS, _SUBJECT_BOUNDS)
    if start < end and (start == 0 or end - start < _RAISED_WORDS):
        return start, end
    return None


def _before_parenthetical(sentence: list[Token], comma: int) -> int | None:
    """'The deficit, which ends in May, is expected to …': where the words before the
    parenthetical that closes at the comma ``comma`` end; None when no comma opens it
    within a few words, or another mark stands between."""
    at = comma - 1
    while at > 0 and comma - at <= _PARENTHETICAL_WORDS:
        word = sentence[at][2]
        if word == ",":
            return at if at > 0 and sentence[at - 1][2][:1].isalnum() else None
        if not word[:1].isalnum() and word not in _INSIDE_PARENTHETICAL:
            return None
        at -= 1
    return None


_PARENTHETICAL_WORDS = 25
# Passive cues whose subject is who was addressed, not a piece of what was said.
_ADDRESSED = frozenset(
    "told asked urged ordered instructed advised warned informed reminded invited".split()
)
_INSIDE_PARENTHETICAL = frozenset(".-’'()$%")


_RAISED_WORDS = 8
# Words before a subject that end it: a conjunction or the relative that opens its clause.
_SUBJECT_BOUNDS = frozenset(
    """that which who whom whose while because if when but and or as though although since
    where whether however so yet than despite""".split()
)


def set_phrase(sentence: list[Token], first: int, last: int) -> bool:
    """'That said, …', 'All told, …', '…, as they say.': a cue word in a set phrase set
    off on both sides, which attributes nothing ('a memo that said, in part, …' is no
    set phrase: a noun comes before it)."""
    if first != last:
        return False
    word = sentence[first][2].lower()
    for phrase in _SET_PHRASES.get(word, ()):
        start = first - phrase.index(word)
        end = start + len(phrase)
        if start < 0 or end > len(sentence):
            continue
        if start > 0 and sentence[start - 1][2].lower() not in _BEFORE_SET_PHRASE:
            continue
        if end < len(sentence) and sentence[end][2] not in _AFTER_SET_PHRASE:
            continue
        if [w.lower() for _, _, w in sentence[start:end]] == list(phrase):
            return True
    return False


_SET_PHRASES = {
    "said": [("that", "said"), ("that", "being", "said"), ("having", "said", "that")],
    "told": [("all", "told"), ("truth", "be", "told")],
    "say": [
        ("needless", "to", "say"),
        ("suffice", "it", "to", "say"),
        ("as", "they", "say"),
        ("that", "is", "to", "say"),
    ],
    "speak": [("so", "to", "speak")],
}
_BEFORE_SET_PHRASE = frozenset(",;:(—–-") | frozenset("and but so yet".split())
_AFTER_SET_PHRASE = frozenset(",.;:!?—–-)")


def read_as_noun(sentence: list[Token], i: int) -> bool:
    """Whether the word before the doubted cue at ``i`` makes it a noun: a determiner, a
    number or a preposition ('in [states] that vote in March', 'the four [states] that
    voted'). A gerund after a preposition stays a verb ('by claiming that …')."""
    before = sentence[i - 1][2].lower()
    if before in _NOUN_DETERMINERS or before in _COUNTS or before[:1].isdigit():
        return True
    return before in _NOUN_PREPOSITIONS and not sentence[i][2].endswith("ing")


_NOUN_DETERMINERS = frozenset("a an the his her its their this that our".split())
# Numbers, not quantifiers, which may be a subject of their own ('many believe that').
_COUNTS = frozenset("two three four five six seven eight nine ten eleven twelve dozen".split())
# Not 'to' ('to claim that …'), nor the subordinators that open a participle ('while
# insisting that …').
_NOUN_PREPOSITIONS = frozenset("in for of from across among with at on into over".split())
