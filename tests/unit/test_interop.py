"""The other tools' formats (issue 19): each export reads back to the same quotes, on a
text with an emoji, combining marks, right-to-left script and CRLF line ends; files
written from each tool's documented format import with every span and attribution; and
what a reader cannot map is listed with counts and refused, with file, line and field."""

import io
import json
import re
import zipfile

import pytest

from articles.exchange import interop
from articles.exchange.records import ArticleRecord, RecordError
from articles.exchange.spans import Roles, mention_near

# A flag before the first quote (an emoji: two UTF-16 units), a combining accent in the
# speaker's name, Arabic and Hebrew words, Windows line ends.
TEXT = (
    "🇳🇴 Havnesjefen Zoe\u0301 Lie sa mandag at kaia må stenges.\r\n\r\n"
    "– Vi har ikke råd til «مرحبا» og שלום, sier Zoe\u0301 Lie til avisen.\r\n\r\n"
    "Ordfører Odd Berg mener at staten må betale."
)


def span(fragment, *, after=0):
    start = TEXT.index(fragment, after)
    return start, start + len(fragment)


def quote(fragment, kind, speaker, cue):
    start, end = span(fragment)
    # The cue: the word nearest the quote.
    cue_start, cue_end = min(
        (m.span() for m in re.finditer(rf"(?<!\w){cue}(?!\w)", TEXT)),
        key=lambda found: abs(found[0] - start),
    )
    return {
        "id": start,
        "start": start,
        "end": end,
        "text": TEXT[start:end],
        "kind": kind,
        "origin": "human",
        "speaker": {"id": 1, "name": speaker, "aliases": []},
        "cue": {"start": cue_start, "end": cue_end, "text": TEXT[cue_start:cue_end]},
        "annotator": "ana",
        "stances": [],
    }


RECORD = {
    "id": 7,
    "title": "Kaia stenges",
    "text": TEXT,
    "quotes": [
        quote("kaia må stenges", "indirect", "Zoe\u0301 Lie", "sa"),
        quote("Vi har ikke råd til «مرحبا» og שלום", "direct", "Zoe\u0301 Lie", "sier"),
        quote("staten må betale", "indirect", "Odd Berg", "mener"),
    ],
}
EXPECTED = [
    (q["start"], q["end"], q["kind"], q["speaker"]["name"], q["cue"]["start"], q["cue"]["end"])
    for q in RECORD["quotes"]
]


def read_back(records) -> list[tuple]:
    items = list(records)
    errors = [i for i in items if isinstance(i, RecordError)]
    assert errors == []
    (record,) = items
    assert isinstance(record, ArticleRecord)
    assert record.text == TEXT
    return [(q.start, q.end, q.kind, q.speaker, q.cue_start, q.cue_end) for q in record.quotes]


def test_the_speaker_is_named_where_the_text_names_them_nearest():
    start, end = span("staten må betale")
    assert mention_near(TEXT, ["Odd Berg"], start, end) == span("Odd Berg")
    assert mention_near(TEXT, ["Nobody"], start, end) is None


def test_doccano_round_trip(tmp_path):
    path = tmp_path / "doccano.jsonl"
    path.write_bytes(b"".join(interop.chunks("doccano", [RECORD])))
    line = json.loads(path.read_text(encoding="utf-8"))
    assert {e["label"] for e in line["entities"]} == {"DIRECT", "INDIRECT", "SPEAKER", "CUE"}
    assert read_back(interop.read("doccano", path)) == EXPECTED


def test_label_studio_round_trip_in_code_points(tmp_path):
    path = tmp_path / "tasks.json"
    path.write_bytes(b"".join(interop.chunks("labelstudio", [RECORD])))
    (task,) = json.loads(path.read_text(encoding="utf-8"))
    spans = [r["value"] for r in task["annotations"][0]["result"] if r["type"] == "labels"]
    assert all(TEXT[v["start"] : v["end"]] == v["text"] for v in spans)
    assert read_back(interop.read("labelstudio", path)) == EXPECTED


