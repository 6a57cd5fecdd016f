"""Score extracted quotes against a gold set: pure Python, no Django.

Direct and mixed quotes (the words inside quotation marks or after a dash) are scored
together as "direct"; reported speech as "indirect". A prediction matches a gold quote
exactly when the spans are equal, or by overlap when they share at least half of the
shorter span; ``all`` matches by overlap whatever the kinds. Speaker and cue accuracy are
measured on the ``all`` matches.

Two speaker figures. *Speaker*: the prediction names the gold speaker (same name or its
surname, titles and appositions aside: "Sen. Claire McCaskill (D-Mo.)" is Claire
McCaskill), or its mention overlaps the gold mention (a gold "he" pointed at), or it
names whom a gold "who" or "which" stands for ("Stevie Wonder, who joked"). *Resolved*:
whoever the gold mention means, named in full: a surname or titled mention is resolved to
the fullest form of that name in the text, "he" or "she" to the last gold speaker so
resolved before it (corpora without coreference, such as PolNeAR, make this an
approximation); generic mentions ("officials", "Republicans"), descriptions that a name only
qualifies ("the Indiana governor", "Obama's aides") and "it" or "they" are left out.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from articles.extraction.clause_shapes import WH_RELATIVES
from articles.extraction.gender import of_first_name
from articles.extraction.names import (
    HONORIFICS,
    NOT_NAME_OPENERS,
    is_org,
    is_place,
    opener_shaped,
)
from articles.extraction.spelling import fold

GROUPS = {"direct": "direct", "mixed": "direct", "indirect": "indirect"}


@dataclass
class Score:
    true_positives: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    exact: dict[str, Score] = field(
        default_factory=lambda: {"direct": Score(), "indirect": Score()}
    )
    overlap: dict[str, Score] = field(
        default_factory=lambda: {"direct": Score(), "indirect": Score()}
    )
    all: Score = field(default_factory=Score)
    resolved_right: int = 0
    resolved_total: int = 0
    speaker_right: int = 0
    speaker_total: int = 0
    cue_right: int = 0
    cue_total: int = 0
    misses: list[tuple[str, dict]] = field(default_factory=list)
    false_alarms: list[tuple[str, object]] = field(default_factory=list)
    wrong_speakers: list[tuple[str, dict, object]] = field(default_factory=list)
    articles: int = 0

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_right / self.speaker_total if self.speaker_total else 1.0

    @property
    def resolved_accuracy(self) -> float:
        return self.resolved_right / self.resolved_total if self.resolved_total else 1.0

    @property
    def cue_accuracy(self) -> float:
        return self.cue_right / self.cue_total if self.cue_total else 1.0


def same_speaker(predicted: str | None, gold: str | None) -> bool:
    """Equal names, or one the other's surname or longer form ("Lie" ~ "Tormod Lie")."""
    if not predicted or not gold:
        return not predicted and not gold
    a, b = _name_words(predicted), _name_words(gold)
    if a == b:
        return True
    shorter, longer = (a, b) if len(a) < len(b) else (b, a)
    if len(shorter) > 0 and longer[-len(shorter) :] == shorter:
        return True
    # 'Hillary Rodham Clinton' is 'Hillary Clinton': a middle name one form leaves out; two
    # different middle names ('John Paul Lund', 'John Peter Lund') stay two people.
    return (
        len(shorter) >= 2
        and shorter[0] == longer[0]
        and shorter[-1] == longer[-1]
        and _subsequence(shorter[1:-1], longer[1:-1])
    )


def _subsequence(part: list[str], whole: list[str]) -> bool:
    rest = iter(whole)
    return all(word in rest for word in part)


def _name_words(name: str) -> list[str]:
    """A name's folded words, stops and middle initials left out: 'Donald J. Trump' and
    'Donald Trump', 'G.K. Butterfield' and 'G.K Butterfield' are one person."""
    words = [w.replace(".", "") for w in fold(name).replace("’", "'").split()]
    words = [w for w in words if w]
    named = [w for w in words[1:-1] if len(w) > 1]
    return words[:1] + named + words[-1:] if len(words) > 2 else words


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    """True when the two spans share at least half of the shorter one."""
    # articles.agreement.shares_half applies the same rule to annotators' quotes; the two
    # packages import nothing of each other, and a unit test keeps them in step.
    shared = min(a_end, b_end) - max(a_start, b_start)
    return shared > 0 and shared * 2 >= min(a_end - a_start, b_end - b_start)


