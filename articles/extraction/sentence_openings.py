"""What opens a sentence before its subject: a dateline ('DUNMORE, Ore. -'), a
participle's phrase ('Arriving at the scene, …'), a phrase of time or place ('On Monday,
…'), an adverb ('Instead, …') or a conjunction ('But …'). The subject readers
(cue_subjects.py, around_cues.py) step over them."""

from __future__ import annotations

from articles.extraction import cues
from articles.extraction.clause_shapes import Token

DASHES = frozenset("-–—")


def dateline_end(sentence: list[Token]) -> int:
    """Where a dateline that opens the sentence ends, past its dash: 'DUNMORE, Ore. -',
    'ST. LOUIS --', 'DUNMORE, July 25 (Ledger) —', or the dash alone where the stop of
    'Ore.' ended a sentence before it; 0 when none opens it."""
    i = 0
    if len(sentence) > 3 and sentence[0][2] == "(" and sentence[2][2] == ")":
        i = 3  # '(Ledger) - Mayor Holt …': the agency of a dateline cut at 'Minn.'
    while i < len(sentence) and sentence[i][2] in DASHES:
        i += 1
    if i > 3 or (i and sentence[0][2] != "("):
        return i
    i = 0
    while i < len(sentence) and (
        (sentence[i][2].isupper() and len(sentence[i][2]) > 1) or (i and sentence[i][2] == ".")
    ):
        i += 1
    if i == 0:
        return 0
    for j in range(i, min(len(sentence) - 1, i + _DATELINE_TOKENS)):
        word = sentence[j][2]
        if word in DASHES:
            while j + 1 < len(sentence) and sentence[j + 1][2] in DASHES:
                j += 1
            return j + 1
        if word in ";:" or word in cues.QUOTE_MARKS or (word.islower() and word != "."):
            return 0
    return 0


# How many tokens a dateline's place and date may take after its capitals.
_DATELINE_TOKENS = 8


def opening_participle(sentence: list[Token]) -> bool:
    """A sentence that opens with a participle's phrase: 'Arriving at the scene, …',
    'Preceded by the mayor, …'."""
    word = sentence[0][2] if sentence else ""
    return (
        len(word) > 5 and word[:1].isupper() and word[1:].islower() and word.endswith(("ing", "ed"))
    )


# Words that open a phrase before a sentence's subject: 'On Monday, …', 'After the vote, …',
# 'If he wins, …', 'Inside the hall, …'.
OPENING_WORDS = frozenset(
    """on in at after before during early late earlier later last yesterday today since following
    if as while although though despite when because unless until once inside outside
    for amid like unlike throughout under over by with without upon beyond here there
    back across against around near through within among asked""".split()
)
# How many tokens an opening phrase may take to the comma that ends it.
OPENING_TOKENS = 16
# How far into a sentence with no comma a pronoun may follow its opening phrase.
OPENING_PRONOUN_TOKENS = 7
# Nouns of time that end a short opening phrase: 'This year, …', 'That night, …'.
TIME_NOUNS = frozenset("year week month morning afternoon evening night weekend day".split())
# Adverbs that open a sentence on their own, set off by a comma: 'Instead, he …'.
OPENING_ADVERBS = frozenset(
    """instead however still meanwhile moreover indeed nevertheless nonetheless
    furthermore besides separately similarly likewise again overall now then yet thus
    today yesterday tonight""".split()
)
# Conjunctions and adverbs that open a sentence before its subject, with no comma.
OPENING_CONJUNCTIONS = frozenset("but and so yet still then now also even or nor".split())
