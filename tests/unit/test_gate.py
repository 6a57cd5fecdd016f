"""The learned gate over passed-over attributions: its features, inference and loading."""

import json

from articles.extraction import gate


def test_features_say_what_follows_the_cue_and_who_the_subject_is():
    words = "Lunde urged residents to keep pressing the council .".split()
    features = gate.features(words, 1, 1, 7, "word", "person", 0.62)
    assert "w=urged" in features
    assert "n1c=word" in features
    assert "n1c|n2=word|to" in features
    assert "subject=person" in features
    assert "length=<8" in features
    assert "p=6" in features


def test_word_classes():
    assert [gate.word_class(w) for w in ("to", "about", "the", "they", "whether", "Oslo")] == [
        "to",
        "prep",
        "det",
        "pron",
        "wh",
        "cap",
    ]


def test_probability_is_the_logistic_of_the_summed_weights():
    model = gate.Gate({"b": -1.0, "w=urged": 3.0}, 0.5)
    assert round(model.probability(["b", "w=urged", "unknown"]), 4) == 0.8808
    assert model.admits(["b", "w=urged"])
    assert not model.admits(["b", "w=opened"])


def test_load_reads_weights_and_threshold_and_gives_none_without_a_file(tmp_path):
    path = tmp_path / "gate.json"
    path.write_text(json.dumps({"version": 1, "threshold": 0.7, "weights": {"b": 1.0}}))
    model = gate.load(path)
    assert model.threshold == 0.7
    assert model.weights == {"b": 1.0}
    assert gate.load(tmp_path / "missing.json") is None