def evaluate(records: Iterable[dict], predict: Callable[[str], list]) -> Report:
    """Score ``predict(text)`` (returning objects with start, end, kind, speaker, cue_start,
    cue_end) on gold records ``{"id", "text", "quotes": [...]}``."""
    report = Report()
    for record in records:
        report.articles += 1
        text = record["text"]
        predictions = predict(text)
        for group in ("direct", "indirect"):
            gold = [q for q in record["quotes"] if GROUPS[q["kind"]] == group]
            found = [p for p in predictions if GROUPS[p.kind] == group]
            _score_group(report, group, gold, found)
        _score_all(report, record["id"], text, record["quotes"], predictions)
    return report


def _pairs(gold, found) -> list[tuple[int, int]]:
    """Gold and predicted quotes paired one to one, largest overlaps first."""
    # Where two golds share a prediction equally (an outer attribution's content holds an
    # inner one's whole), the gold of the prediction's own cue takes it.
    candidates = sorted(
        (
            (min(q["end"], p.end) - max(q["start"], p.start), _same_cue(q, p), gi, pi)
            for gi, q in enumerate(gold)
            for pi, p in enumerate(found)
            if overlaps(q["start"], q["end"], p.start, p.end)
        ),
        reverse=True,
    )
    used_gold, used_found, pairs = set(), set(), []
    for _, _, gi, pi in candidates:
        if gi not in used_gold and pi not in used_found:
            used_gold.add(gi)
            used_found.add(pi)
            pairs.append((gi, pi))
    return pairs


def _same_cue(gold: dict, predicted) -> bool:
    gold_cue, predicted_cue = gold.get("cue_start"), getattr(predicted, "cue_start", None)
    return (
        gold_cue is not None
        and predicted_cue is not None
        and overlaps(gold_cue, gold["cue_end"], predicted_cue, predicted.cue_end)
    )


def _score_group(report: Report, group: str, gold, found) -> None:
    for scores in (report.exact, report.overlap):
        scores[group].gold += len(gold)
        scores[group].predicted += len(found)
    exact = {(q["start"], q["end"]) for q in gold} & {(p.start, p.end) for p in found}
    report.exact[group].true_positives += len(exact)
    report.overlap[group].true_positives += len(_pairs(gold, found))


def _score_all(report: Report, article: str, text: str, gold, found) -> None:
    report.all.gold += len(gold)
    report.all.predicted += len(found)
    pairs = _pairs(gold, found)
    report.all.true_positives += len(pairs)
    referents = resolve_gold_speakers(text, gold)
    for gi, pi in pairs:
        q, p = gold[gi], found[pi]
        report.speaker_total += 1
        named = relative_antecedent(text, q) or _named_referent(q, referents[gi])
        if _speaker_right(q, p) or (named is not None and same_speaker(p.speaker, named)):
            # 'Stevie Wonder, who joked', 'Michael Mulgrew, president of the union,':
            # naming whom the mention stands for is right.
            report.speaker_right += 1
        else:
            report.wrong_speakers.append((article, q, p))
        if referents[gi] is not None:
            report.resolved_total += 1
            report.resolved_right += same_speaker(p.speaker, referents[gi])
        if q.get("cue_start") is not None or p.cue_start is not None:
            report.cue_total += 1
            if (
                q.get("cue_start") is not None
                and p.cue_start is not None
                and overlaps(q["cue_start"], q["cue_end"], p.cue_start, p.cue_end)
            ):
                report.cue_right += 1
    matched_gold = {gi for gi, _ in pairs}
    matched_found = {pi for _, pi in pairs}
    report.misses.extend((article, q) for gi, q in enumerate(gold) if gi not in matched_gold)
    report.false_alarms.extend(
        (article, p) for pi, p in enumerate(found) if pi not in matched_found
    )


