import hashlib
from datetime import UTC, datetime
from pathlib import Path

import pytest

from articles.exchange.records import (
    InvalidRecord,
    RecordError,
    read_records,
    record_from_mapping,
    split_valid,
    text_sha256,
)

RECORDS_MODULE = Path(__file__).resolve().parents[2] / "articles" / "exchange" / "records.py"


def test_date_only_is_midnight_utc_and_naive_times_are_utc():
    record = record_from_mapping(
        {"title": "t", "text": "x", "published_at": "2026-03-01"}, path="p", line=1
    )
    assert record.published_at == datetime(2026, 3, 1, tzinfo=UTC)
    record = record_from_mapping(
        {"title": "t", "text": "x", "published_at": "2026-03-01T09:30:00"}, path="p", line=1
    )
    assert record.published_at == datetime(2026, 3, 1, 9, 30, tzinfo=UTC)


def test_text_is_kept_exactly_while_other_fields_are_trimmed():
    record = record_from_mapping(
        {"title": "  Title \n", "text": "  spaced\r\n text  "}, path="p", line=1
    )
    assert record.title == "Title"
    assert record.text == "  spaced\r\n text  "


def test_overlong_title_names_the_limit():
    with pytest.raises(InvalidRecord) as error:
        record_from_mapping({"title": "x" * 501, "text": "y"}, path="p", line=1)
    assert error.value.field == "title"
    assert "limit is 500" in error.value.message


def test_error_reads_as_file_line_field_message():
    assert str(RecordError("a.jsonl", 3, "is required", "title")) == "a.jsonl:3: title: is required"
    assert str(RecordError("dir", 0, "no files")) == "dir: no files"


def test_folder_without_txt_files_is_an_error(tmp_path):
    records, errors = split_valid(read_records(tmp_path))
    assert records == []
    assert [e.message for e in errors] == ["the folder holds no .txt files"]


def test_txt_file_with_only_a_title_has_no_text(tmp_path):
    (tmp_path / "a.txt").write_text("Only a title\n", encoding="utf-8")
    _, errors = split_valid(read_records(tmp_path / "a.txt", txt_title="first-line"))
    assert [(e.field, e.message) for e in errors] == [("text", "is required and must not be blank")]


def _txt(tmp_path, name, content, **options):
    (tmp_path / name).write_text(content, encoding="utf-8")
    (record,) = read_records(tmp_path / name, **options)
    return record.title, record.text


def test_a_first_line_followed_by_a_blank_line_is_the_title(tmp_path):
    content = (
        "Harbour tolls to double\r\n\r\nThe port will double its tolls.\r\n\r\nIt said so.\r\n"
    )
    assert _txt(tmp_path, "a.txt", content) == (
        "Harbour tolls to double",
        "The port will double its tolls.\n\nIt said so.",
    )


def test_a_lead_paragraph_never_becomes_the_title(tmp_path):
    # Issue 20: a scrape with no heading lost its lead paragraph into the title.
    content = "The port will double its tolls, the director said.\nIt is the first rise.\n"
    assert _txt(tmp_path, "harbour_tolls-2026.txt", content) == (
        "harbour tolls-2026",
        "The port will double its tolls, the director said.\nIt is the first rise.",
    )


def test_the_title_rule_can_be_chosen(tmp_path):
    content = "Heading\n\nBody text here."
    assert _txt(tmp_path, "x.txt", content, txt_title="file-name") == ("x", content)
    assert _txt(tmp_path, "y.txt", "Heading\nBody text here.", txt_title="first-line") == (
        "Heading",
        "Body text here.",
    )


def test_a_record_carries_the_sha256_of_its_text_in_utf8():
    text = "Zoé 🙅 svarte."
    record = record_from_mapping({"title": "t", "text": text}, path="p", line=1)
    assert record.text_sha256 == text_sha256(text) == hashlib.sha256(text.encode()).hexdigest()


