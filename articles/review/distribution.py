"""Who annotates what: spreading a project's articles over its annotators, k people per
article, evenly, and handing on the open work of someone who left.

``plan_assignments`` is the pure rule; ``distribute`` and ``reassign_open_work`` are the
atomic writes around it. Skipped assignments do not count: they are work handed on.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count

from articles.exchange.fast_paths import insert_assignments
from articles.history.record import assignment_events, record_all
from articles.models import Assignment, Project, Suggestion
from articles.suggestions import suggest_for_assignments


class DistributionError(ValueError):
    """The request cannot be met (e.g. more annotators per article than people)."""


def plan_assignments(
    *,
    articles: Sequence,
    annotators: Sequence,
    per_article: int | Mapping,
    loads: Mapping,
    existing: Mapping,
) -> list[tuple]:
    """Pairs ``(article, annotator)`` that bring each article up to ``per_article``
    distinct annotators (one number, or one per article), always picking the
    least-loaded annotator not yet on it.

    ``loads`` counts each annotator's current assignments; ``existing`` maps an article
    to the annotators it already has. Ties go to the earlier annotator in the list, so the
    plan is deterministic and pairs rotate (a-b, c-a, b-c, ...). An annotator named twice
    counts once.
    """
    each = isinstance(per_article, Mapping)
    if (min(per_article.values(), default=1) if each else per_article) < 1:
        raise DistributionError("per_article: must be at least 1.")
    if not annotators:
        raise DistributionError("annotators: choose at least one annotator.")
    annotators = list(dict.fromkeys(annotators))
    load = {annotator: loads.get(annotator, 0) for annotator in annotators}
    # The least loaded by their load alone: ``free`` keeps the list's order, ``min``
    # returns the first of equals and ``sorted`` is stable, so ties go to the earlier
    # annotator without a (load, position) tuple per comparison (30,000 tuples for
    # 10,000 articles, 4 ms, and garbage collections).
    by_load = load.__getitem__
    plan = []
    nobody = frozenset()
    for article in articles:
        wanted = per_article[article] if each else per_article
        have = set(existing[article]) if article in existing else nobody
        need = wanted - len(have)
        if need <= 0:
            continue
        free = [a for a in annotators if a not in have] if have else annotators
        if len(free) < need:
            raise DistributionError(
                f"per_article: {wanted} annotators per article, but article {article} "
                f"has {len(have)} and only {len(free)} more were chosen."
            )
        # One person wanted (the usual case): the least loaded, without sorting them all.
        if need == 1:
            annotator = min(free, key=by_load)
            plan.append((article, annotator))
            load[annotator] += 1
            continue
        for annotator in sorted(free, key=by_load)[:need]:
            plan.append((article, annotator))
            load[annotator] += 1
    return plan


@dataclass(frozen=True)
class Distribution:
    assigned: int  # assignments made
    articles: int  # articles that got at least one
    loads: dict[str, int]  # username -> active assignments in the project afterwards


def distribute(
    *, project: Project, annotators: Sequence, per_article: int, actor=None
) -> Distribution:
    """Bring every article of the project up to ``per_article`` annotators from
    ``annotators``, balancing loads; record ``per_article`` as the project's k. The
    history names ``actor`` (None: a command)."""
    with transaction.atomic():
        # One distribution of the project at a time; NO KEY, so that annotators' saves
        # (whose stances read the project's labels) go on meanwhile.
        Project.objects.select_for_update(no_key=True).filter(pk=project.pk).first()
        article_ids = list(project.articles.order_by("id").values_list("id", flat=True))
        made, loads = _assign(project, article_ids, annotators, per_article, actor, every=True)
        if project.annotators_per_article != per_article:
            project.annotators_per_article = per_article
            project.save(update_fields=["annotators_per_article"])
        return _summary(annotators, made, loads)


def reassign_open_work(
    *, project: Project, leaving, annotators: Sequence, actor=None
) -> Distribution:
    """Hand the leaving annotator's unfinished articles to the others, least loaded first.

    Their open assignments are marked skipped (their quotes stay, for the record) and
    each article gets one replacement who is not on it yet.
    """
    annotators = [a for a in annotators if a.pk != leaving.pk]
    with transaction.atomic():
        # One distribution of the project at a time; NO KEY, so that annotators' saves
        # (whose stances read the project's labels) go on meanwhile.
        Project.objects.select_for_update(no_key=True).filter(pk=project.pk).first()
        open_work = Assignment.objects.filter(
            article__project=project,
            annotator=leaving,
            status__in=[Assignment.Status.TODO, Assignment.Status.IN_PROGRESS],
        )
        handed_on = list(open_work.order_by("created_at", "id"))
        article_ids = [assignment.article_id for assignment in handed_on]
        open_work.update(status=Assignment.Status.SKIPPED)
        skipped = []
        for assignment in handed_on:
            before, assignment.status = assignment.status, Assignment.Status.SKIPPED
            skipped += assignment_events(
                [assignment], project_id=project.pk, actor=actor, before=before
            )
        # Each handed-on article keeps the number of people it had.
        remaining = dict(
            _active(project)
            .filter(article_id__in=article_ids)
            .values_list("article_id")
            .annotate(n=Count("id"))
            .order_by()
        )
        per_article = {article_id: remaining.get(article_id, 0) + 1 for article_id in article_ids}
        made, loads = _assign(project, article_ids, annotators, per_article, actor, events=skipped)
        return _summary(annotators, made, loads)


def _active(project):
    # No order: the model's (article, annotator) joins the project and the user to sort
    # by their names, 13 ms instead of 6 for a project's 10,000 assignments.
    return (
        Assignment.objects.filter(article__project=project)
        .exclude(status=Assignment.Status.SKIPPED)
        .order_by()
    )


@dataclass(frozen=True, slots=True)
class _Made:
    """An assignment written or revived, as ``suggest_for_assignments`` reads it."""

    article_id: int
    annotator_id: int


def _assign(
    project, article_ids, annotators, per_article: int | Mapping, actor, events=(), every=False
) -> tuple[list[tuple[int, int]], dict[int, int]]:
    """Assign as planned; record the assignments made and revived after ``events``.
    ``every``: ``article_ids`` are all the project's (read without a list of ids).
    Returns the ``(article id, annotator id)`` pairs made and revived, and each
    annotator's active assignments (by id) afterwards."""
    active = _active(project)
    existing: dict[int, set[int]] = {}
    if every:
        # The project's active assignments are each annotator's load: one read for both.
        loads: dict[int, int] = {}
        for article_id, annotator_id in active.values_list("article_id", "annotator_id"):
            existing.setdefault(article_id, set()).add(annotator_id)
            loads[annotator_id] = loads.get(annotator_id, 0) + 1
    else:
        loads = dict(active.values_list("annotator_id").annotate(n=Count("id")).order_by())
        rows = active.filter(article_id__in=article_ids)
        for article_id, annotator_id in rows.values_list("article_id", "annotator_id"):
            existing.setdefault(article_id, set()).add(annotator_id)
    plan = plan_assignments(
        articles=article_ids,
        annotators=[a.pk for a in annotators],
        per_article=per_article,
        loads=loads,
        existing=existing,
    )
    # Someone handed an article back and now gets it again: revive, don't duplicate.
    # (The project's skipped ones: few, and no list of ten thousand ids to send.)
    planned = set(plan)
    skipped = {
        (a.article_id, a.annotator_id): a
        for a in Assignment.objects.filter(
            status=Assignment.Status.SKIPPED, article__project=project
        ).order_by()
        if (a.article_id, a.annotator_id) in planned
    }
    revived = [skipped[pair] for pair in plan if pair in skipped]
    for assignment in revived:
        assignment.status = Assignment.Status.TODO
        assignment.started_at = assignment.finished_at = None
    Assignment.objects.bulk_update(revived, ["status", "started_at", "finished_at"])
    record_all(
        [
            *events,
            *assignment_events(
                revived, project_id=project.pk, actor=actor, before=Assignment.Status.SKIPPED
            ),
        ]
    )
    new = [pair for pair in plan if pair not in skipped]
    insert_assignments(new, project_id=project.pk, actor=actor)
    project.members.add(*annotators)
    # Pairs, not an object each: 10,000 of those cost 3 ms and garbage collections.
    made = [(a.article_id, a.annotator_id) for a in revived] + new
    # Ten queries for ten thousand articles: only when the project has suggestions.
    if Suggestion.objects.filter(article__project=project).exists():
        suggest_for_assignments(assignments=[_Made(*pair) for pair in made])
    # The loads afterwards follow from those before: counting them again in SQL took
    # seconds on a large project (a plan made before the new rows' statistics).
    for _article_id, annotator_id in made:
        loads[annotator_id] = loads.get(annotator_id, 0) + 1
    return made, loads


def _summary(annotators, made: list[tuple[int, int]], loads: dict[int, int]) -> Distribution:
    return Distribution(
        assigned=len(made),
        articles=len({article_id for article_id, _annotator_id in made}),
        loads={a.username: loads.get(a.pk, 0) for a in annotators},
    )