def _named_referent(gold: dict, referent: str | None) -> str | None:
    """The name a gold mention gives in full ('Claire McCaskill' for 'Sen. Claire
    McCaskill (D-Mo.)'), or None for a pronoun, whose referent is only approximated."""
    words = (gold.get("speaker") or "").split()
    if len(words) == 1 and fold(words[0]) in PRONOUNS:
        return None
    return referent


def _speaker_right(gold: dict, predicted) -> bool:
    if same_speaker(predicted.speaker, gold.get("speaker")):
        return True
    start, end = gold.get("speaker_start"), gold.get("speaker_end")
    mention = getattr(predicted, "speaker_start", None), getattr(predicted, "speaker_end", None)
    return (
        start is not None and None not in mention and overlaps(start, end, mention[0], mention[1])
    )


PRONOUNS = frozenset("he she they him her them i we you it his its their".split())
TITLES = frozenset(
    """mr mrs ms dr sen senator rep gov governor president former vice pres gen general
    secretary minister prime prof professor rev judge mayor chairman chief candidate
    nominee republican democratic democrat the representative sens reps mister""".split()
)
# Offices that are titles only before a person's name: 'Speaker Lund', 'Justice Moen', but
# 'the Justice Department', 'the Union Leader' (a newspaper). All are titles the engine's
# names.TITLES knows (a test holds them to it); most of its others never name an office.
OFFICES = frozenset("speaker leader justice chancellor admiral pastor".split())
# People described, not named, when they open a sentence.
GENERIC = frozenset(
    """officials sources analysts experts critics supporters observers aides advisers
    advisors polls reports residents voters scientists researchers economists lawyers
    police prosecutors investigators witnesses spokesman spokeswoman spokesperson
    others many some""".split()
)
# Groups written with a capital, as generic as 'officials' ('Republicans said').
GROUPS_BY_NAME = frozenset(
    """republicans democrats conservatives liberals progressives independents
    libertarians evangelicals americans europeans britons tories""".split()
)
JOINERS = frozenset({"of", "for", "and", "de", "van", "von", "al"})
# Capitalised as dates, never names: 'a poll released Thursday'.
DAYS = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())
# Capitalised only because a sentence starts with them: never part of a name.
STARTERS = frozenset(
    """a an and as at but by during for from if in it on or since so that the then this
    though when where while with after before because meanwhile also although however
    despite unlike like under asked according yet still even now instead once against
    following several other who""".split()
) | {word.casefold() for word in NOT_NAME_OPENERS}  # 'Neither', 'Besides', 'PM'


def resolve_gold_speakers(text: str, gold: list[dict]) -> list[str | None]:
    """For each gold quote, the person its speaker mention means, or None (generic, or a
    first-person "I"/"we" that no earlier mention names)."""
    genders = _genders(text)
    recent: list[tuple[int, str]] = []  # (where, resolved name) of gold speakers
    order = sorted(range(len(gold)), key=lambda i: gold[i].get("speaker_start") or gold[i]["start"])
    resolved: dict[int, str | None] = {}
    for i in order:
        mention = (gold[i].get("speaker") or "").strip()
        words = mention.split()
        at = gold[i].get("speaker_start") or gold[i]["start"]
        if not words:
            resolved[i] = None
        elif len(words) == 1 and fold(words[0]) in PRONOUNS:
            resolved[i] = None  # once every named speaker is known, below
        else:
            name = _proper_name(words, text, gold[i].get("speaker_start"))
            gender = _title_gender(words[0])
            resolved[i] = _fullest(text, name, at, gender) if name else None
            if resolved[i]:
                recent.append((at, resolved[i]))
    # Speakers' surnames, of those a known first name shows are people ('Patriot' is none).
    people = {name.split()[-1] for _, name in recent if of_first_name(name.split()[0])}
    topics = _sentence_topics(text, people)
    for i in order:
        words = (gold[i].get("speaker") or "").split()
        if len(words) == 1 and fold(words[0]) in PRONOUNS:
            at = gold[i].get("speaker_start") or gold[i]["start"]
            before = sorted(pair for pair in recent + topics if pair[0] < at)
            resolved[i] = _antecedent(fold(words[0]), [name for _, name in before], genders)
    return [resolved[i] for i in range(len(gold))]


