import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from articles.models import Article, text_sha256
from tests.factories import ArticleFactory, ProjectFactory

pytestmark = pytest.mark.django_db

TEXT_A = "– The harbour must stay open, says Odd Vik.\n\nHe believes that “nobody asked”. 🐟"
TEXT_B = "Councillor Ana Nuñez (Ана Нуньес) says the vote was close.\n\n– Too close, she says."


@pytest.fixture
def project():
    return ProjectFactory(slug="demo")


def run(path, *args):
    out, err = StringIO(), StringIO()
    call_command("import_articles", str(path), "--project", "demo", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def jsonl(tmp_path, *rows, name="articles.jsonl", newline="\n", bom=False):
    lines = [row if isinstance(row, str) else json.dumps(row, ensure_ascii=False) for row in rows]
    data = (newline.join(lines) + newline).encode("utf-8")
    path = tmp_path / name
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
    return path


def test_jsonl_imports_every_field(tmp_path, project):
    path = jsonl(
        tmp_path,
        {
            "title": "Harbour",
            "text": TEXT_A,
            "url": "https://example.org/a",
            "outlet": "Kyst",
            "author": "Sigrid",
            "published_at": "2026-02-10T08:15:00+01:00",
            "external_id": 17,
            "language": "nb",
            "metadata": {"section": "local"},
        },
    )
    out, _ = run(path)
    assert "Imported 1 articles" in out
    article = Article.objects.get()
    assert article.text == TEXT_A
    assert article.text_sha256 == text_sha256(TEXT_A)
    assert (article.url, article.outlet, article.author) == (
        "https://example.org/a",
        "Kyst",
        "Sigrid",
    )
    assert article.published_at.isoformat() == "2026-02-10T07:15:00+00:00"
    assert (article.external_id, article.language) == ("17", "nb")
    assert article.metadata == {"section": "local"}


def test_jsonl_with_bom_and_crlf_line_endings_keeps_text_exact(tmp_path, project):
    text_with_crlf = "First line\r\nsecond line"
    path = jsonl(
        tmp_path,
        {"title": "A", "text": TEXT_A},
        {"title": "B", "text": text_with_crlf},
        newline="\r\n",
        bom=True,
    )
    run(path)
    assert sorted(Article.objects.values_list("text", flat=True)) == sorted(
        [TEXT_A, text_with_crlf]
    )


def test_csv_with_header_multiline_cells_and_crlf(tmp_path, project):
    path = tmp_path / "articles.csv"
    path.write_bytes(
        "\ufefftitle,text,published_at,metadata\r\n"
        '"Harbour","– Line one,\r\nline two",2026-02-10,"{""a"": 1}"\r\n'
        f'Vote,"{TEXT_B}",,\r\n'.encode()
    )
    out, _ = run(path)
    assert "Imported 2 articles" in out
    harbour = Article.objects.get(title="Harbour")
    assert harbour.text == "– Line one,\nline two"
    assert harbour.metadata == {"a": 1}
    assert harbour.published_at.isoformat() == "2026-02-10T00:00:00+00:00"
    assert Article.objects.get(title="Vote").text == TEXT_B


def test_single_txt_file_takes_its_first_line_as_title(tmp_path, project):
    path = tmp_path / "one.txt"
    path.write_bytes(("\ufeffThe title\r\n\r\n" + TEXT_A.replace("\n", "\r\n") + "\r\n").encode())
    run(path)
    article = Article.objects.get()
    assert article.title == "The title"
    assert article.text == TEXT_A


def test_folder_of_txt_files(tmp_path, project):
    (tmp_path / "a.txt").write_text("Alpha\n" + TEXT_A, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Beta\n" + TEXT_B, encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    out, _ = run(tmp_path)
    assert "Imported 2 articles" in out
    assert sorted(Article.objects.values_list("title", flat=True)) == ["Alpha", "Beta"]


def test_exact_duplicates_are_skipped_and_counted(tmp_path, project):
    ArticleFactory(project=project, text=TEXT_A)
    path = jsonl(
        tmp_path,
        {"title": "again", "text": TEXT_A},
        {"title": "B", "text": TEXT_B},
        {"title": "B twice", "text": TEXT_B},
    )
    out, _ = run(path)
    assert "Imported 1 articles into demo; skipped 2 duplicates." in out
    assert Article.objects.count() == 2


def test_dry_run_validates_and_writes_nothing(tmp_path, project):
    out, _ = run(jsonl(tmp_path, {"title": "A", "text": TEXT_A}), "--dry-run")
    assert "Would import 1 articles" in out
    assert not Article.objects.exists()


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('{"title": "x", "text": ', "line 2: is not valid JSON"),
        ('["title", "text"]', "line 2: must be a JSON object"),
        ('{"text": "no title"}', "line 2: title: is required"),
        ('{"title": "t", "text": "   "}', "line 2: text: is required and must not be blank"),
        ('{"title": "t", "text": "x", "titel": "typo"}', "line 2: titel: unknown field"),
        ('{"title": "t", "text": "x", "url": "ftp://x"}', "line 2: url: must be an http"),
        ('{"title": "t", "text": "x", "url": "javascript:alert(1)"}', "line 2: url: must be"),
        ('{"title": "t", "text": "x", "published_at": "10/02/2026"}', "line 2: published_at:"),
        ('{"title": "t", "text": "x", "metadata": [1]}', "line 2: metadata: must be a JSON obj"),
        ('{"title": "t", "text": 5}', "line 2: text: must be a string, not int"),
        ('{"title": "t", "text": "a\\u0000b"}', "line 2: text: contains a NUL character"),
        ('{"title": "t", "text": "x", "language": "English!"}', "line 2: language:"),
    ],
)
def test_invalid_line_is_named_and_nothing_is_written(tmp_path, project, line, expected):
    path = jsonl(tmp_path, {"title": "good", "text": TEXT_A}, line)
    with pytest.raises(CommandError) as error:
        run(path)
    message = str(error.value)
    assert f"{path}:2: " in message
    assert expected.split(": ", 1)[1] in message
    assert "nothing was imported" in message
    assert not Article.objects.exists()


