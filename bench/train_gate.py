"""Train the gate over passed-over attributions (articles/extraction/gate.py) on PolNeAR
train.

Usage: python bench/train_gate.py /path/to/PolNeAR/data/train --out gate_model.json

The engine reads the gate from articles/extraction/gate_model.json; none is shipped, as a
gate trained on PolNeAR lowers our gold's indirect precision (PolNeAR counts as
attributions the noun-phrase objects our guidelines leave out: 'defended the cut').

Runs the engine on each text (the first annotator's file, as evaluate_extraction does)
with a recorder in the gate's place, so that the candidates are those the rules pass over
today; labels each by whether it shares half of its span with a gold reported content
whose cue overlaps its own; fits a logistic regression (scikit-learn, a development
dependency only) and chooses the threshold that maximises the indirect F1 on train from
cross-validated probabilities. Writes the weights as JSON, rounded, sorted, with the
training data's hash and the parameters: the same data gives the same file.
"""

import argparse
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from articles.exchange.brat import attributions, read_folder  # noqa: E402
from articles.extraction import around_cues, engine, evaluation, gate  # noqa: E402

PARAMETERS = {"C": 0.3, "min_weight": 0.02, "folds": 5, "seed": 14}


def records(folder: Path) -> list[dict]:
    """One gold record per text, the first annotator's file only."""
    found, seen = [], set()
    for name, document in read_folder(folder):
        text_name = name.rsplit("_", 1)[0]
        if text_name not in seen:
            seen.add(text_name)
            found.append({"id": text_name, "text": document.text, "quotes": attributions(document)})
    return found


class _Recorder:
    """In the gate's place: notes the features it is asked about and admits all, so that
    the candidate they belong to is built."""

    threshold = 0.0

    def __init__(self) -> None:
        self.last: list[str] | None = None

    def admits(self, features: list[str]) -> bool:
        self.last = features
        return True


def candidates(record: dict) -> list[tuple[list[str], object]]:
    """``(features, candidate)`` for each candidate the rules pass over in the text; the
    engine itself keeps what the rules keep."""
    recorder, found = _Recorder(), []
    original_load, original_passed_over = gate.load, around_cues._passed_over

    def recording(*args):
        recorder.last = None
        candidate = original_passed_over(*args)
        if candidate is not None and recorder.last is not None:
            found.append((recorder.last, candidate))
        return None

    gate.load = lambda: recorder
    around_cues._passed_over = recording
    try:
        engine.extract_quotes(record["text"])
    finally:
        gate.load, around_cues._passed_over = original_load, original_passed_over
    return found


def label(candidate, gold: list[dict]) -> int:
    """1 when the candidate shares half its span with a gold reported content whose cue
    overlaps the candidate's."""
    for quote in gold:
        if evaluation.GROUPS[quote["kind"]] != "indirect":
            continue
        if not evaluation.overlaps(quote["start"], quote["end"], candidate.start, candidate.end):
            continue
        cue = quote.get("cue_start"), quote.get("cue_end")
        if None not in cue and cue[0] < candidate.cue[1] and candidate.cue[0] < cue[1]:
            return 1
    return 0


def dataset(folder: Path):
    """Features, labels, each row's text index and the hash of the gold data."""
    digest = hashlib.sha256()
    rows, ys, groups = [], [], []
    for index, record in enumerate(records(folder)):
        digest.update(record["id"].encode())
        digest.update(record["text"].encode())
        digest.update(repr([(q["start"], q["end"], q["kind"]) for q in record["quotes"]]).encode())
        for features, candidate in candidates(record):
            rows.append(features)
            ys.append(label(candidate, record["quotes"]))
            groups.append(index)
    return rows, ys, groups, digest.hexdigest()


def _model():
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(
        C=PARAMETERS["C"], max_iter=2000, random_state=PARAMETERS["seed"], solver="liblinear"
    )


