"""Writing history events, and the plain data they hold of a quote.

Call these inside the transaction of the change they record (the services do): then the
change and its events commit together or not at all.
"""

from __future__ import annotations

from types import SimpleNamespace

from articles.history import origin
from articles.history.models import HistoryEvent
from articles.models import Quote


def event(
    *, kind: str, project_id: int, actor_id: int | None, agent: str = "", **fields
) -> HistoryEvent:
    """An unsaved event stamped with the current origin (request, token, job);
    ``actor_id`` is the person's, or None when ``agent`` says who acted instead."""
    where = origin.current()
    return HistoryEvent(
        kind=kind,
        project_id=project_id,
        actor_id=actor_id,
        agent=agent,
        request_id=where.request_id,
        token=where.token,
        job_id=where.job_id,
        **fields,
    )


def record(**fields) -> HistoryEvent:
    """Write one event (``event``'s arguments). Call inside transaction.atomic()."""
    made = event(**fields)
    made.save(force_insert=True)
    return made


def record_all(events: list[HistoryEvent]) -> None:
    """Write several events in one query. Call inside transaction.atomic()."""
    HistoryEvent.objects.bulk_create(events, batch_size=1000)


def by(actor) -> dict:
    """``event``'s ``actor_id`` and ``agent`` for a person, or for a command (None)."""
    return (
        {"actor_id": actor.pk, "agent": ""}
        if actor is not None
        else {"actor_id": None, "agent": "command"}
    )


def assignment_events(assignments, *, actor, project_id=None, before=None) -> list:
    """Unsaved events for assignments just made (``before`` None) or whose status just
    changed from ``before`` to the one they have; ``project_id`` if all are of one
    project, else each is read from its article (loaded)."""
    return [
        event(
            kind="assignment.created" if before is None else "assignment.status",
            project_id=project_id or assignment.article.project_id,
            article_id=assignment.article_id,
            payload={"annotator": assignment.annotator_id}
            | ({} if before is None else {"status": [before, assignment.status]}),
            **by(actor),
        )
        for assignment in assignments
    ]


def quote_state(quote, *, stances: dict[int, str]) -> dict:
    """A quote (a suggestion, a QuoteInput with ``speaker_id`` set) as an event holds it:
    the speaker and the stances' targets by id (the API's ids; a page names them when
    it shows them), ``stances`` target id -> label."""
    return {
        "start": quote.start,
        "end": quote.end,
        "text": quote.text,
        "kind": quote.kind,
        "speaker": quote.speaker_id,
        "cue": [quote.cue_start, quote.cue_end] if quote.cue_start is not None else None,
        "speaker_mention": _mention(quote),
        "origin": getattr(quote, "origin", None),
        # JSON keys are strings: the same object before and after a round trip.
        "stances": {str(target): label for target, label in sorted(stances.items())},
    }


def _mention(quote) -> list[int] | None:
    return None if quote.speaker_start is None else [quote.speaker_start, quote.speaker_end]


def stances_of(stances) -> dict[int, str]:
    """``{target id: label}`` of a QuoteInput's ``{StanceTarget: label}``."""
    return {target.pk: label for target, label in stances.items()}


def stored_quotes(quote_ids) -> dict[int, dict]:
    """The quotes as stored now, by id (``quote_state``), in one query (a row per stance).
    Read them under the lock of the change that follows."""
    rows = (
        Quote.objects.filter(pk__in=quote_ids)
        .values_list(*_STORED, "stances__target_id", "stances__label")
        .order_by()
    )
    found: dict[int, tuple] = {}
    for *values, target, label in rows:
        if values[0] not in found:
            found[values[0]] = (SimpleNamespace(**dict(zip(_STORED, values, strict=True))), {})
        if target is not None:
            found[values[0]][1][target] = label
    return {pk: quote_state(quote, stances=stances) for pk, (quote, stances) in found.items()}


_STORED = (
    "pk", "start", "end", "text", "kind", "speaker_id", "cue_start", "cue_end", "speaker_start",
    "speaker_end", "origin",
)  # fmt: skip


def changes(before: dict, after: dict) -> dict[str, list]:
    """``{field: [before, after]}`` for each field that differs."""
    return {name: [before[name], after[name]] for name in after if before.get(name) != after[name]}