def test_nul_byte_is_rejected_with_its_line(tmp_path, project):
    path = tmp_path / "nul.jsonl"
    path.write_bytes(b'{"title": "a", "text": "ok"}\n{"title": "b", "text": "x\x00y"}\n')
    with pytest.raises(CommandError, match=r"nul\.jsonl:2: contains a NUL byte"):
        run(path)
    assert not Article.objects.exists()


def test_invalid_utf8_is_rejected_with_its_line(tmp_path, project):
    path = tmp_path / "latin1.jsonl"
    path.write_bytes(b'{"title": "a", "text": "ok"}\n{"title": "b", "text": "K\xf8benhavn"}\n')
    with pytest.raises(CommandError, match=r"latin1\.jsonl:2: is not valid UTF-8"):
        run(path)


def test_invalid_utf8_in_a_txt_file_names_the_line(tmp_path, project):
    path = tmp_path / "bad.txt"
    path.write_bytes(b"Title\nfine\nK\xf8benhavn\n")
    with pytest.raises(CommandError, match=r"bad\.txt:3: is not valid UTF-8"):
        run(path)


def test_article_over_one_mebibyte_is_rejected(tmp_path, project):
    big = "å" * (512 * 1024 + 1)  # two bytes each: just over 1 MiB
    path = jsonl(tmp_path, {"title": "big", "text": big})
    with pytest.raises(CommandError, match=r"text: is 1,048,578 bytes; the limit is 1 MiB"):
        run(path)


def test_csv_errors_name_the_line_of_the_record(tmp_path, project):
    path = tmp_path / "bad.csv"
    path.write_text('title,text,url\nOk,"two\nlines",\nBad,text,not-a-url\n', encoding="utf-8")
    with pytest.raises(CommandError, match=r"bad\.csv:4: url: must be an http"):
        run(path)


def test_csv_unknown_column_is_named(tmp_path, project):
    path = tmp_path / "bad.csv"
    path.write_text("title,body\nA,B\n", encoding="utf-8")
    with pytest.raises(CommandError, match=r"bad\.csv:1: body: unknown column"):
        run(path)


def test_csv_without_text_column(tmp_path, project):
    path = tmp_path / "bad.csv"
    path.write_text("title,url\nA,https://example.org\n", encoding="utf-8")
    with pytest.raises(CommandError, match=r"bad\.csv:1: text: the header row lacks"):
        run(path)


def test_skip_invalid_imports_the_good_lines_and_lists_the_bad(tmp_path, project):
    path = jsonl(
        tmp_path,
        {"title": "good", "text": TEXT_A},
        '{"text": "no title"}',
        {"title": "also good", "text": TEXT_B},
    )
    out, err = run(path, "--skip-invalid")
    assert "Imported 2 articles into demo; skipped 0 duplicates and 1 invalid records." in out
    assert f"{path}:2: title: is required" in err
    assert Article.objects.count() == 2


def test_unknown_project_is_a_clear_error(tmp_path, project):
    with pytest.raises(CommandError, match="--project: no project with the slug 'nope'"):
        call_command(
            "import_articles",
            str(jsonl(tmp_path, {"title": "a", "text": "b"})),
            "--project",
            "nope",
        )


def test_unknown_file_type_and_missing_file(tmp_path, project):
    path = tmp_path / "articles.xml"
    path.write_text("<xml/>", encoding="utf-8")
    with pytest.raises(CommandError, match=r"unknown file type \.xml"):
        run(path)
    with pytest.raises(CommandError, match="no such file or folder"):
        run(tmp_path / "missing.jsonl")


def test_empty_file_is_an_error(tmp_path, project):
    path = tmp_path / "empty.jsonl"
    path.write_bytes(b"\n\n")
    with pytest.raises(CommandError, match="the file holds no articles"):
        run(path)
