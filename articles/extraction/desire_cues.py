"""'would like to', 'I'd like to', 'Republicans plan to': a wish or an intention that
PARC's annotators count as an attribution ('The council would like to close the ferry',
'Critics plan to protest'), with a cue the model never scores, as 'like', 'plan' and
'planned' are no words of its vocabulary ('plans' and 'planning' are). In the wide scope
such a word is a cue the model doubts: the gate weighs its content as it weighs 'wants
to'."""

from __future__ import annotations

from articles.extraction.clause_shapes import FINITE, NEGATIONS, adverb, subject_pronoun
from articles.extraction.cues import Token
from articles.extraction.handoff import WORD

# The probability a doubted cue is given: under the cue model's threshold, so that the
# clauses scope never reads it and the gate decides in the wide scope.
WISH_PROBABILITY = 0.3

_WOULD = frozenset("would 'd ’d".split())
_INTENDING = frozenset("planned intend".split())
_WORDS = _INTENDING | {"like", "plan"}


def wish_cues(
    sentence: list[Token], scored: list[tuple[int, float]], words: list[str] | None = None
) -> list[tuple[int, float]]:
    """``scored`` with each wish or intention before a 'to' added, in order: the 'like' of
    'would like to' or 'I'd like to', the verb of 'plan to', 'planned to', 'intend to';
    ``words``: the tokens' words, when the caller has read them already."""
    if words is None:
        words = list(map(WORD, sentence))
    # Most sentences hold none of these words: a set test, in C, says so.
    if _WORDS.isdisjoint(words):
        return scored
    added = [
        (i, WISH_PROBABILITY)
        for i in range(1, len(words) - 1)
        if words[i + 1] == "to"
        and (
            (words[i] == "like" and _after_would(words, i))
            or words[i] in _INTENDING  # no noun: 'planned to', 'intend to'
            or (words[i] == "plan" and _before_verb(words[i - 1]))
        )
    ]
    return sorted([*scored, *added]) if added else scored


def _after_would(words: list[str], i: int) -> bool:
    """'would like', 'I’d like', and with an adverb between: 'would also like'."""
    before = words[i - 1].lower()
    if (before in _BETWEEN or adverb(before)) and i >= 2:
        before = words[i - 2].lower()
    return before in _WOULD or before.endswith(("'d", "’d"))


_BETWEEN = frozenset("also still just".split())


def _before_verb(word: str) -> bool:
    """A word after which 'plan' is a verb: a subject pronoun or 'who' ('they plan to'), a
    plural ('Republicans plan to'), an auxiliary, a negation or an adverb ('do not plan
    to', 'also plan to'). Any other word leaves it a noun: a determiner or possessive
    ('her plan to') may stand several words back ('a ten-point plan to', 'Holt's bold plan
    to'), and 'the toll plan to' may be either, read as the noun."""
    lowered = word.lower()
    return (
        subject_pronoun(lowered)
        or lowered == "who"
        or lowered in FINITE
        or lowered in NEGATIONS
        or lowered.endswith(("n't", "n’t"))
        or lowered in _BETWEEN
        or adverb(lowered)
        or _plural(lowered)
    )


def _plural(word: str) -> bool:
    """'critics', 'republicans': a plural noun's '-s', not that of 'its', 'this', 'bus',
    'class' or a possessive ('Vestby's')."""
    return len(word) > 3 and word.endswith("s") and not word.endswith(_NOT_PLURAL)


_NOT_PLURAL = ("ss", "us", "is", "'s", "’s")