# A capitalised run of one to four words (initials too), after an optional title: a name maybe.
# A run of initials is taken whole (possessive): split every way, it took cubic time.
_CAPITALISED_RUN = re.compile(
    r"(?<![\w’'.-])(?:(Mr|Mrs|Ms|Miss|Dr|Sen|Rep|Gov|Gen|Adm|President|Senator|Justice|"
    r"Speaker|Judge|Mayor)\.? )?((?:(?:[A-Z]\.)++ ?|[A-Z][\w’'-]+ ){0,3}[A-Z][\w’'-]+)"
)
# Words that open a subordinate clause: 'If Holt wins, he …' is no sentence about Holt.
_SUBORDINATORS = frozenset(
    "if when while as although though because since after before unless once until whether".split()
)
# A sentence's end: a stop, then space and a capital or an opening mark, or a line break.
_SENTENCE_END = re.compile(r"[.!?][’”\"')]*\s+(?=[A-Z“\"‘'])|\n+")


def _sentence_topics(text: str, speaker_surnames: set[str]) -> list[tuple[int, str]]:
    """The people sentences open with, whether or not they speak, as (where, fullest
    name): 'Holt walked in. She said …' means Holt though Holt says nothing. A person is
    a name after a courtesy title or office, a known first name and a surname, or a
    surname of either kind or of a gold speaker."""
    runs = []
    for match in _CAPITALISED_RUN.finditer(text):
        words = [re.sub(r"[’']s$", "", w) for w in match.group(2).split()]
        opener = fold(words[0])
        while words and (fold(words[0]) in STARTERS or fold(words[0]) in TITLES):
            words = words[1:]  # 'But Holt', 'Former Gov. Holt'
        if opener in ("the", "a", "an") or opener in _SUBORDINATORS:
            continue  # 'The Holt campaign', 'If Holt wins, …': no sentence's subject
        if words:
            runs.append((match.start(), match.group(1), words))
    surnames = set(speaker_surnames)
    for _, title, words in runs:
        if title or (len(words) >= 2 and of_first_name(words[0]) is not None):
            surnames.add(words[-1])
    starts = [0] + [
        m.end() for m in _SENTENCE_END.finditer(text) if _ends_sentence(text, m.start())
    ]
    topics = []
    for at, title, words in runs:
        name = " ".join(words)
        if words[-1] not in surnames or is_org(name) or is_place(name) or _quoted(text, at):
            continue  # a name in a quotation is the quoted speaker's, no sentence's topic
        if _opens_sentence(text[starts[bisect.bisect(starts, at) - 1] : at]):
            topics.append((at, _fullest(text, name, at, _title_gender(title or ""))))
    return topics


def _opens_sentence(before: str) -> bool:
    """Whether a name after ``before`` (its sentence's words before it) is the sentence's
    subject: it opens the sentence, or follows an opening phrase's comma ('In May, Holt
    …'). A name later in a sentence is mostly an object ('He met Holt')."""
    before = before.strip(" \t“\"‘'(")
    words = before.split()
    return not words or (
        before.count(",") == 1
        and before.endswith(",")
        and len(words) <= 6  # 'In May,'; not a clause: 'He said that as long as …,'
        and fold(words[0]) not in PRONOUNS | _SUBORDINATORS
    )


def _quoted(text: str, at: int) -> bool:
    """Whether ``at`` is inside quotation marks opened in its paragraph."""
    paragraph = text[text.rfind("\n", 0, at) + 1 : at]
    return (
        paragraph.count("“") > paragraph.count("”")
        or paragraph.count("''") % 2 == 1
        or paragraph.count('"') % 2 == 1
    )


def _ends_sentence(text: str, stop: int) -> bool:
    """Whether the stop at ``stop`` ends a sentence: no title's ('Mr. Holt') or initial's."""
    word = (text[max(0, stop - 12) : stop].split() or [""])[-1]
    # 'Mr. Holt', 'Paul D. Holt', 'A.E. Holt': a title's or an initial's stop
    abbreviation = fold(word) in _NOT_STOPS or re.fullmatch(r"(?:[A-Z]\.)*[A-Z]", word)
    return text[stop] != "." or not abbreviation


