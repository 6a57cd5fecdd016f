"""'the charge, which Lund has denied': a cue whose object is the 'which' before its
subject, which PARC's annotators mark as what is attributed (a wide-scope content)."""

from __future__ import annotations

from articles.extraction.clause_shapes import (
    AUXILIARIES,
    PREPOSITIONS,
    Token,
    adverb,
    subject_pronoun,
)
from articles.extraction.cue_subjects import DETERMINERS, subject_before
from articles.extraction.handoff import WORD, indirect_candidate
from articles.extraction.model import Candidate
from articles.extraction.names import TITLE_ABBREVIATIONS
from articles.extraction.registry import Registry

# The least probability the cue model gives the verb after the subject: at 0.15, PolNeAR
# train gained two contents for five false ones, verbs that only describe ('which she laid
# down', 'which the department proposed').
FLOOR = 0.3
# 'which' alone: after a subject and a cue, a 'that' was PolNeAR train's content 13 times in
# 233 (mostly a complementiser or a noun's clause), 'what' 9 in 64 and 'whom' 6 in 15.
_RELATIVE = "which"
# The share of these contents that were PolNeAR train's own, not the cue's probability: as
# an attribution of its own, a 'which' inside another content is kept (outer_attribution).
CONFIDENCE = 0.75
_SUBJECT_WORDS = 5  # 'which [Sen. Kari Holt] supports': the stop is a token
_DESCRIBED_WORDS = 3  # lower-case words after a determiner: 'which [the county board] opposes'
# Words between a subject and its cue: auxiliaries, negations and a few adverbs that do not
# end in -ly ('which Holt has long opposed', 'which Holt has since denied').
_BETWEEN = AUXILIARIES | {"since"}
# Words after which 'which' asks a question: the object of no cue.
_ASKING = frozenset(
    """ask asks asked asking wonder wonders wondered wondering know knows knew unclear
    sure decide decides decided""".split()
)


def relative_objects(
    registry: Registry,
    text: str,
    sentence: list[Token],
    scored: list[tuple[int, float]],
    found: list[Candidate],
) -> list[Candidate]:
    """Each 'which' of ``sentence`` that the object of a cue after its subject stands for,
    as that cue's content, unless a candidate of ``found`` is that word already;
    ``scored``: the cue model's probability of each word it knows."""
    words = list(map(WORD, sentence))
    probabilities = dict(scored)
    contents = []
    for i, word in enumerate(words):
        if word != _RELATIVE or i == 0 or words[i - 1].lower() in PREPOSITIONS:
            continue  # 'in which he said': the clause's place, not its object
        if words[i - 1].lower() in _ASKING:
            continue  # 'asked which Holt backs': a question word, no relative
        cue = _cue_after_subject(words, i + 1, probabilities)
        if cue is None:
            continue
        # A clause after the cue ('which he said the county should fund', 'which Holt says
        # is unfair') keeps the 'which' too: PARC's content is both, in two pieces (on
        # PolNeAR train 32 of 33 such 'which' were inside a content, dropping them lost 11).
        start, end = sentence[i][0], sentence[i][1]
        if any(c.start == start and c.end == end for c in found):
            continue  # read already, as the piece of a clause after the cue
        # Looking the subject up must not make it salient: a content only the wide scope
        # takes would change the speakers of the quotes both scopes find.
        before = registry.checkpoint()
        speaker = subject_before(registry, text, sentence, cue)
        registry.restore(before)
        candidate = indirect_candidate(
            (start, end),
            speaker,
            (sentence[cue][0], sentence[cue][1]),
            CONFIDENCE,
            gated=True,
            shortest=len(_RELATIVE),
        )
        if candidate is not None:
            contents.append(candidate)
    return contents


def _cue_after_subject(words: list[str], start: int, probabilities: dict[int, float]) -> int | None:
    """The index of the cue after a subject at ``start`` ('he', 'Sen. Kari Holt', 'the
    county board') and the auxiliaries or adverbs after it, or None for another shape."""
    n = len(words)
    j = start
    if j < n and subject_pronoun(words[j].lower()):
        return _cue_at(words, j + 1, probabilities)
    while j < n and j - start < _SUBJECT_WORDS:
        lowered = words[j].lower()
        if lowered in DETERMINERS:
            # 'the county board opposes': which lower-case word is the verb only the cue
            # model can say, so each is tried in turn.
            for k in range(j + 2, min(n, j + 2 + _DESCRIBED_WORDS)):
                if not (words[k - 1][:1].islower() and words[k - 1].isalpha()):
                    break
                cue = _cue_at(words, k, probabilities)
                if cue is not None:
                    return cue
            return None
        if words[j] == "." and j > start and words[j - 1].lower() in TITLE_ABBREVIATIONS:
            j += 1  # 'Sen. Kari Holt': the title's stop is a token of its own
            continue
        if not (words[j][:1].isupper() and words[j][:1].isalpha()):
            break
        j += 1
    return _cue_at(words, j, probabilities) if j > start else None


def _cue_at(words: list[str], j: int, probabilities: dict[int, float]) -> int | None:
    """The cue at ``j`` or after the auxiliaries and adverbs there, if the model says so."""
    n = len(words)
    while j < n and (words[j].lower() in _BETWEEN or adverb(words[j].lower())):
        j += 1
    return j if j < n and probabilities.get(j, 0.0) >= FLOOR else None
