import json
from datetime import UTC, datetime
from io import StringIO

import orjson
import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from articles.exchange import streams, trailer
from articles.exchange.export import (
    ExportError,
    article_record,
    astral_count,
    csv_header,
    csv_rows,
    has_rare_astral,
)
from articles.models import Article, Quote, StanceLabel
from tests.exports import comparable
from tests.exports import csv_rows as exported_csv_rows
from tests.exports import records as exported_records
from tests.factories import (
    ArticleFactory,
    ProjectFactory,
    SpeakerFactory,
    StanceTargetFactory,
    UserFactory,
)
from tests.logins import force_verified_login

pytestmark = pytest.mark.django_db

# Emoji (astral), combining marks, right-to-left script and CRLF line endings.
TEXT = (
    "Rådmann Zoe\u0301 Ha\u0308kkinen 🙅 svarte.\r\n\r\n"
    "– نحن لا نوافق على الخطة, sier Ha\u0308kkinen.\r\n\r\n"
    "“Vi sier nei takk 🙅 til planen,” sa hun. עברית =SUM(A1)"
)


def quote_on(article, annotator, fragment, **fields):
    start = article.text.index(fragment)
    return Quote.objects.create(
        article=article,
        annotator=annotator,
        start=start,
        end=start + len(fragment),
        text=fragment,
        **fields,
    )


@pytest.fixture
def project():
    project = ProjectFactory(slug="source", guidelines="# Mark quotes")
    article = ArticleFactory(project=project, text=TEXT, title="Planen", outlet="Kyst")
    ArticleFactory(project=project, text="An article nobody quoted.", title="Empty")
    annotator = UserFactory(username="ann")
    speaker = SpeakerFactory(project=project, name="Zoé Häkkinen")
    speaker.aliases.create(name="Häkkinen")
    plan = StanceTargetFactory(project=project, name="Planen")
    cue = TEXT.index("sa hun")
    first = quote_on(
        article,
        annotator,
        "Vi sier nei takk 🙅 til planen",
        speaker=speaker,
        cue_start=cue,
        cue_end=cue + 2,
    )
    StanceLabel.objects.create(quote=first, target=plan, label="against")
    quote_on(article, annotator, "نحن لا نوافق على الخطة", speaker=speaker, kind="direct")
    quote_on(article, annotator, "=SUM(A1)", kind="mixed", origin="suggested")
    return project


def export(slug, *args):
    out = StringIO()
    call_command("export_project", slug, *args, stdout=out)
    return out.getvalue()


def test_jsonl_export_has_code_points_utf16_and_utf8_offsets(project):
    records = exported_records(export("source"))
    assert [r["title"] for r in records] == ["Planen", "Empty"]
    record = records[0]
    assert record["offset_unit"] == "codepoint"
    text = record["text"]
    assert text == TEXT
    utf16 = text.encode("utf-16-le")
    utf8 = text.encode("utf-8")
    for quote in record["quotes"]:
        assert text[quote["start"] : quote["end"]] == quote["text"]
        span16 = utf16[quote["start_utf16"] * 2 : quote["end_utf16"] * 2].decode("utf-16-le")
        assert span16 == quote["text"]
        assert utf8[quote["start_utf8"] : quote["end_utf8"]].decode("utf-8") == quote["text"]
    first = next(q for q in record["quotes"] if q["text"].startswith("Vi sier"))
    assert first["speaker"]["aliases"] == ["Häkkinen"]
    assert first["cue"] == {
        "start": TEXT.index("sa hun"),
        "end": TEXT.index("sa hun") + 2,
        "text": "sa",
    }
    assert first["stances"] == [{"target": "Planen", "label": "against"}]
    assert first["start_utf16"] == first["start"] + 1  # the emoji before it


def test_only_annotated_and_one_annotator(project):
    UserFactory(username="other")
    assert len(exported_records(export("source", "--only-annotated"))) == 1
    records = exported_records(export("source", "--annotations", "annotator:other"))
    assert all(r["quotes"] == [] for r in records)


