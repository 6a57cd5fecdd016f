"""The feed poll the job worker runs: each active feed polls itself again after its
interval (``manage.py poll_feeds --schedule`` starts the chains)."""

import logging
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

try:  # Django 6 has the framework built in; 5.2 has the django-tasks backport.
    from django.tasks import task
except ImportError:
    from django_tasks import task

from articles.ingest.fetching import FetchPolicy, HostPacing
from articles.ingest.models import Feed
from articles.ingest.services import PageRefused, poll_feed

logger = logging.getLogger(__name__)


def policy() -> FetchPolicy:
    """The fetch policy the settings ask for."""
    return FetchPolicy(
        allowed_networks=tuple(settings.FETCH_ALLOWED_NETWORKS),
        respect_robots=settings.FETCH_RESPECT_ROBOTS,
    )


@task()
def poll_feed_task(feed_id: int) -> str:
    """Poll one feed if it is due, then queue its next poll."""
    feed = Feed.objects.select_related("project").filter(pk=feed_id, active=True).first()
    if feed is None:
        return "inactive"
    # Polled within its interval: another chain runs this feed; this one ends here.
    if feed.last_polled_at and timezone.now() - feed.last_polled_at < _interval(feed) * 0.9:
        return "not due"
    try:
        result = poll_feed(feed=feed, policy=policy(), pacing=HostPacing(1.0))
        outcome = (
            f"{result.imported} imported, {result.duplicates} duplicates, {result.failed} failed"
        )
    except PageRefused as refusal:
        outcome = f"failed: {refusal}"
    finally:
        schedule(feed)
    return outcome


def schedule(feed: Feed) -> None:
    """Queue ``feed``'s next poll after its interval, where the backend can wait."""
    task_backend = poll_feed_task.get_backend()
    if not task_backend.supports_defer:
        logger.info("The %s task backend cannot wait: feed %s is polled by `poll_feeds` only.",
                    type(task_backend).__name__, feed.pk)  # fmt: skip
        return
    poll_feed_task.using(run_after=timezone.now() + _interval(feed)).enqueue(feed.pk)


def _interval(feed: Feed) -> timedelta:
    return timedelta(minutes=feed.interval_minutes)