# A name right before a relative pronoun: 'Stevie Wonder, who joked …'.
_NAME_BEFORE = re.compile(r"((?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'.-]*),?\s*$")


def relative_antecedent(text: str, gold: dict) -> str | None:
    """Whom a gold 'who' or 'which' stands for: the name right before it ('Stevie Wonder,
    who joked'), in full; None for other mentions, or for a name after a preposition with
    no comma ('a staffer at the State Department who told' is the staffer)."""
    at = gold.get("speaker_start")
    if at is None or fold((gold.get("speaker") or "").strip()) not in WH_RELATIVES:
        return None
    match = _NAME_BEFORE.search(text, max(0, at - 80), at)
    if match is None:
        return None
    before = text[max(0, match.start() - 20) : match.start()].split()[-1:]
    restrictive = "," not in match.group(0)
    if restrictive and before and (before[0] in _HEAD_ENDS or before[0].casefold() in STARTERS):
        return None
    name = _head_name(match.group(1).split(), text, match.start(1))
    return _fullest(text, name, at) if name else None


def _antecedent(pronoun: str, recent: list[str], genders: dict[str, str]) -> str | None:
    """The latest person named (a speaker, or a sentence's first) "he" or "she" can mean:
    of its gender where the text tells it ("Mr. Trump", "Mrs. Clinton"). "It" and "they"
    mean an organisation or a group, which a list of names cannot tell, and first and
    second person nobody here."""
    wanted = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}.get(pronoun)
    if wanted is None:
        return None
    for name in reversed(recent):
        if " and " in name or (
            (is_org(name) or is_place(name)) and not any(of_first_name(w) for w in name.split())
        ):
            continue  # 'The New York Times', 'India and Pakistan', 'Beijing': no 'he' or 'she'
        known = genders.get(name.split()[-1]) or of_first_name(name.split()[0])
        if known is None or known == wanted:
            return name
    return None


def _title_gender(word: str) -> str | None:
    """ "m" or "f" for a courtesy title ("Mr.", "Mrs.", "Ms.", "Miss"), else None."""
    return {"mr": "m", "mrs": "f", "ms": "f", "miss": "f"}.get(fold(word).strip("."))


def _genders(text: str) -> dict[str, str]:
    """Surname → "m"/"f" from the courtesy titles the text gives them."""
    genders: dict[str, str] = {}
    for title, name in re.findall(r"\b(Mr|Mrs|Ms|Miss)\.? ((?:[A-Z][\w’'-]+ ?){1,3})", text):
        genders.setdefault(name.split()[-1], _title_gender(title))
    return genders


def _proper_name(words: list[str], text: str, start: int | None) -> str | None:
    """The name a mention gives its speaker, titles and descriptions left out: the
    capitalised run that ends the mention's head ("White House press secretary Josh
    Earnest" → "Josh Earnest", "Josh Earnest, the press secretary" → "Josh Earnest"), or
    else a name in apposition ("His partner at Lenox, Lawrence Cummings"). A name that
    only qualifies the head ("The Indiana governor", "Obama's aides", "a spokeswoman for
    Clinton") or is capitalised because the sentence starts with it names nobody."""
    parts = " ".join(words).split(",")
    name = _head_name(parts[0].split(), text, start)
    if name is None and len(parts) > 1:
        apposition = parts[1].split()
        if 0 < len(apposition) <= 4 and all(w[:1].isupper() for w in apposition):
            name = _head_name(apposition, text, None)
    return name


# Words that end a mention's head after a common noun: prepositions, relatives
# ('advisers to Mr. Obama', 'a study that appeared in the British Medical Journal').
_HEAD_ENDS = frozenset(
    """of for to at in from by with on about among under within that who which whose
    whom""".split()
)


