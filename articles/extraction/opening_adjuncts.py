"""Cues inside a sentence's opening adjunct: 'Despite criticizing the plan, Holt voted
for it', 'To address the fares, Dahl proposed …', 'By refusing to admit fault, Berg …'.

The participle or infinitive has no subject of its own: the main clause's subject, after
the adjunct's comma, is who criticizes or addresses. Read as any other cue, the word that
opens the adjunct ('Despite', 'To', 'By') stood before the cue and was taken for its
subject, and the content ran on over the comma into the main clause. around_cues.py asks
it for each cue in the wide scope, as PARC counts these.
"""

from __future__ import annotations

from articles.extraction import cues
from articles.extraction.clause_shapes import Token, participle
from articles.extraction.cue_subjects import sentence_subject
from articles.extraction.handoff import indirect_candidate
from articles.extraction.model import Candidate, Span
from articles.extraction.registry import Registry
from articles.extraction.sentence_openings import OPENING_TOKENS
from articles.extraction.speakers import phrase_source


def opening_adjunct_cue(sentence: list[Token], first: int, last: int) -> bool:
    """Whether the cue ``sentence[first..last]`` is the participle or infinitive right
    after the word that opens the sentence's adjunct: 'Despite criticizing', 'To address'."""
    if first != 1 or len(sentence) < 5:
        return False
    opener, word = sentence[0][2], sentence[1][2]
    if opener[:1].islower() or not word.isalpha() or not word.islower():
        return False
    if opener.lower() == "to":
        return True
    return opener.lower() in _SUBORDINATORS and participle(word)


def opening_adjunct_content(
    registry: Registry, text: str, sentence: list[Token], last: int, cue: Span, probability: float
) -> Candidate | None:
    """What the adjunct's cue attributes, up to the adjunct's comma, said by the main
    clause's subject; None when no comma closes a short adjunct."""
    comma = _adjunct_comma(sentence, last)
    if comma is None or comma == last + 1 or comma + 2 >= len(sentence):
        return None
    if any(w in cues.QUOTE_MARKS for _, _, w in sentence[last + 1 : comma]):
        return None  # a quotation's own rules read it and its speaker
    before = registry.checkpoint()
    main = sentence[comma + 1 :]
    speaker = sentence_subject(registry, text, main, len(main))
    registry.restore(before)
    if speaker.entity is None:
        # 'In describing the levy as theft, the farmers …': the subject names nobody
        # the registry knows; its words are the source.
        end = _subject_end(sentence, comma + 1)
        if end > comma + 1:
            speaker = phrase_source(text, sentence[comma + 1][0], sentence[end - 1][1])
    content = (sentence[last + 1][0], sentence[comma - 1][1])
    return indirect_candidate(content, speaker, cue, probability, gated=True)


def _adjunct_comma(sentence: list[Token], last: int) -> int | None:
    """The comma that closes the adjunct, passing those inside it: a relative clause's
    ('the crowd, which chanted his name, …') and a list's ('in Vestby, Moen and Lia, …')."""
    commas = [
        i for i in range(last + 1, min(len(sentence), OPENING_TOKENS)) if sentence[i][2] == ","
    ]
    for n, comma in enumerate(commas):
        if comma + 1 >= len(sentence):
            return None
        word = sentence[comma + 1][2]
        if word.lower() in _INSIDE_ADJUNCT or participle(word):
            continue
        rest = commas[n + 1] if n + 1 < len(commas) else None
        if rest is not None and all(
            w[:1].isupper() or w in ("and", "or") for _, _, w in sentence[comma + 1 : rest]
        ):
            continue  # a list of names goes on to the next comma
        return comma
    return None


def _subject_end(sentence: list[Token], start: int) -> int:
    """Where the described subject opening at ``start`` ends: its article, then its words
    up to the first that may be its verb (a word of another kind ends it too)."""
    end = start
    if end < len(sentence) and sentence[end][2].lower() in _ARTICLES:
        end += 1
    while end < len(sentence) and end - start < _SUBJECT_WORDS:
        word = sentence[end][2]
        if not word.isalpha() or word.lower() in _VERB_ENDS or word.lower().endswith("ed"):
            break
        end += 1
    return end if end - start >= 2 or sentence[start][2][:1].isupper() else start


# Words that open an adjunct whose participle has the main clause's subject: 'After
# arguing', 'Despite criticizing', 'In describing', 'By refusing', 'Without naming'.
_SUBORDINATORS = frozenset(
    "after before despite in by while when since without upon on through besides".split()
)
# Words after a comma that go on inside the adjunct rather than open the main clause.
_INSIDE_ADJUNCT = frozenset("which who whom whose where when and or but including".split())
_ARTICLES = frozenset("the a an".split())
# Words a described subject never holds: its verb, or what starts its clause's rest.
_VERB_ENDS = frozenset(
    """is are was were has have had will would can could may might must should do does
    did also said says of who which that""".split()
)
_SUBJECT_WORDS = 5  # a described subject longer than this is read no further
