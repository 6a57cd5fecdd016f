"""Score extracted quotes against a gold set: pure Python, no Django.

Direct and mixed quotes (the words inside quotation marks or after a dash) are scored
together as "direct"; reported speech as "indirect". A prediction matches a gold quote
exactly when the spans are equal, or by overlap when they share at least half of the
shorter span. Speaker and cue accuracy are measured on overlap matches.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from articles.extraction.names import fold

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
    def cue_accuracy(self) -> float:
        return self.cue_right / self.cue_total if self.cue_total else 1.0


def same_speaker(predicted: str | None, gold: str | None) -> bool:
    """Equal names, or one the other's surname or longer form ("Lie" ~ "Tormod Lie")."""
    if not predicted or not gold:
        return not predicted and not gold
    a, b = fold(predicted).split(), fold(gold).split()
    if a == b:
        return True
    shorter, longer = (a, b) if len(a) < len(b) else (b, a)
    return len(shorter) > 0 and longer[-len(shorter) :] == shorter


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
            _score(report, record["id"], group, gold, found)
    return report


def _score(report: Report, article: str, group: str, gold, found) -> None:
    report.exact[group].gold += len(gold)
    report.exact[group].predicted += len(found)
    report.overlap[group].gold += len(gold)
    report.overlap[group].predicted += len(found)
    exact = {(q["start"], q["end"]) for q in gold} & {(p.start, p.end) for p in found}
    report.exact[group].true_positives += len(exact)
    pairs = sorted(
        (
            (min(q["end"], p.end) - max(q["start"], p.start), gi, pi)
            for gi, q in enumerate(gold)
            for pi, p in enumerate(found)
            if overlaps(q["start"], q["end"], p.start, p.end)
        ),
        reverse=True,
    )
    used_gold, used_found = set(), set()
    for _, gi, pi in pairs:
        if gi in used_gold or pi in used_found:
            continue
        used_gold.add(gi)
        used_found.add(pi)
        q, p = gold[gi], found[pi]
        report.overlap[group].true_positives += 1
        report.speaker_total += 1
        if same_speaker(p.speaker, q["speaker"]):
            report.speaker_right += 1
        else:
            report.wrong_speakers.append((article, q, p))
        if q.get("cue_start") is not None or p.cue_start is not None:
            report.cue_total += 1
            if (
                q.get("cue_start") is not None
                and p.cue_start is not None
                and overlaps(q["cue_start"], q["cue_end"], p.cue_start, p.cue_end)
            ):
                report.cue_right += 1
    report.misses.extend((article, q) for gi, q in enumerate(gold) if gi not in used_gold)
    report.false_alarms.extend((article, p) for pi, p in enumerate(found) if pi not in used_found)