def test_brat_round_trip_through_the_zip(tmp_path):
    out = io.BytesIO(b"".join(interop.chunks("brat", [RECORD])))
    with zipfile.ZipFile(out) as archive:
        assert archive.namelist() == ["7.txt", "7.ann"]
        archive.extractall(tmp_path / "brat")
    assert (tmp_path / "brat" / "7.txt").read_bytes() == TEXT.encode()
    got = read_back(interop.read("brat", tmp_path / "brat"))
    # brat has no kinds: the quotation marks tell them, as PolNeAR's reader does.
    assert [(s, e, sp, cs, ce) for s, e, _, sp, cs, ce in got] == [
        (s, e, sp, cs, ce) for s, e, _, sp, cs, ce in EXPECTED
    ]


def test_conll_tags_tokens_with_their_code_point_offsets():
    lines = b"".join(interop.chunks("conll", [RECORD])).decode().splitlines()
    assert lines[:2] == ["# article = 7", "# title = Kaia stenges"]
    rows = [line.split("\t") for line in lines[2:] if line and not line.startswith("#")]
    assert all(TEXT[int(start) : int(end)] == token for token, start, end, _ in rows)
    tags = {token: tag for token, _, _, tag in rows}
    assert (tags["kaia"], tags["må"], tags["sa"]) == ("B-QUOTE", "I-QUOTE", "B-CUE")
    assert (tags["Odd"], tags["Berg"], tags["mener"]) == ("B-SPEAKER", "I-SPEAKER", "B-CUE")
    assert tags["Havnesjefen"] == "O"


DOCCANO_FROM_ITS_DOCS = {
    "id": 1,
    "text": "“The ferry must run,” said Siri Vold. Critics say it costs too much.",
    "entities": [
        {"id": 10, "label": "QUOTE", "start_offset": 1, "end_offset": 19},
        {"id": 11, "label": "Person", "start_offset": 27, "end_offset": 36},
        {"id": 12, "label": "CUE", "start_offset": 22, "end_offset": 26},
        {"id": 13, "label": "INDIRECT", "start_offset": 50, "end_offset": 67},
    ],
    "relations": [
        {"id": 1, "from_id": 10, "to_id": 11, "type": "said_by"},
        {"id": 2, "from_id": 10, "to_id": 12, "type": "CUE"},
    ],
}


def test_a_doccano_file_with_unmapped_labels_is_refused_with_counts(tmp_path):
    path = tmp_path / "doccano.jsonl"
    path.write_text(json.dumps(DOCCANO_FROM_ITS_DOCS) + "\n", encoding="utf-8")
    errors = [i for i in interop.read("doccano", path) if isinstance(i, RecordError)]
    assert [str(e) for e in errors] == [
        f"{path}: no role for label Person (1), relation said_by (1): map each with "
        "--label-map NAME=ROLE (ROLE one of direct, indirect, mixed, quote, speaker, cue, "
        "ignore), or remove it"
    ]
    mapped = list(
        interop.read("doccano", path, Roles.with_map(["Person=speaker", "said_by=speaker"]))
    )
    (record,) = mapped
    ferry, critics = record.quotes
    assert (ferry.kind, ferry.speaker, ferry.cue_start) == ("direct", "Siri Vold", 22)
    assert (critics.kind, critics.speaker) == ("indirect", None)


LABEL_STUDIO_TEXT = "🙂 Vold: “The ferry must run,” she said."
# What a browser counts: the emoji is two UTF-16 units.
START16 = len("🙂 Vold: “".encode("utf-16-le")) // 2
LABEL_STUDIO_TASK = {
    "id": 3,
    "data": {"text": LABEL_STUDIO_TEXT},
    "annotations": [
        {
            "result": [
                {
                    "id": "a",
                    "from_name": "label",
                    "to_name": "text",
                    "type": "labels",
                    "value": {
                        "start": START16,
                        "end": START16 + 18,
                        "text": "The ferry must run",
                        "labels": ["DIRECT"],
                    },
                },
                {
                    "id": "b",
                    "from_name": "label",
                    "to_name": "text",
                    "type": "labels",
                    "value": {"start": 3, "end": 7, "text": "Vold", "labels": ["SPEAKER"]},
                },
                {
                    "from_id": "a",
                    "to_id": "b",
                    "type": "relation",
                    "direction": "right",
                    "labels": [],
                },
            ]
        }
    ],
}