def cross_validated(rows, ys, groups) -> list[float]:
    """Out-of-fold probabilities, folds by text."""
    from sklearn.feature_extraction.text import CountVectorizer

    probabilities = [0.0] * len(ys)
    for fold in range(PARAMETERS["folds"]):
        train = [i for i, g in enumerate(groups) if g % PARAMETERS["folds"] != fold]
        test = [i for i, g in enumerate(groups) if g % PARAMETERS["folds"] == fold]
        vectorizer = CountVectorizer(analyzer=lambda row: row, min_df=2, binary=True)
        matrix = vectorizer.fit_transform([rows[i] for i in train])
        model = _model().fit(matrix, [ys[i] for i in train])
        predicted = model.predict_proba(vectorizer.transform([rows[i] for i in test]))[:, 1]
        for i, p in zip(test, predicted, strict=True):
            probabilities[i] = float(p)
    return probabilities


def trade_off(probabilities, ys, base: evaluation.Score, thresholds) -> list[tuple]:
    """Per threshold: the admitted candidates' precision, and the indirect P/R/F1 they
    would give added to the rules' ``base`` (an estimate: one gold per right candidate)."""
    rows = []
    for threshold in thresholds:
        admitted = [y for p, y in zip(probabilities, ys, strict=True) if p >= threshold]
        right = sum(admitted)
        score = evaluation.Score(base.true_positives + right, base.predicted + len(admitted))
        score.gold = base.gold
        rows.append((threshold, len(admitted), right / max(1, len(admitted)), score))
    return rows


def rules_score(folder: Path) -> evaluation.Score:
    """The rules' indirect overlap score on the split, the gate absent."""
    original = gate.load
    gate.load = lambda: None
    try:
        report = evaluation.evaluate(records(folder), engine.extract_quotes)
    finally:
        gate.load = original
    return report.overlap["indirect"]


def train(folder: Path) -> dict:
    from sklearn.feature_extraction.text import CountVectorizer

    rows, ys, groups, digest = dataset(folder)
    probabilities = cross_validated(rows, ys, groups)
    base = rules_score(folder)
    thresholds = [round(0.3 + 0.025 * i, 3) for i in range(25)]
    table = trade_off(probabilities, ys, base, thresholds)
    print(f"rules alone on train: indirect P {base.precision:.3f} R {base.recall:.3f}")
    print("threshold admitted precision  indirect P     R     F1 (train, cross-validated)")
    for threshold, admitted, precision, score in table:
        print(
            f"{threshold:9.3f} {admitted:8d} {precision:9.3f}  "
            f"{score.precision:10.3f} {score.recall:5.3f} {score.f1:5.3f}"
        )
    threshold = max(table, key=lambda row: (round(row[3].f1, 3), row[0]))[0]
    vectorizer = CountVectorizer(analyzer=lambda row: row, min_df=2, binary=True)
    model = _model().fit(vectorizer.fit_transform(rows), ys)
    weights = {
        feature: round(float(model.coef_[0][index]), 4)
        for feature, index in vectorizer.vocabulary_.items()
        if abs(model.coef_[0][index]) >= PARAMETERS["min_weight"]
    }
    weights["b"] = round(weights.get("b", 0.0) + float(model.intercept_[0]), 4)
    return {
        "version": 1,
        "trained_on": {
            "corpus": "PolNeAR train (first annotator per text)",
            "texts": len(set(groups)),
            "sha256": digest,
            "examples": len(ys),
            "positives": sum(ys),
        },
        "parameters": PARAMETERS,
        "threshold": threshold,
        "weights": dict(sorted(weights.items())),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("train", type=Path)
    parser.add_argument(
        "--out",
        type=Path,
        required=True,
        help=f"where to write it; the engine reads {gate.MODEL_PATH}",
    )
    options = parser.parse_args()
    result = train(options.train)
    options.out.write_text(
        json.dumps(result, indent=0, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    print(
        f"{options.out}: {len(result['weights'])} weights, threshold {result['threshold']}, "
        f"{result['trained_on']['positives']}/{result['trained_on']['examples']} positive"
    )


if __name__ == "__main__":
    main()
