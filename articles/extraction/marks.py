"""Quotation marks: find the quoted stretches of a paragraph, telling quotes from
apostrophes (the council’s, the ’90s, don’t)."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Opening mark -> the marks that may close it.
PAIRS = {
    # A sloppy source closes a curly quote with a straight mark, or with another opening
    # one ('“It is late,“ she said': _closes takes it only before a space), and …
    "“": '”"“',
    "„": "“”",
    "«": "»",
    "»": "«",  # Danish and Swedish style » … «, only when no « opened first
    '"': '"”',  # … and a straight one with a curly mark
    "‘": "’",
    "‚": "‘’",
    "'": "'",
    "”": '”"',  # a closing mark typed to open a quote: '”Fear. I am afraid,” ― Ana Ruiz'
}
DOUBLE = set('“„«»"')
_MARK = re.compile("[“”„«»\"‘’‚']")
OPENERS_BEFORE = set(" \t\n([{—–-:;/“„«‘‚\"'")
# The marks that close a quotation, single or double.
CLOSING = frozenset("”’\"'»")


@dataclass(frozen=True)
class Segment:
    """A quoted stretch: ``open`` and ``close`` are the positions of its marks; ``close``
    is None when the paragraph ends first (an American multi-paragraph quote)."""

    open: int
    close: int | None
    mark: str

    # Written out for speed, as model.QuoteSuggestion's is: one per quoted stretch.
    def __init__(self, open: int, close: int | None, mark: str) -> None:
        self.__dict__.update(open=open, close=close, mark=mark)

    @property
    def start(self) -> int:
        return self.open + 1


# Two apostrophes for a double quotation mark (''It is over,'' he said): the style of
# some wires and archives.
_DOUBLED = re.compile(r"''(?!')")


def with_double_marks(text: str) -> str:
    """``text`` with each pair of apostrophes used as a quotation mark made one straight
    double mark and a space, in the pair's two positions, so that offsets hold: an
    opening pair becomes ' "', a closing one '" '."""
    if "''" not in text:
        return text

    def mark(match: re.Match) -> str:
        before = text[match.start() - 1] if match.start() else " "
        after = text[match.end() : match.end() + 1] or " "
        # A pair between spaces closes ('coalitions, '' said'): an opening one precedes a
        # word.
        if (before.isspace() or before in "([{—–-") and not after.isspace():
            return ' "'
        return '" '

    return _DOUBLED.sub(mark, text)


# What a spaced closing mark may stand after, besides a single mark: a comma or a stop.
_SPACED_CLOSE = frozenset(",.?!")


def _letter(ch: str) -> bool:
    return ch.isalnum()


def segments(text: str, start: int, end: int) -> list[Segment]:
    """The outermost quoted stretches of ``text[start:end]``, in order."""
    found: list[Segment] = []
    stack: list[tuple[str, int]] = []
    curly_inside_straight = False
    for match in _MARK.finditer(text, start, end):
        i = match.start()
        ch = text[i]
        before = text[i - 1] if i > start else " "
        after = text[i + 1] if i + 1 < end else " "
        # 'the term 'outreach,' " he said', 'it is late, " he said': a closing mark, spaced
        # (after a comma or stop only when a space follows it: '…, "' opens).
        if (
            ch == '"'
            and before == " "
            and i - 2 >= start
            and (text[i - 2] in "'’" or (text[i - 2] in _SPACED_CLOSE and after.isspace()))
        ):
            before = text[i - 2]
        nested = len(stack) > 1
        if (
            stack
            and ch in PAIRS[stack[-1][0]]
            and _closes(ch, before, after, stack[-1][0], nested, i + 1 < end)
        ):
            mark, position = stack.pop()
            if mark == "“" and len(stack) == 1 and stack[0][0] == '"':
                curly_inside_straight = True
            if not stack:
                found.append(Segment(position, i, mark))
        elif ch in '”»"' and any(ch in PAIRS[m] for m, _ in stack[:-1]) and not before.isspace():
            # A double mark closes its quote even if a single mark inside was left open
            # (an apostrophe taken for a quote, or a sloppy source).
            while ch not in PAIRS[stack[-1][0]]:
                stack.pop()
            mark, position = stack.pop()
            if not stack:
                found.append(Segment(position, i, mark))
        elif ch == "”":
            if not stack and _reversed_opening(text, i, end, before):
                stack.append((ch, i))
        elif ch in PAIRS and _opens(ch, before, after, stack) and not _year(ch, text, i, end):
            stack.append((ch, i))
    if stack:
        mark, position = stack[0]
        # A double mark left open runs on to the next paragraph: American style closes no
        # paragraph of a quote that goes on, wherever in the paragraph the quote opened.
        if (
            mark == '"'
            and (curly_inside_straight or text[end : end + 3].lstrip()[:1] == "“")
            and not text[start:position].strip()
            and not _SPEAKER_LABEL.match(text, position + 1)
        ):
            # A straight mark opening a paragraph of curly quotes, or one before a
            # paragraph that opens with a curly mark, is a stray left by a paste, not a
            # quote: curly quotes would nest in single marks, and a quote running on
            # opens each paragraph with the same mark. A transcript's turn ('"SMITH: …')
            # is speech whatever marks it holds.
            return segments(text, position + 1, end)
        if mark in DOUBLE:
            found.append(Segment(position, None, mark))
    return found


# A year cut to two digits behind a mark ('in ‘08', 'the ‘90s'): typed with an opening
# mark as often as with an apostrophe, it opens no quote.
_YEAR = re.compile(r"[‘']\d\d(?:s\b|(?![\w’'-]))")


def _year(mark: str, text: str, i: int, end: int) -> bool:
    """Whether the ``mark`` at ``i`` shortens a year ('’90s'): _YEAR matches there."""
    # Only two of the opening marks can: the others are spared the match.
    return mark in "‘'" and _YEAR.match(text, i, end) is not None


_SPEAKER_LABEL = re.compile(r"[A-Z][A-Z.' -]*[A-Z]:")


def _reversed_opening(text: str, i: int, end: int, before: str) -> bool:
    """A closing mark outside any quote, where a quote would open: after a space, before
    a word or an ellipsis ('” … he delivered a mix'), and closed later in the paragraph."""
    if not (before.isspace() or before in "([—–-:"):
        return False
    after = text[i + 1 : i + 3].lstrip()[:1]
    return (after.isalnum() or after == "…") and text.find("”", i + 1, end) > 0


def _opens(ch: str, before: str, after: str, stack: list) -> bool:
    if after.isspace() and ch not in "«»":
        return False
    if ch == "»" and any(mark == "«" for mark, _ in stack):
        return False
    if ch in "‘'":
        # An opening single mark starts a word; ’90s and don’t are apostrophes.
        return ((before in OPENERS_BEFORE or before.isspace()) and _letter(after)) or after in '“"'
    if ch == '"':
        return before in OPENERS_BEFORE or before.isspace() or not _letter(before)
    return True


def _closes(
    ch: str, before: str, after: str, opener: str, nested: bool = False, inside: bool = True
) -> bool:
    """Whether ``ch`` closes the quote ``opener`` opened; ``inside``: a character follows
    it in the paragraph."""
    if ch == "’" or (ch == "'" and opener == "'"):
        # Inside a word (don’t, council’s) it is an apostrophe; at a word's end it
        # closes, unless it makes a plural possessive (the residents’ association) in a
        # quote that single marks open, where such possessives are common.
        if _letter(after):
            return False
        return nested or not (before == "s" and after == " ")
    if ch == "“" and opener == "„":
        return True
    if ch == "“":
        # An opening mark typed to close closes before a space inside the paragraph: one
        # that ends it leaves the quote open, as an unclosed quote is read, unless a stop
        # comes before it ('…later.“'): the stray mark then stays out of the content.
        return (inside or before in ".?!") and after.isspace() and not before.isspace()
    return not before.isspace() or ch in "»«"
