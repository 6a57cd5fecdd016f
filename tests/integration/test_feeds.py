"""Feeds polled against a local web server: new items imported once (by URL, and by text
across feeds), failures recorded with their reason, the raw page kept, the next poll
queued for the worker."""

import functools
import ipaddress
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from articles.ingest.models import Feed, FeedEntry, PageSource
from articles.ingest.services import PageRefused, poll_feed
from articles.ingest.tasks import policy, poll_feed_task
from articles.models import Article
from tests.factories import ProjectFactory

PAGES = Path(__file__).resolve().parents[1] / "data" / "pages"
pytestmark = pytest.mark.django_db


def rss(base: str, *names: str) -> str:
    items = "".join(
        f"<item><title>{name}</title><link>{base}/{name}</link></item>" for name in names
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Coastal Courier</title><link>{base}/</link>{items}</channel></rss>"
    )


@pytest.fixture
def site(tmp_path):
    for page in PAGES.iterdir():
        (tmp_path / page.name).write_bytes(page.read_bytes())
    handler = functools.partial(_Quiet, directory=str(tmp_path))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_port}"
    yield base, tmp_path
    httpd.shutdown()
    httpd.server_close()


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(autouse=True)
def local_network(settings):
    # The local server stands for the news sites: 127.0.0.1 is opened for these tests.
    settings.FETCH_ALLOWED_NETWORKS = [ipaddress.ip_network("127.0.0.1/32")]


def feed_of(site, *names, project=None, name="feed.xml"):
    base, folder = site
    (folder / name).write_text(rss(base, *names))
    return Feed.objects.create(
        project=project or ProjectFactory(slug="coast"), url=f"{base}/{name}"
    )


def test_new_items_are_imported_once_and_failures_recorded(site):
    feed = feed_of(site, "ferry-cuts.html", "bridge-nb.html", "empty-shell.html")
    result = poll_feed(feed=feed, policy=policy())
    assert (result.imported, result.duplicates, result.failed) == (2, 0, 1)
    assert Article.objects.filter(project=feed.project).count() == 2
    statuses = dict(FeedEntry.objects.values_list("url", "status"))
    assert statuses[f"{site[0]}/empty-shell.html"] == "failed"
    failed = FeedEntry.objects.get(status="failed")
    assert "characters of text found" in failed.error
    feed.refresh_from_db()
    assert feed.title == "Coastal Courier"
    assert feed.last_polled_at is not None
    assert feed.last_error == ""
    again = poll_feed(feed=feed, policy=policy())
    assert (again.imported, again.duplicates, again.failed) == (0, 0, 0)  # all seen
    assert FeedEntry.objects.count() == 3


def test_the_same_story_from_a_second_feed_is_a_duplicate_not_a_second_article(site):
    first = feed_of(site, "ferry-cuts.html")
    second = feed_of(site, "ferry-cuts.html", project=first.project, name="other.xml")
    poll_feed(feed=first, policy=policy())
    result = poll_feed(feed=second, policy=policy())
    assert (result.imported, result.duplicates) == (0, 1)
    assert Article.objects.count() == 1
    entry = FeedEntry.objects.get(feed=second)
    assert entry.status == "duplicate"
    assert entry.article == Article.objects.get()


def test_the_raw_page_is_kept_compressed_with_its_hash(site):
    feed = feed_of(site, "bridge-nb.html")
    poll_feed(feed=feed, policy=policy())
    source = PageSource.objects.get()
    raw = (PAGES / "bridge-nb.html").read_bytes()
    assert source.html == raw
    assert source.html_bytes == len(raw)
    assert source.article.metadata["source"]["html_sha256"] == source.html_sha256
    assert source.url == f"{site[0]}/bridge-nb.html"


def test_a_feed_that_is_not_a_feed_records_why(site):
    base, _ = site
    feed = Feed.objects.create(project=ProjectFactory(), url=f"{base}/ferry-cuts.html")
    with pytest.raises(PageRefused, match="not a readable RSS or Atom feed"):
        poll_feed(feed=feed, policy=policy())
    feed.refresh_from_db()
    assert "not a readable RSS or Atom feed" in feed.last_error


