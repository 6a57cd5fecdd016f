"""The wide scope's gate (Scope.WIDE): which of the contents the clauses scope passes
over PARC would count, by a logistic regression trained by bench/train_gate.py.

It weighs a cue's object or to-infinitive ('urged voters to stay home', 'questioned the
count'), a negated or passive cue ('did not rule out running', 'is expected to win') and
the contents of words the cue model scores under its threshold ('wants to cut taxes').
Without gate_model.json beside this module it is absent and the wide scope finds what
the clauses scope finds.
"""

from __future__ import annotations

import math
from functools import cache
from pathlib import Path

from articles.extraction import logistic

MODEL_PATH = Path(__file__).with_name("gate_model.json")

# Words that open what follows a cue, by class: 'to' (an infinitive or an addressee),
# prepositions ('about', 'of', 'for'), determiners (a noun phrase), pronouns.
_PREPOSITIONS = frozenset(
    """on about into for of with at in by from over against after before during as
    amid under through without within since until upon""".split()
)
_DETERMINERS = frozenset("a an the his her its their this that these those our my".split())
_PRONOUNS = frozenset("he she they we i it him them us me you".split())
_CLAUSE_WORDS = frozenset("whether if how why what who when where which".split())
_QUOTE_MARKS = frozenset('"“”‘’«»')


def word_class(word: str) -> str:
    """What a word after the cue opens: 'to', a preposition, a noun phrase, a clause …"""
    lowered = word.lower()
    if lowered == "to":
        return "to"
    if lowered == "that":
        return "that"
    if lowered in _PREPOSITIONS:
        return "prep"
    if lowered in _DETERMINERS:
        return "det"
    if lowered in _PRONOUNS:
        return "pron"
    if lowered in _CLAUSE_WORDS:
        return "wh"
    if word[:1].isdigit():
        return "num"
    if word[:1].isupper():
        return "cap"
    if not word[:1].isalnum():
        return "mark"
    return "word"


# The features a cue decides: those before the subject's, and those after the probability's.
CueFeatures = tuple[list[str], list[str]]


def features(
    words: list[str],
    first: int,
    last: int,
    length: int,
    shape: str,
    subject: str,
    probability: float,
    cue: CueFeatures | None = None,
) -> list[str]:
    """A passed-over content's features: its cue ``words[first:last + 1]`` and context, its
    length in tokens, why the rules passed it over (``shape``), its subject's kind.
    ``cue``: what ``cue_features`` made of the cue, when the caller has it already."""
    before, after = cue if cue is not None else cue_features(words, first, last, shape)
    # In the order the weights were always summed: another order could change the last
    # bit of the score, and so a content right at the threshold.
    return [
        *before,
        *_subject_features(subject, shape),
        _length_feature(length),
        _probability_feature(probability),
        *after,
    ]


def cue_features(words: list[str], first: int, last: int, shape: str) -> CueFeatures:
    """The features that the cue ``words[first:last + 1]``, its sentence and ``shape``
    decide, whatever the content and its subject: a caller that weighs a cue twice
    (``Gate.might_admit``, then ``features``) builds them once."""
    # Only the few words around the cue are lowered: a sentence can run to hundreds.
    n = len(words)
    head = words[last].lower()
    cue = head if first == last else " ".join([w.lower() for w in words[first : last + 1]])
    n1 = words[last + 1] if last + 1 < n else "</s>"
    n1_lower = n1.lower()
    n2 = words[last + 2].lower() if last + 2 < n else "</s>"
    p1 = words[first - 1].lower() if first > 0 else "<s>"
    n1_class = word_class(n1) if last + 1 < n else "end"
    # The ending hints at the cue's form the model weighs apart: a participle ('adding'),
    # a past ('warned'), a present ('says'); no head ends with two of them.
    if head.endswith("ing"):
        suffix = "ing"
    elif head.endswith("ed"):
        suffix = "ed"
    elif head.endswith("s"):
        suffix = "s"
    else:
        suffix = ""
    before = [
        "b",
        f"shape={shape}",
        f"w={cue}",
        f"w|shape={cue}|{shape}",
        f"n1={n1_lower}",
        f"n1c={n1_class}",
        f"w|n1c={cue}|{n1_class}",
        f"w|n1={cue}|{n1_lower}",
        f"n1c|n2={n1_class}|{n2}",
        f"p1={p1}",
        f"suffix={suffix}",
        f"suffix|n1c={suffix}|{n1_class}",
    ]
    # A token is one mark at most, so a set test says what a substring test would.
    after = [
        _QUOTED if not _QUOTE_MARKS.isdisjoint(words) else _NOT_QUOTED,
        _AT[first] if first < len(_AT) else _AT_LAST,
        _UPPER if words[first][:1].isupper() else _NOT_UPPER,
    ]
    return before, after


def _subject_features(subject: str, shape: str) -> list[str]:
    return [f"subject={subject}", f"subject|shape={subject}|{shape}"]


