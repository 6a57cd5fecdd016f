"""Train the cue model (articles/extraction/cue_model.json) on PolNeAR train.

Usage: python bench/train_extraction.py /path/to/PolNeAR/data/train [--check /path/to/dev]

Reads the brat attributions (the first annotator's file of each text, as
evaluate_extraction does), labels each token of each sentence by whether it lies in a
gold Cue span, and fits a logistic regression (scikit-learn, a development dependency
only) on the features of articles/extraction/cues.py, for the tokens whose word occurs
in cues often enough and can head one (no 'the', no 'later'). Writes the weights as
JSON, rounded, sorted, with the training data's hash and the parameters: the same data
gives the same file.
"""

import argparse
import hashlib
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from logistic_weights import fit_weights, write_model  # noqa: E402 (bench/, this script's folder)

from articles.exchange.brat import read_folder  # noqa: E402
from articles.extraction import cues, marks  # noqa: E402
from articles.extraction.paragraphs import paragraphs, sentence_ends  # noqa: E402
from articles.extraction.patterns import LY_NOUNS  # noqa: E402

PARAMETERS = {
    "C": 0.5,
    "min_count": 3,
    "min_ratio": 0.1,
    "min_weight": 0.05,
    "threshold": 0.35,
    "seed": 14,
    # Converged well past liblinear's default (1e-4), so that the rounded weights depend on
    # the data, not on the solver's path or the machine's arithmetic: at 1e-4 a file
    # trained in another session differed in 5,400 weights by 0.0001-0.0007.
    "tol": 1e-8,
}
# Words inside multi-word cues ('written reply to', 'according to') that never head one:
# scoring them would cost time and find nothing the head word does not.
FUNCTION_WORDS = frozenset(
    """a an the to of for in on at by with from about as and or but that this these those
    it its his her their he she they i we you me him them us my our your is are was were
    be been being has have had do does did will would can could should may might must not
    no so up out over into than then there here what which who whom whose how why when
    where if also just very more most some any all one""".split()
)
# Words that modify a cue but never head one. PolNeAR's cue spans take them in ('later
# said', 'repeatedly denied', 'said Friday'), so they were learned as cue words, and as
# adjacent cue tokens form one cue the engine's cue became 'later told', or 'told' only
# while 'later' stayed a hair under the threshold. Adverbs of time and frequency, the days
# of the week, and the words in -ly that are no nouns (the engine's list, and 'reply').
MODIFIERS = frozenset(
    """later earlier again already once twice often still never ever soon now first even
    yet instead monday tuesday wednesday thursday friday saturday sunday""".split()
)
LY_NOT_ADVERBS = LY_NOUNS | {"reply"}


def modifier(word: str) -> bool:
    """Whether ``word`` (lower case) only ever modifies a cue: 'later', 'repeatedly'."""
    return word in MODIFIERS or (word.endswith("ly") and word not in LY_NOT_ADVERBS)


def documents(folder: Path) -> list[tuple[str, str, list[tuple[int, int]]]]:
    """``(name, text, cue spans)`` per text, the first annotator's file only."""
    found, seen = [], set()
    for name, document in read_folder(folder):
        text_name = name.rsplit("_", 1)[0]
        if text_name in seen:
            continue
        seen.add(text_name)
        cue_spans = []
        for event in document.events:
            for role, ref in event.arguments:
                if role.rstrip("0123456789") == "Cue":
                    cue_spans.extend(document.spans[ref].spans)
        found.append((text_name, document.text, cue_spans))
    return found


def sentences(text: str):
    """The engine's sentences: paragraphs split at stops outside quotations."""
    for start, end in paragraphs(text):
        quoted = [
            (s.open, (s.close if s.close is not None else end) + 1)
            for s in marks.segments(text, start, end)
        ]
        sentence_start = start
        for sentence_end in sentence_ends(text, start, end, quoted):
            yield cues.tokens(text, sentence_start, sentence_end)
            sentence_start = sentence_end


def labelled(docs):
    """Per sentence: its tokens and, per token, whether it lies in a gold cue."""
    for _, text, cue_spans in docs:
        inside = bytearray(len(text) + 1)
        for start, end in cue_spans:
            inside[start:end] = b"\x01" * (end - start)
        for sentence in sentences(text):
            yield sentence, [bool(inside[s]) for s, _, _ in sentence]


def vocabulary(data) -> list[str]:
    in_cue, total = Counter(), Counter()
    for sentence, labels in data:
        for (_, _, word), label in zip(sentence, labels, strict=True):
            total[word.lower()] += 1
            in_cue[word.lower()] += label
    return sorted(
        w
        for w, n in in_cue.items()
        if n >= PARAMETERS["min_count"]
        and n / total[w] >= PARAMETERS["min_ratio"]
        and any(c.isalpha() for c in w)
        and w not in FUNCTION_WORDS
        and not modifier(w)
    )


def examples(data, vocab: set[str]):
    rows, ys = [], []
    for sentence, labels in data:
        words = [w for _, _, w in sentence]
        lowered = [w.lower() for w in words]
        for i, word in enumerate(lowered):
            if word in vocab:
                rows.append(cues.features(words, lowered, i))
                ys.append(int(labels[i]))
    return rows, ys


def train(folder: Path) -> dict:
    docs = documents(folder)
    digest = hashlib.sha256()
    for name, text, spans in docs:
        digest.update(name.encode())
        digest.update(text.encode())
        digest.update(repr(sorted(spans)).encode())
    data = list(labelled(docs))
    vocab = vocabulary(data)
    rows, ys = examples(data, set(vocab))
    weights = fit_weights(rows, ys, PARAMETERS)
    return {
        "version": 1,
        "trained_on": {
            "corpus": "PolNeAR train (first annotator per text)",
            "texts": len(docs),
            "sha256": digest.hexdigest(),
            "examples": len(ys),
            "positives": sum(ys),
        },
        "parameters": PARAMETERS,
        "threshold": PARAMETERS["threshold"],
        "vocabulary": vocab,
        "weights": weights,
    }


def check(folder: Path, model: cues.CueModel) -> None:
    """Cue-level precision and recall of the cue model on another split: a gold cue is
    found when a cue token lies in it; a cue token is right when it lies in a gold cue."""
    tp = fp = found_gold = gold_total = 0
    for _, text, cue_spans in documents(folder):
        inside = bytearray(len(text) + 1)
        for start, end in cue_spans:
            inside[start:end] = b"\x01" * (end - start)
        hit = bytearray(len(text) + 1)
        for sentence in sentences(text):
            for i, _ in model.cues(sentence):
                start, end = cues.cue_span(sentence, i)
                hit[start:end] = b"\x01" * (end - start)
                if inside[start]:
                    tp += 1
                else:
                    fp += 1
        for start, end in set(cue_spans):
            gold_total += 1
            found_gold += any(hit[start:end])
    print(f"cues: P {tp / max(1, tp + fp):.3f} R {found_gold / max(1, gold_total):.3f}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("train", type=Path)
    parser.add_argument("--check", type=Path, help="a split to report token P/R on")
    parser.add_argument("--out", type=Path, default=cues.MODEL_PATH)
    options = parser.parse_args()
    result = train(options.train)
    write_model(options.out, result)
    print(
        f"{options.out}: {len(result['weights'])} weights, {len(result['vocabulary'])} words, "
        f"{result['trained_on']['positives']}/{result['trained_on']['examples']} positive"
    )
    if options.check:
        cues.load.cache_clear()
        check(options.check, cues.load(options.out))


if __name__ == "__main__":
    main()
