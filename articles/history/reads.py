"""Reading the history: who may see which events, the filters, and the events as JSON
items (the API's pages) and JSONL lines (the API's stream and ``export_project --history``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import datetime

import orjson
from django.db.models import QuerySet

from accounts.roles import oversees
from articles.history.models import HistoryEvent

# Lines a chunk of the stream carries.
LINES_A_CHUNK = 500


def reads_whole_history(user) -> bool:
    """Who may export a project may read all of its history: staff, reviewers and
    researchers (the API checks membership as the export does)."""
    return user.is_authenticated and (user.is_staff or oversees(user))


def events_visible_to(user, project) -> QuerySet[HistoryEvent]:
    """The project's events the user may read: all of them for those who may export it,
    else only the events the user made (so no annotator, blind project or not, reads
    another's work through the history)."""
    events = HistoryEvent.objects.filter(project=project)
    if reads_whole_history(user):
        return events
    if not user.is_authenticated:
        return events.none()
    return events.filter(actor=user)


def quote_history(user, project, quote_id: int) -> QuerySet[HistoryEvent]:
    """One quote's events that the user may read, oldest first, with their actors (for
    the workspace's and the board's history panel)."""
    return with_actors(events_visible_to(user, project).filter(quote_id=quote_id))


def filtered(
    events: QuerySet[HistoryEvent],
    *,
    article: int | None = None,
    username: str | None = None,
    since: datetime | None = None,
) -> QuerySet[HistoryEvent]:
    """Events of one article, by one user (their username now), from a moment on."""
    if article is not None:
        events = events.filter(article_id=article)
    if username is not None:
        events = events.filter(actor__username=username)
    if since is not None:
        events = events.filter(at__gte=since)
    return events


def with_actors(events: QuerySet[HistoryEvent]) -> QuerySet[HistoryEvent]:
    """The events with their actors read in the same query, in the order they happened."""
    return events.select_related("actor").order_by("id")


def item(event: HistoryEvent) -> dict:
    """One event as the API and the export give it."""
    return {
        "id": event.pk,
        "at": event.at.isoformat(),
        "kind": event.kind,
        "article": event.article_id,
        "quote": event.quote_id,
        # The username now: a pseudonym once the person was anonymised.
        "actor": event.actor.get_username() if event.actor_id else None,
        "agent": event.agent or None,
        "token": event.token or None,
        "request_id": event.request_id or None,
        "job_id": event.job_id or None,
        "payload": event.payload,
    }


def jsonl_chunks(events: QuerySet[HistoryEvent]) -> Iterator[bytes]:
    """The events as JSONL in UTF-8, read 2,000 at a time, whole lines a chunk."""
    return jsonl_lines(with_actors(events).iterator(chunk_size=2000), item)


def jsonl_lines(objects: Iterable, as_dict: Callable[[object], dict]) -> Iterator[bytes]:
    """``as_dict`` of each object as a JSON line in UTF-8, ``LINES_A_CHUNK`` lines a chunk
    (the history's stream, and the flags')."""
    lines = []
    for found in objects:
        lines.append(orjson.dumps(as_dict(found)) + b"\n")
        if len(lines) == LINES_A_CHUNK:
            yield b"".join(lines)
            lines = []
    if lines:
        yield b"".join(lines)
