"""The words an article writes in lower case ('plan', 'said', 'may'), which an article's
vocabulary (vocabulary.py) holds, read once per article, to tell a capitalised common
word ('May', 'Report') at a sentence's start from a name.

Found between white space rather than by one search through the whole article, which
cost about half of what reading an article does (a third fewer instructions this way):
splitting at white space is done in C, and each stretch between spaces is looked at once
however often the article repeats it.
"""

from __future__ import annotations

import re

# A word that opens with a lower-case letter after no word character, to the end of its
# letters, apostrophes and hyphens ('don't', 'well-known'; 's' in 'Lund's'). It opens
# with its first letter, which lets the regex engine skip to the letters it can start
# at; the look-behind after it is the word boundary before it ('\b[a-z]…').
LOWER_WORD = re.compile(r"[a-zß-öø-ÿ](?<!\w\w)[\w’'-]*")
# The letters LOWER_WORD opens with.
_LOWER_FIRST = frozenset("abcdefghijklmnopqrstuvwxyz") | frozenset(
    chr(code) for code in range(0xDF, 0x100) if code != 0xF7
)
# Marks that are neither word characters nor in one of LOWER_WORD's words, which a word
# written between spaces often carries at either end ('said,', '(the', '“plans”').
_MARKS_AROUND = '.,;:!?"“”()[]{}…—–'


def lower_words(text: str) -> set[str]:
    """The words LOWER_WORD finds in ``text``, each once. No such word runs across
    white space, so each stretch between spaces holds its own: when the stretch is
    letters, with marks around them or not, the letters if they open with a letter
    LOWER_WORD takes; else what LOWER_WORD finds in it."""
    words = set()
    for chunk in set(text.split()):
        if chunk.isalpha():
            word = chunk
        else:
            word = chunk.strip(_MARKS_AROUND)
            if not word.isalpha():
                if word:  # a number, 'don’t', '9/11', 'Lund’s': the search, in it alone
                    words.update(LOWER_WORD.findall(chunk))
                continue
        if word[0] in _LOWER_FIRST:
            words.add(word)
    return words