def test_csv_export_neutralises_formulas(project):
    rows = exported_csv_rows(export("source", "--format", "csv", "--only-annotated"))
    header, body = rows[0], rows[1:]
    assert header[-1] == "stance:Planen"
    texts = [row[header.index("text")] for row in body]
    assert "'=SUM(A1)" in texts
    assert "=SUM(A1)" not in texts
    assert "against" in [row[-1] for row in body]


def test_exporter_refuses_a_quote_that_does_not_match(project):
    article = {"id": 1, "text": "abcdef", "text_sha256": "x", "title": "t"}
    bad = {"id": 9, "start": 0, "end": 3, "text": "xyz", "kind": "direct", "origin": "human"}
    with pytest.raises(ExportError, match="quote 9: text does not match"):
        article_record(article, [bad])


def test_csv_rows_for_an_unannotated_article():
    record = article_record({"id": 1, "text": "abc", "text_sha256": "h", "title": "+t"}, [])
    rows = list(csv_rows(record, ["X"], include_unannotated=True))
    assert len(rows) == 1
    assert rows[0][csv_header(["X"]).index("title")] == "'+t"


def test_round_trip_into_another_project_gives_the_same_content(project, tmp_path):
    ProjectFactory(slug="copy")
    path = tmp_path / "export.jsonl"
    path.write_text(export("source"), encoding="utf-8")
    out = StringIO()
    call_command("import_articles", str(path), "--project", "copy", stdout=out)
    assert (
        "Imported 2 articles into copy; skipped 0 duplicates; quotes: 3 added, 0 already present."
        in out.getvalue()
    )

    assert comparable(export("copy")) == comparable(export("source"))


def test_import_of_an_export_checks_quotes(project, tmp_path):
    ProjectFactory(slug="copy")
    record = exported_records(export("source"))[0]
    del record["offset_unit"]  # one line taken from an export, on purpose
    record["quotes"][0]["start_utf16"] += 1
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    with pytest.raises(CommandError, match=r"bad\.jsonl:1: quotes\[0\]\.start_utf16: is "):
        call_command("import_articles", str(path), "--project", "copy")
    record = exported_records(export("source"))[0]
    del record["offset_unit"]
    record["quotes"][1]["annotator"] = "nobody"
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    with pytest.raises(CommandError, match=r"quotes\[1\]\.annotator: no user 'nobody'"):
        call_command("import_articles", str(path), "--project", "copy")
    assert not Quote.objects.filter(article__project__slug="copy").exists()
    keeper = UserFactory(username="keeper")
    call_command(
        "import_articles",
        str(path),
        "--project",
        "copy",
        "--annotator",
        "keeper",
        stdout=StringIO(),
    )
    assert set(
        Quote.objects.filter(article__project__slug="copy").values_list("annotator", flat=True)
    ) == {keeper.pk}


def test_manifest_describes_the_export(project, tmp_path):
    manifest_path = tmp_path / "manifest.json"
    export("source", "--manifest", str(manifest_path), "--output", str(tmp_path / "out.jsonl"))
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    assert manifest["counts"]["articles"] == 2
    assert manifest["counts"]["quotes"] == 3
    assert manifest["counts"]["by_origin"] == {"human": 2, "suggested": 1}
    assert manifest["guidelines"]["text"] == "# Mark quotes"
    assert len(manifest["guidelines"]["sha256"]) == 64
    assert manifest["label_scheme"]["stance_labels"] == ["favor", "against", "neutral"]
    assert manifest["suggestions"] == {"attribution_scope": "clauses"}
    assert (tmp_path / "out.jsonl").read_text(encoding="utf-8").count("\n") == 2 + 1  # its end
    assert not (tmp_path / "out.jsonl.partial").exists()


