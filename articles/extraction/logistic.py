"""The learned models' one formula: a logistic regression's probability for a row of
features, from the weights their training commands store as JSON (bench/)."""

import json
import math
from collections.abc import Iterable
from pathlib import Path


def read(path: Path) -> dict | None:
    """A model file's contents, or None when there is none (the engine then falls back
    on its rules)."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def probability(weights: dict[str, float], features: Iterable[str]) -> float:
    """The logistic of the features' summed weights (a feature not learned weighs 0)."""
    get = weights.get
    z = 0.0
    for feature in features:
        z += get(feature, 0.0)
    return of_score(z)


def of_score(z: float) -> float:
    """The logistic of a summed weight."""
    # Clamped: exp overflows past about 709.
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
