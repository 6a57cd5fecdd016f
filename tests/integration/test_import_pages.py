"""``manage.py import_pages`` against a local web server serving the test pages: fetched,
extracted and imported all or nothing; private addresses refused; a dry run shows the
titles it would take."""

import functools
import ipaddress
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from articles.models import Article, Quote
from tests.factories import ProjectFactory

PAGES = Path(__file__).resolve().parents[1] / "data" / "pages"
pytestmark = pytest.mark.django_db


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def site():
    handler = functools.partial(QuietHandler, directory=str(PAGES))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def local_network(settings):
    # The local server stands for a news site: 127.0.0.1 is opened for these tests only.
    settings.FETCH_ALLOWED_NETWORKS = [ipaddress.ip_network("127.0.0.1/32")]


def run(*args):
    call_command("import_pages", *args, "--interval", "0", stdout=(out := _Buffer()))
    return out.text


class _Buffer:
    text = ""

    def write(self, value):
        self.text += value

    def flush(self):
        pass


def test_pages_are_fetched_extracted_and_imported(site, local_network):
    project = ProjectFactory(slug="fjord")
    output = run(f"{site}/ferry-cuts.html", f"{site}/bridge-nb.html", "--project", "fjord")
    assert "Imported 2 articles" in output
    bridge = Article.objects.get(project=project, title="Brua stenges i tre uker")
    assert bridge.outlet == "Fjordposten"
    assert bridge.language == "nb-NO"
    assert bridge.url == f"{site}/bridge-nb.html"
    assert bridge.text.startswith("Sundbrua stenges for all trafikk")
    assert len(bridge.metadata["source"]["html_sha256"]) == 64


def test_a_dry_run_shows_the_titles_and_writes_nothing(site, local_network):
    ProjectFactory(slug="fjord")
    output = run(f"{site}/ferry-cuts.html", "--project", "fjord", "--dry-run")
    assert "title 'Ferry operator warns of winter cuts'" in output
    assert "Would import 1 articles" in output
    assert not Article.objects.exists()


def test_one_failing_page_writes_nothing_unless_told(site, local_network):
    ProjectFactory(slug="fjord")
    with pytest.raises(CommandError, match=r"empty-shell\.html: only \d+ characters"):
        run(f"{site}/ferry-cuts.html", f"{site}/empty-shell.html", "--project", "fjord")
    assert not Article.objects.exists()
    run(f"{site}/ferry-cuts.html", f"{site}/empty-shell.html", "--project", "fjord",
        "--skip-invalid")  # fmt: skip
    assert Article.objects.count() == 1


@pytest.mark.parametrize(
    "url",
    ["http://10.1.2.3/news", "http://127.0.0.2/", "file:///etc/passwd", "http://[::1]/"],
)
def test_a_url_into_our_network_is_refused_by_name(url):
    ProjectFactory(slug="fjord")
    with pytest.raises(CommandError, match=r"refused|only http and https"):
        run(url, "--project", "fjord")
    assert not Article.objects.exists()


def test_a_list_of_urls_names_the_failing_line(site, local_network, tmp_path):
    ProjectFactory(slug="fjord")
    listing = tmp_path / "urls.txt"
    listing.write_text(f"# pages\n{site}/ferry-cuts.html\n\n{site}/missing.html\n")
    with pytest.raises(CommandError, match=r"urls\.txt:4: .*HTTP 404"):
        run("--urls", str(listing), "--project", "fjord")


def test_saved_html_files_import_from_a_folder(tmp_path):
    ProjectFactory(slug="fjord")
    for name in ("ferry-cuts.html", "bridge-nb.html"):
        (tmp_path / name).write_bytes((PAGES / name).read_bytes())
    output = run("--html", str(tmp_path), "--project", "fjord")
    assert "Imported 2 articles" in output


def test_a_near_duplicate_page_is_refused_unless_allowed(site, local_network, tmp_path):
    project = ProjectFactory(slug="fjord")
    run(f"{site}/ferry-cuts.html", "--project", "fjord")
    copy = (PAGES / "ferry-cuts.html").read_text().replace("Islanders worried", "Worry")
    (tmp_path / "copy.html").write_text(copy)
    with pytest.raises(CommandError, match=r"near-duplicate of article \d+"):
        run("--html", str(tmp_path), "--project", "fjord")
    run("--html", str(tmp_path), "--project", "fjord", "--allow-near-duplicates")
    assert Article.objects.filter(project=project).count() == 2


def test_a_revised_page_keeps_both_versions_and_carries_the_quotes(tmp_path, settings):
    from articles.history.models import HistoryEvent
    from articles.ingest.models import ArticleRevision
    from articles.models import Assignment
    from tests.scenes import quote, team_scene

    settings.FETCH_ALLOWED_NETWORKS = [ipaddress.ip_network("127.0.0.1/32")]
    page = (PAGES / "ferry-cuts.html").read_text()
    (tmp_path / "story.html").write_text(page)
    handler = functools.partial(QuietHandler, directory=str(tmp_path))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{httpd.server_port}/story.html"
    try:
        scene = team_scene(slug="fjord", speakers=("Marte Lindqvist",), targets=("Ferry",))
        run(url, "--project", "fjord")
        old = Article.objects.get()
        ana, ben = scene.annotators
        Assignment.objects.create(article=old, annotator=ana, status="in_progress")
        kept = quote(old, ana, "We cannot run empty boats at a loss for another season",
                     speaker=scene.speakers["Marte Lindqvist"], cue="says",
                     stances={scene.targets["Ferry"]: "favor"})  # fmt: skip
        named = old.text.index("Lindqvist", kept.end)
        Quote.objects.filter(pk=kept.pk).update(speaker_start=named, speaker_end=named + 9)
        quote(old, ben, "the operator is exaggerating the problem")
        revised = page.replace(
            "<p>The regional", "<p>UPDATE: the county will meet on Friday.</p><p>The regional"
        ).replace("is exaggerating the problem", "is overstating the problem")
        (tmp_path / "story.html").write_text(revised)
        output = run(url, "--project", "fjord")
    finally:
        httpd.shutdown()
        httpd.server_close()
    assert "Imported 1 articles" in output  # not refused as a near-duplicate of itself
    new = Article.objects.exclude(pk=old.pk).get()
    revision = ArticleRevision.objects.get(new=new)
    assert (revision.old, revision.carried) == (old, 1)
    assert [(item["annotator"], item["reason"]) for item in revision.lost] == [
        ("ben", "its words are not in the revised text")
    ]
    carried = new.quotes.get()
    assert carried.text == kept.text
    assert new.text[carried.start : carried.end] == kept.text
    assert new.text[carried.cue_start : carried.cue_end] == "says"
    assert carried.speaker_mention == "Lindqvist"
    assert carried.speaker_start > old.text.index("Lindqvist", kept.end)  # moved with the text
    assert carried.speaker == kept.speaker
    assert list(carried.stances.values_list("label", flat=True)) == ["favor"]
    assert new.assignments.get().status == "in_progress"
    assert old.quotes.count() == 2  # the old version keeps its quotes
    assert HistoryEvent.objects.filter(kind="article.revised", article_id=new.pk).count() == 1