def test_export_command_errors(project):
    with pytest.raises(CommandError, match="project: no project with the slug 'nope'"):
        export("nope")
    with pytest.raises(CommandError, match="--annotations: 'silver' is not"):
        export("source", "--annotations", "silver")


def test_chunks_are_the_export_in_utf8_as_the_command_writes_it(project):
    selection = streams.Selection()
    jsonl = b"".join(streams.chunks(project, selection, "jsonl"))
    assert jsonl == b"".join(streams.jsonl_chunks(project, selection))
    assert jsonl.decode() == export("source")
    csv_bytes = b"".join(streams.chunks(project, selection, "csv", include_unannotated=False))
    assert (
        csv_bytes
        == "".join(streams.csv_lines(project, selection, include_unannotated=False)).encode()
    )
    assert csv_bytes.decode() == export("source", "--format", "csv", "--only-annotated")


def test_astral_count_is_what_utf16_adds_in_every_plane():
    for text in ("abc", "Zoé ✓", "🙅 \U00020000 x", "\U00040000 \U000e0041 \U0010ffff 🙅"):
        encoded = text.encode()
        extra = len(text.encode("utf-16-le")) // 2 - len(text)
        assert astral_count(encoded, has_rare_astral(encoded)) == extra, text


postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the export built by PostgreSQL"
)


def python_export(project, selection, include_unannotated=True):
    """The export as the reference implementation (``records`` + ``json.dumps``) writes it,
    with its final line."""
    tally = trailer.Tally()
    lines = []
    for record in streams.records(project, selection, include_unannotated=include_unannotated):
        line = json.dumps(record, ensure_ascii=False).encode() + b"\n"
        lines.append(tally.add(line, articles=1, quotes=len(record["quotes"])))
    return b"".join(lines) + tally.jsonl_line()


@postgresql_only
def test_postgresql_builds_the_same_bytes_as_the_reference(project):
    from articles.models import Adjudication

    # Every control character, quotes and backslashes, a code point beyond U+3FFFF.
    odd = "".join(chr(c) for c in range(1, 32)) + ' "q" \\ \x7f \u2028 \U000e0041 ok'
    article = ArticleFactory(
        project=project,
        text=TEXT + odd + " end",
        title='A "title" \\ \t',
        author="Zoé",
        url="https://example.org/a?b=1",
        external_id="x-1",
        published_at=datetime(2026, 2, 10, 8, 15, 0, 120000, tzinfo=UTC),
    )
    second = ArticleFactory(project=project, published_at=datetime(2026, 2, 10, tzinfo=UTC))
    annotator = UserFactory(username="ann")
    other = UserFactory(username='o"ther')
    reviewer = UserFactory(username="rev")
    from articles.models import Assignment

    for on, who, status, started, finished in (
        (
            article,
            annotator,
            "done",
            datetime(2026, 1, 1, tzinfo=UTC),
            datetime(2026, 1, 1, 0, 0, 1, 5, tzinfo=UTC),
        ),
        (article, other, "in_progress", datetime(2026, 1, 2, 3, 4, 5, 600000, UTC), None),
        (second, other, "todo", None, None),
    ):
        Assignment.objects.create(
            article=on, annotator=who, status=status, started_at=started, finished_at=finished
        )
    Adjudication.objects.create(article=second, reviewer=other)
    speaker = SpeakerFactory(project=project, name='Ola "the \\ Vik"')
    for alias in ("Vik", "O. Vik", "Ævik"):
        speaker.aliases.create(name=alias)
    targets = [StanceTargetFactory(project=project, name=n) for n in ("Wind", "Ært", "Bridge")]
    # A label with a quote and a backslash in it is the project's own (the database checks).
    project.stance_labels = ["favor", 'a"g\\ainst', "neutral"]
    project.save(update_fields=["stance_labels"])
    # A mention far before its quote: its units are counted apart from the quotes'.
    mention = article.text.index("Ha\u0308kkinen 🙅")
    both = quote_on(
        article, annotator, odd, speaker=speaker, kind="indirect",
        speaker_start=mention, speaker_end=mention + len("Ha\u0308kkinen"),
    )  # fmt: skip
    for target, label in zip(targets, ("favor", 'a"g\\ainst', "neutral"), strict=True):
        StanceLabel.objects.create(quote=both, target=target, label=label)
    quote_on(article, other, odd)  # the same span, another annotator
    start = article.text.index("Vi sier")
    Quote.objects.create(  # overlapping, from the very start, with a cue
        article=article,
        annotator=other,
        start=0,
        end=start + 3,
        text=article.text[: start + 3],
        cue_start=start,
        cue_end=start + 2,
    )
    Quote.objects.create(  # up to the very end, zero microseconds
        article=article,
        annotator=annotator,
        start=len(article.text) - 3,
        end=len(article.text),
        text="end",
        created_at=datetime(2026, 1, 1, tzinfo=UTC),
    )
    Quote.objects.filter(text="end").update(updated_at=datetime(2026, 1, 2, 3, 4, 5, 10, UTC))
    quote_on(article, reviewer, odd, origin="gold", speaker=speaker)
    Adjudication.objects.create(
        article=article, reviewer=reviewer, status="done", finished_at=datetime.now(UTC)
    )
    for value in ("all", "gold", "annotator:ann", 'annotator:o"ther', "annotator:nobody"):
        selection = streams.Selection.parse(value)
        for include in (True, False):
            fast = b"".join(streams.jsonl_chunks(project, selection, include_unannotated=include))
            assert fast == python_export(project, selection, include), (value, include)
    gold = b"".join(streams.jsonl_chunks(project, streams.Selection(gold=True)))
    assert gold.count(b'"origin": "gold"') == 1
    everything = b"".join(streams.jsonl_chunks(project, streams.Selection()))
    assert everything.count(b"\n") == 4 + 1  # and the final line
    assert b'"stances": [{"target": "Bridge"' in everything
    assert everything.count(b'"speaker_mention": {"start": ') == 1