def test_exported_quotes_are_checked_in_utf16_and_utf8_across_every_plane():
    # Ø is two UTF-8 bytes; the others are beyond U+FFFF, led by F0, F3 and F4 in UTF-8.
    text = "Ø \U0001f645 \U000e0041 \U0010ffff said she."
    start = text.index("said")
    quote = {
        "start": start,
        "end": start + 4,
        "text": "said",
        "kind": "direct",
        "start_utf16": len(text[:start].encode("utf-16-le")) // 2,
        "end_utf16": len(text[: start + 4].encode("utf-16-le")) // 2,
        "start_utf8": len(text[:start].encode()),
        "end_utf8": len(text[: start + 4].encode()),
    }
    values = {"title": "t", "text": text, "quotes": [quote]}
    record = record_from_mapping(values, path="p", line=1, exported=True)
    assert [(q.start, q.end) for q in record.quotes] == [(start, start + 4)]
    quote["start_utf16"] -= 1
    with pytest.raises(InvalidRecord) as error:
        record_from_mapping(values, path="p", line=1, exported=True)
    assert error.value.field == "quotes[0].start_utf16"


def exported(**fields):
    return record_from_mapping(
        {"title": "t", "text": "x", **fields}, path="p", line=4, exported=True
    )


def test_assignments_are_read_with_their_times():
    record = exported(
        assignments=[
            {
                "annotator": "ana",
                "status": "done",
                "started_at": "2026-02-10T08:15:00+00:00",
                "finished_at": "2026-02-10T09:00:00.250000+00:00",
            },
            {"annotator": "ben", "status": "todo", "started_at": None, "finished_at": None},
        ]
    )
    ana, ben = record.assignments
    assert (ana.annotator, ana.status) == ("ana", "done")
    assert ana.started_at == datetime(2026, 2, 10, 8, 15, tzinfo=UTC)
    assert ana.finished_at == datetime(2026, 2, 10, 9, 0, 0, 250000, tzinfo=UTC)
    assert (ben.annotator, ben.status, ben.started_at, ben.finished_at) == (
        "ben",
        "todo",
        None,
        None,
    )


@pytest.mark.parametrize(
    ("assignments", "field", "message"),
    [
        ("done", "assignments", "must be a list"),
        (["ana"], "assignments[0]", "must be a JSON object"),
        ([{"annotator": "ana", "status": "finished"}], "assignments[0].status", "must be one of"),
        ([{"status": "done"}], "assignments[0].annotator", "must be a username"),
        (
            [{"annotator": "ana", "status": "done", "started_at": "yesterday"}],
            "assignments[0].started_at",
            "is not an ISO 8601",
        ),
        ([{"annotator": "ana", "status": "todo", "by": "x"}], "assignments[0].by", "unknown field"),
        (
            [{"annotator": "ana", "status": "todo"}, {"annotator": "ana", "status": "done"}],
            "assignments[1].annotator",
            "repeats assignments[0]",
        ),
    ],
)
def test_a_bad_assignment_names_its_field(assignments, field, message):
    with pytest.raises(InvalidRecord) as error:
        exported(assignments=assignments)
    assert (error.value.field, message in error.value.message) == (field, True)


def test_an_adjudication_is_read_and_its_status_checked_against_its_times():
    record = exported(
        adjudication={
            "reviewer": "rev",
            "status": "done",
            "started_at": "2026-02-10T08:00:00+00:00",
            "finished_at": "2026-02-10T08:30:00+00:00",
        }
    )
    assert (record.adjudication.reviewer, record.adjudication.status) == ("rev", "done")
    assert record.adjudication.finished_at == datetime(2026, 2, 10, 8, 30, tzinfo=UTC)
    assert exported(adjudication=None).adjudication is None
    for value, field in (
        ({"reviewer": "rev", "status": "done", "finished_at": None}, "adjudication.finished_at"),
        (
            {"reviewer": "rev", "status": "in_progress", "finished_at": "2026-02-10"},
            "adjudication.finished_at",
        ),
        ({"reviewer": "rev", "status": "closed"}, "adjudication.status"),
        ({"status": "done"}, "adjudication.reviewer"),
    ):
        with pytest.raises(InvalidRecord) as error:
            exported(adjudication=value)
        assert error.value.field == field, value


def test_a_speaker_name_longer_than_the_catalog_takes_is_refused_naming_it():
    text = "Ola said it."
    quote = {"start": 0, "end": 3, "text": "Ola", "kind": "direct", "speaker": {"name": "x" * 201}}
    with pytest.raises(InvalidRecord) as refused:
        record_from_mapping(
            {"title": "t", "text": text, "quotes": [quote]}, path="p", line=1, exported=True
        )
    assert (refused.value.field, refused.value.message) == (
        "quotes[0].speaker.name",
        "is 201 characters long; the limit is 200",
    )
