"""History events for what an admin changes in the Django admin, so that its edits are
in the history like everyone else's. The admin's ``save_model`` and ``delete_*`` call
these inside the transaction of their change (``changes_in_admin`` opens one)."""

from __future__ import annotations

from contextlib import contextmanager

from django.db import transaction

from articles.history.record import assignment_events, by, event, record_all, stored_quotes

_QUOTE_DELETED = {"gold": "gold.removed", "suggested": "suggestion.rejected"}


@contextmanager
def changes_in_admin():
    """One transaction for an admin's change and its events."""
    with transaction.atomic():
        yield


def quotes_deleted(quotes, *, actor) -> None:
    """Before ``quotes`` (with their articles) are deleted: an event each, with the quote
    as it was. Call before the delete, inside its transaction."""
    quotes = list(quotes)
    before = stored_quotes([quote.pk for quote in quotes])
    record_all(
        [
            event(
                kind=_QUOTE_DELETED.get(quote.origin, "quote.deleted"),
                project_id=quote.article.project_id,
                article_id=quote.article_id,
                quote_id=quote.pk,
                payload={"version": quote.version, "quote": before[quote.pk], "via": "admin"},
                **by(actor),
            )
            for quote in quotes
            if quote.pk in before
        ]
    )


def assignment_saved(assignment, *, before_status: str | None, created: bool, actor) -> None:
    """After an admin made or changed an assignment (its article loaded)."""
    if created:
        record_all(assignment_events([assignment], actor=actor))
    elif before_status is not None and before_status != assignment.status:
        record_all(assignment_events([assignment], actor=actor, before=before_status))


def assignments_deleted(assignments, *, actor) -> None:
    """Before an admin deletes assignments (their articles loaded)."""
    record_all(
        [
            event(
                kind="assignment.deleted",
                project_id=a.article.project_id,
                article_id=a.article_id,
                payload={"annotator": a.annotator_id, "status": a.status, "via": "admin"},
                **by(actor),
            )
            for a in assignments
        ]
    )


def adjudications_deleted(adjudications, *, actor) -> None:
    """Before an admin deletes adjudications (their articles loaded): the board of each
    article starts again; its gold quotes stay until removed."""
    record_all(
        [
            event(
                kind="adjudication.deleted",
                project_id=a.article.project_id,
                article_id=a.article_id,
                payload={"status": a.status, "reviewer": a.reviewer_id, "via": "admin"},
                **by(actor),
            )
            for a in adjudications
        ]
    )


def aliases_changed(*, added=(), removed=(), actor) -> None:
    """After an admin added (saved) or before they removed speaker aliases (their
    speakers loaded)."""
    record_all(
        [
            event(
                kind=kind,
                project_id=alias.speaker.project_id,
                payload={"speaker": alias.speaker_id, "alias": alias.name, "via": "admin"},
                **by(actor),
            )
            for kind, aliases in (
                ("speaker.alias_added", added),
                ("speaker.alias_removed", removed),
            )
            for alias in aliases
        ]
    )
