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
    for limit, label in ((1, "1"), (2, "2"), (4, "4"), (8, "8"), (16, "16")):
        if ago <= limit:
            return label
    return "far"


def _count(n: int) -> str:
    return str(n) if n < 3 else ("3+" if n < 6 else "6+")


def features(
    pronoun: str, candidates: list[Candidate], now: int, last_speaker: object
) -> list[list[str]]:
    """The features of each candidate for ``pronoun`` ("he" or "she") at event ``now``."""
    wanted = "f" if pronoun in _FEMININE else "m"
    spoke = sorted(-c.spoke_at for c in candidates)
    subject = sorted(-c.subject_at for c in candidates)
    mentioned = sorted(-c.mentioned_at for c in candidates)
    rules = [rule_score(c, wanted) for c in candidates]
    ranked_rules = sorted(-rule for rule in rules)
    rows = []
    for c, rule in zip(candidates, rules, strict=True):
        gender = "fit" if c.gender == wanted else "unknown"
        rule_rank = str(min(bisect_left(ranked_rules, -rule), 3))
        row = [
            "b",
            f"g={gender}",
            f"rr={rule_rank}",
            f"rr={rule_rank}|g={gender}",
            f"sr={_rank(c.spoke_at, spoke)}",
            f"jr={_rank(c.subject_at, subject)}",
            f"mr={_rank(c.mentioned_at, mentioned)}",
            f"sa={_ago(now, c.spoke_at)}",
            f"ja={_ago(now, c.subject_at)}",
            f"ma={_ago(now, c.mentioned_at)}",
            f"sc={_count(c.spoke_count)}",
            f"mc={_count(c.mention_count)}",
            f"words={min(len(c.name.split()), 3)}",
            f"titled={bool(c.description)}",
            f"last={c is last_speaker}",
            f"{pronoun}|g={gender}",
            f"oa={_ago(now, c.opened_at)}",
            f"new={c.mention_count == 1}",
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
        rows.append(row)
    return rows


_FEMININE = frozenset("she her hers herself".split())


class AntecedentModel:
    """Logistic regression over candidate features; the best-scored candidate wins."""

    def __init__(self, weights: dict[str, float]):
        self.weights = weights

    def score(self, row: list[str]) -> float:
        return logistic.probability(self.weights, row)

    def best(
        self, pronoun: str, candidates: list[Candidate], now: int, last_speaker: object
    ) -> Candidate | None:
        """The candidate ``pronoun`` most likely means; ties go to the earlier one."""
        if len(candidates) < 2:
            return candidates[0] if candidates else None
        best, best_score = None, -1.0
        for candidate, row in zip(
            candidates, features(pronoun, candidates, now, last_speaker), strict=True
        ):
            score = self.score(row)
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
