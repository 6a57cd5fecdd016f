"""The agreement report of a project: span, speaker, kind and stance agreement, per pair of
annotators, per annotator, per article and in total, each figure with the number of items
behind it.

Pairs are matched with ``match_spans`` (P = matched/|b|, R = matched/|a|, F1 = 2·matched/
(|a|+|b|)), on the articles both annotated; speaker, kind and stance are compared on the
overlap-matched quotes. The alphas are computed over the groups of ``align``: a group is a
unit, an annotator without a quote in it is a missing value (span alpha instead codes each
annotator of the article 1 or 0 for having the quote). For stance, only quotes where at
least one of the annotators compared marked the target count, and an unmarked target is
the category "none". A figure is None when there is nothing to compute it on.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection, Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations

from articles.agreement.coefficients import cohen_kappa, krippendorff_alpha
from articles.agreement.matching import align, match_spans
from articles.agreement.model import Annotation


@dataclass(frozen=True, slots=True)
class Figure:
    """A coefficient, share or mean (None if undefined) and how many items it rests on."""

    value: float | None
    n: int

    def as_dict(self) -> dict:
        return {"value": _rounded(self.value), "n": self.n}


@dataclass(frozen=True, slots=True)
class SpanScore:
    """Matched quotes between annotators a and b, with a's and b's quote counts."""

    matched: int
    quotes_a: int
    quotes_b: int

    @property
    def precision(self) -> float | None:
        return self.matched / self.quotes_b if self.quotes_b else None

    @property
    def recall(self) -> float | None:
        return self.matched / self.quotes_a if self.quotes_a else None

    @property
    def f1(self) -> float | None:
        total = self.quotes_a + self.quotes_b
        return 2 * self.matched / total if total else None

    def as_dict(self) -> dict:
        return {
            "precision": _rounded(self.precision),
            "recall": _rounded(self.recall),
            "f1": _rounded(self.f1),
            "matched": self.matched,
            "quotes_a": self.quotes_a,
            "quotes_b": self.quotes_b,
        }


@dataclass(frozen=True, slots=True)
class PairAgreement:
    """Agreement of annotator a with annotator b (a < b) on the articles both annotated."""

    annotator_a: str
    annotator_b: str
    articles: int
    exact: SpanScore
    overlap: SpanScore
    speaker_agreement: Figure
    speaker_kappa: Figure
    kind_kappa: Figure
    stance_kappa: dict[str, Figure]

    def as_dict(self) -> dict:
        return {
            "annotators": [self.annotator_a, self.annotator_b],
            "articles": self.articles,
            "span": {"exact": self.exact.as_dict(), "overlap": self.overlap.as_dict()},
            "speaker": {
                "agreement": self.speaker_agreement.as_dict(),
                "kappa": self.speaker_kappa.as_dict(),
            },
            "kind": {"kappa": self.kind_kappa.as_dict()},
            "stance": {t: {"kappa": f.as_dict()} for t, f in self.stance_kappa.items()},
        }


@dataclass(frozen=True, slots=True)
class AnnotatorAgreement:
    """One annotator's agreement with the rest: mean overlap F1 over the others."""

    annotator: str
    articles: int
    quotes: int
    overlap_f1: Figure

    def as_dict(self) -> dict:
        return {
            "annotator": self.annotator,
            "articles": self.articles,
            "quotes": self.quotes,
            "overlap_f1": self.overlap_f1.as_dict(),
        }


@dataclass(frozen=True, slots=True)
class ArticleAgreement:
    """One article: mean overlap F1 over its pairs, its groups and how many are disputed."""

    article: Hashable
    annotators: tuple[str, ...]
    quotes: int
    groups: int
    disputed_groups: int
    overlap_f1: Figure

    def as_dict(self) -> dict:
        return {
            "article": self.article if isinstance(self.article, str | int) else str(self.article),
            "annotators": list(self.annotators),
            "quotes": self.quotes,
            "groups": self.groups,
            "disputed_groups": self.disputed_groups,
            "overlap_f1": self.overlap_f1.as_dict(),
        }


