"""Subjects in a Title Case line ('Ingrid Berg Fully Embraced The Plan', 'Holt To Voters
Worried About Tolls: …'), where every word is capitalised and the capitals no longer
tell a name's words from a verb's or an adverb's: the name ends before a word that no
name holds, and a run of words the article writes in lower case ('Angry Ferry Workers')
is a group described, no name."""

from __future__ import annotations

from articles.extraction import gender as genders
from articles.extraction.descriptions import is_plural
from articles.extraction.names import is_org, title_case_line
from articles.extraction.registry import Registry

# Words that never go on a name in a headline: prepositions other than those of
# organisations' names ('Bank of …', 'Fund for …'), pronouns, question words, articles
# and the adverbs and auxiliaries that headlines put before their verb ('Just Got').
_NO_NAME_WORDS = frozenset(
    """to on about into with at in by from over against after before during near amid
    among under behind through via without within since until upon than as like
    he she it they we i you his her its their him them my our your who whom whose what
    which when where why how a an just very be been being not never also still now
    already again""".split()
)
# A headline names in at most this many words ('Per Lund Harbour Fund Chief').
_NAME_WORDS = 8


def headline_subject(registry: Registry, text: str, start: int, phrase: str) -> str:
    """``phrase`` (at ``start``) up to the word that no name holds, when it stands in a
    Title Case line: 'Ingrid Berg Fully' is 'Ingrid Berg'; any other ``phrase`` as it is."""
    words = phrase.split()
    if len(words) < 2 or len(words) > _NAME_WORDS or not all(w[:1].isupper() for w in words):
        return phrase
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    if not title_case_line(text[line_start : len(text) if line_end < 0 else line_end]):
        return phrase
    if is_org(phrase) or text.count(phrase) > 1:
        # 'Pilots Without Borders', a body's name, which the article's body repeats.
        return phrase
    for i, word in enumerate(words[1:], start=1):
        bare = word.strip(".,;:’'").lower()
        if bare in _NO_NAME_WORDS or (
            bare.endswith("ly") and _adverb(registry, text, words[i - 1], word)
        ):
            phrase = phrase[: phrase.index(word, len(" ".join(words[:i])))].rstrip()
            break
    return _described(registry, phrase)


def _adverb(registry: Registry, text: str, before: str, word: str) -> bool:
    """Whether ``word``, which ends in '-ly', is an adverb ('Resoundingly') rather than a
    name ('Connolly'): the article writes it in lower case, or never again after the line
    and writes the word ``before`` it in lower case ('Candidates', not 'Dara')."""
    bare = word.strip(".,;:’'")
    if registry.common_word(bare.lower()):
        return True
    return text.count(bare) == 1 and registry.common_word(before.strip(".,;:’'").lower())


def _described(registry: Registry, phrase: str) -> str:
    """``phrase`` in lower case when it ends in a plural and each of its words is one the
    article writes in lower case ('Angry Islanders', 'Ferry Workers'): the line's capitals
    made them look a name; read as common words they describe a group."""
    words = [w.strip(".,;:’'") for w in phrase.split()]
    if len(words) < 2 or not is_plural(words[-1].lower()):
        return phrase
    if not all(registry.common_word(w.lower()) for w in words):
        return phrase
    if genders.of_first_name(words[0]):
        # 'Rose Banks': common words both, but a given name opens it, so a person.
        return phrase
    return phrase.lower()
