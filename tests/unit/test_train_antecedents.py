"""bench/train_antecedents.py: the rankings it learns the pronoun ranker from."""

import importlib
import sys
from pathlib import Path


def _trainer():
    bench = Path(__file__).resolve().parents[2] / "bench"
    sys.path.insert(0, str(bench))
    try:
        return importlib.import_module("train_antecedents")
    finally:
        sys.path.remove(str(bench))


def _quote(text, content, speaker, speaker_at):
    start = text.index(content)
    at = text.index(speaker, speaker_at)
    return {
        "start": start,
        "end": start + len(content),
        "kind": "direct",
        "speaker": speaker,
        "speaker_start": at,
        "speaker_end": at + len(speaker),
    }


def test_a_pronoun_the_engine_resolves_twice_is_one_ranking():
    # The engine asks the registry about 'She added, “…”' twice (a look-up it undoes,
    # then the one it keeps); the trainer had recorded both, so such a mention weighed
    # double in the fit. One mention, one ranking: the last the engine made.
    text = (
        "Harbour minister Ingrid Solberg said the pier at Vossby would be rebuilt by May. "
        "She added, “The harbour will open in spring and every fisher will be paid.”"
    )
    gold = [
        _quote(text, "the pier at Vossby would be rebuilt by May", "Ingrid Solberg", 0),
        _quote(
            text,
            "The harbour will open in spring and every fisher will be paid.",
            "She",
            text.index("She added"),
        ),
    ]
    found = _trainer().rankings([("vossby", text, gold)])
    assert len(found) == 1
    _rows, labels = found[0]
    assert labels == [1]  # the one candidate, Ingrid Solberg, is the referent


def test_the_last_ranking_at_a_mention_is_the_one_kept(monkeypatch):
    # Two look-ups at the same 'She', ranking the candidates in different orders: the
    # kept ranking is the second, the one the engine made last, not the first.
    text = (
        "Harbour minister Ingrid Solberg said the pier at Vossby would be rebuilt by May. "
        "She added, “The harbour will open in spring and every fisher will be paid.”"
    )
    she = text.index("She added")
    gold = [
        _quote(text, "the pier at Vossby would be rebuilt by May", "Ingrid Solberg", 0),
        _quote(text, "The harbour will open in spring and every fisher will be paid.", "She", she),
    ]

    def call(names, rows):
        return {
            "pronoun": "she",
            "names": names,
            "subject_at": [0, 0],
            "salient_at": [0, 0],
            "rows": rows,
            "span": (she, she + 3),
            "open": False,
        }

    first = call(["Ingrid Solberg", "Kari Holt"], [["first"], ["first"]])
    last = call(["Kari Holt", "Ingrid Solberg"], [["last"], ["last"]])

    class Recorder:
        def __enter__(self):
            self.calls = [first, last]
            return self

        def __exit__(self, *exc):
            return False

    trainer = _trainer()
    monkeypatch.setattr(trainer, "_Recorder", Recorder)
    monkeypatch.setattr(trainer, "extract_quotes", lambda text: [])
    assert trainer.rankings([("vossby", text, gold)]) == [([["last"], ["last"]], [0, 1])]
