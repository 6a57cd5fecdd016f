"""The Parquet export (issue 19): both layouts read back to the quotes they were given, on
a text with an emoji, combining marks, right-to-left script and CRLF; offsets stay code
points; a large export comes in row groups; an empty one is still a file with its schema."""

import io

import pyarrow.parquet as pq
import pytest

from articles.exchange import parquet
from tests.unit.test_interop import RECORD, TEXT

WHEN = "2026-11-03T08:30:00+01:00"


def record(**changes):
    stances = [{"target": "Kaia", "label": "against"}]
    quotes = [
        {**q, "created_at": WHEN, "updated_at": None, "stances": stances}
        | {"start_utf16": q["start"] + 1, "end_utf16": q["end"] + 1}
        | {
            "start_utf8": len(TEXT[: q["start"]].encode()),
            "end_utf8": len(TEXT[: q["end"]].encode()),
        }
        for q in RECORD["quotes"]
    ]
    return {
        **RECORD,
        "quotes": quotes,
        "text_sha256": "0" * 64,
        "offset_unit": "codepoint",
        "published_at": WHEN,
        "assignments": [work("annotator", "ana")],
        **changes,
    }


def work(person, name):
    return {person: name, "status": "done", "started_at": WHEN, "finished_at": None}


def spans(quote):
    return (
        quote["start"],
        quote["end"],
        quote["kind"],
        quote["speaker"]["name"],
        quote["cue"]["start"],
    )


def table(layout, records):
    return pq.read_table(io.BytesIO(b"".join(parquet.chunks(layout, records))))


def test_one_row_per_article_keeps_text_quotes_and_work():
    (row,) = table("parquet", [record()]).to_pylist()
    assert row["text"] == TEXT
    assert row["published_at"].isoformat() == "2026-11-03T07:30:00+00:00"  # UTC
    assert row["adjudication"] is None
    assert row["assignments"][0]["annotator"] == "ana"
    read = [
        (q["start"], q["end"], q["kind"], q["speaker"]["name"], q["cue"]["start"])
        for q in row["quotes"]
    ]
    given = [
        (q["start"], q["end"], q["kind"], q["speaker"]["name"], q["cue"]["start"])
        for q in RECORD["quotes"]
    ]
    assert read == given  # fmt: skip
    for quote in row["quotes"]:
        assert TEXT[quote["start"] : quote["end"]] == quote["text"]
        assert quote["stances"] == [{"target": "Kaia", "label": "against"}]


def test_one_row_per_quote_carries_its_article_but_not_the_text():
    gold = record(assignments=None, adjudication=work("reviewer", "rev"))
    found = table("parquet-quotes", [gold, record(id=8, quotes=[])])
    assert "text" in found.column_names
    assert "article_text" not in found.column_names
    rows = found.to_pylist()
    assert [(r["article_id"], r["quote_id"], r["text"]) for r in rows] == [
        (7, q["id"], q["text"]) for q in RECORD["quotes"]
    ]


def test_a_large_export_streams_in_row_groups(monkeypatch):
    monkeypatch.setattr(parquet, "ROWS_PER_GROUP", 2)
    pieces = list(parquet.chunks("parquet", [record(id=n) for n in range(5)]))
    # The head after the first article, row groups after articles 2 and 4, then the rest
    # and the footer.
    assert len(pieces) == 4
    assert pieces[0] == b"PAR1"
    found = pq.ParquetFile(io.BytesIO(b"".join(pieces)))
    assert (found.metadata.num_row_groups, found.metadata.num_rows) == (3, 5)


@pytest.mark.parametrize("layout", parquet.LAYOUTS)
def test_an_empty_export_is_a_file_with_its_schema(layout):
    found = table(layout, [])
    assert found.num_rows == 0
    assert found.schema.equals(parquet.schema(layout))


def test_an_unknown_layout_is_refused_by_name():
    with pytest.raises(ValueError, match="unknown Parquet layout 'bogus'"):
        list(parquet.chunks("bogus", []))