@dataclass(frozen=True, slots=True)
class AgreementReport:
    """Project totals (spans micro-averaged over all pairs), then pairs, annotators, articles."""

    articles: int
    quotes: int
    annotators: tuple[str, ...]
    targets: tuple[str, ...]
    exact: SpanScore
    overlap: SpanScore
    span_alpha: Figure
    speaker_agreement: Figure
    speaker_alpha: Figure
    kind_alpha: Figure
    stance_alpha: dict[str, Figure]
    pairs: list[PairAgreement]
    per_annotator: list[AnnotatorAgreement]
    per_article: list[ArticleAgreement]

    def as_dict(self) -> dict:
        """Nested dicts of plain JSON types in a stable order, floats rounded to 4 places."""
        return {
            "articles": self.articles,
            "quotes": self.quotes,
            "annotators": list(self.annotators),
            "targets": list(self.targets),
            "span": {
                "exact": self.exact.as_dict(),
                "overlap": self.overlap.as_dict(),
                "alpha": self.span_alpha.as_dict(),
            },
            "speaker": {
                "agreement": self.speaker_agreement.as_dict(),
                "alpha": self.speaker_alpha.as_dict(),
            },
            "kind": {"alpha": self.kind_alpha.as_dict()},
            "stance": {t: {"alpha": f.as_dict()} for t, f in self.stance_alpha.items()},
            "pairs": [p.as_dict() for p in self.pairs],
            "per_annotator": [a.as_dict() for a in self.per_annotator],
            "per_article": [a.as_dict() for a in self.per_article],
        }


def measure_agreement(
    articles: Mapping[Hashable, Sequence[Annotation]],
    annotators: Mapping[Hashable, Collection[str]] | None = None,
    *,
    targets: Collection[str] = (),
) -> AgreementReport:
    """Measure agreement over ``articles`` (article key -> every annotator's quotes).

    ``annotators`` names who was assigned each article, so that someone who found no quote
    still counts; an article missing from it is taken as annotated by whoever has quotes
    in it, and one only in it as annotated with no quotes. ``targets`` lists stance targets
    to report even where nobody marked them.
    """
    assigned = annotators or {}
    keys = list(articles) + [key for key in assigned if key not in articles]
    tallies: dict[tuple[str, str], _PairTally] = {}
    quote_counts: Counter = Counter()
    article_counts: Counter = Counter()
    seen_targets = set(targets)
    span_units: list[dict] = []
    speaker_units: list[dict] = []
    kind_units: list[dict] = []
    stance_units: dict[str, list[dict]] = defaultdict(list)
    per_article = []
    total_quotes = 0

    for key in keys:
        quotes = articles.get(key, ())
        total_quotes += len(quotes)
        by_annotator: dict[str, list[Annotation]] = defaultdict(list)
        for q in quotes:
            by_annotator[q.annotator].append(q)
            seen_targets.update(q.stances)
        people = sorted(set(assigned.get(key, ())) | by_annotator.keys())
        for name in people:
            article_counts[name] += 1
            quote_counts[name] += len(by_annotator.get(name, ()))

        f1s = []
        for a, b in combinations(people, 2):
            tally = tallies.get((a, b))
            if tally is None:
                tally = tallies[(a, b)] = _PairTally()
            score = tally.add(by_annotator.get(a, ()), by_annotator.get(b, ()))
            if score.f1 is not None:
                f1s.append(score.f1)

        groups = align(quotes)
        disputed = 0
        for group in groups:
            members = group.members
            if group.disagreements(people):
                disputed += 1
            if len(people) > 1:
                span_units.append({name: int(name in members) for name in people})
            if len(members) < 2:
                continue
            speaker_units.append({name: q.speaker for name, q in members.items()})
            kind_units.append({name: q.kind for name, q in members.items()})
            for target in {t for q in members.values() for t in q.stances}:
                stance_units[target].append(
                    {name: q.stances.get(target) for name, q in members.items()}
                )
        per_article.append(
            ArticleAgreement(
                article=key,
                annotators=tuple(people),
                quotes=len(quotes),
                groups=len(groups),
                disputed_groups=disputed,
                overlap_f1=_mean(f1s),
            )
        )

    target_names = tuple(sorted(seen_targets))
    pairs = [tallies[names].result(*names, target_names) for names in sorted(tallies)]
    speaker_same = sum(t.speaker_same for t in tallies.values())
    speaker_compared = sum(len(t.speakers) for t in tallies.values())
    return AgreementReport(
        articles=len(keys),
        quotes=total_quotes,
        annotators=tuple(sorted(article_counts)),
        targets=target_names,
        exact=_summed(p.exact for p in pairs),
        overlap=_summed(p.overlap for p in pairs),
        span_alpha=_alpha(span_units),
        speaker_agreement=Figure(
            speaker_same / speaker_compared if speaker_compared else None, speaker_compared
        ),
        speaker_alpha=_alpha(speaker_units),
        kind_alpha=_alpha(kind_units),
        stance_alpha={t: _alpha(stance_units.get(t, [])) for t in target_names},
        pairs=pairs,
        per_annotator=[
            AnnotatorAgreement(
                annotator=name,
                articles=article_counts[name],
                quotes=quote_counts[name],
                overlap_f1=_mean(
                    p.overlap.f1
                    for p in pairs
                    if name in (p.annotator_a, p.annotator_b) and p.overlap.f1 is not None
                ),
            )
            for name in sorted(article_counts)
        ],
        per_article=per_article,
    )


