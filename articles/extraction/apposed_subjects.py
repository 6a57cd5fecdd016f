"""A subject set off by commas between a clause and its cue, a name and its description
in either order: 'Fares will rise, Holt, the mayor, said.', '…, a lawyer, Ina Berg, said'."""

from __future__ import annotations

from articles.extraction.clause_shapes import last_comma_before
from articles.extraction.cues import Token
from articles.extraction.model import Span
from articles.extraction.registry import Registry
from articles.extraction.speakers import Speaker, speaker_in
from articles.extraction.subject_words import NOUN_OPENERS

# The words that open a description: 'the mayor', 'a spokeswoman', 'her lawyer'.
# Not 'my' or 'your', which the writer does not describe a third person with, nor the
# plural 'these' and 'those': one name stands in the commas.
_DESCRIPTION_OPENERS = NOUN_OPENERS - {"my", "your", "these", "those"}
# A description holding one of these is a clause or an aside of its own ('the report,
# which Holt wrote').
_NOT_DESCRIBING = frozenset(
    """who whose which that is are was were will would has have had said says""".split()
)
_MOST_WORDS = 8  # in either part: 'the chair of the county's transport board'


def apposed_subject(
    registry: Registry, text: str, sentence: list[Token], comma: int
) -> tuple[Span, Speaker] | None:
    """The content and the speaker of a sentence whose cue follows the comma at
    ``comma`` and closes a name with its description, set off by two commas before it;
    None unless one part is a name and the other a description."""
    inner = last_comma_before(sentence, comma)
    outer = last_comma_before(sentence, inner) if inner is not None else None
    if outer is None or outer < 2 or sentence[inner][2] != "," or sentence[outer][2] != ",":
        return None
    parts = (sentence[outer + 1 : inner], sentence[inner + 1 : comma])
    if not all(1 <= len(part) <= _MOST_WORDS for part in parts):
        return None
    if not any(_named(part) for part in parts) or not any(_described(part) for part in parts):
        return None
    speaker = speaker_in(registry, text, sentence[outer + 1][0], sentence[comma - 1][1])
    if speaker.entity is None or not speaker.entity.named:
        return None
    return (sentence[0][0], sentence[outer][0]), speaker


def _named(part: list[Token]) -> bool:
    """Capitalised words alone: 'Holt', 'Mayor Ina Berg'."""
    return len(part) <= 4 and all(word[:1].isupper() for _, _, word in part)


def _described(part: list[Token]) -> bool:
    """A noun phrase that a determiner opens and no verb or relative interrupts."""
    words = [word.casefold() for _, _, word in part]
    return words[0] in _DESCRIPTION_OPENERS and _NOT_DESCRIBING.isdisjoint(words)
