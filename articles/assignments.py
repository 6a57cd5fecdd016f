"""Writes to who annotates what: assigning articles, holding an annotator's assignment
open while they write, and the Done/Reopen rules. (Spreading a project's articles over a
team is ``articles.review.distribution``.)"""

from __future__ import annotations

from collections.abc import Sequence

from django.db import transaction
from django.utils import timezone

from articles.history.record import assignment_events, record, record_all
from articles.models import Adjudication, Article, Assignment, Project, Quote
from articles.suggestions import suggest_for_assignments
from articles.types import AssignmentClosed, ReopenRefused, SuggestionsWaiting


def assign_articles(*, articles: Sequence[Article], annotators: Sequence, actor=None) -> int:
    """Assign each article to each annotator who does not have it yet; return how many.

    Annotators become members of the articles' projects. The history names ``actor``
    (None: a command).
    """
    with transaction.atomic():
        existing = set(
            Assignment.objects.filter(article__in=articles, annotator__in=annotators).values_list(
                "article_id", "annotator_id"
            )
        )
        new = [
            Assignment(article=article, annotator=annotator)
            for article in articles
            for annotator in annotators
            if (article.pk, annotator.pk) not in existing
        ]
        Assignment.objects.bulk_create(new)
        record_all(assignment_events(new, actor=actor))
        for project in Project.objects.filter(articles__in=articles).distinct():
            project.members.add(*annotators)
        suggest_for_assignments(assignments=new)
    return len(new)


def hold_open_assignment(*, article_id: int, annotator_id: int) -> None:
    """Lock the annotator's assignment of the article until the transaction ends, and
    mark it in progress if still to do; raise ``AssignmentClosed`` unless it is open.

    Every write to an annotator's own set starts here, and Done takes the same lock, so
    no write lands after Done, and rival writes to one set take their turns (the lock
    comes before any quote's, always in that order). Call inside transaction.atomic().
    """
    row = (
        Assignment.objects.select_for_update(no_key=True)
        .filter(article_id=article_id, annotator_id=annotator_id)
        .values_list("pk", "status")
        .order_by()[:1]
    )
    found = next(iter(row), None)
    if found is None or found[1] not in Assignment.OPEN:
        raise AssignmentClosed(found and found[1])
    if found[1] == Assignment.Status.TODO:
        Assignment.objects.filter(pk=found[0]).update(
            status=Assignment.Status.IN_PROGRESS, started_at=timezone.now()
        )
        # The first write to a set starts it: a status change of its own in the history.
        project_id = Article.objects.values_list("project_id", flat=True).get(pk=article_id)
        _record_status(
            project_id,
            article_id,
            annotator_id,
            Assignment.Status.TODO,
            Assignment.Status.IN_PROGRESS,
        )


def set_assignment_status(*, assignment: Assignment, status: str, actor=None) -> Assignment:
    """Mark the annotator's assignment done, or reopen it (``in_progress``); return it.
    The history names ``actor``, by default the annotator.

    Done is refused (``SuggestionsWaiting``) while engine suggestions wait for a decision,
    so that "done" means every quote in the set was judged by a person. Reopen is refused
    (``ReopenRefused``) once a reviewer has started adjudicating the article, whose gold
    set would otherwise drift from the versions it was made from. A skipped assignment
    stays skipped (``AssignmentClosed``).
    """
    with transaction.atomic():
        current = Assignment.objects.select_for_update().get(pk=assignment.pk)
        if current.status == Assignment.Status.SKIPPED:
            raise AssignmentClosed(current.status)
        if current.status == status:
            return current
        now = timezone.now()
        if status == Assignment.Status.DONE:
            waiting = suggestions_waiting(current)
            if waiting:
                raise SuggestionsWaiting(waiting)
            current.finished_at = now
            current.started_at = current.started_at or now
        else:
            if adjudication_started(current):
                raise ReopenRefused
            current.finished_at = None
        before, current.status = current.status, status
        current.save(update_fields=["status", "started_at", "finished_at"])
        _record_status(
            assignment.article.project_id,
            current.article_id,
            current.annotator_id,
            before,
            status,
            actor_id=actor.pk if actor is not None else None,
        )
    return current


def suggestions_waiting(assignment: Assignment) -> int:
    """How many engine suggestions in the annotator's set wait for a decision: while any
    do, the assignment cannot be done."""
    return Quote.objects.filter(
        article_id=assignment.article_id,
        annotator_id=assignment.annotator_id,
        origin=Quote.Origin.SUGGESTED,
    ).count()


def adjudication_started(assignment: Assignment) -> bool:
    """Whether a reviewer has started on the article: then a done assignment stays done."""
    return Adjudication.objects.filter(article_id=assignment.article_id).exists()


def _record_status(project_id, article_id, annotator_id, before, after, *, actor_id=None) -> None:
    record(
        kind="assignment.status",
        project_id=project_id,
        actor_id=actor_id or annotator_id,
        article_id=article_id,
        payload={"annotator": annotator_id, "status": [before, after]},
    )
