"""Train the pronoun ranker (articles/extraction/antecedent_model.json) on PolNeAR train.

Usage: python bench/train_antecedents.py /path/to/PolNeAR/data/train [--check /path/to/dev]

Runs the engine, with the salience rule choosing, over each text (the first annotator's
file, as evaluate_extraction reads it). Each time the engine resolves a 'he' or 'she'
that an attribution names, the people it could mean are one ranking; the right one is
the person the gold speaker mention at that place resolves to (the evaluator's
resolve_gold_speakers: the last gold speaker of that gender, PolNeAR having no
coreference); rankings where another person became a subject since are left out, as
that referent is then likely wrong. A logistic regression (scikit-learn, a development
dependency only) is fitted on the candidates' features of articles/extraction/
antecedents.py. Writes the weights as JSON, rounded, sorted, with the training data's
hash and the parameters: the same data gives the same file.
"""

import argparse
import hashlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from logistic_weights import fit_weights, write_model  # noqa: E402 (bench/, this script's folder)

from articles.exchange.brat import attributions, read_folder  # noqa: E402
from articles.extraction import antecedents, extract_quotes  # noqa: E402
from articles.extraction.evaluation import resolve_gold_speakers, same_speaker  # noqa: E402
from articles.extraction.gender import PRONOUN_GENDER  # noqa: E402
from articles.extraction.registry import Registry  # noqa: E402

PARAMETERS = {"C": 0.1, "min_weight": 0.01, "seed": 14}


def documents(folder: Path) -> list[tuple[str, str, list[dict]]]:
    """``(name, text, gold quotes)`` per text, the first annotator's file only."""
    found, seen = [], set()
    for name, document in read_folder(folder):
        text_name = name.rsplit("_", 1)[0]
        if text_name not in seen:
            seen.add(text_name)
            found.append((text_name, document.text, attributions(document)))
    return found


class _Recorder:
    """Each pronoun the engine resolves: its candidates' names and features, and the
    span the attribution then names (the pronoun's own)."""

    def __init__(self) -> None:
        self.calls: list[dict] = []
        self._resolve = Registry.person_for_pronoun
        self._attributed = Registry.attributed

    def __enter__(self):
        recorder = self

        def person_for_pronoun(registry, pronoun=""):
            word = pronoun.casefold().strip()
            wanted = PRONOUN_GENDER.get(word)
            if wanted is not None:
                candidates = registry.pronoun_candidates(wanted)
                rows = antecedents.features(word, candidates, registry._tick, registry.last_speaker)
                recorder.calls.append(
                    {
                        "pronoun": word,
                        "names": [c.name for c in candidates],
                        "subject_at": [c.subject_at for c in candidates],
                        "salient_at": [max(c.spoke_at, c.subject_at) for c in candidates],
                        "rows": rows,
                        "span": None,
                        "open": True,
                    }
                )
            return recorder._resolve(registry, pronoun)

        def attributed(registry, entity, span):
            if recorder.calls and recorder.calls[-1]["open"]:
                recorder.calls[-1]["open"] = False
                recorder.calls[-1]["span"] = span
            return recorder._attributed(registry, entity, span)

        self._load = antecedents.load
        antecedents.load = lambda *args: None  # the rule chooses while recording
        Registry.person_for_pronoun = person_for_pronoun
        Registry.attributed = attributed
        return self

    def __exit__(self, *exc):
        Registry.person_for_pronoun = self._resolve
        Registry.attributed = self._attributed
        antecedents.load = self._load


def rankings(docs) -> list[tuple[list[list[str]], list[int]]]:
    """Per resolved pronoun with a gold referent among its candidates: the candidates'
    features and labels (1: the gold referent)."""
    found = []
    for _, text, gold in docs:
        referents = resolve_gold_speakers(text, gold)
        by_mention = {
            (q["speaker_start"], q["speaker_end"]): referent
            for q, referent in zip(gold, referents, strict=True)
            if referent and q.get("speaker_start") is not None
        }
        with _Recorder() as recorder:
            extract_quotes(text)
        # One ranking per pronoun mention, the last the engine made there: it asks about
        # some twice ('She added, “…”': a look-up it undoes, then the one it keeps), and
        # recording each would weigh such a mention double.
        by_span = {tuple(call["span"]): call for call in recorder.calls if call["span"]}
        for span, call in by_span.items():
            if text[span[0] : span[1]].casefold() != call["pronoun"]:
                continue
            referent = by_mention.get(span)
            if referent is None:
                continue
            labels = [int(same_speaker(name, referent)) for name in call["names"]]
            if any(labels) and not _subject_since(call, labels):
                found.append((call["rows"], labels))
    return found


def _subject_since(call: dict, labels: list[int]) -> bool:
    """Whether another person became a sentence's subject after the gold referent last
    spoke or was one: the referent, the last gold speaker of that gender, is then
    likely wrong ('Mayor Astrid Rønning sent a comment. – …, she said'), as PolNeAR
    does not mark coreference."""
    gold_at = max(at for at, label in zip(call["salient_at"], labels, strict=True) if label)
    return any(
        at > gold_at for at, label in zip(call["subject_at"], labels, strict=True) if not label
    )


def _digest(docs) -> str:
    digest = hashlib.sha256()
    for name, text, gold in docs:
        digest.update(name.encode())
        digest.update(text.encode())
        digest.update(repr([(q["start"], q["end"], q["speaker"]) for q in gold]).encode())
    return digest.hexdigest()


def train(folder: Path) -> dict:
    docs = documents(folder)
    data = rankings(docs)
    rows = [row for ranking, _ in data for row in ranking]
    ys = [label for _, labels in data for label in labels]
    weights = fit_weights(rows, ys, PARAMETERS)
    return {
        "version": 1,
        "trained_on": {
            "corpus": "PolNeAR train (first annotator per text)",
            "texts": len(docs),
            "sha256": _digest(docs),
            "rankings": len(data),
            "candidates": len(ys),
        },
        "parameters": PARAMETERS,
        "weights": weights,
    }


def check(folder: Path, model: antecedents.AntecedentModel) -> None:
    """How often the rule's first choice and the model's are the gold referent."""
    data = rankings(documents(folder))
    rule = learned = 0
    for ranking, labels in data:
        rule += labels[_rule_first(ranking)]
        scores = [model.score(row) for row in ranking]
        learned += labels[max(range(len(scores)), key=lambda i: (scores[i], -i))]
    n = max(1, len(data))
    print(f"{len(data)} pronouns: rule {rule / n:.3f}, model {learned / n:.3f}")


def _rule_first(ranking: list[list[str]]) -> int:
    return next(i for i, row in enumerate(ranking) if "rr=0" in row)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("train", type=Path)
    parser.add_argument("--check", type=Path, help="a split to compare rule and model on")
    parser.add_argument("--out", type=Path, default=antecedents.MODEL_PATH)
    options = parser.parse_args()
    result = train(options.train)
    write_model(options.out, result)
    print(
        f"{options.out}: {len(result['weights'])} weights, "
        f"{result['trained_on']['rankings']} pronouns, "
        f"{result['trained_on']['candidates']} candidates"
    )
    if options.check:
        antecedents.load.cache_clear()
        check(options.check, antecedents.load(options.out))


if __name__ == "__main__":
    main()
