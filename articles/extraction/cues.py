"""Cues found by a learned model: the words that attribute speech, belief or knowledge
('said', 'has denied', 'according to', 'believes', 'reports', 'tweeted'), scored token by
token with a logistic regression trained on PolNeAR train (bench/train_extraction.py).

The weights are plain JSON (cue_model.json: feature -> weight) and inference is pure
Python; only tokens whose word the model has seen in a cue are scored, so an article
costs a few hundred dictionary look-ups. Without the JSON file the engine's rules work
alone.
"""

from __future__ import annotations

import operator
import re
from functools import cache, lru_cache
from itertools import compress, count
from pathlib import Path

from articles.extraction import logistic
from articles.extraction.model import Span

MODEL_PATH = Path(__file__).with_name("cue_model.json")

# A token of a sentence: its start, its end and its word.
Token = tuple[int, int, str]

# Words, numbers with their inner marks (U.S., don't, 9/11), or a single mark.
TOKEN = re.compile(r"(?:[A-Z]\.){2,}|\w+(?:[’'\-/]\w+)*|[^\w\s]")
QUOTE_MARKS = frozenset('"“”„«»‘’')
_WORD = operator.itemgetter(2)  # a token's word
# TOKEN with the white space before it: every other character opens a token, so one
# match per token finds the same tokens as TOKEN's search, which would fail once at each
# space. Possessive: taking back a letter never lets a longer token match. The initials
# are written out twice rather than as '{2,}': an alternative that opens with a class is
# passed over on its first character (most tokens are no initials), where one that opens
# with a repeat was entered at every token.
_SPACES_THEN_TOKEN = re.compile(r"\s*+([A-Z]\.[A-Z]\.(?:[A-Z]\.)*+|\w++(?:[’'\-/]\w++)*+|[^\w\s])")


def tokens(text: str, start: int, end: int) -> list[Token]:
    """The tokens of ``text[start:end]`` as ``(start, end, word)``: those of TOKEN."""
    # The token ends the match: its end is the match's, which is asked for more cheaply.
    return [(m.start(1), m.end(), m[1]) for m in _SPACES_THEN_TOKEN.finditer(text, start, end)]


# Three words' shapes for each word the model scores: mostly the same few ('the', ',').
@lru_cache(maxsize=65536)
def _shape(word: str) -> str:
    if word in QUOTE_MARKS:
        return "Q"
    if not word[:1].isalnum():
        return word
    if word[:1].isupper():
        return "C"
    if word[:1].isdigit():
        return "0"
    return "w"


def features(words: list[str], lowered: list[str], i: int) -> list[str]:
    """The features of the token ``i`` of a sentence; ``lowered``: its words in lower case.
    ``CueModel.probability`` weighs the same features without making them: change both."""
    n = len(words)
    w = lowered[i]
    p1 = lowered[i - 1] if i > 0 else "<s>"
    p2 = lowered[i - 2] if i > 1 else "<s>"
    n1 = lowered[i + 1] if i + 1 < n else "</s>"
    n2 = lowered[i + 2] if i + 2 < n else "</s>"
    s_p1 = _shape(words[i - 1]) if i > 0 else "<s>"
    s_n1 = _shape(words[i + 1]) if i + 1 < n else "</s>"
    position = "first" if i == 0 else ("last" if i >= n - 2 else "mid")
    return [
        "b",
        f"w={w}",
        f"p1={p1}",
        f"n1={n1}",
        f"p2={p2}",
        f"n2={n2}",
        f"p1w={p1}|{w}",
        f"wn1={w}|{n1}",
        f"sp1={s_p1}",
        f"sn1={s_n1}",
        f"s={_shape(words[i])}",
        f"pos={position}",
        f"wpos={w}|{position}",
        f"wsn1={w}|{s_n1}",
        f"wsp1={w}|{s_p1}",
    ]


# The templates of ``features`` of one value ('p1=the'), and those that join the token's
# word and another value, by which side the word is on ('p1w=the|said', 'wn1=said|that').
_SINGLE = ("b", "w", "p1", "n1", "p2", "n2", "sp1", "sn1", "s", "pos")
_WORD_SECOND = ("p1w",)
_WORD_FIRST = ("wn1", "wpos", "wsn1", "wsp1")
_NO_PAIRS: dict[str, dict[str, float]] = {name: {} for name in _WORD_SECOND + _WORD_FIRST}


