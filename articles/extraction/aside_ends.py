"""Where an aside holding a cue opens and closes: 'Sigrid Holt (who said [the levy was
unfair]) lost', 'Holt - who said [he would cut it] - lost'. Its content keeps inside."""

from __future__ import annotations

from articles.extraction.cues import Token

_DASHES = frozenset("-–—")
_MARKS = ("(", *_DASHES)


def aside_opening(text: str, sentence: list[Token], last: int) -> tuple[str, int] | None:
    """The mark ('(', '-', '--', '—') of the aside the cue at ``last`` stands in, and its
    index, or None when the cue stands in no aside."""
    lead_start, cue_start = sentence[0][0], sentence[last][0]
    # Every cue asks: most leads hold no such mark, which a search in C says without a
    # walk over their tokens (a run-on sentence's leads would make that quadratic).
    if all(text.find(mark, lead_start, cue_start) < 0 for mark in _MARKS):
        return None
    parens = []  # the parentheses still open before the cue
    dash = None  # the open dash, if an odd number of its kind came before the cue
    i = 0
    while i < last:
        word = sentence[i][2]
        if word == "(":
            parens.append(i)
        elif word == ")" and parens:
            parens.pop()
        elif word in _DASHES:
            start = i
            mark, i = _dash_at(sentence, i)
            # A dash opening the sentence is a list's bullet, and one after a dateline's
            # capitals ('OSLO -- The ferry …') closes the dateline: neither opens an aside.
            if mark and start and not _dateline(sentence, start):
                dash = None if dash and dash[0] == mark else (mark, start)
        i += 1
    if parens:
        return "(", parens[-1]
    return dash


def aside_close(text: str, sentence: list[Token], last: int) -> int | None:
    """The index of the mark closing the aside the cue at ``last`` stands in, or None
    when it stands in no aside or its aside is never closed."""
    opening = aside_opening(text, sentence, last)
    if opening is None:
        return None
    if opening[0] == "(":
        depth = 1
        for j in range(last + 1, len(sentence)):
            word = sentence[j][2]
            if word == "(":
                depth += 1  # a parenthesis opened inside the content closes inside it
            elif word == ")":
                depth -= 1
                if not depth:
                    return j
        return None
    # The same dash closes the aside ('--' not '-'); none after the cue, and the dash
    # before it opened an afterthought that runs to the sentence's end.
    j = last + 1
    while j < len(sentence):
        if sentence[j][2] in _DASHES:
            mark, end = _dash_at(sentence, j)
            if mark == opening[0]:
                return j
            j = end
        j += 1
    return None


def _dateline(sentence: list[Token], dash: int) -> bool:
    """Whether the dash at ``dash`` ends a dateline the sentence opens with."""
    first = sentence[0][2]
    return dash <= _DATELINE_TOKENS and len(first) > 1 and first.isupper()


_DATELINE_TOKENS = 4  # 'BERGEN, Norway --'


def _dash_at(sentence: list[Token], i: int) -> tuple[str, int]:
    """The dash starting at ``i`` ('--' is two tokens), '' for a hyphen, and the index
    of its last token."""
    word = sentence[i][2]
    j = i
    while (
        j + 1 < len(sentence)
        and sentence[j + 1][2] == word
        and sentence[j + 1][0] == sentence[j][1]
    ):
        j += 1
    mark = word * (j - i + 1)
    # A lone '-' is a dash only with spaces on both sides: 'a second- or third-tier'.
    if mark == "-" and not (
        i > 0
        and sentence[i - 1][1] < sentence[i][0]
        and j + 1 < len(sentence)
        and sentence[j][1] < sentence[j + 1][0]
    ):
        mark = ""
    return mark, j
