"""What an installed newsannot needs besides its Python modules is declared to setuptools."""

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_model_file_of_the_extraction_engine_is_package_data():
    # Left out, a wheel runs the engine on its fallbacks without a word (the pronoun
    # ranker's file was missing).
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(declared["tool"]["setuptools"]["package-data"]["articles.extraction"])
    shipped = {path.name for path in (ROOT / "articles/extraction").glob("*.json")}
    assert shipped == listed
