"""What an article's own words tell about its names, read once per text: the words it
also writes in lower case ('May' at a sentence's start is then a month, not a name), how
often it spells each capitalised word each way, and the gender clues around a name (a
title before it, the first pronoun after it).

A vocabulary depends on its text alone, so the speaker registry keeps one per text it
has read and, when a restore takes it back to an earlier text, uses that one again."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from articles.extraction import gender as genders
from articles.extraction.lower_words import lower_words
from articles.extraction.names import ABBREVIATIONS, without_possessive
from articles.extraction.spelling import fold

# These scan whole articles, so each opens with its first letter, which lets the regex
# engine skip to the letters it can start at; the look-behind after it is the word
# boundary before it ('\b[A-Z]…'), as no word character may come right before.
_CAPITALISED_WORD = re.compile(r"[A-ZÀ-ÖØ-Þ](?<!\w\w)[\w’'.-]*")
# 'he', 'she', 'his', 'her', 'him' as words, capitalised or not.
_PRONOUN = re.compile(r"([HhSs](?<!\w\w)(?:(?<=[Hh])(?:e|is|er|im)|(?<=[Ss])he))\b")
_STOP = re.compile(r"[.!?](?=\s)")
_NAMED_FOR_CLUES = 12  # the times a name is looked at for gender clues, at most
_PRONOUN_REACH = 120  # how far after a name its pronoun may start


# An article's capitalised words are mostly the ones of the articles before it ('The',
# 'Trump'): each word's key is worked out once, not once in each article.
@lru_cache(maxsize=65536)
def _spelling_key(word: str) -> str:
    """The key under which a capitalised word's spelling is counted."""
    return fold(without_possessive(word.rstrip(".")))


def _decided(votes: Counter) -> str | None:
    """The gender with at least twice the votes of the other, if any."""
    if not votes:
        return None
    (best, count), *rest = votes.most_common()
    return best if not rest or count >= 2 * rest[0][1] else None


class Vocabulary:
    """One text's lower-case words and its capitalised words' places and spellings."""

    __slots__ = ("_lower", "_places", "spellings", "text")

    def __init__(self, text: str = "") -> None:
        self.text = text
        # Each word once: an article repeats most of its words.
        self._lower = frozenset(map(str.casefold, lower_words(text)))
        # Where each capitalised word stands, to count spellings now and to read the
        # gender clues around a surname when a person is first met.
        places: dict[str, list[int]] = {}
        # A word as written -> its key's list of places, worked out once per word.
        words: dict[str, list[int]] = {}
        for match in _CAPITALISED_WORD.finditer(text):
            word = match.group()
            at = words.get(word)
            if at is None:
                at = words[word] = places.setdefault(_spelling_key(word), [])
            at.append(match.start())
        self._places = places
        self.spellings = Counter({key: len(at) for key, at in places.items()})

    def common_word(self, word: str) -> bool:
        """Whether the text also writes ``word`` in lower case (a word, not a name)."""
        return word.casefold().strip(".’',") in self._lower

    def first_written(self, word: str) -> int:
        """Where the text first writes capitalised ``word`` as spelled (past its end if
        never)."""
        places = self._places.get(_spelling_key(word))
        return places[0] if places else len(self.text)

    def opens_sentences_only(self, word: str) -> bool:
        """Whether every place the text capitalises ``word`` opens a sentence, a line or
        a quotation: 'Convincing victories …' may be a gerund, 'said Kettering' a name."""
        text = self.text
        for at in self._places.get(_spelling_key(word), ()):
            before = text[max(0, at - 12) : at].rstrip(" (")
            if before[-1:] in ("“", "‘") or (
                before[-1:] in ('"', "'") and before[-2:-1] in ("", " ", "\n")
            ):
                continue  # 'said “Convincing …': a quotation opens
            before = before.rstrip("”\"’'")
            if before and before[-1] not in ".!?:\n":
                return False
            if before.endswith(".") and _abbreviated(before):
                return False  # 'Mr. Manning': a title's stop ends no sentence
        return True

    def gender_of(self, name: str) -> str | None:
        """A person's gender as the text tells it: their first name, or else the titles
        before their surname and the first pronoun after each time they are named."""
        words = name.split()
        if genders.of_first_name(words[0]) and (len(words) > 1 or not self.common_word(name)):
            # 'Ola Berg', or 'Kevin' alone: a first name tells, whatever pronouns follow.
            return genders.of_first_name(words[0])
        if len(words) > 1:
            # 'Rakeyia Scott … her husband' in a story about Keith Scott: the pronouns
            # after the first name, which a relative does not share, before the surname's.
            by_first_name = _decided(self._clues(fold(words[0])))
            if by_first_name is not None:
                return by_first_name
        if len(words) == 1:
            # 'Clinton' where the text also writes 'Hillary Clinton': her first name tells,
            # when every first name the text gives that surname agrees.
            named = self._first_name_genders(fold(words[0]))
            if len(named) == 1:
                return named.pop()
        return _decided(self._clues(fold(words[-1])))

    def _first_name_genders(self, key: str) -> set[str]:
        """The genders of the known first names the text writes right before the
        capitalised word ``key`` ('Hillary Clinton'); a sentence's first word that the text
        also writes in lower case is none ('Will Clinton win?')."""
        text = self.text
        found = set()
        for at in self._places.get(key, ())[:_NAMED_FOR_CLUES]:
            if at < 2 or text[at - 1] != " ":
                continue
            before = text[max(0, at - 20) : at - 1]
            word = before.split()[-1:] or [""]
            first = word[0]
            known = genders.of_first_name(first) if first[:1].isupper() else None
            if known is None:
                continue
            opens = before[: -len(first)].rstrip(" ")[-1:] in ("", ".", "!", "?", "\n", "“", '"')
            if opens and self.common_word(first):
                continue
            found.add(known)
        return found

    def _clues(self, key: str) -> Counter:
        """Gender votes for a capitalised word: a title before it ("Mrs. Clinton") and
        the first pronoun after it in its sentence ("Brewer … she said")."""
        text = self.text
        votes = Counter()
        for at in self._places.get(key, ())[:_NAMED_FOR_CLUES]:
            before = text[max(0, at - 8) : at].split()[-1:]
            if before and genders.of_title(before[0]):
                votes[genders.of_title(before[0])] += 3
            # The first pronoun after the name and any stop before it, searched in the
            # reach alone: scanning the whole article for all of them cost two scans of
            # each text, most of whose pronouns no name is looked at for. The search runs
            # three letters past the reach, so that a pronoun starting in it is read
            # whole ('hero' has no 'he').
            after = at + len(key)
            pronoun = _PRONOUN.search(text, after, at + _PRONOUN_REACH + 3)
            if (
                pronoun is not None
                and pronoun.start() < at + _PRONOUN_REACH
                and _STOP.search(text, after, pronoun.start()) is None
            ):
                votes[genders.PRONOUN_GENDER[pronoun.group(1).casefold()]] += 1
        return votes


def _abbreviated(before: str) -> bool:
    """Whether the stop that ends ``before`` closes a title, an abbreviation or an
    initial ('Mr.', 'Sen.', 'J.') rather than a sentence."""
    word = before[:-1].split()[-1:] or [""]
    word = word[0].lstrip("“\"‘'(")
    return fold(word) in ABBREVIATIONS or (len(word) == 1 and word.isupper())
