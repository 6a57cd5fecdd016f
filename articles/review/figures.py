"""The dashboard's figures, bounded in time whatever the project's size: a small project's
are computed as the page is asked for; a large one's (more than
``TEAM_FIGURES_LIVE_MAX_ARTICLES`` articles) are read from ``TeamFigures``, which a task
computes in the background, and shown "as of" the time they were computed. A page that
finds them older than ``TEAM_FIGURES_MAX_AGE`` seconds (or missing) queues a refresh.

Why a task and not per-article sums: the alphas and kappas need every unit of the
project; computing them takes about a minute at 100,000 articles × 3 annotators × 20
quotes, which no page may wait for.

Imported by ``articles.models`` so that Django finds the model in the articles app.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone

try:  # Django 6 has the framework built in; 5.2 has the django-tasks backport.
    from django.tasks import task
except ImportError:
    from django_tasks import task

# The most disputed articles a stored report keeps (the dashboard shows ten of those
# still waiting for adjudication).
DISPUTED_KEPT = 500


class StoredFigures(models.Model):
    """Figures counted by a task, as of ``computed_at`` (``figures``: as ``plain`` makes
    them), which ``queue_refresh`` asks to recount."""

    computed_at = models.DateTimeField()
    # When a refresh was queued, so that a busy page queues one, not one per view.
    requested_at = models.DateTimeField(null=True, blank=True)
    figures = models.JSONField(default=dict)

    class Meta:
        abstract = True


class TeamFigures(StoredFigures):
    """A large project's dashboard figures: progress and the agreement report."""

    project = models.OneToOneField(
        "articles.Project", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )

    class Meta:
        app_label = "articles"
        verbose_name_plural = "team figures"

    def __str__(self) -> str:
        return f"{self.project_id} as of {self.computed_at:%Y-%m-%d %H:%M}"


@dataclass(frozen=True)
class Figures:
    """What the dashboard shows: ``as_of`` None means computed just now."""

    progress: object  # team.Progress
    report: object  # agreement.AgreementReport (per_article: the most disputed only)
    as_of: datetime | None
    refreshing: bool = False


def live_max_articles() -> int:
    return getattr(settings, "TEAM_FIGURES_LIVE_MAX_ARTICLES", 5000)


def is_large(project) -> bool:
    """Whether the project has more than ``live_max_articles`` articles: read from the
    first entries of its index, not by counting them all (55 ms at 100,000 articles)."""
    beyond = live_max_articles()
    return project.articles.order_by("id")[beyond : beyond + 1].exists()


def max_age() -> timedelta:
    return timedelta(seconds=getattr(settings, "TEAM_FIGURES_MAX_AGE", 600))


def dashboard_figures(project) -> Figures | None:
    """The project's figures: live if it is small, else the stored ones (None if none
    are stored yet), queueing a refresh when they are missing or old."""
    from articles.review.team import project_agreement, project_progress

    if not is_large(project):
        return Figures(project_progress(project), project_agreement(project), as_of=None)
    stored, refreshing = stored_figures(
        TeamFigures,
        project=project,
        lookup={},
        enqueue=lambda: refresh_team_figures.enqueue(project.pk),
    )
    return None if stored is None else _figures(stored, refreshing)


def stored_figures(model, *, project, lookup: dict, enqueue) -> tuple[StoredFigures | None, bool]:
    """The row of ``model`` for ``project`` and ``lookup`` (None while it holds no
    figures yet) and whether a refresh is under way, queueing one (``enqueue``) when the
    row is missing or older than ``max_age``."""
    stored = model.objects.filter(project=project, **lookup).first()
    now = timezone.now()
    refreshing = stored is not None and stored.requested_at is not None
    if stored is None or stored.computed_at < now - max_age():
        queued = queue_refresh(model, project=project, lookup=lookup, enqueue=enqueue, now=now)
        refreshing = queued or refreshing
    if stored is None or not stored.figures:
        return None, refreshing
    return stored, refreshing


def queue_refresh(model, *, project, lookup: dict, enqueue, now: datetime | None = None) -> bool:
    """Mark the row of ``model`` (stored figures with ``computed_at`` and
    ``requested_at``) for ``project`` and ``lookup`` as being refreshed, and call
    ``enqueue`` after the commit, unless a refresh was queued in the last ``max_age``;
    whether this call queued it."""
    from articles.models import Project

    now = now or timezone.now()
    with transaction.atomic():
        # Serialises the first get_or_create of a project's row; NO KEY, so that writes
        # naming the project (its articles, their history) go on meanwhile.
        Project.objects.select_for_update(no_key=True).filter(pk=project.pk).first()
        stored, _ = model.objects.get_or_create(
            project=project, **lookup, defaults={"computed_at": now - 2 * max_age()}
        )
        if stored.requested_at is not None and stored.requested_at > now - max_age():
            return False
        model.objects.filter(pk=stored.pk).update(requested_at=now)
        # After the commit: a worker must find the row (the immediate backend runs it now).
        transaction.on_commit(enqueue)
    return True


def refresh(project) -> TeamFigures:
    """Compute the project's figures now and store them (what the task runs)."""
    from articles.review.team import project_agreement, project_progress

    started = timezone.now()
    progress = project_progress(project)
    report = project_agreement(project)
    disputed = sorted(
        (a for a in report.per_article if a.disputed_groups),
        key=lambda a: (-a.disputed_groups, a.overlap_f1.value or 0.0, a.article),
    )[:DISPUTED_KEPT]
    report = dataclasses.replace(report, per_article=disputed)
    stored, _ = TeamFigures.objects.update_or_create(
        project=project,
        defaults={
            "computed_at": started,
            "requested_at": None,
            "figures": {"progress": plain(progress), "report": plain(report)},
        },
    )
    return stored


@task()
def refresh_team_figures(project_id: int) -> str:
    """Recompute a large project's dashboard figures."""
    from articles.models import Project

    project = Project.objects.filter(pk=project_id).first()
    if project is None:
        return "gone"
    refresh(project)
    return "done"


def _figures(stored: TeamFigures, refreshing: bool) -> Figures:
    from articles.agreement.report import AgreementReport
    from articles.review.team import Progress

    return Figures(
        progress=rebuilt(Progress, stored.figures["progress"]),
        report=rebuilt(AgreementReport, stored.figures["report"]),
        as_of=stored.computed_at,
        refreshing=refreshing,
    )


def plain(value):
    """A dataclass (nested, with lists, tuples, dicts and dates) as JSON types."""
    if dataclasses.is_dataclass(value):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, date):
        return value.isoformat()
    return value


def rebuilt(kind, data):
    """``plain``'s output back as ``kind`` (a type hint: a dataclass, list[...], ...)."""
    if data is None:
        return None
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        options = [option for option in typing.get_args(kind) if option is not type(None)]
        return rebuilt(options[0], data) if len(options) == 1 else data
    if origin in (list, tuple):
        item = typing.get_args(kind)[0]
        return origin(rebuilt(item, value) for value in data)
    if origin is dict:
        item = typing.get_args(kind)[1]
        return {key: rebuilt(item, value) for key, value in data.items()}
    if dataclasses.is_dataclass(kind):
        hints = typing.get_type_hints(kind)
        fields = dataclasses.fields(kind)
        return kind(**{f.name: rebuilt(hints[f.name], data[f.name]) for f in fields})
    if kind is date:
        return date.fromisoformat(data)
    return data
