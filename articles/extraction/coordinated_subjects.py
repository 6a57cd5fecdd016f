"""The subject a verb after 'and' or 'but' with no subject of its own shares with the
verb before it: 'Kari Holt met Ivar Lund, and said …' is Holt's, not Lund's, whose name
comes last before the cue.

The tokens' reading of a cue's subject (cue_subjects.subject_before) already answers
this for the cues it reads; the readers that look at a sentence's characters (the lead
of a quotation, lead_subjects.py, and an attribution pattern's match, pattern_speakers.py)
ask it here, so that every path answers the same."""

from __future__ import annotations

import re

from articles.extraction import cue_subjects, cues
from articles.extraction.clause_shapes import MID_CLAUSE_ADVERBS, adverb
from articles.extraction.paragraphs import tail_start
from articles.extraction.registry import Registry
from articles.extraction.speakers import Speaker


def coordinated_subject(
    registry: Registry, text: str, sentence_start: int, cue_start: int
) -> Speaker | None:
    """The subject the verb at ``cue_start`` shares with the verb before it, when 'and'
    or 'but' (perhaps a comma before it, up to two adverbs after it) comes right before
    the cue: 'The Holm campaign sent an email with a photo of Ola Berg, and accused …',
    'Lund did not name Berg, but told …'. None when no conjunction stands there, or the
    subject found names no one or is not the first verb's."""
    # Only the last characters before the cue: a search of the whole lead for a pattern
    # anchored at its end tries each position, the square of a run-on sentence's length.
    start = tail_start(text, sentence_start, cue_start)
    conjunction = _CONJUNCTION_AT_END.search(text, start, cue_start)
    if conjunction is None or not all(
        adverb(w) or w in _ADVERBS_AFTER_CONJUNCTION for w in conjunction.group("adverbs").split()
    ):
        return None
    at = conjunction.start("conjunction")
    # A run-on sentence is read from the same word's start on, as the other readers of
    # a cue's subject read it.
    sentence = cues.tokens(text, start, cue_start + _CUE_WORD_CHARS)
    first = next((i for i, token in enumerate(sentence) if token[0] == cue_start), None)
    if first is None:
        return None
    shared = cue_subjects.subject_before(registry, text, sentence, first)
    if shared.entity is None or shared.mention is None:
        return None
    opening, end = shared.mention
    between = text[end:at]
    if sum(between.count(mark) for mark in _QUOTE_MARKS) % 2:
        return None  # '“… they will call me,” he promises, and …': a quotation's words
    if text[opening:end].casefold() in _IMPERSONAL:
        return None  # 'It has become so visible that Lund thanked … and called …'
    if _CLAUSE_BETWEEN.search(between):
        # 'Rabbis called for a boycott, and the league denounced him and said', '… on
        # Monday when Lund lamented the mood and criticised': a clause after the subject
        # found has its own, which the tokens' reading of the sentence passed over.
        return None
    return shared


# A lead ending in 'and' or 'but', a comma allowed before it: a second verb with no subject
# of its own ('… with a photo of Ola Berg, and ', '… did not name Berg, but ').
# Up to two adverbs may stand between ('but now ', 'and pointedly '), as a cue's may.
_ADVERBS_AFTER_CONJUNCTION = MID_CLAUSE_ADVERBS | frozenset("now then later again even".split())
_CONJUNCTION_AT_END = re.compile(
    r"[\w.’'”\"],?\s+(?P<conjunction>and|but)\s+(?P<adverbs>(?:[a-z]+\s+){0,2})$"
)
# Enough of the text after a cue's start to hold its word.
_CUE_WORD_CHARS = 40
# Quotation marks, but not the single ones that also stand for apostrophes ('Lund’s').
_QUOTE_MARKS = (*sorted(cues.QUOTE_MARKS - {"‘", "’"}), "''")
# Subjects that name no one who speaks, the sentence's or a clause's.
_IMPERSONAL = frozenset("it this that there".split())
# A clause opening between a subject and the 'and' before the cue: ', and the', ' when ';
# or an 'according to' aside, whose source reports the second verb too ('Her relatives
# watched it, according to their lawyers, and said …').
_CLAUSE_BETWEEN = re.compile(
    r"[;:]|,\s+(?:and|but)\s|\baccording\s+to\b"
    r"|\b(?:when|while|as|after|before|because|if|since|although|though|whereas)\s"
)
