import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from articles.models import Article, text_sha256
from tests.factories import ArticleFactory, ProjectFactory
from tests.logins import force_verified_login

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
    (tmp_path / "a.txt").write_text("Alpha\n\n" + TEXT_A, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Beta\n\n" + TEXT_B, encoding="utf-8")
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


OPEN = "The harbour must stay open"
ASKED = "nobody asked"


def quote_item(fragment, annotator="ana", **fields):
    start = TEXT_A.index(fragment)
    item = {"start": start, "end": start + len(fragment), "text": fragment, "kind": "direct"}
    return {**item, "annotator": annotator, **fields}


@pytest.fixture
def harbour(project):
    """TEXT_A in the project, with one quote of ana's: speaker, cue and a stance."""
    from articles.models import Quote, StanceLabel, StanceTarget
    from tests.factories import SpeakerFactory, UserFactory

    article = ArticleFactory(project=project, text=TEXT_A, title="Harbour")
    ana = UserFactory(username="ana")
    UserFactory(username="ben")
    start, cue = TEXT_A.index(OPEN), TEXT_A.index("says")
    quote = Quote.objects.create(
        article=article,
        annotator=ana,
        start=start,
        end=start + len(OPEN),
        text=OPEN,
        speaker=SpeakerFactory(project=project, name="Odd Vik"),
        cue_start=cue,
        cue_end=cue + 4,
    )
    target = StanceTarget.objects.create(project=project, name="Harbour")
    StanceLabel.objects.create(quote=quote, target=target, label="favor")
    return article


def open_quote(**changes):
    """ana's quote in ``harbour`` as an export writes it, with ``changes``."""
    cue = TEXT_A.index("says")
    item = quote_item(
        OPEN,
        speaker={"name": "Odd Vik", "aliases": []},
        cue={"start": cue, "end": cue + 4, "text": "says"},
        stances=[{"target": "Harbour", "label": "favor"}],
        origin="human",
    )
    return {**item, **changes}


def quote_rows(article):
    return sorted(
        article.quotes.values_list(
            "annotator__username", "start", "kind", "origin", "speaker__name"
        )
    )


def test_a_known_article_gets_the_quotes_its_record_carries(tmp_path, harbour):
    record = {
        "title": "Harbour again",
        "text": TEXT_A,
        "quotes": [open_quote(), quote_item(ASKED, kind="indirect"), quote_item(ASKED, "ben")],
    }
    out, _ = run(jsonl(tmp_path, record))
    assert "skipped 1 duplicates; quotes: 2 added, 1 already present." in out
    start = TEXT_A.index(ASKED)
    assert quote_rows(harbour) == [
        ("ana", TEXT_A.index(OPEN), "direct", "human", "Odd Vik"),
        ("ana", start, "indirect", "human", None),
        ("ben", start, "direct", "human", None),
    ]


def test_importing_a_file_twice_recognises_every_quote_the_second_time(tmp_path, project):
    from tests.factories import UserFactory

    UserFactory(username="ana")
    record = {"title": "H", "text": TEXT_A, "quotes": [quote_item(OPEN), quote_item(ASKED)]}
    path = jsonl(tmp_path, record)
    run(path)
    out, _ = run(path)
    assert (
        "Imported 0 articles into demo; skipped 1 duplicates; quotes: 0 added, 2 already present."
        in out
    )
    assert Article.objects.get().quotes.count() == 2


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"kind": "mixed"}, "kind"),
        ({"speaker": {"name": "Someone Else"}}, "speaker"),
        ({"speaker": None}, "speaker"),
        ({"cue": None}, "cue"),
        ({"stances": [{"target": "Harbour", "label": "against"}]}, "stances"),
        ({"stances": []}, "stances"),
        ({"origin": "accepted"}, "origin"),
    ],
)
def test_a_different_quote_on_a_known_span_is_refused_by_line_and_field(
    tmp_path, harbour, changes, field
):
    path = jsonl(
        tmp_path,
        {"title": "B", "text": TEXT_B},
        {"title": "H", "text": TEXT_A, "quotes": [quote_item(ASKED), open_quote(**changes)]},
    )
    with pytest.raises(CommandError) as error:
        run(path)
    assert f"{path}:2: quotes[1].{field}: differs from the quote 'ana' has at " in str(error.value)
    assert "nothing was imported" in str(error.value)
    assert Article.objects.count() == 1
    assert harbour.quotes.count() == 1
    assert harbour.quotes.get().kind == "direct"