def test_a_feed_in_our_network_is_refused(settings):
    settings.FETCH_ALLOWED_NETWORKS = []
    feed = Feed.objects.create(project=ProjectFactory(), url="http://10.0.0.8/rss")
    with pytest.raises(PageRefused, match="private address"):
        poll_feed(feed=feed, policy=policy())
    assert not Article.objects.exists()


def test_the_task_polls_then_queues_the_next_poll(site):
    from django_tasks_db.models import DBTaskResult

    feed = feed_of(site, "ferry-cuts.html")
    assert poll_feed_task.call(feed.pk).startswith("1 imported")
    queued = DBTaskResult.objects.get(task_path__endswith="poll_feed_task")
    assert queued.args_kwargs["args"] == [feed.pk]
    assert queued.run_after is not None
    # A second chain finds the feed polled within its interval and ends.
    assert poll_feed_task.call(feed.pk) == "not due"
    assert DBTaskResult.objects.filter(task_path__endswith="poll_feed_task").count() == 1


def test_the_command_polls_due_feeds_and_names_failures(site):
    feed = feed_of(site, "ferry-cuts.html")
    call_command("poll_feeds")
    assert Article.objects.count() == 1
    Feed.objects.create(project=feed.project, url="http://10.9.9.9/rss")
    with pytest.raises(CommandError, match="1 feeds could not be read"):
        call_command("poll_feeds", "--all")


def test_an_admin_adds_a_feed_and_its_first_poll_is_queued(
    client, admin_user, django_capture_on_commit_callbacks
):
    from django.urls import reverse
    from django_tasks_db.models import DBTaskResult

    from tests.logins import force_verified_login

    project = ProjectFactory()
    force_verified_login(client, admin_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("admin:ingest_feed_add"),
            {
                "project": project.pk,
                "url": "https://news.example/rss",
                "active": "on",
                "interval_minutes": "30",
                "entries-TOTAL_FORMS": "0",
                "entries-INITIAL_FORMS": "0",
            },
        )
    assert response.status_code == 302, response.content.decode()[:2000]
    feed = Feed.objects.get()
    assert DBTaskResult.objects.get(task_path__endswith="poll_feed_task").args_kwargs == {
        "args": [feed.pk],
        "kwargs": {},
    }
    changelist = client.get(reverse("admin:ingest_feed_changelist"))
    assert changelist.status_code == 200


def test_the_same_story_from_another_outlet_is_flagged_not_imported(site):
    _, folder = site
    original = (PAGES / "ferry-cuts.html").read_text()
    copy = original.replace(
        "Residents on the outer islands fear that they will be cut off",
        "People on the outer islands are afraid they will be cut off",
    ).replace("Coastal Courier", "Fjord Wire")
    (folder / "wire-copy.html").write_text(copy)
    feed = feed_of(site, "ferry-cuts.html", "wire-copy.html")
    result = poll_feed(feed=feed, policy=policy())
    assert (result.imported, result.near_duplicates) == (1, 1)
    assert Article.objects.count() == 1
    flagged = FeedEntry.objects.get(status="near_duplicate")
    assert flagged.article == Article.objects.get()
    assert "near-duplicate of article" in flagged.error
    assert "similarity 0." in flagged.error


def test_articles_from_files_are_fingerprinted_so_pages_are_checked_against_them(site):
    from articles.exchange.importing import import_articles
    from articles.exchange.records import record_from_mapping
    from articles.ingest.pages import read_page

    project = ProjectFactory(slug="coast")
    page = read_page((PAGES / "ferry-cuts.html").read_bytes(), url="https://x.example/a")
    altered = page.text.replace("Islanders worried", "Islanders are worried")
    record = record_from_mapping({"title": "From a file", "text": altered}, path="f", line=1)
    import_articles(project=project, records=[record])
    call_command("fingerprint_articles", "--project", "coast")
    feed = feed_of(site, "ferry-cuts.html", project=project)
    result = poll_feed(feed=feed, policy=policy())
    assert (result.imported, result.near_duplicates) == (0, 1)
