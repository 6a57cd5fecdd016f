"""Train the wide scope's gate (articles/extraction/gate.py) on PolNeAR train.

Usage: python bench/train_gate.py /path/to/PolNeAR/data/train [--out gate_model.json]

Runs the engine in the wide scope on each text (the first annotator's file, as
evaluate_extraction does) with a recorder in the gate's place, so that the candidates are
those the clauses scope passes over with today's rules and cue model; labels each by
whether it shares half of its span with a gold reported content whose cue overlaps its
own; fits a logistic regression (bench/logistic_weights.py). The threshold is the one with
the best indirect overlap F1 on train when each text is extracted with the gate of the
cross-validation fold that did not see it (folds by text). Writes the weights as JSON,
rounded and sorted, with the training data's hash: the same data gives the same file.
"""

import argparse
import contextlib
import hashlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from logistic_weights import fit_weights, write_model  # noqa: E402 (bench/, this script's folder)

from articles.exchange.brat import attributions, read_folder  # noqa: E402
from articles.extraction import Scope, evaluation, extract_quotes, gate, handoff  # noqa: E402

PARAMETERS = {"C": 0.3, "min_weight": 0.02, "folds": 5, "seed": 14}
THRESHOLDS = [round(0.1 + 0.05 * i, 2) for i in range(17)]  # 0.1 to 0.9


def records(folder: Path) -> list[dict]:
    """One gold record per text, the first annotator's file only."""
    found, seen = [], set()
    for name, document in read_folder(folder):
        text_name = name.rsplit("_", 1)[0]
        if text_name not in seen:
            seen.add(text_name)
            found.append({"id": text_name, "text": document.text, "quotes": attributions(document)})
    return found


@contextlib.contextmanager
def gate_in_place(model):
    """The wide scope reads ``model`` as its gate."""
    original = gate.load
    gate.load = lambda: model
    try:
        yield
    finally:
        gate.load = original


class _Recorder:
    """In the gate's place: notes the features it is asked about and admits all, so that
    the candidate they belong to is built."""

    def __init__(self) -> None:
        self.last: list[str] | None = None

    def admits(self, features: list[str]) -> bool:
        self.last = features
        return True


def _engine_names(function) -> list[tuple[object, str]]:
    """Every ``(module, name)`` of the engine that holds ``function``: a module that imports
    it by name holds its own reference, which a patch of one module would miss (the
    raised contents' module once went unrecorded that way)."""
    return [
        (module, name)
        for module in list(sys.modules.values())
        if getattr(module, "__name__", "").startswith("articles.extraction")
        for name, value in list(vars(module).items())
        if value is function
    ]


def candidates(text: str) -> list[tuple[list[str], object]]:
    """``(features, candidate)`` for each content the clauses scope passes over in
    ``text``; the recording keeps none of them, so the engine reads on as in that scope."""
    recorder, found = _Recorder(), []
    bindings = [
        (module, name, function)
        for function in (handoff.passed_over, handoff.low_cue)
        for module, name in _engine_names(function)
    ]

    def recording(original):
        def record(*args):
            recorder.last = None
            candidate = original(*args)
            if recorder.last is None:
                return candidate  # a low cue's content, which its own call weighs
            if candidate is not None:
                found.append((recorder.last, candidate))
            return None

        return record

    for module, name, function in bindings:
        setattr(module, name, recording(function))
    try:
        with gate_in_place(recorder):
            extract_quotes(text, scope=Scope.WIDE)
    finally:
        for module, name, function in bindings:
            setattr(module, name, function)
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


def dataset(docs: list[dict]):
    """Features, labels, each row's text index and the hash of the gold data."""
    digest = hashlib.sha256()
    rows, ys, groups = [], [], []
    for index, record in enumerate(docs):
        digest.update(record["id"].encode())
        digest.update(record["text"].encode())
        digest.update(repr([(q["start"], q["end"], q["kind"]) for q in record["quotes"]]).encode())
        for features, candidate in candidates(record["text"]):
            rows.append(features)
            ys.append(label(candidate, record["quotes"]))
            groups.append(index)
    return rows, ys, groups, digest.hexdigest()


def fold_weights(rows, ys, groups) -> list[dict[str, float]]:
    """Per fold, the weights learnt from the other folds' texts."""
    folds = PARAMETERS["folds"]
    found = []
    for fold in range(folds):
        train = [i for i, g in enumerate(groups) if g % folds != fold]
        found.append(fit_weights([rows[i] for i in train], [ys[i] for i in train], PARAMETERS))
    return found


def cross_validated_scores(docs: list[dict], weights: list[dict]) -> list[tuple]:
    """Per threshold: the indirect overlap score on train, each text extracted with its
    held-out fold's gate."""
    folds = PARAMETERS["folds"]
    table = []
    for threshold in THRESHOLDS:
        gates = [gate.Gate(w, threshold) for w in weights]
        predicted: dict[str, list] = {}
        for index, record in enumerate(docs):
            with gate_in_place(gates[index % folds]):
                predicted[record["id"]] = extract_quotes(record["text"], scope=Scope.WIDE)
        by_text = {r["text"]: predicted[r["id"]] for r in docs}
        report = evaluation.evaluate(docs, by_text.__getitem__)
        table.append((threshold, report.overlap["indirect"], report.all))
    return table


def train(folder: Path) -> dict:
    docs = records(folder)
    rows, ys, groups, digest = dataset(docs)
    table = cross_validated_scores(docs, fold_weights(rows, ys, groups))
    base = evaluation.evaluate(docs, extract_quotes).overlap["indirect"]
    print(f"clauses scope on train: indirect P {base.precision:.3f} R {base.recall:.3f}")
    print("threshold  indirect P     R     F1   all F1 (train, cross-validated)")
    for threshold, score, everything in table:
        print(
            f"{threshold:9.2f} {score.precision:11.3f} {score.recall:5.3f} "
            f"{score.f1:5.3f} {everything.f1:8.3f}"
        )
    # Ties go to the higher threshold: fewer contents admitted for the same F1.
    threshold = max(table, key=lambda row: (round(row[1].f1, 3), row[0]))[0]
    return {
        "version": 1,
        "trained_on": {
            "corpus": "PolNeAR train (first annotator per text)",
            "texts": len(docs),
            "sha256": digest,
            "examples": len(ys),
            "positives": sum(ys),
        },
        "parameters": PARAMETERS,
        "threshold": threshold,
        "weights": fit_weights(rows, ys, PARAMETERS),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("train", type=Path)
    parser.add_argument("--out", type=Path, default=gate.MODEL_PATH)
    options = parser.parse_args()
    result = train(options.train)
    write_model(options.out, result)
    print(
        f"{options.out}: {len(result['weights'])} weights, threshold {result['threshold']}, "
        f"{result['trained_on']['positives']}/{result['trained_on']['examples']} positive"
    )


if __name__ == "__main__":
    main()
