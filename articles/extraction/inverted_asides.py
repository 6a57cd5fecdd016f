"""A verb of saying right after a comma, its speaker after it: 'The trouble, says Ola
Nilsen, a historian, is that …'. The name speaks; the clause it breaks goes on after the
name's comma and its descriptions, or (descriptions ending the sentence) the lead before
the aside is all that was said. around_cues.py takes the pieces; content_spans.py the lead.
"""

from __future__ import annotations

from articles.extraction import cues
from articles.extraction.aside_openings import ASIDE_RELATIVES
from articles.extraction.clause_shapes import FINITE, PREPOSITIONS, Token
from articles.extraction.cue_subjects import DETERMINERS
from articles.extraction.patterns import SAYING_VERBS


def inverted_aside(sentence: list[Token], first: int, last: int) -> tuple[int, int | None] | None:
    """'The trouble, says Ola Nilsen, a historian, is that …': a verb of saying right after
    a comma, its speaker after it, and the clause it breaks going on after the speaker's
    comma (and an apposition's). The speaker's comma and where the rest starts (None when
    descriptions of the speaker end the sentence)."""
    if first != last or first < 2 or sentence[first - 1][2] != ",":
        return None
    if sentence[first][2].lower() not in SAYING_VERBS:
        return None
    comma = next(
        (
            i
            for i in range(first + 1, min(first + 2 + _INVERTED_SPEAKER_WORDS, len(sentence)))
            if sentence[i][2] == ","
        ),
        None,
    )
    if comma is None or comma == first + 1:
        return None
    words = [w for _, _, w in sentence[first + 1 : comma]]
    if not words[0][:1].isupper() or any(
        _finite(w) or not (w[:1].isalnum() or w in _NAME_MARKS) for w in words
    ):
        return None  # a name, perhaps titled: 'says Carl Lund', 'said Sen. Ada Berg'
    rest = comma + 1
    # 'says Ola Nilsen, director of the Fjord Trust, a charity that …, is …': each
    # description closed by its comma is the speaker's.
    while (after := _apposition_end(sentence, rest)) is not None:
        rest = after + 1
    if rest < len(sentence) and _trailing_apposition(sentence, rest):
        return comma, None  # '…, said Holt, a reporter whose work has …': he ends it
    if not (
        _clause_opens(sentence[rest : rest + _CLAUSE_WORDS])
        or (rest < len(sentence) and _verb_shaped(sentence[rest][2]))
    ):
        return None  # '…, said Holt, the mayor.', '…, said Holt, adding that …': no clause
    if sum(w[:1].isalnum() for _, _, w in sentence[rest:]) < _REST_WORDS:
        return None
    if sentence[rest][2].lower() in _NOT_CLAUSE_OPENERS:
        return None  # '…, said Holt, and the board agreed': his words ended at his name
    return comma, rest


def inverted_rest_end(sentence: list[Token], rest: int) -> int:
    """Where the clause going on after an inverted aside's speaker ends: at the sentence's
    end, or before a second aside ('…, and the ferry, said Kari Holt, is late'), at its
    ', and' or, lacking one, at its comma."""
    end = len(sentence)
    while end > rest + 1 and sentence[end - 1][2] in ".!?":
        end -= 1
    second = next(
        (
            i
            for i in range(rest + 1, end - 1)
            if sentence[i][2] == "," and sentence[i + 1][2].lower() in SAYING_VERBS
        ),
        None,
    )
    if second is None:
        return end
    joint = next(
        (
            i
            for i in range(second - 1, rest, -1)
            if sentence[i][2] == "," and sentence[i + 1][2].lower() in _NOT_CLAUSE_OPENERS
        ),
        second,
    )
    return max(joint, rest + 1)


def _trailing_apposition(sentence: list[Token], start: int) -> bool:
    """A description of the speaker that runs to the sentence's end: 'a reporter whose
    work has …', 'director of the trust that runs it'."""
    if not _apposition_opens(sentence[start][2]) or _clause_opens(
        sentence[start : start + _CLAUSE_WORDS]
    ):
        return False
    return not any(w in ",;:—–" or w in cues.QUOTE_MARKS for _, _, w in sentence[start:])


def _clause_opens(words: list[Token]) -> bool:
    """A verb (an auxiliary's) among the first words, and no relative before it: 'the vote
    will fail', but 'a reporter whose work has …' describes the speaker."""
    for _, _, word in words:
        lowered = word.lower()
        if _finite(lowered):
            return True
        if lowered in ASIDE_RELATIVES or lowered == "that" or word in ",;:—–":
            return False
    return False


def _finite(word: str) -> bool:
    """An auxiliary, perhaps negated: 'is', 'doesn't', 'won’t'."""
    lowered = word.lower()
    return lowered in FINITE or lowered.endswith(("n't", "n’t"))


def _apposition_end(sentence: list[Token], start: int) -> int | None:
    """The comma that closes a description of the speaker from ``start`` ('a historian,',
    'who remains …,', '70,', 'historian at …,'), or None: no description, or a clause
    ('the vote will fail, …')."""
    if start >= len(sentence) or not _apposition_opens(sentence[start][2]):
        return None
    after = next(
        (
            j
            for j in range(start + 1, min(start + _APPOSITION_WORDS, len(sentence)))
            if sentence[j][2] in ",;:—–" or sentence[j][2] in cues.QUOTE_MARKS
        ),
        None,
    )
    if after is None or sentence[after][2] != ",":
        return None
    relative = sentence[start][2].lower() in ASIDE_RELATIVES
    if not relative and any(_finite(w) for _, _, w in sentence[start:after]):
        return None
    return after


def _apposition_opens(word: str) -> bool:
    """'a historian', 'who remains …', '70,', 'historian at …': a description of the
    speaker, not the clause going on ('and the board …', 'adding that …')."""
    lowered = word.lower()
    if lowered in DETERMINERS or lowered in ASIDE_RELATIVES or word[:1].isdigit():
        return True
    return (
        word[:1].islower()
        and lowered not in _NOT_CLAUSE_OPENERS
        and lowered not in PREPOSITIONS
        and lowered not in FINITE
        and not lowered.endswith(("ing", "ly"))
        and not _verb_shaped(word)
    )


def _verb_shaped(word: str) -> bool:
    """'remains open', 'seemed late': a verb's ending, the clause going on after the
    speaker, not a bare description ('director of …')."""
    return word[:1].islower() and word.endswith(("s", "ed")) and not word.endswith("ss")


_INVERTED_SPEAKER_WORDS = 6  # 'says former Vestland Gov. Siv Aasen'
_APPOSITION_WORDS = 16  # 'historian at the National Museum of …'
_REST_WORDS = 2  # 'is that …'
_CLAUSE_WORDS = 8  # where a clause going on after the name has its verb
_NAME_MARKS = frozenset(".'’-&")
_NOT_CLAUSE_OPENERS = frozenset("and but or nor as while because so then".split())