def test_a_marked_speaker_mention_leaves_in_three_units():
    text = "🙅 Zoe\u0301 Lie sa at kaia må stenges."
    quote = {"id": 1, "start": 17, "end": 32, "text": text[17:32], "kind": "indirect"}
    quote |= {"origin": "human", "speaker_start": 2, "speaker_end": 10}
    (exported,) = article_record({"text": text, "text_sha256": "x"}, [quote])["quotes"]
    assert exported["speaker_mention"] == {
        "start": 2, "end": 10, "text": "Zoe\u0301 Lie",
        "start_utf16": 3, "end_utf16": 11, "start_utf8": 5, "end_utf8": 14,
    }  # fmt: skip
    assert exported["start_utf16"] == 18


def test_orjson_escapes_text_as_json_dumps_does():
    # The PostgreSQL export writes texts with orjson, the reference with json.dumps.
    every = "".join(chr(c) for c in range(0xD800)) + "".join(chr(c) for c in range(0xE000, 0x10000))
    for text in (every, "\U0001f645\U000e0041\U0010ffff", ""):
        assert orjson.dumps(text) == json.dumps(text, ensure_ascii=False).encode()


@postgresql_only
def test_postgresql_export_refuses_a_quote_that_does_not_match(project):
    quote = Quote.objects.get(text="=SUM(A1)")
    with connection.cursor() as cursor:  # the triggers would refuse the change itself
        cursor.execute("SET LOCAL session_replication_role = replica")
        cursor.execute("UPDATE articles_quote SET text = '=SUM(B2)' WHERE id = %s", [quote.pk])
        cursor.execute("SET LOCAL session_replication_role = DEFAULT")
    with pytest.raises(CommandError, match=f"quote {quote.pk}: text does not match"):
        export("source")