def _length_feature(length: int) -> str:
    return f"length={_bucket(length, _LENGTHS)}"


def _probability_feature(probability: float) -> str:
    return f"p={_tenths(probability)}"


def _tenths(probability: float) -> int:
    return min(9, int(probability * 10))


_LENGTHS = (2, 4, 8, 16, 32)
# One length in each of the buckets above: a content of any length.
ANY_LENGTH = (0, *_LENGTHS)
# The kinds of subject a content can have (handoff._subject_kind).
SUBJECTS = ("none", "pronoun", "described", "org", "person")


def _bucket(value: int, bounds: tuple[int, ...]) -> str:
    """The first bound ``value`` stays under, as a label ('<4'), or the last exceeded."""
    for bound in bounds:
        if value < bound:
            return f"<{bound}"
    return f">={bounds[-1]}"


# The features of ``after`` by value, made once: the position's label for each cue
# position under the last bound, and the two values of each flag.
_AT_BOUNDS = (1, 3, 6, 12)
_AT = tuple(f"at={_bucket(first, _AT_BOUNDS)}" for first in range(_AT_BOUNDS[-1]))
_AT_LAST = f"at={_bucket(_AT_BOUNDS[-1], _AT_BOUNDS)}"
_QUOTED, _NOT_QUOTED = f"quoted={True}", f"quoted={False}"
_UPPER, _NOT_UPPER = f"upper={True}", f"upper={False}"


class Gate:
    """Logistic regression over a candidate's features, and the probability it needs."""

    def __init__(self, weights: dict[str, float], threshold: float):
        self.weights = weights
        self.threshold = threshold
        # The least summed weight whose probability reaches the threshold (logistic
        # clamps the sum to ±30, which no threshold here comes near).
        if threshold <= _NEVER_BELOW:
            self._least_score = -math.inf
        elif threshold >= 1.0:
            self._least_score = math.inf
        else:
            self._least_score = math.log(threshold / (1.0 - threshold))
        # The largest weights of the alternatives might_admit has met, which depend on
        # the shape and the alternatives but not on the cue, and recur: by subjects and
        # shape, and by lengths (the weights never change once loaded).
        self._best_subject: dict[tuple[str, tuple[str, ...]], float] = {}
        self._best_length: dict[tuple[int, ...], float] = {}
        self._by_probability: dict[int, float] = {}

    def probability(self, features: list[str]) -> float:
        return logistic.probability(self.weights, features)

    def admits(self, features: list[str]) -> bool:
        return self.probability(features) >= self.threshold

    def might_admit(
        self,
        cue: CueFeatures,
        shape: str,
        *,
        lengths: tuple[int, ...] = ANY_LENGTH,
        subjects: tuple[str, ...] = SUBJECTS,
        probabilities: tuple[float, ...],
    ) -> bool:
        """False only when ``admits`` would refuse every content of the cue whose features
        are ``cue`` (``cue_features``) and ``shape``, whatever its length in ``lengths``, its
        subject's kind in ``subjects`` and its probability in ``probabilities``: so that
        the caller need not look up a subject, or build a content, the gate will refuse.

        The bound is the cue's own weights and the largest of each alternative's; a
        margin far above the rounding of either sum keeps it on the safe side."""
        get = self.weights.get
        before, after = cue
        score = sum([get(feature, 0.0) for feature in before])
        score += sum([get(feature, 0.0) for feature in after])
        best_subject = self._best_subject.get((shape, subjects))
        if best_subject is None:
            best_subject = self._best_subject[shape, subjects] = max(
                get(subject_kind, 0.0) + get(subject_shape, 0.0)
                for subject_kind, subject_shape in (_subject_features(s, shape) for s in subjects)
            )
        score += best_subject
        best_length = self._best_length.get(lengths)
        if best_length is None:
            best_length = self._best_length[lengths] = max(
                get(_length_feature(length), 0.0) for length in lengths
            )
        score += best_length
        if len(probabilities) == 1:
            score += self._probability_weight(probabilities[0])
        else:
            score += max(map(self._probability_weight, probabilities))
        return score >= self._least_score - _MARGIN

    def _probability_weight(self, probability: float) -> float:
        """The weight of ``_probability_feature(probability)``, looked up once per value."""
        tenths = _tenths(probability)
        weight = self._by_probability.get(tenths)
        if weight is None:
            feature = _probability_feature(probability)
            weight = self._by_probability[tenths] = self.weights.get(feature, 0.0)
        return weight


# A score's rounding errors are some 1e-14; this margin only makes the bound looser.
_MARGIN = 1e-9
# Under this threshold even the clamped least probability (about 9e-14) is admitted.
_NEVER_BELOW = 1e-12


@cache
def load(path: Path = MODEL_PATH) -> Gate | None:
    """The gate stored beside this module, or None when there is none."""
    data = logistic.read(path)
    if data is None:
        return None
    return Gate(data["weights"], data["threshold"])
