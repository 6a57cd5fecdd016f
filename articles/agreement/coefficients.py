"""Chance-corrected agreement coefficients for nominal labels: Cohen's kappa, Krippendorff's alpha.

Labels may be any hashable value, None included (None is a category such as "no
speaker", not a missing value). Both return None when there is nothing to compute on.
When every label in the data is one and the same category, chance agreement is certain
and both formulas are 0/0; the annotators then agree on everything, so we report 1.0
rather than None, and the number of items beside the figure tells how much it is worth.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Mapping, Sequence


def cohen_kappa(pairs: Sequence[tuple[Hashable, Hashable]]) -> float | None:
    """Cohen's kappa of two annotators over (label of a, label of b) items; None if no items.

    When expected agreement is 1 (both used one same label throughout) it is 1.0 if they
    agreed on every item, which they then always do.
    """
    n = len(pairs)
    if not n:
        return None
    agreed = sum(1 for x, y in pairs if x == y)
    first = Counter(x for x, _ in pairs)
    second = Counter(y for _, y in pairs)
    # Integer arithmetic: kappa = (n·agreed − Σ a_k·b_k) / (n² − Σ a_k·b_k).
    chance = sum(count * second[label] for label, count in first.items())
    if chance == n * n:
        return 1.0 if agreed == n else None
    return (n * agreed - chance) / (n * n - chance)


def krippendorff_alpha(units: Sequence[Mapping[Hashable, Hashable]]) -> float | None:
    """Krippendorff's alpha (nominal) over units mapping coder -> value; a coder absent from
    a unit is a missing value. Units with fewer than two values are ignored; None when no
    unit is left."""
    totals: dict[Hashable, int] = {}
    observed = 0.0
    for unit in units:
        m = len(unit)
        if m < 2:
            continue
        counts: dict[Hashable, int] = {}
        for value in unit.values():
            counts[value] = counts.get(value, 0) + 1
        for value, count in counts.items():
            totals[value] = totals.get(value, 0) + count
        # Pairs of different values in the unit, each unit weighing 1/(m − 1).
        observed += (m * m - sum(c * c for c in counts.values())) / (m - 1)
    n = sum(totals.values())
    if not n:
        return None
    expected = n * n - sum(c * c for c in totals.values())
    if not expected:
        return 1.0
    return 1.0 - (n - 1) * observed / expected
