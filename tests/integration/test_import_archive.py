"""import_articles reads ZIP archives of .jsonl, .csv and .txt files, all or nothing, and
refuses what an attacker would put in an upload before anything is written."""

import io
import json
import zipfile
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from articles.exchange import uploads
from articles.models import Article, Quote
from tests.factories import ProjectFactory, UserFactory

pytestmark = pytest.mark.django_db

TEXT_A = "– The harbour must stay open, says Odd Vik. 🐟"
TEXT_B = "Councillor Ana Nuñez says the vote was close."
TEXT_C = "– Too close, she says.\n\nThe council meets again in March."


@pytest.fixture
def project():
    return ProjectFactory(slug="demo")


def run(path, *args):
    out, err = StringIO(), StringIO()
    call_command("import_articles", str(path), "--project", "demo", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def write_zip(path, *members):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members:
            zf.writestr(name, data)
    path.write_bytes(buffer.getvalue())
    return path


def jsonl(*rows) -> bytes:
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows).encode()


CSV = f'title,text,url\nVote,"{TEXT_B}",https://example.org/b\n'.encode()
TXT = f"Council\n\n{TEXT_C}\n".encode()


def test_a_zip_of_jsonl_csv_and_txt_files_imports_every_article(tmp_path, project):
    ana = UserFactory(username="ana")
    quote = {"start": 2, "end": 28, "text": TEXT_A[2:28], "kind": "direct", "annotator": "ana"}
    path = write_zip(
        tmp_path / "batch.zip",
        ("2026/a.jsonl", jsonl({"title": "Harbour", "text": TEXT_A, "quotes": [quote]})),
        ("2026/b.csv", CSV),
        ("c.txt", TXT),
    )
    out, _ = run(path)
    assert "Imported 3 articles into demo; skipped 0 duplicates; quotes: 1 added" in out
    assert sorted(Article.objects.values_list("title", "text")) == [
        ("Council", TEXT_C),
        ("Harbour", TEXT_A),
        ("Vote", TEXT_B),
    ]
    assert Quote.objects.get().annotator == ana


def test_an_invalid_record_in_one_member_is_named_by_archive_member_and_line(tmp_path, project):
    bad_csv = CSV + b"Bad,text,not-a-url\n"
    path = write_zip(
        tmp_path / "batch.zip",
        ("a.jsonl", jsonl({"title": "A", "text": TEXT_A})),
        ("dir/b.csv", bad_csv),
    )
    with pytest.raises(CommandError) as error:
        run(path)
    assert f"{path}:dir/b.csv:3: url: must be an http" in str(error.value)
    assert "nothing was imported" in str(error.value)
    assert not Article.objects.exists()


def test_skip_invalid_skips_records_of_an_archive_as_of_a_file(tmp_path, project):
    path = write_zip(
        tmp_path / "batch.zip",
        ("a.jsonl", jsonl({"title": "A", "text": TEXT_A}, {"text": "no title"})),
        ("c.txt", TXT),
    )
    out, err = run(path, "--skip-invalid")
    assert "Imported 2 articles" in out
    assert f"{path}:a.jsonl:2: title: is required" in err


def test_a_dry_run_of_an_archive_writes_nothing(tmp_path, project):
    path = write_zip(tmp_path / "batch.zip", ("c.txt", TXT))
    out, _ = run(path, "--dry-run")
    assert "Would import 1 articles" in out
    assert not Article.objects.exists()


@pytest.mark.parametrize(
    ("name", "rule"),
    [
        ("../escape.txt", "its name climbs out of the archive (..)"),
        ("/etc/escape.txt", "its name is an absolute path"),
        ("C:/escape.txt", "its name starts with a drive letter"),
        ("dir\\escape.txt", "its name holds a backslash"),
    ],
)
def test_a_member_with_an_unsafe_name_refuses_the_whole_archive(tmp_path, project, name, rule):
    path = write_zip(tmp_path / "batch.zip", ("a.txt", TXT), (name, TXT.replace(b"Council", b"X")))
    with pytest.raises(CommandError) as error:
        run(path, "--skip-invalid")
    assert str(error.value).startswith(f"{path}:{name}: {rule}")
    assert "nothing was imported" in str(error.value)
    assert not Article.objects.exists()
    assert not (tmp_path.parent / "escape.txt").exists()


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path, project):
    path = write_zip(
        tmp_path / "batch.zip", ("a.txt", TXT), ("bomb.txt", b"B\n" + b"a" * 50_000_000)
    )
    with pytest.raises(CommandError, match=r"batch\.zip:bomb\.txt: would expand [\d,]+ times"):
        run(path)
    assert not Article.objects.exists()


def test_html_in_an_archive_or_a_file_is_refused_whatever_its_name(tmp_path, project):
    page = b"<!DOCTYPE html>\n<script>alert(1)</script>"
    path = write_zip(tmp_path / "batch.zip", ("a.txt", TXT), ("page.txt", page))
    with pytest.raises(CommandError, match=r"batch\.zip:page\.txt: is HTML markup, not plain"):
        run(path)
    (tmp_path / "svg.txt").write_bytes(b"<svg onload='alert(1)'/>")
    with pytest.raises(CommandError, match=r"svg\.txt: is SVG markup, not plain text"):
        run(tmp_path / "svg.txt")
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "a.txt").write_bytes(TXT)
    (folder / "b.txt").write_bytes(page)
    with pytest.raises(CommandError, match=r"b\.txt: is HTML markup"):
        run(folder)
    assert not Article.objects.exists()


def test_the_content_decides_a_zip_named_jsonl_is_an_archive_and_a_fake_zip_is_not(
    tmp_path, project
):
    path = write_zip(tmp_path / "upload.jsonl", ("c.txt", TXT))
    out, _ = run(path)
    assert "Imported 1 articles" in out
    fake = tmp_path / "fake.zip"
    fake.write_bytes(jsonl({"title": "A", "text": TEXT_A}))
    with pytest.raises(CommandError, match=r"fake\.zip: is not a ZIP archive"):
        run(fake)


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path, project, monkeypatch):
    monkeypatch.setattr(uploads, "LIMITS", uploads.Limits(max_bytes=1000))
    path = tmp_path / "big.jsonl"
    path.write_bytes(jsonl(*({"title": f"A{i}", "text": f"{TEXT_A} {i}"} for i in range(40))))
    with pytest.raises(CommandError, match=r"big\.jsonl: is [\d,]+ bytes; the limit is 1,000"):
        run(path)
    assert not Article.objects.exists()