# Committed data and the export's own snapshot, as in a request: inside a test's
# transaction the query PostgreSQL cancels would abort that transaction instead.
@pytest.mark.django_db(transaction=True)
def test_an_export_stopped_midway_leaves_the_connection_usable(project, monkeypatch):
    monkeypatch.setattr(streams, "CHUNK_BYTES", 1)
    # Megabytes of text: more than the socket holds, so the query is still sending when
    # the client goes away and PostgreSQL cancels it.
    for n in range(40):
        ArticleFactory(project=project, text=f"Article {n}: " + "words " * 20_000)
    chunks = streams.chunks(project, streams.Selection(), "jsonl")
    assert json.loads(next(chunks))["title"] == "Planen"
    chunks.close()  # as when a client goes away
    assert connection.get_autocommit()
    assert project.articles.count() == 42
    assert Quote.objects.update(kind="mixed") == Quote.objects.count()  # writes commit


T0 = datetime(2026, 2, 10, 8, 0, tzinfo=UTC)


def at(minutes: float) -> datetime:
    from datetime import timedelta

    return T0 + timedelta(minutes=minutes)


@pytest.fixture
def team():
    """Two annotators on three articles: ana done with all but a skipped one, ben done
    with one, in progress on another and not started on the third; one article
    adjudicated, another being adjudicated."""
    from articles.models import Adjudication, Assignment

    project = ProjectFactory(slug="team")
    ana, ben = UserFactory(username="ana"), UserFactory(username="ben")
    rev = UserFactory(username="rev")
    speaker = SpeakerFactory(project=project, name="Zoé Häkkinen")
    plan = StanceTargetFactory(project=project, name="Planen")
    texts = [TEXT, "– Vi bygger, sier Ola Vik. Han tror at broen kommer.", "– Nei, sier Kari."]
    one, two, three = (ArticleFactory(project=project, text=text) for text in texts)
    for annotator, kind in ((ana, "direct"), (ben, "mixed")):
        first = quote_on(one, annotator, "Vi sier nei takk 🙅 til planen", speaker=speaker)
        StanceLabel.objects.create(quote=first, target=plan, label="against")
        quote_on(one, annotator, "نحن لا نوافق على الخطة", kind=kind)
        quote_on(two, annotator, "Vi bygger")
    quote_on(one, ana, "=SUM(A1)")
    quote_on(two, ben, "broen kommer", kind="indirect")
    for article, annotator, status, started, finished in (
        (one, ana, "done", at(0), at(12.5)),
        (one, ben, "done", at(3), at(30)),
        (two, ana, "done", at(40), at(41)),
        (two, ben, "in_progress", at(50), None),
        (three, ana, "skipped", None, None),
        (three, ben, "todo", None, None),
    ):
        Assignment.objects.create(
            article=article,
            annotator=annotator,
            status=status,
            started_at=started,
            finished_at=finished,
        )
        project.members.add(annotator)
    quote_on(one, rev, "Vi sier nei takk 🙅 til planen", origin="gold", speaker=speaker)
    done = Adjudication.objects.create(article=one, reviewer=rev, status="done", finished_at=at(90))
    Adjudication.objects.filter(pk=done.pk).update(started_at=at(80))
    quote_on(two, rev, "Vi bygger", origin="gold")
    Adjudication.objects.create(article=two, reviewer=rev)
    return project


