"""Corpus figures from counts: how much is quoted, and how concentrated the voices are.
No Django imports; the callers count in SQL and pass the counts.

Every figure carries ``n``, the number of items behind it (articles, quotes or
speakers), so a reader can tell a share of five from a share of fifty thousand.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

TOP_SPEAKERS = 10


@dataclass(frozen=True)
class Figure:
    key: str
    label: str
    value: float | int | None  # None: nothing to measure (no articles, no quotes)
    n: int
    of: str  # what n counts: "articles", "quotes", "named quotes" or "speakers"


@dataclass(frozen=True)
class SpeakerShare:
    speaker: object  # the caller's key (an id); names are the caller's business
    quotes: int
    share: float  # of the named quotes


@dataclass(frozen=True)
class CorpusFigures:
    figures: list[Figure]
    top_speakers: list[SpeakerShare]

    def __getitem__(self, key: str) -> Figure:
        for figure in self.figures:
            if figure.key == key:
                return figure
        raise KeyError(key)


def corpus_figures(
    *,
    articles: int,
    quotes_per_article: Sequence[int],
    quotes_per_speaker: Mapping[object, int],
    top: int = TOP_SPEAKERS,
) -> CorpusFigures:
    """The figures for ``articles`` articles, given the quote count of each article that
    has any (``quotes_per_article``; the others have none) and of each speaker
    (``quotes_per_speaker``, the unnamed under the key ``None``)."""
    counts = [n for n in quotes_per_article if n > 0]
    if len(counts) > articles:
        raise ValueError("more articles with quotes than articles")
    quotes = sum(counts)
    unnamed = quotes_per_speaker.get(None, 0)
    named = {key: n for key, n in quotes_per_speaker.items() if key is not None and n > 0}
    named_quotes = sum(named.values())
    ranked = sorted(named.items(), key=lambda item: (-item[1], str(item[0])))
    top_shares = [SpeakerShare(key, n, n / named_quotes) for key, n in ranked[:top]]
    figures = [
        Figure("articles", "Articles", articles, articles, "articles"),
        Figure("quotes", "Quotes", quotes, articles, "articles"),
        Figure("quotes_per_article", "Quotes per article (mean)",
               _ratio(quotes, articles), articles, "articles"),
        Figure("median_quotes_per_article", "Quotes per article (median)",
               _median_with_zeros(counts, articles), articles, "articles"),
        Figure("articles_with_quotes", "Share of articles with at least one quote",
               _ratio(len(counts), articles), articles, "articles"),
        Figure("unnamed_share", "Share of quotes by unnamed speakers",
               _ratio(unnamed, quotes), quotes, "quotes"),
        Figure("speakers", "Named speakers quoted", len(named), named_quotes, "named quotes"),
        Figure("top_share", f"Share of named quotes by the top {top} speakers",
               _ratio(sum(s.quotes for s in top_shares), named_quotes), named_quotes,
               "named quotes"),
        Figure("half_of_quotes", "Speakers who account for half of the named quotes",
               _speakers_for_half(ranked, named_quotes), len(named), "speakers"),
        Figure("hhi", "Concentration of voices (Herfindahl index, 0 to 1)",
               _herfindahl(named.values(), named_quotes), named_quotes, "named quotes"),
    ]  # fmt: skip
    return CorpusFigures(figures=figures, top_speakers=top_shares)


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _median_with_zeros(counts: list[int], articles: int) -> float | None:
    """The median over all ``articles``, the ones without quotes counting as 0."""
    if not articles:
        return None
    values = sorted(counts)
    zeros = articles - len(values)

    def at(index: int) -> int:
        return 0 if index < zeros else values[index - zeros]

    middle = articles // 2
    return float(at(middle)) if articles % 2 else (at(middle - 1) + at(middle)) / 2


def _speakers_for_half(ranked: list[tuple[object, int]], total: int) -> int | None:
    if not total:
        return None
    covered = 0
    for count, (_, n) in enumerate(ranked, start=1):
        covered += n
        if covered * 2 >= total:
            return count
    return len(ranked)


def _herfindahl(counts, total: int) -> float | None:
    return sum((n / total) ** 2 for n in counts) if total else None