def test_an_article_twice_in_one_file_keeps_the_quotes_of_both(tmp_path, project):
    from tests.factories import UserFactory

    UserFactory(username="ana")
    UserFactory(username="ben")
    path = jsonl(
        tmp_path,
        {"title": "H", "text": TEXT_A, "quotes": [quote_item(OPEN)]},
        {"title": "H", "text": TEXT_A, "quotes": [quote_item(OPEN), quote_item(ASKED, "ben")]},
    )
    out, _ = run(path)
    assert (
        "Imported 1 articles into demo; skipped 1 duplicates; quotes: 2 added, 1 already present."
        in out
    )
    assert quote_rows(Article.objects.get()) == [
        ("ana", TEXT_A.index(OPEN), "direct", "human", None),
        ("ben", TEXT_A.index(ASKED), "direct", "human", None),
    ]


def test_an_article_twice_in_one_file_with_different_quotes_on_a_span_is_refused(tmp_path, project):
    from tests.factories import UserFactory

    UserFactory(username="ana")
    path = jsonl(
        tmp_path,
        {"title": "H", "text": TEXT_A, "quotes": [quote_item(OPEN)]},
        {"title": "H", "text": TEXT_A, "quotes": [quote_item(OPEN, kind="indirect")]},
    )
    with pytest.raises(
        CommandError,
        match=rf"{path}:2: quotes\[0\]\.kind: differs from the quote 'ana' has at \d+–\d+ "
        "on line 1",
    ):
        run(path)
    assert not Article.objects.exists()


def test_gold_quotes_join_a_known_article_as_its_one_gold_set(tmp_path, harbour):
    from articles.models import Adjudication
    from tests.factories import UserFactory

    UserFactory(username="rev")
    gold = quote_item(OPEN, "rev", origin="gold")
    path = jsonl(tmp_path, {"title": "H", "text": TEXT_A, "quotes": [gold]})
    out, _ = run(path)
    assert "quotes: 1 added, 0 already present" in out
    assert harbour.quotes.filter(origin="gold").count() == 1
    assert Adjudication.objects.get(article=harbour).status == "done"
    out, _ = run(path)
    assert "quotes: 0 added, 1 already present" in out
    other = jsonl(tmp_path, {"title": "H", "text": TEXT_A, "quotes": [{**gold, "kind": "mixed"}]})
    with pytest.raises(
        CommandError, match=r":1: quotes\[0\]\.kind: differs from the quote the gold set has at "
    ):
        run(other)


def assignment(
    annotator="ana",
    status="done",
    started="2026-02-10T08:00:00+00:00",
    finished="2026-02-10T08:30:00+00:00",
):
    return {
        "annotator": annotator,
        "status": status,
        "started_at": started,
        "finished_at": finished,
    }


def test_assignments_are_restored_recognised_or_refused(tmp_path, harbour):
    from articles.models import Assignment

    path = jsonl(
        tmp_path,
        {
            "title": "H",
            "text": TEXT_A,
            "assignments": [assignment(), assignment("ben", "todo", None, None)],
        },
    )
    out, _ = run(path)
    assert "assignments: 2 added, 0 already present" in out
    ana = Assignment.objects.get(article=harbour, annotator__username="ana")
    assert (ana.status, ana.started_at.isoformat(), ana.finished_at.isoformat()) == (
        "done",
        "2026-02-10T08:00:00+00:00",
        "2026-02-10T08:30:00+00:00",
    )
    assert set(harbour.project.members.values_list("username", flat=True)) == {"ana", "ben"}
    out, _ = run(path)
    assert "assignments: 0 added, 2 already present" in out
    changed = jsonl(
        tmp_path,
        {
            "title": "H",
            "text": TEXT_A,
            "assignments": [assignment(status="in_progress", finished=None)],
        },
    )
    with pytest.raises(
        CommandError,
        match=r":1: assignments\[0\]\.status: differs from ana's assignment in the project: "
        "'done' there, 'in_progress' in the file",
    ):
        run(changed)
    unknown = jsonl(tmp_path, {"title": "B", "text": TEXT_B, "assignments": [assignment("zed")]})
    with pytest.raises(CommandError, match=r":1: assignments\[0\]\.annotator: no user 'zed' here"):
        run(unknown)
    bad = jsonl(
        tmp_path, {"title": "B", "text": TEXT_B, "assignments": [assignment(status="finished")]}
    )
    with pytest.raises(
        CommandError,
        match=r":1: assignments\[0\]\.status: must be one of todo, in_progress, done, skipped",
    ):
        run(bad)
    assert Assignment.objects.count() == 2
    assert Article.objects.count() == 1