def test_records_carry_each_annotators_assignment(team):
    records = exported_records(export("team"))
    assert records[0]["assignments"] == [
        {
            "annotator": "ana",
            "status": "done",
            "started_at": "2026-02-10T08:00:00+00:00",
            "finished_at": "2026-02-10T08:12:30+00:00",
        },
        {
            "annotator": "ben",
            "status": "done",
            "started_at": "2026-02-10T08:03:00+00:00",
            "finished_at": "2026-02-10T08:30:00+00:00",
        },
    ]
    assert [a["status"] for a in records[2]["assignments"]] == ["skipped", "todo"]
    assert "adjudication" not in records[0]
    only_ben = exported_records(export("team", "--annotations", "annotator:ben"))
    assert [[a["annotator"] for a in r["assignments"]] for r in only_ben] == [["ben"]] * 3
    gold = exported_records(export("team", "--annotations", "gold"))
    assert "assignments" not in gold[0]
    assert gold[0]["adjudication"] == {
        "reviewer": "rev",
        "status": "done",
        "started_at": "2026-02-10T09:20:00+00:00",
        "finished_at": "2026-02-10T09:30:00+00:00",
    }
    assert gold[1]["adjudication"]["status"] == "in_progress"
    assert gold[2]["adjudication"] is None


def assignments_of(project):
    return sorted(
        project.articles.values_list(
            "text_sha256",
            "assignments__annotator__username",
            "assignments__status",
            "assignments__started_at",
            "assignments__finished_at",
        )
    )


def agreement_of(project):
    from articles.review.team import project_agreement

    report = project_agreement(project).as_dict()
    hashes = dict(project.articles.values_list("id", "text_sha256"))
    for item in report["per_article"]:
        item["article"] = hashes[item["article"]]
    return report


def progress_of(project):
    from articles.review.team import project_progress

    progress = project_progress(project, today=T0.date())
    people = [
        (p.username, p.assigned, p.done, p.quotes, p.minutes, p.per_day, p.waiting)
        for p in progress.annotators
    ]
    return progress.counts(), people


def adjudications_of(project):
    return sorted(
        project.articles.filter(adjudication__isnull=False).values_list(
            "text_sha256",
            "adjudication__reviewer__username",
            "adjudication__status",
            "adjudication__started_at",
            "adjudication__finished_at",
        )
    )


def test_a_round_trip_restores_assignments_adjudications_agreement_and_the_dashboard(
    team, tmp_path
):
    copy = ProjectFactory(slug="copy")
    every, gold = tmp_path / "every.jsonl", tmp_path / "gold.jsonl"
    every.write_text(export("team"), encoding="utf-8")
    gold.write_text(export("team", "--annotations", "gold"), encoding="utf-8")
    out = StringIO()
    call_command("import_articles", str(every), "--project", "copy", stdout=out)
    assert (
        "quotes: 8 added, 0 already present; assignments: 6 added, 0 already present."
        in out.getvalue()
    )
    call_command("import_articles", str(gold), "--project", "copy", stdout=out)
    assert "quotes: 2 added, 0 already present; adjudications: 2 added." in out.getvalue()

    assert assignments_of(copy) == assignments_of(team)
    assert adjudications_of(copy) == adjudications_of(team)
    assert agreement_of(copy) == agreement_of(team)
    assert agreement_of(copy)["articles"] == 1
    assert progress_of(copy) == progress_of(team)
    assert set(copy.members.values_list("username", flat=True)) == {"ana", "ben"}
    for selection in ("all", "gold"):
        assert comparable(export("copy", "--annotations", selection)) == comparable(
            export("team", "--annotations", selection)
        )


def test_the_manifest_counts_assignments_by_status(team, tmp_path):
    manifest_path = tmp_path / "manifest.json"
    export("team", "--manifest", str(manifest_path), "--output", str(tmp_path / "out.jsonl"))
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    assert manifest["counts"]["assignments"] == {
        "done": 3,
        "in_progress": 1,
        "skipped": 1,
        "todo": 1,
    }
    assert manifest["counts"]["adjudications"] == {"done": 1, "in_progress": 1}


