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
from typing import NamedTuple

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


class CueFeatures(NamedTuple):
    """The values the features a cue decides are made of ('w=urged' of ``cue``), whatever
    the content and its subject; ``Gate`` weighs them without making the strings."""

    cue: str
    shape: str
    n1: str
    n1c: str
    n2: str
    p1: str
    suffix: str
    quoted: str
    at: str
    upper: str


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
    c = cue if cue is not None else cue_features(words, first, last, shape)
    # In the order the weights were always summed: another order could change the last
    # bit of the score, and so a content right at the threshold (Gate.admits_cue too).
    return [
        "b",
        f"shape={c.shape}",
        f"w={c.cue}",
        f"w|shape={c.cue}|{c.shape}",
        f"n1={c.n1}",
        f"n1c={c.n1c}",
        f"w|n1c={c.cue}|{c.n1c}",
        f"w|n1={c.cue}|{c.n1}",
        f"n1c|n2={c.n1c}|{c.n2}",
        f"p1={c.p1}",
        f"suffix={c.suffix}",
        f"suffix|n1c={c.suffix}|{c.n1c}",
        *_subject_features(subject, shape),
        _length_feature(length),
        _probability_feature(probability),
        f"quoted={c.quoted}",
        f"at={c.at}",
        f"upper={c.upper}",
    ]


def cue_features(words: list[str], first: int, last: int, shape: str) -> CueFeatures:
    """The values that the cue ``words[first:last + 1]``, its sentence and ``shape``
    decide, whatever the content and its subject: a caller that weighs a cue twice
    (``Gate.might_admit``, then ``Gate.admits_cue``) finds them once."""
    # Only the few words around the cue are lowered: a sentence can run to hundreds.
    n = len(words)
    cue = " ".join([w.lower() for w in words[first : last + 1]])
    head = words[last].lower()
    n1 = words[last + 1] if last + 1 < n else "</s>"
    n2 = words[last + 2].lower() if last + 2 < n else "</s>"
    p1 = words[first - 1].lower() if first > 0 else "<s>"
    n1_class = word_class(n1) if last + 1 < n else "end"
    suffix = next((s for s in ("ing", "ed", "s") if head.endswith(s)), "")
    # A token is one mark at most, so a set test says what a substring test would.
    quoted = str(not _QUOTE_MARKS.isdisjoint(words))
    at = _bucket(first, (1, 3, 6, 12))
    upper = str(words[first][:1].isupper())
    return CueFeatures(cue, shape, n1.lower(), n1_class, n2, p1, suffix, quoted, at, upper)


def _subject_features(subject: str, shape: str) -> list[str]:
    return [f"subject={subject}", f"subject|shape={subject}|{shape}"]


def _length_feature(length: int) -> str:
    return f"length={_bucket(length, _LENGTHS)}"


def _probability_feature(probability: float) -> str:
    return f"p={min(9, int(probability * 10))}"


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


# The templates ``features`` makes of one value ('w=urged'), and of two joined by '|'
# ('w|n1c=urged|det').
_SINGLE = ("b", "shape", "w", "n1", "n1c", "p1", "suffix", "quoted", "at", "upper")
_PAIRS = ("w|shape", "w|n1c", "w|n1", "n1c|n2", "suffix|n1c")