def test_a_dry_run_counts_what_a_known_article_would_get(tmp_path, harbour):
    record = {"title": "H", "text": TEXT_A, "quotes": [open_quote(), quote_item(ASKED)]}
    out, _ = run(jsonl(tmp_path, record), "--dry-run")
    assert (
        "Would import 0 articles into demo; skipped 1 duplicates; "
        "quotes: 1 added, 1 already present." in out
    )
    assert harbour.quotes.count() == 1


def test_the_api_reports_what_it_added_and_what_was_there(harbour):
    from rest_framework.test import APIClient

    from tests.factories import UserFactory

    client = APIClient()
    force_verified_login(client, UserFactory(username="boss", is_staff=True))
    url = "/api/v1/projects/demo/articles/"
    body = [
        {
            "title": "H",
            "text": TEXT_A,
            "quotes": [open_quote(), quote_item(ASKED)],
            "assignments": [assignment()],
        }
    ]
    response = client.post(url, body, format="json")
    assert response.status_code == 201, response.json()
    assert response.json() == {
        "created": 0,
        "duplicates": 1,
        "quotes": 1,
        "quotes_present": 1,
        "assignments": 1,
        "assignments_present": 0,
        "adjudications": 0,
        "errors": 0,
    }
    body[0]["quotes"][1]["kind"] = "mixed"
    body[0]["assignments"][0]["annotator"] = "zed"
    response = client.post(url, body, format="json")
    assert response.status_code == 400
    errors = response.json()
    assert errors["[0].assignments[0].annotator"] == ["no user 'zed' here"]
    (conflict,) = errors["[0].quotes[1].kind"]
    assert conflict.endswith("'direct' there, 'mixed' in the file")
    body[0]["assignments"][0] = assignment(status="finished")
    response = client.post(url, body, format="json")
    assert response.status_code == 400
    assert list(response.json()) == ["[0].assignments[0].status"]
    assert harbour.quotes.count() == 2