def test_a_label_studio_export_with_browser_offsets_is_converted(tmp_path):
    text, task = LABEL_STUDIO_TEXT, LABEL_STUDIO_TASK
    path = tmp_path / "tasks.json"
    path.write_text(json.dumps([task]), encoding="utf-8")
    (record,) = interop.read("labelstudio", path)
    (only,) = record.quotes
    assert text[only.start : only.end] == "The ferry must run"
    assert only.speaker == "Vold"


def test_a_span_outside_the_text_names_its_line_and_field(tmp_path):
    bad = {
        **DOCCANO_FROM_ITS_DOCS,
        "entities": [{"id": 1, "label": "QUOTE", "start_offset": 5, "end_offset": 500}],
        "relations": [],
    }
    path = tmp_path / "doccano.jsonl"
    path.write_text("\n" + json.dumps(bad) + "\n", encoding="utf-8")
    (error,) = interop.read("doccano", path)
    assert str(error) == f"{path}:2: entities[0]: offsets 5–500 do not lie in the text"


POLNEAR_STYLE_ANN = (
    "T1\tSource 0 9\tSiri Vold\n"
    "T2\tCue 10 14\tsays\n"
    "T3\tContent 15 40\tthe ferry must keep going\n"
    "T4\tAttribution 10 14\tsays\n"
    "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
)


def test_a_polnear_style_folder_imports_with_its_attributions(tmp_path):
    folder = tmp_path / "brat"
    (folder / "text").mkdir(parents=True)
    (folder / "attributions").mkdir()
    (folder / "text" / "ferry.txt").write_text("Siri Vold says the ferry must keep going.\n")
    (folder / "attributions" / "ferry_ann1.ann").write_text(POLNEAR_STYLE_ANN)
    (record,) = interop.read("brat", folder)
    (only,) = record.quotes
    assert (record.title, only.start, only.end, only.speaker, only.cue_start) == (
        "ferry",
        15,
        40,
        "Siri Vold",
        10,
    )


@pytest.mark.parametrize("pair", ["Person", "Person=nobody", "=speaker"])
def test_a_bad_label_map_is_refused(pair):
    with pytest.raises(ValueError, match="write LABEL=ROLE"):
        Roles.with_map([pair])


def test_polnear_meta_labels_are_left_out_on_purpose_and_each_annotator_is_a_user(tmp_path):
    folder = tmp_path / "brat"
    (folder / "text").mkdir(parents=True)
    (folder / "attributions").mkdir()
    (folder / "text" / "ferry.txt").write_text("Siri Vold says the ferry must keep going.\n")
    text = "Siri Vold says the ferry must keep going.\n"
    overlapping = f"T3\tContent 15 20;18 40\t{text[15:20]} {text[18:40]}"
    ann = POLNEAR_STYLE_ANN.replace("T3\tContent 15 40\tthe ferry must keep going", overlapping)
    (folder / "attributions" / "ferry_a1.ann").write_text(
        POLNEAR_STYLE_ANN + "T5\tDiscuss 0 4\tSiri\n"
    )
    (folder / "attributions" / "ferry_b2.ann").write_text(ann)
    refused = [i for i in interop.read("brat", folder) if isinstance(i, RecordError)]
    assert "no role for label Discuss (1)" in str(refused[-1])
    first, second = interop.read("brat", folder, Roles.with_map(["Discuss=ignore"]))
    assert (first.title, first.quotes[0].annotator) == ("ferry", "a1")
    # Overlapping fragments of one content span are one quote, not a reversed span.
    assert (second.quotes[0].start, second.quotes[0].end, second.quotes[0].annotator) == (
        15,
        40,
        "b2",
    )


def test_a_speaker_span_longer_than_a_name_keeps_its_head(tmp_path):
    long_source = "The Daybreak poll, " + "which tracks support " * 12
    text = f"{long_source}shows that the race is close."
    cue = text.index("shows")
    document = {
        "text": text,
        "entities": [
            {"id": 1, "label": "SPEAKER", "start_offset": 0, "end_offset": len(long_source) - 1},
            {"id": 2, "label": "INDIRECT", "start_offset": cue + 11, "end_offset": len(text) - 1},
        ],
        "relations": [{"id": 1, "from_id": 2, "to_id": 1, "type": "SPEAKER"}],
    }
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps(document) + "\n", encoding="utf-8")
    (record,) = interop.read("doccano", path)
    assert record.quotes[0].speaker == "The Daybreak poll"