@dataclass(slots=True)
class _PairTally:
    """What one pair of annotators accumulates over the articles both annotated."""

    articles: int = 0
    exact_matched: int = 0
    matched: int = 0
    quotes_a: int = 0
    quotes_b: int = 0
    speaker_same: int = 0
    speakers: list[tuple] = field(default_factory=list)
    kinds: list[tuple] = field(default_factory=list)
    stances: dict[str, list[tuple]] = field(default_factory=lambda: defaultdict(list))

    def add(self, a: Sequence[Annotation], b: Sequence[Annotation]) -> SpanScore:
        """Count one article; return its overlap score for the pair."""
        pairs = match_spans(a, b, "overlap").pairs
        self.articles += 1
        self.quotes_a += len(a)
        self.quotes_b += len(b)
        self.matched += len(pairs)
        for x, y in pairs:
            # Overlap matching takes exact matches first, so these are the exact matching's.
            if x.start == y.start and x.end == y.end:
                self.exact_matched += 1
            self.speakers.append((x.speaker, y.speaker))
            if x.speaker == y.speaker:
                self.speaker_same += 1
            self.kinds.append((x.kind, y.kind))
            for target in x.stances.keys() | y.stances.keys():
                self.stances[target].append((x.stances.get(target), y.stances.get(target)))
        return SpanScore(len(pairs), len(a), len(b))

    def result(self, a: str, b: str, targets: tuple[str, ...]) -> PairAgreement:
        compared = len(self.speakers)
        return PairAgreement(
            annotator_a=a,
            annotator_b=b,
            articles=self.articles,
            exact=SpanScore(self.exact_matched, self.quotes_a, self.quotes_b),
            overlap=SpanScore(self.matched, self.quotes_a, self.quotes_b),
            speaker_agreement=Figure(self.speaker_same / compared if compared else None, compared),
            speaker_kappa=Figure(cohen_kappa(self.speakers), compared),
            kind_kappa=Figure(cohen_kappa(self.kinds), len(self.kinds)),
            stance_kappa={
                t: Figure(cohen_kappa(self.stances.get(t, [])), len(self.stances.get(t, [])))
                for t in targets
            },
        )


def _alpha(units: list[dict]) -> Figure:
    return Figure(krippendorff_alpha(units), sum(1 for u in units if len(u) > 1))


def _mean(values) -> Figure:
    values = list(values)
    return Figure(sum(values) / len(values) if values else None, len(values))


def _summed(scores) -> SpanScore:
    scores = list(scores)
    return SpanScore(
        sum(s.matched for s in scores),
        sum(s.quotes_a for s in scores),
        sum(s.quotes_b for s in scores),
    )


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 4)