def test_a_reimport_reads_what_is_there_in_the_same_queries_for_any_number_of_articles(
    tmp_path, project
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories import UserFactory

    UserFactory(username="ana")

    def queries(count: int) -> int:
        records = []
        for n in range(count):
            text = f"Kari says the bridge comes ({count}, {n})."
            stance = {"target": "Bridge", "label": "favor"}
            quote = {"start": 0, "end": 4, "text": "Kari", "kind": "direct", "annotator": "ana"}
            records.append(
                {
                    "title": f"{n}",
                    "text": text,
                    "quotes": [{**quote, "speaker": {"name": "Kari"}, "stances": [stance]}],
                    "assignments": [assignment()],
                }
            )
        path = jsonl(tmp_path, *records, name=f"{count}.jsonl")
        run(path)
        with CaptureQueriesContext(connection) as context:
            out, _ = run(path)
        assert (
            f"quotes: 0 added, {count} already present; "
            f"assignments: 0 added, {count} already present." in out
        )
        return len(context)

    assert queries(2) == queries(40)


def test_an_import_reads_and_writes_a_batch_at_a_time_all_or_nothing(project, monkeypatch):
    from articles.exchange import importing
    from articles.exchange.records import record_from_mapping

    # Memory holds one batch, whatever the file's size: a record is read only once the
    # batches before it are written.
    monkeypatch.setattr(importing, "BATCH_ARTICLES", 2)
    written_when_read = []

    def records(count, last=None):
        for n in range(count):
            written_when_read.append(project.articles.count())
            values = {"title": f"T{n}", "text": f"Text number {n}."}
            if n == count - 1 and last:
                values = {**values, **last}
            yield record_from_mapping(values, path="f.jsonl", line=n + 1, exported=True)

    result = importing.import_articles(project=project, records=records(5))
    assert written_when_read == [0, 0, 2, 2, 4]
    assert result.created == 5
    # A problem in the last batch: the batches written before it go too.
    quote = {"start": 0, "end": 4, "text": "Text", "kind": "direct", "annotator": "nobody"}
    with pytest.raises(importing.ImportProblem, match=r"no user 'nobody'"):
        importing.import_articles(
            project=project,
            records=records(5, {"text": "Text five.", "quotes": [quote]}),
        )
    assert project.articles.count() == 5
    # A duplicate in a later batch of a text an earlier batch added is counted as one.
    again = importing.import_articles(
        project=project,
        records=(
            record_from_mapping({"title": "X", "text": t}, path="g", line=1)
            for t in ("a b", "c d", "a b")
        ),
        dry_run=True,
    )
    assert (again.created, again.duplicates) == (2, 1)
    assert project.articles.count() == 5


def test_a_dry_run_shows_the_title_each_txt_file_gives(tmp_path, project):
    (tmp_path / "lead.txt").write_text("The port doubles its tolls.\nIt is the first rise.\n")
    (tmp_path / "ferry.txt").write_text("Ferry cut\n\nThe ferry stops in May, the ministry said.\n")
    out, _ = run(tmp_path, "--dry-run")
    assert "ferry.txt:1: title “Ferry cut”" in out
    assert "lead.txt:1: title “lead”" in out  # no heading: the lead paragraph stays text
    out, _ = run(tmp_path, "--dry-run", "--title-from", "first-line")
    assert "lead.txt:1: title “The port doubles its tolls.”" in out
    run(tmp_path)
    lead = Article.objects.get(title="lead")
    assert lead.text == "The port doubles its tolls.\nIt is the first rise."


WIRE = (
    "The harbour board in Vesterhavn will double its tolls for cargo ships from the new "
    "year, the port director told the council on Monday. The quay needs repairs worth forty "
    "million kroner, and the state has refused to pay for them, she said. Shipping companies "
    "warned that some of their vessels would call at other ports instead."
)


def test_near_duplicates_are_held_back_listed_and_the_rest_fingerprinted(tmp_path, project):
    from articles.ingest.models import TextFingerprint

    copy = WIRE.replace("instead.", "instead, they said.")  # the wire copy, a clause added
    path = jsonl(
        tmp_path,
        {"title": "Tolls", "text": WIRE},
        {"title": "Tolls (wire)", "text": copy},
        {"title": "Other", "text": TEXT_A},
    )
    out, _ = run(path, "--near-duplicates")
    assert f"{path}:2: near-duplicate of {path}:1 (similarity 0.9" in out
    assert "held back 1 near-duplicates" in out
    assert sorted(Article.objects.values_list("title", flat=True)) == ["Other", "Tolls"]
    assert TextFingerprint.objects.count() == 2
    # A later file: the copy is found among the project's fingerprinted articles.
    again = jsonl(tmp_path, {"title": "Tolls again", "text": copy}, name="later.jsonl")
    out, _ = run(again, "--near-duplicates", "0.5", "--dry-run")
    tolls = Article.objects.get(title="Tolls")
    assert f"{again}:1: near-duplicate of article {tolls.pk} 'Tolls' (similarity 0.9" in out
    # Without the option, nothing is compared.
    out, _ = run(again)
    assert Article.objects.filter(title="Tolls again").exists()


def test_a_bad_similarity_is_refused(tmp_path, project):
    path = jsonl(tmp_path, {"title": "Tolls", "text": WIRE})
    with pytest.raises(CommandError, match=r"--near-duplicates: '1\.5' is not a similarity"):
        run(path, "--near-duplicates", "1.5")


def test_a_quote_with_two_stances_on_one_target_is_refused_by_line_and_field(tmp_path, project):
    """A target named twice (in any case) would break the one-stance-a-target rule: the
    import names the line and field instead of failing on the database's constraint."""
    from tests.factories import UserFactory

    UserFactory(username="ana")
    stances = [{"target": "Harbour", "label": "favor"}, {"target": "harbour", "label": "against"}]
    path = jsonl(
        tmp_path,
        {"title": "B", "text": TEXT_B},
        {"title": "H", "text": TEXT_A, "quotes": [quote_item(ASKED, stances=stances)]},
    )
    with pytest.raises(CommandError) as error:
        run(path)
    assert f"{path}:2: quotes[0].stances[1]: the target 'harbour' has a stance already" in str(
        error.value
    )
    assert "nothing was imported" in str(error.value)
    assert not Article.objects.exists()
