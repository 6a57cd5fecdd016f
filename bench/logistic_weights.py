"""The weights of a logistic regression over sparse string features, as the engine's
learned models store them (rounded, small ones dropped, the bias as feature "b"); shared
by the training commands. scikit-learn is a development dependency only."""

import json
from pathlib import Path


def write_model(path: Path, model: dict) -> None:
    """Write a trained model as the engine reads it: the same model, the same bytes."""
    path.write_text(json.dumps(model, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")


def fit_weights(rows: list[list[str]], labels: list[int], parameters: dict) -> dict[str, float]:
    """Fit on ``rows`` (each a list of feature names) and ``labels`` (0 or 1); return the
    weights of at least ``parameters["min_weight"]``, sorted by feature, bias included."""
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = CountVectorizer(analyzer=lambda row: row, min_df=2, binary=True)
    matrix = vectorizer.fit_transform(rows)
    model = LogisticRegression(
        C=parameters["C"],
        max_iter=2000,
        random_state=parameters["seed"],
        solver="liblinear",
        tol=parameters.get("tol", 1e-4),
    )
    model.fit(matrix, labels)
    weights = {
        feature: round(float(model.coef_[0][index]), 4)
        for feature, index in vectorizer.vocabulary_.items()
        if abs(model.coef_[0][index]) >= parameters["min_weight"]
    }
    weights["b"] = round(weights.get("b", 0.0) + float(model.intercept_[0]), 4)
    return dict(sorted(weights.items()))
