"""``manage.py poll_feeds``: poll the due feeds now (for cron, or to see what a feed
gives), or ``--schedule`` each active feed's polling by the job worker."""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from articles.ingest.fetching import HostPacing
from articles.ingest.models import Feed
from articles.ingest.services import PageRefused, poll_feed
from articles.ingest.tasks import policy, poll_feed_task


class Command(BaseCommand):
    help = (
        "Poll every active feed that is due (or --all), importing new items once; or with "
        "--schedule, queue each active feed's polls for the job worker."
    )

    def add_arguments(self, parser):
        parser.add_argument("--project", help="only this project's feeds (its slug)")
        parser.add_argument("--all", action="store_true", help="poll every feed, due or not")
        parser.add_argument(
            "--schedule", action="store_true", help="queue the polls for the worker instead"
        )
        parser.add_argument(
            "--interval", type=float, default=1.0, help="seconds between requests to a host"
        )

    def handle(self, *args, project, all, schedule, interval, **options):
        feeds = Feed.objects.filter(active=True).select_related("project")
        if project:
            feeds = feeds.filter(project__slug=project)
            if not feeds.exists() and not Feed.objects.filter(project__slug=project).exists():
                raise CommandError(f"--project: no feeds in a project with the slug {project!r}")
        if schedule:
            for feed in feeds:
                poll_feed_task.enqueue(feed.pk)
            self.stdout.write(f"Queued {len(feeds)} feeds for the job worker.")
            return
        pacing, failed = HostPacing(interval), 0
        now = timezone.now()
        for feed in feeds:
            due = feed.last_polled_at is None or (
                (now - feed.last_polled_at).total_seconds() >= feed.interval_minutes * 60
            )
            if not (due or all):
                continue
            try:
                result = poll_feed(feed=feed, policy=policy(), pacing=pacing)
            except PageRefused as refusal:
                failed += 1
                self.stderr.write(f"{feed.url}: {refusal}")
                continue
            for error in result.errors:
                self.stderr.write(error)
            self.stdout.write(
                f"{feed.url}: {result.imported} imported, {result.duplicates} duplicates, "
                f"{result.failed} failed"
            )
        if failed:
            raise CommandError(f"{failed} feeds could not be read.")
