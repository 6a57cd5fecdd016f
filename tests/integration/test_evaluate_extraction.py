"""``manage.py evaluate_extraction`` on a brat standoff folder (PolNeAR's layout)."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

TEXT = "The harbour will close, the mayor said on Monday.\n"


def _corpus(root, ann):
    (root / "text").mkdir()
    (root / "attributions").mkdir()
    (root / "text" / "harbour.txt").write_text(TEXT, encoding="utf-8")
    (root / "attributions" / "harbour_ab12.ann").write_text(ann, encoding="utf-8")
    # A second annotator's file for the same text counts once.
    (root / "attributions" / "harbour_cd34.ann").write_text(ann, encoding="utf-8")


def test_a_brat_folder_is_scored(tmp_path):
    _corpus(
        tmp_path,
        "T1\tContent 0 22\tThe harbour will close\n"
        "T2\tSource 24 33\tthe mayor\n"
        "T3\tCue 34 38\tsaid\n"
        "T4\tAttribution 34 38\tsaid\n"
        "E1\tAttribution:T4 Content:T1 Source:T2 Cue:T3\n",
    )
    out = io.StringIO()
    call_command("evaluate_extraction", str(tmp_path), stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0] == "1 articles"
    assert "of 1 gold" in lines[1]


def test_a_bad_ann_line_is_named(tmp_path):
    _corpus(tmp_path, "T1\tContent 0 22\tThe harbour will open\n")
    with pytest.raises(CommandError, match=r"harbour_ab12\.ann:1: span text"):
        call_command("evaluate_extraction", str(tmp_path))


def test_the_scope_is_passed_to_the_engine(tmp_path):
    # 'urged' with an object and no clause: an attribution in the wide scope only.
    text = "The mayor urged residents to stay indoors.\n"
    (tmp_path / "wide.jsonl").write_text(
        json.dumps(
            {
                "text": text,
                "quotes": [
                    {"start": 16, "end": 41, "kind": "indirect", "speaker": "The mayor"},
                ],
            }
        )
        + "\n",
        encoding="utf-8",
    )
    found = {}
    for scope in ("clauses", "wide"):
        out = io.StringIO()
        call_command(
            "evaluate_extraction", str(tmp_path / "wide.jsonl"), "--scope", scope, stdout=out
        )
        found[scope] = out.getvalue().splitlines()[1]
    assert "(0 of 1 gold, 0 predicted" in found["clauses"]
    assert "(1 of 1 gold, 1 predicted" in found["wide"]