def _head_name(head: list[str], text: str, start: int | None) -> str | None:
    runs: list[list[str]] = [[]]
    for position, word in enumerate(head):
        bare = re.sub(r"[’']s$", "", word).strip(".,;:()")
        lower = word[:1].islower()
        previous = head[position - 1] if position else ""
        after_noun = previous[:1].islower() and previous.casefold() not in STARTERS
        participle = word.endswith("ing") and "-" not in word
        if lower and after_noun and (word in _HEAD_ENDS or participle):
            break  # 'Several judges handling …': the head ends before the participle
        first = position - len(runs[-1])
        if word in ("of", "for", "in", "at", "from") and _person(
            runs[-1], head[first - 1] if first else "", text
        ):
            break  # 'Mr. Strand of the Harbour Institute', 'Per Lund in Bodø': the person
        if position == 0 and _starts_sentence(text, start) and _common_word(bare, text):
            runs.append([])
        elif word.startswith("("):
            break  # '(D-Mo.)': a party and state after the name, no part of it
        elif bare == "I" or bare in DAYS:
            runs.append([])
        elif previous == "of" and position >= 2 and fold(head[position - 2]) in TITLES:
            runs.append([])  # 'Secretary of State John Kerry': the office's own word
        elif _office(bare, head[position + 1 : position + 2]):  # "Speaker Per Lund"
            runs.append([])
        elif (bare[:1].isupper() and fold(bare) not in TITLES) or (runs[-1] and bare in JOINERS):
            runs[-1].append(bare)
        elif runs[-1]:
            runs.append([])
        if runs[-1] and bare != word.strip(".,;:()") and position + 1 < len(head):
            runs.append([])  # 'Obama's aides': a possessive qualifies what follows
    while runs[-1] and runs[-1][-1] in JOINERS:
        runs[-1].pop()
    if runs[-1] and fold(runs[-1][-1]) in GROUPS_BY_NAME:
        return None  # 'Republicans', 'Virginia Democrats': a group, no one person
    return " ".join(runs[-1]) or None


def _office(word: str, following: list[str]) -> bool:
    """Whether ``word`` is an office used as a title: before a capitalised word that is
    no organisation's ('Speaker Lund'; not 'Justice Department')."""
    after = following[0].strip(".,;:()") if following else ""
    return fold(word) in OFFICES and after[:1].isupper() and not is_org(after)


def _person(run: list[str], before: str, text: str) -> bool:
    """Whether a capitalised run names a person: after a courtesy title, or from a known
    first name ('Bank of America' and 'University of Oslo' do not)."""
    whole = " ".join(run)
    return bool(run) and (
        fold(before).strip(".") in HONORIFICS
        or of_first_name(run[0]) is not None
        # 'Eskil Vaaje of the Fjord Group': a first and a last name, however rare; a
        # surname is no word the text writes in lower case ('the Harbour Chamber of …').
        or (
            len(run) == 2
            and not is_org(whole)
            and not any(is_place(w) or w.isupper() or _common_word(w, text) for w in run)
            and fold(run[0]) not in GROUPS_BY_NAME
            # 'the Harbour Bureau of …': an article before it, in the mention or the text
            and fold(before) not in ("a", "an", "the")
            and re.search(rf"\b(?:[Tt]he|an?) {re.escape(whole)}\b", text) is None
        )
    )


def _starts_sentence(text: str, start: int | None) -> bool:
    if start is None:
        return False
    before = text[max(0, start - 3) : start].rstrip(' \t“"')
    return not before or before[-1] in ".!?\n:"


def _common_word(word: str, text: str) -> bool:
    lower = word.lower()
    return (
        lower in STARTERS
        or lower in GENERIC
        or re.search(rf"(?<![.!?]\s)\b{re.escape(lower)}\b", text) is not None
    )


