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

from articles.models import Article
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