def test_the_manifest_api_counts_what_the_export_with_the_same_parameters_holds(team):
    from rest_framework.test import APIClient

    client = APIClient()
    force_verified_login(client, UserFactory(username="boss", is_staff=True))
    url = "/api/v1/projects/team/export/manifest/"
    every = client.get(url).json()["counts"]
    annotated = client.get(url, {"include_unannotated": "false"}).json()["counts"]
    body = client.get("/api/v1/projects/team/export/", {"include_unannotated": "false"})
    records = exported_records(b"".join(body.streaming_content))
    assert (every["articles"], annotated["articles"], len(records)) == (3, 2, 2)
    assert annotated["assignments"] == {"done": 3, "in_progress": 1}
    assert sum(len(r["assignments"]) for r in records) == 4
    refused = client.get(url, {"include_unannotated": "maybe"})
    assert refused.status_code == 400
    assert refused.json() == {"include_unannotated": "must be true or false"}


@pytest.mark.parametrize("include", ["true", "false"])
def test_the_gold_manifest_counts_the_quotes_its_export_holds(team, include):
    """Article two's adjudication is in progress: its gold quote is in an export of every
    article, not in one of the adjudicated articles only, and the manifest says so."""
    from rest_framework.test import APIClient

    client = APIClient()
    force_verified_login(client, UserFactory(username="boss", is_staff=True))
    params = {"annotations": "gold", "include_unannotated": include}
    counts = client.get("/api/v1/projects/team/export/manifest/", params).json()["counts"]
    body = client.get("/api/v1/projects/team/export/", params)
    records = exported_records(b"".join(body.streaming_content))
    quotes = [quote for record in records for quote in record["quotes"]]
    assert (counts["articles"], counts["quotes"]) == (len(records), len(quotes))
    assert counts["annotated_articles"] == sum(1 for record in records if record["quotes"])
    assert counts["by_origin"] == ({"gold": len(quotes)} if quotes else {})


def test_every_export_ends_with_its_counts_and_the_sha256_of_what_precedes(project):
    for format in streams.OWN_FORMATS:
        data = b"".join(streams.chunks(project, streams.Selection(), format))
        summary = trailer.check(data)
        assert (summary["complete"], summary["articles"], summary["quotes"]) == (True, 2, 3)
    assert trailer.check(export("source", "--format", "csv").encode())["rows"] == 4


def test_an_export_read_only_in_part_fails_its_check_and_is_refused_by_the_import(
    project, tmp_path
):
    whole = b"".join(streams.chunks(project, streams.Selection(), "jsonl"))
    first_line = whole.index(b"\n") + 1
    # Cut anywhere, and where a client that loses the connection between writes is cut.
    for size in (10, first_line, first_line + 10, len(whole) - 2):
        with pytest.raises(ValueError, match=r"cut short|does not match"):
            trailer.check(whole[:size])
    with pytest.raises(ValueError, match="cut short"):
        trailer.check(b"".join(streams.chunks(project, streams.Selection(), "csv"))[:-30])

    ProjectFactory(slug="copy")
    path = tmp_path / "cut.jsonl"
    path.write_bytes(whole[:first_line])
    with pytest.raises(CommandError, match=r"cut\.jsonl:2: _export: the export ends here without"):
        call_command("import_articles", str(path), "--project", "copy", stdout=StringIO())
    # A final line that does not describe what is above it (a line lost in the middle).
    lines = whole.splitlines(keepends=True)
    path.write_bytes(lines[1] + lines[2])
    with pytest.raises(CommandError, match=r"cut\.jsonl:2: _export: says 2 articles and 3 quotes"):
        call_command("import_articles", str(path), "--project", "copy", stdout=StringIO())
    path.write_bytes(whole.replace(b"Planen", b"Planer", 1))
    with pytest.raises(CommandError, match=r"cut\.jsonl:3: _export: the SHA-256 of the lines"):
        call_command("import_articles", str(path), "--project", "copy", stdout=StringIO())
    assert not Article.objects.filter(project__slug="copy").exists()
    path.write_bytes(whole)
    call_command("import_articles", str(path), "--project", "copy", stdout=StringIO())
    assert Article.objects.filter(project__slug="copy").count() == 2