def _indexed(
    weights: dict[str, float],
) -> tuple[dict[str, dict[str, float]], dict[str, dict[str, dict[str, float]]]]:
    """The weights by template and value ('p1=the' under 'p1', 'the'), and those of the
    templates that join two values by the token's word, then template, then the other
    value. A pair's value is split at each '|' it holds: a word may be one ('|'), and
    whichever split a token makes, its feature's string is the one weighed."""
    single: dict[str, dict[str, float]] = {name: {} for name in _SINGLE}
    pairs: dict[str, dict[str, dict[str, float]]] = {}
    for feature, weight in weights.items():
        name, _, value = feature.partition("=")
        table = single.get(name)
        if table is not None:
            table[value] = weight
            continue
        if name not in _NO_PAIRS:
            continue  # a template ``features`` no longer makes
        at = value.find("|")
        while at >= 0:
            first, second = value[:at], value[at + 1 :]
            word, other = (second, first) if name in _WORD_SECOND else (first, second)
            by_name = pairs.get(word)
            if by_name is None:
                by_name = pairs[word] = {name: {} for name in _NO_PAIRS}
            by_name[name][other] = weight
            at = value.find("|", at + 1)
    return single, pairs


class CueModel:
    """Logistic regression over token features; ``vocabulary``: the words it scores."""

    def __init__(self, weights: dict[str, float], vocabulary: frozenset[str], threshold: float):
        self.weights = weights
        self.vocabulary = vocabulary
        self.threshold = threshold
        self._single, self._pairs = _indexed(weights)
        # The tables of single values, one attribute each: probability runs for every
        # known word of every sentence, and these look-ups would repeat in each call.
        single = self._single
        self._b, self._w, self._p1, self._n1 = single["b"], single["w"], single["p1"], single["n1"]
        self._p2, self._n2, self._sp1, self._sn1 = (
            single["p2"],
            single["n2"],
            single["sp1"],
            single["sn1"],
        )
        self._s, self._pos = single["s"], single["pos"]

    def probability(self, words: list[str], lowered: list[str], i: int) -> float:
        """``logistic.probability`` of the token's ``features``, without making their
        strings (which cost more than the look-ups): each weight is found by the values
        its feature joins, and added in the order of ``features``, so the sum is the same
        to the last bit (a feature the model lacks adds 0.0 in both)."""
        n = len(words)
        w = lowered[i]
        p1 = lowered[i - 1] if i > 0 else "<s>"
        p2 = lowered[i - 2] if i > 1 else "<s>"
        n1 = lowered[i + 1] if i + 1 < n else "</s>"
        n2 = lowered[i + 2] if i + 2 < n else "</s>"
        s_p1 = _shape(words[i - 1]) if i > 0 else "<s>"
        s_n1 = _shape(words[i + 1]) if i + 1 < n else "</s>"
        position = "first" if i == 0 else ("last" if i >= n - 2 else "mid")
        pairs = self._pairs.get(w, _NO_PAIRS)
        z = 0.0
        z += self._b.get("", 0.0)
        z += self._w.get(w, 0.0)
        z += self._p1.get(p1, 0.0)
        z += self._n1.get(n1, 0.0)
        z += self._p2.get(p2, 0.0)
        z += self._n2.get(n2, 0.0)
        z += pairs["p1w"].get(p1, 0.0)
        z += pairs["wn1"].get(n1, 0.0)
        z += self._sp1.get(s_p1, 0.0)
        z += self._sn1.get(s_n1, 0.0)
        z += self._s.get(_shape(words[i]), 0.0)
        z += self._pos.get(position, 0.0)
        z += pairs["wpos"].get(position, 0.0)
        z += pairs["wsn1"].get(s_n1, 0.0)
        z += pairs["wsp1"].get(s_p1, 0.0)
        return logistic.of_score(z)

    def cues(
        self, sentence: list[Token], threshold: float | None = None, words: list[str] | None = None
    ) -> list[tuple[int, float]]:
        """The indices of the sentence's tokens that are cues, with their probability: at
        least the model's threshold, or ``threshold`` when given; ``words``: the tokens'
        words, when the caller has read them already."""
        floor = self.threshold if threshold is None else threshold
        # Every word of every sentence passes here: each step is a builtin's, in C.
        if words is None:
            words = list(map(_WORD, sentence))
        lowered = list(map(str.lower, words))
        vocabulary = self.vocabulary
        known = compress(count(), map(vocabulary.__contains__, lowered))
        found = []
        for i in known:
            p = self.probability(words, lowered, i)
            if p >= floor:
                found.append((i, p))
        return found


@cache
def load(path: Path = MODEL_PATH) -> CueModel | None:
    """The cue model stored beside this module, or None when there is none."""
    data = logistic.read(path)
    if data is None:
        return None
    return CueModel(data["weights"], frozenset(data["vocabulary"]), data["threshold"])


def cue_span(sentence: list[Token], i: int) -> Span:
    """The cue's span in the text: the word, or 'according to' as one cue."""
    start, end, word = sentence[i]
    if word.lower() == "according" and i + 1 < len(sentence):
        end = sentence[i + 1][1]
    return start, end
