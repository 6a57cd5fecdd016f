"""The other tools' formats through the commands and the API (issue 19): a project
exported as doccano, Label Studio, CoNLL and brat; doccano and Label Studio exports
imported into another project with every quote, speaker and cue; a bad label map named."""

import io
import json
import zipfile
from io import StringIO

import pyarrow.parquet as pq
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from rest_framework.test import APIClient

from articles.jobs import importing
from articles.jobs.models import ProjectJob
from articles.models import Quote
from tests.factories import ProjectFactory, UserFactory
from tests.logins import force_verified_login
from tests.scenes import quote, team_scene

pytestmark = pytest.mark.django_db

TEXT = "– Kaia må stenges 🙅, sier havnesjef Zoe\u0301 Lie.\n\nOdd Berg mener at staten må betale."


@pytest.fixture
def scene():
    made = team_scene(slug="havn", text=TEXT, speakers=("Zoe\u0301 Lie", "Odd Berg"))
    article = made.project.articles.get()
    ana = made.annotators[0]
    quote(article, ana, "Kaia må stenges 🙅", speaker=made.speakers["Zoe\u0301 Lie"], cue="sier")
    quote(article, ana, "staten må betale", kind="indirect", speaker=made.speakers["Odd Berg"])
    return made


def researcher_api(scene) -> APIClient:
    """An API client for a researcher of the project."""
    researcher = UserFactory(username="rita", role="researcher")
    scene.project.members.add(researcher)
    api = APIClient()
    api.force_authenticate(researcher)
    return api


def export(*args) -> str:
    out = StringIO()
    call_command("export_project", "havn", *args, stdout=out)
    return out.getvalue()


@pytest.mark.parametrize("format", ["doccano", "labelstudio"])
def test_an_export_imports_into_another_project_with_every_quote(tmp_path, scene, format):
    path = tmp_path / f"havn.{format}"
    export("--format", format, "--output", str(path), "--annotations", "annotator:ana")
    other = ProjectFactory(slug="copy")
    UserFactory(username="kim", role="annotator")
    out = StringIO()
    call_command(
        "import_articles", str(path), "--project", "copy", "--format", format,
        "--annotator", "kim", stdout=out,
    )  # fmt: skip
    assert "Imported 1 articles" in out.getvalue()
    copied = Quote.objects.filter(article__project=other).order_by("start")
    original = Quote.objects.filter(article__project=scene.project).order_by("start")
    assert [(q.start, q.end, q.kind, q.speaker.name, q.cue_start) for q in copied] == [
        (q.start, q.end, q.kind, q.speaker.name, q.cue_start) for q in original
    ]
    # The export named each speaker where the text does; the import keeps those spans.
    assert [q.speaker_mention for q in copied] == ["Zoe\u0301 Lie", "Odd Berg"]


def test_conll_and_brat_exports(tmp_path, scene):
    lines = export("--format", "conll").splitlines()
    emoji = TEXT.index("🙅")
    assert f"🙅\t{emoji}\t{emoji + 1}\tI-QUOTE" in lines  # code points: the emoji is one
    assert any(line.endswith("\tB-CUE") and line.startswith("sier\t") for line in lines)
    path = tmp_path / "havn.zip"
    export("--format", "brat", "--output", str(path))
    with zipfile.ZipFile(path) as archive:
        names = sorted(archive.namelist())
        ann = archive.read(names[0]).decode()
    assert [n.rsplit(".", 1)[1] for n in names] == ["ann", "txt"]
    assert "\tContent " in ann
    assert "\tCue " in ann
    assert "\tAttribution:" in ann
    with pytest.raises(CommandError, match="give --output"):
        export("--format", "brat")


