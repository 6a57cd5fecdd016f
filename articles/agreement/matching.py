"""Which quotes of different annotators are the same quote.

Two quotes match exactly when their spans are equal, and by overlap when the text they
share is at least half of the longer one (``same_quote``). Half of the shorter one, the
rule the extraction evaluation scores the engine by, would make a short quote nested in a
long one (a minister quoting someone inside her own quote) the same quote as the long
one, and the adjudication board could then take only one of them into gold. The speaker
plays no part: the figures measure speaker agreement on the matched quotes, so matching
must not depend on it.

Matching is one-to-one and greedy: exact matches first, then the pairs most alike (the
largest share of their union in common, so an annotator's inner quote meets its
counterpart rather than the quote around it), then the most text shared; ties go to the
tighter union, then to position, annotator and id, so the result does not depend on the
order of the input. Candidates come from one sweep over the quotes in text order, never
from all pairs.
"""

from __future__ import annotations

from collections.abc import Collection, Hashable, Iterable, Sequence
from dataclasses import dataclass

from articles.agreement.model import Annotation

MODES = ("exact", "overlap")
DISAGREEMENTS = ("span", "speaker", "kind", "stance")


def same_quote(x: Annotation, y: Annotation) -> bool:
    """True when the two spans share at least half of the longer one."""
    shared = min(x.end, y.end) - max(x.start, y.start)
    return shared > 0 and shared * 2 >= max(x.end - x.start, y.end - y.start)


def shares_half(x: Annotation, y: Annotation) -> bool:
    """True when the two spans share at least half of the shorter one: the extraction
    evaluation's looser rule, here so a test can hold the two packages side by side."""
    shared = min(x.end, y.end) - max(x.start, y.start)
    return shared > 0 and shared * 2 >= min(x.end - x.start, y.end - y.start)


@dataclass(frozen=True, slots=True)
class SpanMatch:
    """One-to-one matching between annotators a and b; pairs are (a's quote, b's quote)."""

    pairs: list[tuple[Annotation, Annotation]]
    unmatched_a: list[Annotation]
    unmatched_b: list[Annotation]


def match_spans(
    a: Sequence[Annotation], b: Sequence[Annotation], mode: str = "overlap"
) -> SpanMatch:
    """Match a's quotes to b's, one to one: "exact" (same span) or "overlap"
    (``same_quote``: shared ≥ ½ of the longer span)."""
    if mode not in MODES:
        raise ValueError(f"mode: {mode!r} is not one of {', '.join(MODES)}")
    used: set[tuple[int, int]] = set()
    pairs = []
    for exact, x_side, x, y_side, y in _candidates([(0, q) for q in a] + [(1, q) for q in b]):
        if mode == "exact" and not exact:
            break  # exact candidates come first
        if (x_side, id(x)) in used or (y_side, id(y)) in used:
            continue
        used.add((x_side, id(x)))
        used.add((y_side, id(y)))
        pairs.append((x, y) if x_side == 0 else (y, x))
    pairs.sort(key=lambda pair: _text_order(pair[0]))
    return SpanMatch(
        pairs=pairs,
        unmatched_a=sorted((q for q in a if (0, id(q)) not in used), key=_text_order),
        unmatched_b=sorted((q for q in b if (1, id(q)) not in used), key=_text_order),
    )


@dataclass(frozen=True, slots=True)
class Group:
    """Quotes of several annotators that are the same quote: at most one per annotator.

    ``start``/``end`` cover the union of the members' spans.
    """

    members: dict[str, Annotation]
    start: int
    end: int

    def disagreements(self, annotators: Collection[str]) -> set[str]:
        """What the members differ on, among "span" (one of ``annotators`` lacks the quote,
        or the spans differ), "speaker", "kind" and "stance" (the stance labels differ)."""
        quotes = list(self.members.values())
        first = quotes[0]
        found = set()
        if any(name not in self.members for name in annotators) or any(
            q.start != first.start or q.end != first.end for q in quotes
        ):
            found.add("span")
        if any(q.speaker != first.speaker for q in quotes):
            found.add("speaker")
        if any(q.kind != first.kind for q in quotes):
            found.add("kind")
        if any(dict(q.stances) != dict(first.stances) for q in quotes):
            found.add("stance")
        return found


def align(annotations: Iterable[Annotation]) -> list[Group]:
    """Group all annotators' quotes on one article into "the same quote", in text order.

    Candidate pairs are taken in the order ``match_spans`` takes them, and two groups join
    only when they have no annotator in common and every quote of one overlaps every quote
    of the other by the rule: a chain of half-overlaps does not make one quote. With two
    annotators the groups are exactly the pairs of ``match_spans(a, b, "overlap")``.
    """
    quotes = list(annotations)
    group_of = {id(q): {q.annotator: q} for q in quotes}
    for _, _, x, _, y in _candidates([(q.annotator, q) for q in quotes]):
        gx, gy = group_of[id(x)], group_of[id(y)]
        if gx is gy or not gx.keys().isdisjoint(gy):
            continue
        if not all(same_quote(p, q) for p in gx.values() for q in gy.values()):
            continue
        if len(gx) < len(gy):
            gx, gy = gy, gx
        gx.update(gy)
        for q in gy.values():
            group_of[id(q)] = gx
    groups, seen = [], set()
    for q in quotes:
        members = group_of[id(q)]
        if id(members) not in seen:
            seen.add(id(members))
            groups.append(
                Group(
                    members={name: members[name] for name in sorted(members)},
                    start=min(m.start for m in members.values()),
                    end=max(m.end for m in members.values()),
                )
            )
    groups.sort(
        key=lambda g: (
            g.start,
            g.end,
            [(m.start, m.end, name, m.id) for name, m in g.members.items()],
        )
    )
    return groups


def _text_order(q: Annotation) -> tuple:
    return (q.start, q.end, q.annotator, q.id)


def _candidates(
    tagged: list[tuple[Hashable, Annotation]],
) -> list[tuple[bool, Hashable, Annotation, Hashable, Annotation]]:
    """Pairs from different sides that meet the overlap rule, best match first:
    (exact, side of x, x, side of y, y)."""
    tagged.sort(key=lambda item: (item[1].start, item[1].end))
    open_: list[tuple[Hashable, Annotation]] = []
    found = []
    for side, q in tagged:
        # Quotes are visited by start, so every quote still open is one q may overlap.
        open_ = [(s, p) for s, p in open_ if p.end > q.start]
        for s, p in open_:
            if s != side and same_quote(p, q):
                found.append((_preference(p, q), s, p, side, q))
        open_.append((side, q))
    found.sort(key=lambda candidate: candidate[0])
    return [(key[0] == 0, s, p, side, q) for key, s, p, side, q in found]


def _preference(x: Annotation, y: Annotation) -> tuple:
    # Symmetric in x and y, so match_spans(a, b) and match_spans(b, a) agree with align().
    exact = x.start == y.start and x.end == y.end
    shared = min(x.end, y.end) - max(x.start, y.start)
    union = max(x.end, y.end) - min(x.start, y.start)
    first, second = sorted((_text_order(x), _text_order(y)))
    # Division of exact integers rounds correctly, so equal ratios compare equal.
    return (0 if exact else 1, -shared / union, -shared, union, first, second)
