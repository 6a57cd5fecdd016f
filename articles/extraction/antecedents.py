"""Whom 'he' or 'she' means, ranked by a learned model: each person the registry holds is
scored by a logistic regression over how recently and how often it spoke, was a
sentence's subject or was named, and whether its gender fits (bench/train_antecedents.py
trains it on PolNeAR train).

The weights are plain JSON (antecedent_model.json: feature -> weight) and inference is
pure Python. Without the JSON file the registry's salience rule chooses alone.
"""

from __future__ import annotations

from bisect import bisect_left
from functools import cache
from pathlib import Path
from typing import Protocol

from articles.extraction import logistic

MODEL_PATH = Path(__file__).with_name("antecedent_model.json")

# How many events ago a mere mention counts as recent as a subject's, and a person of
# unknown gender as one of the right one: the rule's salience, here one feature of many.
MENTION_PENALTY = 6
UNKNOWN_GENDER_PENALTY = 3


class Candidate(Protocol):
    """What the ranker reads of a registry entity."""

    name: str
    description: str
    gender: str | None
    spoke_at: int
    subject_at: int
    mentioned_at: int
    opened_at: int
    spoke_count: int
    mention_count: int


def rule_score(entity: Candidate, wanted: str | None) -> int:
    """The salience rule: the latest of when it spoke, was a subject or (less) was named."""
    score = max(entity.spoke_at, entity.subject_at, entity.mentioned_at - MENTION_PENALTY)
    if wanted is not None and entity.gender is None:
        score -= UNKNOWN_GENDER_PENALTY
    return score


def _rank(value: int, descending: list[int]) -> str:
    """How many of the candidates' ``descending`` values (negated, sorted) are later."""
    if value < 0:
        return "never"
    rank = bisect_left(descending, -value)
    return str(rank) if rank < 3 else "3+"


def _ago(now: int, at: int) -> str:
    if at < 0:
        return "never"
    ago = now - at
    if ago > _AGO_LIMITS[-1][0]:
        return "far"
    # Read from a table: four of these for each candidate for each pronoun.
    return _AGO_LABELS[max(ago, 0)]


# The buckets of how many events ago, and each count's bucket up to the last.
_AGO_LIMITS = ((1, "1"), (2, "2"), (4, "4"), (8, "8"), (16, "16"))
_AGO_LABELS = tuple(
    next(label for limit, label in _AGO_LIMITS if ago <= limit)
    for ago in range(_AGO_LIMITS[-1][0] + 1)
)


def _count(n: int) -> str:
    return str(n) if n < 3 else ("3+" if n < 6 else "6+")


def features(
    pronoun: str, candidates: list[Candidate], now: int, last_speaker: object
) -> list[list[str]]:
    """The features of each candidate for ``pronoun`` ("he" or "she") at event ``now``."""
    return [_row(signals) for signals in _signals(pronoun, candidates, now, last_speaker)]


# What a candidate's features are made of: a label or a small number or truth each.
Signals = tuple


def _signals(
    pronoun: str, candidates: list[Candidate], now: int, last_speaker: object
) -> list[Signals]:
    """For each candidate, the values its features are made of. They are few labels, so
    the same ones recur from pronoun to pronoun: the model scores each once."""
    wanted = "f" if pronoun in _FEMININE else "m"
    spoke = sorted(-c.spoke_at for c in candidates)
    subject = sorted(-c.subject_at for c in candidates)
    mentioned = sorted(-c.mentioned_at for c in candidates)
    rules = [rule_score(c, wanted) for c in candidates]
    ranked_rules = sorted(-rule for rule in rules)
    return [
        (
            "fit" if c.gender == wanted else "unknown",
            str(min(bisect_left(ranked_rules, -rule), 3)),
            _rank(c.spoke_at, spoke),
            _rank(c.subject_at, subject),
            _rank(c.mentioned_at, mentioned),
            _ago(now, c.spoke_at),
            _ago(now, c.subject_at),
            _ago(now, c.mentioned_at),
            _count(c.spoke_count),
            _count(c.mention_count),
            min(len(c.name.split()), 3),
            bool(c.description),
            c is last_speaker,
            pronoun,
            _ago(now, c.opened_at),
            c.mention_count == 1,
        )
        for c, rule in zip(candidates, rules, strict=True)
    ]


def _row(signals: Signals) -> list[str]:
    """The features a candidate's ``signals`` make."""
    (gender, rule_rank, sr, jr, mr, sa, ja, ma, sc, mc, words, titled, last, pronoun, oa, new) = (
        signals
    )
    row = [
        "b",
        f"g={gender}",
        f"rr={rule_rank}",
        f"rr={rule_rank}|g={gender}",
        f"sr={sr}",
        f"jr={jr}",
        f"mr={mr}",
        f"sa={sa}",
        f"ja={ja}",
        f"ma={ma}",
        f"sc={sc}",
        f"mc={mc}",
        f"words={words}",
        f"titled={titled}",
        f"last={last}",
        f"{pronoun}|g={gender}",
        f"oa={oa}",
        f"new={new}",
    ]
    # The signals weigh differently together: a recent subject that never spoke, a
    # last speaker whose gender the text has not told.
    row += [
        f"{row[7]}|{row[8]}",
        f"{row[7]}|{row[1]}",
        f"{row[8]}|{row[1]}",
        f"{row[14]}|{row[1]}",
        f"{row[14]}|{row[8]}",
        f"{row[4]}|{row[5]}",
        f"{row[10]}|{row[11]}",
        f"{row[16]}|{row[1]}",
        f"{row[16]}|{row[17]}",
        f"{row[16]}|{row[14]}",
    ]
    return row


_FEMININE = frozenset("she her hers herself".split())


class AntecedentModel:
    """Logistic regression over candidate features; the best-scored candidate wins."""

    def __init__(self, weights: dict[str, float]):
        self.weights = weights
        # Each candidate's score by its signals, which decide its features: three in four
        # candidates repeat one met before, and the weights never change once loaded.
        # The signals are a few buckets each, so this stays a few thousand entries.
        self._scores: dict[Signals, float] = {}

    def score(self, row: list[str]) -> float:
        return logistic.probability(self.weights, row)

    def best(
        self, pronoun: str, candidates: list[Candidate], now: int, last_speaker: object
    ) -> Candidate | None:
        """The candidate ``pronoun`` most likely means; ties go to the earlier one."""
        if len(candidates) < 2:
            return candidates[0] if candidates else None
        best, best_score = None, -1.0
        scores = self._scores
        for candidate, signals in zip(
            candidates, _signals(pronoun, candidates, now, last_speaker), strict=True
        ):
            score = scores.get(signals)
            if score is None:
                score = scores[signals] = self.score(_row(signals))
            if score > best_score:
                best, best_score = candidate, score
        return best


@cache
def load(path: Path = MODEL_PATH) -> AntecedentModel | None:
    """The antecedent model stored beside this module, or None when there is none."""
    data = logistic.read(path)
    if data is None:
        return None
    return AntecedentModel(data["weights"])