def _fullest(text: str, name: str, at: int | None = None, gender: str | None = None) -> str:
    """The fullest "First Last" form of ``name`` in the text ("Trump" → "Donald Trump"),
    within one sentence of the body (a headline, the first line, is left out): of the
    forms that agree with the words it has ("Bill Clinton" never becomes "Hillary
    Clinton") and with the ``gender`` of its courtesy title ("Mrs. Clinton" is no "Bill
    Clinton"), the last one named before ``at``, else the first one after it."""
    surname = name.split()[-1]
    given = [fold(w.strip(".")) for w in name.split()[:-1]]
    body_start = text.find("\n") + 1 if "\n" in text else 0
    # Forms rank by how their first name agrees with the title: known to agree, unknown,
    # known to contradict. The last are still taken when nothing else is named, since
    # first-name lists misgender some names ('Lee', 'Jan').
    ranked: dict[int, list[str | None]] = {0: [None, None], 1: [None, None], 2: [None, None]}
    # Not inside a word ('World War II. Trump' has no initial 'I.').
    pattern = rf"(?<![\w.’'-])((?:(?:[A-Z]\.)+ |[A-Z][\w’'-]+ ){{1,2}}){re.escape(surname)}\b"
    for match in re.finditer(pattern, text[body_start:]):
        given_words = match.group(1)
        if _after_sentence_end(text, body_start + match.start()):
            # 'But Hillary Clinton': a sentence's first word is capitalised as such.
            given_words = given_words.split(maxsplit=1)[1] if " " in given_words.strip() else ""
        # "NBC's Lester Holt": the words after a possessive; "Mr. King's Russia": none.
        given_words = re.split(r"[’']s ", given_words)[-1]
        words = [
            w
            for w in given_words.split()
            if fold(w.strip(".")) not in TITLES
            and fold(w) not in OFFICES
            and fold(w) not in _PLACE_INITIALS
            and fold(w.strip(".")) not in GROUPS_BY_NAME
            and w not in DAYS
            and not _common_word(w, text)
        ]
        if words and _opener(words[0], text):
            words = words[1:]  # 'Neither Clinton', 'Injecting Clinton': no given name
        if not words or (given and [fold(w.strip(".")) for w in words][-len(given) :] != given):
            continue
        if is_org(" ".join(words)):
            # 'the board of the Washington Post Trump said'; 'House Newt Gingrich': Newt.
            words = words[-1:]
            if is_org(words[0]):
                continue
        candidate = " ".join([*words, surname])
        known = of_first_name(words[0]) if gender else None
        forms = ranked[1 if known is None else 0 if known == gender else 2]
        if at is None or body_start + match.start() < at:
            forms[0] = candidate
        elif forms[1] is None:
            forms[1] = candidate
    best = next((form for rank in (0, 1, 2) for form in ranked[rank] if form), name)
    return best if len(best.split()) >= len(name.split()) else name


# A country's or union's initials, never a given name's: 'the U.S. Halvorsen campaign'.
_PLACE_INITIALS = frozenset("u.s. u.k. u.n. e.u. d.c.".split())


def _opener(word: str, text: str) -> bool:
    """Whether a participle or adverb opens a sentence before a surname ('Praising Lund'):
    the text capitalises it only where a sentence opens, as no given name ('Flemming')."""
    if not opener_shaped(word):
        return False
    for match in re.finditer(rf"(?<![\w’'-]){re.escape(word)}\b", text):
        at = match.start()
        if not _starts_sentence(text, at):
            return False
        stop = text[max(0, at - 12) : at].rstrip(' \t“"')
        if stop.endswith(".") and fold((stop[:-1].split() or [""])[-1]) in _NOT_STOPS:
            return False  # 'Mr. Flemming': a title's stop opens no sentence
    return True


def _after_sentence_end(text: str, at: int) -> bool:
    """Whether ``text[at:]`` follows a sentence's stop; an abbreviated title's ('Sen. Ted
    Cruz', 'Gov. Terry McAuliffe') is none."""
    before = text[max(0, at - 12) : at]
    if len(before) < 2 or before[-1] != " " or before[-2] not in ".!?":
        return False
    word = (before[:-2].split()[-1:] or [""])[0]
    return before[-2] != "." or fold(word) not in _ABBREVIATED_TITLES


# Offices, not courtesy titles: after 'Mr.' come surnames ('Mr. Guajardo Villarreal').
_ABBREVIATED_TITLES = frozenset("dr sen rep gov gen adm lt col sgt capt rev prof pres".split())
# Abbreviations whose stop ends no sentence before a name.
_NOT_STOPS = _ABBREVIATED_TITLES | HONORIFICS
