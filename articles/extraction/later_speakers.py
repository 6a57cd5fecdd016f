"""Reported contents cut before a later speaker's own clause, in both scopes."""

import re
from bisect import bisect_left, bisect_right

from articles.extraction.content_spans import contents_cut

# A clause break before the next speaker's own clause: ', the Ledger reported', '; the board
# argued …', ' — critics say …', ', while Ruiz claimed …'.
# Spaces are matched from the first of their run only (else quadratic on a long run).
_BREAK = re.compile(
    r"(?:,|;|(?<!\s)\s+(?:[—–-]+|while|although|though|but|whereas))"
    r"\s+(?:(?:while|although|though|but|and|as|whereas)\s+)?$"
)
_NEAR = 40  # characters at most between a speaker's mention and its cue
_MIN_KEPT = 8  # characters a cut content keeps at least


def before_later_speaker(text: str, quotes: list) -> list:
    """``quotes`` (suggestions with their entities) with each indirect content that
    follows its cue cut at a clause break before another speaker's mention and cue
    inside it: in 'Ames said the vote was fair, while Lund claimed it was rigged' what
    Lund claimed is not part of what Ames said."""
    others = sorted(
        (quote.cue_start, quote.speaker_start)
        for quote, _ in quotes
        if quote.cue_start is not None
        and quote.speaker_start is not None
        and quote.speaker_end <= quote.cue_start <= quote.speaker_end + _NEAR
    )
    cue_starts = [cue for cue, _ in others]

    def cut_at(quote) -> int | None:
        first = bisect_right(cue_starts, quote.start)
        for _, mention in others[first : bisect_left(cue_starts, quote.end)]:
            if mention <= quote.start:
                continue
            match = _BREAK.search(text, quote.start, mention)
            if match is not None and match.start() - quote.start >= _MIN_KEPT:
                return match.start()
        return None

    return contents_cut(text, quotes, cut_at)