def test_the_api_exports_another_tools_format(scene):
    api = researcher_api(scene)
    response = api.get(reverse("api:export", args=["havn"]), {"format": "labelstudio"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    tasks = json.loads(b"".join(response.streaming_content))
    assert tasks[0]["data"]["text"] == TEXT
    assert api.get(reverse("api:export", args=["havn"]), {"format": "xml"}).status_code == 400


def test_a_bad_label_map_is_named(tmp_path, scene):
    path = tmp_path / "x.jsonl"
    path.write_text("{}\n")
    with pytest.raises(CommandError, match="--label-map: 'Person': write LABEL=ROLE"):
        call_command(
            "import_articles", str(path), "--project", "havn", "--format", "doccano",
            "--label-map", "Person",
        )  # fmt: skip


def test_unmapped_labels_import_nothing(tmp_path, scene):
    path = tmp_path / "x.jsonl"
    document = {
        "text": "Siri Vold said the ferry must run.",
        "entities": [{"id": 1, "label": "Person", "start_offset": 0, "end_offset": 9}],
        "relations": [],
    }
    path.write_text(json.dumps(document) + "\n")
    with pytest.raises(CommandError, match=r"no role for label Person \(1\)"):
        call_command("import_articles", str(path), "--project", "havn", "--format", "doccano")
    assert scene.project.articles.count() == 1


@pytest.mark.parametrize(
    ("format", "suffix"),
    [("doccano", "jsonl"), ("conll", "conll"), ("parquet", "parquet"), ("cas", "zip")],
)
def test_the_export_page_offers_the_other_formats(client, scene, format, suffix):
    researcher = UserFactory(username="rita", role="researcher")
    scene.project.members.add(researcher)
    client.force_login(researcher)
    response = client.post(
        reverse("articles:export", args=["havn"]),
        {"format": format, "annotations": "all", "include_unannotated": "on", "what": "export"},
    )
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith(f'.{suffix}"')
    body = b"".join(response.streaming_content)
    if suffix == "parquet":
        body = json.dumps(pq.read_table(io.BytesIO(body)).to_pylist(), default=str).encode()
    if suffix == "zip":
        with zipfile.ZipFile(io.BytesIO(body)) as archive:
            body = b"".join(archive.read(name) for name in archive.namelist())
    assert b"Kaia" in body


def test_the_upload_page_takes_a_doccano_export(client, scene, tmp_path):
    path = tmp_path / "havn.jsonl"
    export("--format", "doccano", "--output", str(path), "--annotations", "annotator:ana")
    ProjectFactory(slug="copy")
    boss = UserFactory(username="boss", is_staff=True, is_superuser=True)
    force_verified_login(client, boss)
    response = client.post(
        reverse("articles:upload", args=["copy"]),
        {"file": SimpleUploadedFile("havn.jsonl", path.read_bytes()), "format": "doccano"},
    )
    assert response.status_code == 302
    job = ProjectJob.objects.get(file_name="havn.jsonl")
    assert job.errors == []
    assert job.result["counts"]["quotes"] == 2
    importing.run_import(job)
    assert [
        (q.annotator.username, q.speaker.name)
        for q in Quote.objects.filter(article__project__slug="copy").order_by("start")
    ] == [
        ("boss", "Zoe\u0301 Lie"),
        ("boss", "Odd Berg"),
    ]


def test_parquet_loads_with_hugging_face_datasets(tmp_path, scene, monkeypatch):
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    import datasets  # a second or so to import: only here

    path = tmp_path / "havn.parquet"
    export("--format", "parquet", "--output", str(path), "--annotations", "annotator:ana")
    loaded = datasets.load_dataset(
        "parquet", data_files=str(path), split="train", cache_dir=str(tmp_path / "cache")
    )
    (article,) = loaded
    assert article["text"] == TEXT
    assert [(q["text"], q["speaker"]["name"]) for q in article["quotes"]] == [
        ("Kaia må stenges 🙅", "Zoe\u0301 Lie"),
        ("staten må betale", "Odd Berg"),
    ]
    for q in article["quotes"]:
        assert TEXT[q["start"] : q["end"]] == q["text"]  # code points
    with pytest.raises(CommandError, match="give --output"):
        export("--format", "parquet")


def test_the_api_sends_a_parquet_row_per_quote(scene):
    api = researcher_api(scene)
    response = api.get(reverse("api:export", args=["havn"]), {"format": "parquet-quotes"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.apache.parquet"
    assert response["Content-Disposition"].endswith('.parquet"')
    rows = pq.read_table(io.BytesIO(b"".join(response.streaming_content))).to_pylist()
    assert sorted(row["text"] for row in rows) == ["Kaia må stenges 🙅", "staten må betale"]


@pytest.mark.parametrize("format", ["brat", "cas"])
def test_a_zip_of_brat_or_cas_imports_into_another_project(tmp_path, scene, format):
    path = tmp_path / "havn.zip"
    export("--format", format, "--output", str(path), "--annotations", "annotator:ana")
    other = ProjectFactory(slug="copy")
    UserFactory(username="kim", role="annotator")
    out = StringIO()
    call_command(
        "import_articles", str(path), "--project", "copy", "--format", format,
        "--annotator", "kim", stdout=out,
    )  # fmt: skip
    assert "Imported 1 articles" in out.getvalue()
    copied = Quote.objects.filter(article__project=other).order_by("start")
    original = Quote.objects.filter(article__project=scene.project).order_by("start")
    assert [(q.start, q.end, q.speaker.name, q.cue_start, q.cue_end) for q in copied] == [
        (q.start, q.end, q.speaker.name, q.cue_start, q.cue_end) for q in original
    ]
    if format == "cas":  # CAS keeps the kinds; brat's quotation marks tell them again
        assert [q.kind for q in copied] == [q.kind for q in original]


def test_the_upload_page_takes_a_cas_zip_and_the_api_sends_one(client, scene, tmp_path):
    api = researcher_api(scene)
    response = api.get(reverse("api:export", args=["havn"]), {"format": "cas"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    data = b"".join(response.streaming_content)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.namelist()[0] == "TypeSystem.xml"
    ProjectFactory(slug="copy")
    boss = UserFactory(username="boss", is_staff=True, is_superuser=True)
    force_verified_login(client, boss)
    response = client.post(
        reverse("articles:upload", args=["copy"]),
        {"file": SimpleUploadedFile("havn.zip", data), "format": "cas"},
    )
    assert response.status_code == 302
    job = ProjectJob.objects.get(file_name="havn.zip")
    assert job.errors == []
    assert job.result["counts"]["quotes"] == 2
    importing.run_import(job)
    assert sorted(
        Quote.objects.filter(article__project__slug="copy").values_list("text", flat=True)
    ) == ["Kaia må stenges 🙅", "staten må betale"]


def test_files_written_from_each_tools_docs_import_with_every_span(tmp_path):
    """The doccano, Label Studio, brat (PolNeAR's layout) and CAS files of the unit tests,
    imported through the command into the database: every quote, cue and speaker's
    mention is stored where the file put it."""
    from tests.unit import test_cas, test_interop

    ProjectFactory(slug="docs")
    UserFactory(username="kim", role="annotator")
    doccano = tmp_path / "doccano.jsonl"
    doccano.write_text(json.dumps(test_interop.DOCCANO_FROM_ITS_DOCS) + "\n", encoding="utf-8")
    brat = tmp_path / "brat"
    (brat / "text").mkdir(parents=True)
    (brat / "attributions").mkdir()
    (brat / "text" / "ferry.txt").write_text("Siri Vold says the ferry must keep going.\n")
    (brat / "attributions" / "ferry_kim.ann").write_text(test_interop.POLNEAR_STYLE_ANN)
    cas = test_cas.webanno_folder(tmp_path / "cas")
    label_studio = tmp_path / "tasks.json"
    label_studio.write_text(json.dumps([test_interop.LABEL_STUDIO_TASK]), encoding="utf-8")
    for path, format, maps in (
        (doccano, "doccano", ["Person=speaker", "said_by=speaker"]),
        (label_studio, "labelstudio", []),
        (brat, "brat", []),
        (cas, "cas", ["Quotation=quote", "Source=speaker", "Attribution=speaker"]),
    ):
        args = [str(path), "--project", "docs", "--format", format, "--annotator", "kim"]
        for pair in maps:
            args += ["--label-map", pair]
        call_command("import_articles", *args, stdout=StringIO())
    found = {
        (q.article.text[q.start : q.end], q.speaker.name if q.speaker else None,
         q.speaker_mention, q.cue_text)
        for q in Quote.objects.filter(article__project__slug="docs").select_related("article")
    }  # fmt: skip
    assert found == {
        ("The ferry must run", "Siri Vold", "Siri Vold", "said"),
        ("it costs too much", None, None, None),
        ("the ferry must keep going", "Siri Vold", "Siri Vold", "says"),
        ("«Vi stenger kaia»", "Zoe\u0301 Lie", "Zoe\u0301 Lie", None),
        ("The ferry must run", "Vold", "Vold", None),  # browser offsets, converted
    }


def test_the_api_imports_each_tools_files(tmp_path, scene):
    from tests.unit import test_cas, test_interop

    boss = UserFactory(username="boss", is_staff=True, is_superuser=True)
    api = APIClient()
    api.force_authenticate(boss)
    url = reverse("api:article-import", args=["havn"])
    doccano = [test_interop.DOCCANO_FROM_ITS_DOCS]
    response = api.post(f"{url}?format=doccano", doccano, format="json")
    assert response.status_code == 400
    assert "label Person (1)" in response.json()["label_map"][0]
    assert "label_map=NAME=ROLE" in response.json()["label_map"][0]
    mapped = f"{url}?format=doccano&label_map=Person=speaker&label_map=said_by=speaker"
    response = api.post(mapped, doccano, format="json")
    assert response.status_code == 201, response.content[:300]
    ferry = Quote.objects.get(text="The ferry must run")
    assert (ferry.annotator, ferry.speaker_mention, ferry.cue_text) == (boss, "Siri Vold", "said")

    folder = test_cas.webanno_folder(tmp_path / "cas")
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as out:
        for path in folder.rglob("*"):
            if path.is_file():
                out.write(path, path.relative_to(folder).as_posix())
    maps = "&label_map=Quotation=quote&label_map=Source=speaker&label_map=Attribution=speaker"
    response = api.generic(
        "POST", f"{url}?format=cas&annotator=ana{maps}", archive.getvalue(), "application/zip"
    )
    assert response.status_code == 201, response.content[:300]
    quoted = Quote.objects.get(text="«Vi stenger kaia»")
    assert (quoted.annotator.username, quoted.speaker_mention) == ("ana", "Zoe\u0301 Lie")

    outside = {"id": 1, "label": "QUOTE", "start_offset": 5, "end_offset": 500}
    bad = [{**test_interop.DOCCANO_FROM_ITS_DOCS, "entities": [outside], "relations": []}]
    response = api.post(f"{url}?format=doccano", bad, format="json")
    assert response.json() == {"[0].entities[0]": ["offsets 5–500 do not lie in the text"]}
    response = api.post(f"{url}?format=brat", doccano, format="json")
    assert "send the files as a ZIP" in response.json()["body"][0]
    assert api.post(f"{url}?format=xmi", doccano, format="json").json() == {
        "format": "must be one of newsannot, doccano, labelstudio, brat, cas"
    }
