"""Exports read one state of the database while annotators keep saving."""

import json
import os
import subprocess
import sys
import threading
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection, connections, transaction
from django.db.models import F

from articles.exchange import interop, streams
from articles.models import Assignment, Quote, StanceLabel
from tests.factories import ArticleFactory, ProjectFactory, StanceTargetFactory, UserFactory
from tests.logins import force_verified_login

pytestmark = pytest.mark.django_db(transaction=True)

# The tests' SQLite database lives in memory, where a second connection's write waits on
# the reader's table locks; WAL files on disk have no such wait, but no test runs there.
postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="a writer on its own connection, concurrently"
)
CLAIM = "the bridge must be built"


@pytest.fixture
def project():
    project = ProjectFactory(slug="snap")
    ann = UserFactory(username="ann")
    bridge = StanceTargetFactory(project=project, name="Bridge")
    for n in range(6):
        article = ArticleFactory(project=project, text=f"– {CLAIM}, says Kari in article {n}.")
        quote = Quote.objects.create(
            article=article, annotator=ann, start=2, end=2 + len(CLAIM), text=CLAIM
        )
        StanceLabel.objects.create(quote=quote, target=bridge, label="favor")
        Assignment.objects.create(article=article, annotator=ann, status="in_progress")
    return project


def commit_elsewhere(change) -> None:
    """Run ``change`` in a transaction of another thread, on its own connection, and
    return once it has committed."""
    failures = []

    def work():
        try:
            with transaction.atomic():
                change()
        except BaseException as error:
            failures.append(error)
        finally:
            connections.close_all()

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(30)
    assert not thread.is_alive(), "the export held the writer back"
    if failures:
        raise failures[0]


def saves(project):
    """A writer's saves, in order: the first article's quote (exported already), a later
    article's quote and stance, a new quote, the assignment of the last article done."""
    quotes = list(Quote.objects.filter(article__project=project).order_by("article_id"))

    def change():
        Quote.objects.filter(pk=quotes[0].pk).update(kind="mixed", version=F("version") + 1)
        Quote.objects.filter(pk=quotes[4].pk).update(kind="indirect", version=F("version") + 1)
        StanceLabel.objects.filter(quote=quotes[4]).update(label="against")
        last = quotes[5]
        Quote.objects.create(
            article_id=last.article_id,
            annotator_id=last.annotator_id,
            start=2,
            end=5,
            text=CLAIM[:3],
        )
        Assignment.objects.filter(article_id=last.article_id).update(status="done")

    return change


@postgresql_only
@pytest.mark.parametrize("format", [*streams.FORMATS, "python jsonl"])
def test_an_export_is_one_state_while_a_writer_saves(project, monkeypatch, format):
    monkeypatch.setattr(streams, "CHUNK", 2)  # the Python path: two articles a query
    monkeypatch.setattr(streams, "CHUNK_BYTES", 1)  # JSONL: a line a chunk

    def export():
        if format != "python jsonl":
            yield from streams.chunks(project, streams.Selection(), format)
            return
        with streams.snapshot():  # the records the Python JSONL exporter writes
            for record in streams.records(project, streams.Selection()):
                yield json.dumps(record, ensure_ascii=False).encode() + b"\n"

    before = b"".join(export())
    change = saves(project)  # its reads first: a streaming connection runs nothing else
    stream = export()
    head = [next(stream), next(stream)]
    commit_elsewhere(change)
    assert b"".join([*head, *stream]) == before
    assert b"".join(export()) != before  # the saves were made, and a new export has them


@postgresql_only
def test_the_api_streams_one_state_while_a_writer_saves(project, monkeypatch, client):
    monkeypatch.setattr(streams, "CHUNK", 2)
    force_verified_login(client, UserFactory(username="boss", is_staff=True))
    url = "/api/v1/projects/snap/export/?format=csv"
    before = b"".join(client.get(url).streaming_content)
    change = saves(project)
    chunks = iter(client.get(url).streaming_content)
    head = [next(chunks), next(chunks)]
    commit_elsewhere(change)
    assert b"".join([*head, *chunks]) == before


@postgresql_only
# The formats a command writes to its standard output; binary ones go to a file from the
# same stream, which the test above holds to one state.
@pytest.mark.parametrize("format", [f for f in streams.FORMATS if f not in interop.BINARY])
def test_the_command_writes_the_body_and_manifest_of_one_state(
    project, monkeypatch, tmp_path, format
):
    monkeypatch.setattr(streams, "CHUNK", 2)
    monkeypatch.setattr(streams, "CHUNK_BYTES", 1)
    change = saves(project)

    class SavedAfterTheFirstLines(StringIO):
        """Standard output during which a writer saves, once the export has begun."""

        def write(self, text):
            if self.tell():
                change_once()
            return super().write(text)

    done = []

    def change_once():
        if not done:
            done.append(commit_elsewhere(change))

    manifest_path = tmp_path / "manifest.json"
    before = StringIO()
    call_command(
        "export_project",
        "snap",
        "--format",
        format,
        "--manifest",
        str(manifest_path),
        stdout=before,
    )
    expected = json.loads(manifest_path.read_text(encoding="utf-8"))["counts"]
    out = SavedAfterTheFirstLines()
    call_command(
        "export_project", "snap", "--format", format, "--manifest", str(manifest_path), stdout=out
    )
    assert done
    assert out.getvalue() == before.getvalue()
    assert json.loads(manifest_path.read_text(encoding="utf-8"))["counts"] == expected


def test_an_export_leaves_its_connection_as_it_found_it(project):
    stream = streams.chunks(project, streams.Selection(), "jsonl")
    next(stream)
    assert not connection.get_autocommit()  # the snapshot is open
    stream.close()  # the client went away
    b"".join(streams.chunks(project, streams.Selection(), "csv"))
    streams.manifest(project, streams.Selection())
    assert connection.get_autocommit()
    assert Quote.objects.update(kind="mixed") == 6  # and writes commit as before
    assert Quote.objects.filter(kind="mixed").count() == 6


@postgresql_only
def test_an_export_cannot_write(project):
    with streams.snapshot(), pytest.raises(DatabaseError, match="read-only transaction"):
        Quote.objects.update(kind="mixed")
    assert connection.get_autocommit()
    assert not Quote.objects.filter(kind="mixed").exists()


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's WAL snapshot")
def test_on_a_sqlite_file_an_export_is_one_state_while_a_writer_saves(tmp_path):
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'wal.sqlite3'}"}
    child = subprocess.run(
        [sys.executable, "-m", "tests.wal_snapshot"],
        cwd=Path(__file__).resolve().parents[2],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    report = json.loads(child.stdout)
    assert report["journal_mode"] == "wal"
    for format in streams.FORMATS:
        assert report[format] == {"writer_waited": False, "one_state": True, "saved": True}
    assert report["autocommit"]
