"""The name before an apposition too long, or too full of names, for the subject's
phrase: 'Ivar Lund of Vestby, a Republican who served as a Marine, denounced …'."""

from __future__ import annotations

from articles.extraction.clause_shapes import Token
from articles.extraction.names import PARTY_MEMBERS, is_place
from articles.extraction.registry import Registry
from articles.extraction.sentence_openings import (
    OPENING_ADVERBS,
    OPENING_TOKENS,
    OPENING_WORDS,
    TIME_NOUNS,
)
from articles.extraction.speakers import Speaker, speaker_in
from articles.extraction.subject_words import ARTICLES

_MAX_NAME_TOKENS = 6


def name_before_apposition(
    registry: Registry, text: str, sentence: list[Token], comma: int, reach: int
) -> Speaker | None:
    """The person named before the apposition that ``comma`` closes, opening at most
    ``reach`` tokens back with an article, a role or a party: 'Lund, a Republican who …,'."""
    opening = next(
        (i for i in range(comma - 1, max(0, comma - reach) - 1, -1) if sentence[i][2] == ","),
        None,
    )
    if opening is None or opening + 2 >= comma or not _describes(sentence[opening + 1][2]):
        return None  # '“…,” Lund said, …' or 'Holt, 39, …': no described aside
    start = opening
    while start > 0 and sentence[start - 1][2] not in ",;:":
        start -= 1
    if start > 0 and not _opening_phrase(sentence, start - 1):
        return None  # 'officials in Vestby, Nordland, speaking …': a place, no subject
    words = [w for _, _, w in sentence[start:opening]]
    if "and" in words and sentence[opening + 1][2] in ("a", "an"):
        # 'Dahl and Lund, a Republican who …': one person's description, set off from Lund.
        cut = len(words) - words[::-1].index("and")
        start, words = start + cut, words[cut:]
    if not 0 < len(words) <= _MAX_NAME_TOKENS or any(
        not w[:1].isupper() and w != "of" for w in words
    ):
        return None  # 'Lund of Vestby' is a name; 'Lund urged voters' is a clause
    if words[0].lower() in OPENING_WORDS:
        return None  # 'In Vestby, the …': an opening phrase, not a name
    before = registry.checkpoint()
    speaker = speaker_in(registry, text, sentence[start][0], sentence[opening - 1][1])
    if speaker.entity is None or not speaker.entity.named or is_place(speaker.entity.name):
        registry.restore(before)
        return None
    return speaker


def _describes(word: str) -> bool:
    """Whether ``word`` may open a description: 'the head of …', 'Republican of …'."""
    return (
        word in ARTICLES or (word[:1].islower() and word.isalpha()) or word.lower() in PARTY_MEMBERS
    )


def _opening_phrase(sentence: list[Token], comma: int) -> bool:
    """Whether ``comma`` closes an opening phrase: 'On Tuesday,', 'Earlier this year,',
    'Instead,', 'On March 3, 2019,', 'In Vestby, Nordland,'."""
    if sentence[comma][2] != ",":
        return False
    first = sentence[0][2].lower()
    if first in OPENING_WORDS and comma <= OPENING_TOKENS:
        return True  # a date or a place pair holds commas of its own
    if any(w == "," for _, _, w in sentence[:comma]):
        return False
    return first in OPENING_ADVERBS or (sentence[comma - 1][2].lower() in TIME_NOUNS)
