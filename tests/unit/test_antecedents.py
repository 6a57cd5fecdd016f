"""The learned pronoun ranker: its features, its pure inference, its stored weights, and
the engine's fallback to the salience rule without it."""

import json
from dataclasses import dataclass

from articles.extraction import antecedents, extract_quotes
from articles.extraction.antecedents import MODEL_PATH, AntecedentModel, features, load

TEXT = (
    "Ola Brenne said the new road would be late.\n\n"
    "Per Lund, the site engineer, disagreed.\n\n"
    "“It will be finished on time,” he said."
)


@dataclass(eq=False)
class _Person:
    name: str
    gender: str | None = None
    description: str = ""
    spoke_at: int = -1
    subject_at: int = -1
    mentioned_at: int = -1
    opened_at: int = -1
    spoke_count: int = 0
    mention_count: int = 1


def _speaker(text, words):
    return next(q for q in extract_quotes(text) if words in q.text).speaker


def test_features_rank_each_candidate_against_the_others():
    speaker = _Person("Ola Brenne", "m", spoke_at=3, mentioned_at=2, spoke_count=1)
    subject = _Person("Per Lund", None, subject_at=5, mentioned_at=5)
    rows = features("he", [speaker, subject], 6, speaker)
    assert {"sa=4", "last=True", "g=fit", "sr=0"} <= set(rows[0])
    assert {"ja=1", "last=False", "g=unknown", "sr=never"} <= set(rows[1])


def test_the_best_scored_candidate_wins_and_ties_go_to_the_latest():
    first, second = _Person("Ola Brenne", "m"), _Person("Per Lund", "m")
    assert AntecedentModel({}).best("he", [first, second], 1, None) is first
    model = AntecedentModel({"last=True": 3.0})
    assert model.best("he", [first, second], 1, second) is second


def test_a_missing_or_broken_model_file_loads_as_none(tmp_path):
    assert load(tmp_path / "missing.json") is None
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    assert load(broken) is None


def test_the_stored_model_is_plain_sorted_json_with_its_provenance():
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    assert data["version"] == 1
    assert len(data["trained_on"]["sha256"]) == 64
    assert data["parameters"]["seed"] == 14
    assert list(data["weights"]) == sorted(data["weights"])
    assert isinstance(load(), AntecedentModel)


def test_the_engine_falls_back_to_the_salience_rule_without_the_model(monkeypatch):
    monkeypatch.setattr(antecedents, "load", lambda *args: None)
    assert _speaker(TEXT, "finished on time") == "Per Lund"  # the newest subject


def test_the_engine_asks_the_model_when_there_is_one(monkeypatch):
    # A model that trusts only the last speaker gives the quote to Ola Brenne.
    model = AntecedentModel({"last=True": 5.0, "last=False": -5.0})
    monkeypatch.setattr(antecedents, "load", lambda *args: model)
    assert _speaker(TEXT, "finished on time") == "Ola Brenne"