def _indexed(
    weights: dict[str, float],
) -> tuple[dict[str, dict[str, float]], dict[str, dict[tuple[str, str], float]]]:
    """The weights by template and value ('w=urged' under 'w', 'urged'; 'w|n1c=urged|det'
    under 'w|n1c', ('urged', 'det')). A pair's value is split at each '|' it holds: a
    word may hold one ('|'), and whichever split a cue makes, its string is the one weighed."""
    single: dict[str, dict[str, float]] = {name: {} for name in _SINGLE}
    pairs: dict[str, dict[tuple[str, str], float]] = {name: {} for name in _PAIRS}
    for feature, weight in weights.items():
        name, _, value = feature.partition("=")
        table = single.get(name)
        if table is not None:
            table[value] = weight
            continue
        by_values = pairs.get(name)
        if by_values is None:
            continue  # weighed by its string (subjects, lengths, probabilities) or unmade
        at = value.find("|")
        while at >= 0:
            by_values[value[:at], value[at + 1 :]] = weight
            at = value.find("|", at + 1)
    return single, pairs


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
        # The weights of a content's subject, length and probability, as first met.
        self._subject_weights: dict[tuple[str, str], list[float]] = {}
        self._by_length: dict[int, float] = {}
        self._by_tenths: dict[int, float] = {}
        # The cue's weights are found by template and value, without making the strings
        # (which cost more than the look-ups).
        single, pairs = _indexed(weights)
        self._b = single["b"].get("", 0.0)
        self._shape, self._w, self._n1, self._n1c = (
            single["shape"],
            single["w"],
            single["n1"],
            single["n1c"],
        )
        self._p1, self._suffix, self._quoted = single["p1"], single["suffix"], single["quoted"]
        self._at, self._upper = single["at"], single["upper"]
        self._w_shape, self._w_n1c, self._w_n1 = pairs["w|shape"], pairs["w|n1c"], pairs["w|n1"]
        self._n1c_n2, self._suffix_n1c = pairs["n1c|n2"], pairs["suffix|n1c"]

    def probability(self, features: list[str]) -> float:
        return logistic.probability(self.weights, features)

    def admits(self, features: list[str]) -> bool:
        return self.probability(features) >= self.threshold

    def _cue_weights(self, c: CueFeatures) -> tuple[list[float], list[float]]:
        """The weights of the features ``features`` makes of the cue ``c``, before those of
        the subject and after those of the probability, in the same order."""
        cue, n1c = c.cue, c.n1c
        before = [
            self._b,
            self._shape.get(c.shape, 0.0),
            self._w.get(cue, 0.0),
            self._w_shape.get((cue, c.shape), 0.0),
            self._n1.get(c.n1, 0.0),
            self._n1c.get(n1c, 0.0),
            self._w_n1c.get((cue, n1c), 0.0),
            self._w_n1.get((cue, c.n1), 0.0),
            self._n1c_n2.get((n1c, c.n2), 0.0),
            self._p1.get(c.p1, 0.0),
            self._suffix.get(c.suffix, 0.0),
            self._suffix_n1c.get((c.suffix, n1c), 0.0),
        ]
        after = [
            self._quoted.get(c.quoted, 0.0),
            self._at.get(c.at, 0.0),
            self._upper.get(c.upper, 0.0),
        ]
        return before, after

    def admits_cue(
        self, cue: CueFeatures, length: int, shape: str, subject: str, probability: float
    ) -> bool:
        """``admits(features(…, length, shape, subject, probability, cue))``."""
        return self.cue_probability(cue, length, shape, subject, probability) >= self.threshold

    def cue_probability(
        self, cue: CueFeatures, length: int, shape: str, subject: str, probability: float
    ) -> float:
        """``probability(features(…, length, shape, subject, probability, cue))`` to the
        last bit: the same weights added in the same order, found without their strings."""
        before, after = self._cue_weights(cue)
        get = self.weights.get
        z = 0.0
        for weight in before:
            z += weight
        subject_weights = self._subject_weights.get((subject, shape))
        if subject_weights is None:
            subject_weights = self._subject_weights[subject, shape] = [
                get(feature, 0.0) for feature in _subject_features(subject, shape)
            ]
        for weight in subject_weights:
            z += weight
        z += self._length_weight(length)
        z += self._probability_weight(probability)
        for weight in after:
            z += weight
        return logistic.of_score(z)

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
        before, after = self._cue_weights(cue)
        score = sum(before)
        score += sum(after)
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
        score += max([self._probability_weight(p) for p in probabilities])
        return score >= self._least_score - _MARGIN

    def _length_weight(self, length: int) -> float:
        weight = self._by_length.get(length)
        if weight is None:
            weight = self._by_length[length] = self.weights.get(_length_feature(length), 0.0)
        return weight

    def _probability_weight(self, probability: float) -> float:
        tenths = min(9, int(probability * 10))
        weight = self._by_tenths.get(tenths)
        if weight is None:
            weight = self._by_tenths[tenths] = self.weights.get(f"p={tenths}", 0.0)
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
