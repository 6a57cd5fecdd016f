"""The analysis pages' counts, bounded in time whatever the project's size, as the
dashboard's are (articles.review.figures): a small project's are counted as the page is
asked for; a large one's (more than ``TEAM_FIGURES_LIVE_MAX_ARTICLES`` articles) are read
from ``StoredCorpusFigures``, which a task counts in the background, one row per subject
(the corpus, a speaker, a stance target) and choice of labels, and shown "as of" the
time they were counted. A page that finds them older than ``TEAM_FIGURES_MAX_AGE``
seconds (or missing) queues a refresh.

Counting reads every quote of the subject in the corpus (the corpus figures 5.9 s and a
target's counts 13 s at 1,000,000 quotes): no page may wait for that. Both paths hand the
page the same plain JSON, so a small project shows exactly what a large one stores.

Imported by ``articles.models`` so that Django finds the model in the articles app.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth import get_user_model
from django.db import models
from django.utils import timezone

from articles.review.figures import StoredFigures, is_large, plain, stored_figures

try:  # Django 6 has the framework built in; 5.2 has the django-tasks backport.
    from django.tasks import task
except ImportError:
    from django_tasks import task


class StoredCorpusFigures(StoredFigures):
    """A large project's counts of one subject for one choice of labels: ``key`` says
    which ("corpus gold", "speaker 12 annotators 7", ...)."""

    project = models.ForeignKey("articles.Project", on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=100)

    class Meta:
        app_label = "articles"
        verbose_name_plural = "stored corpus figures"
        constraints = [
            models.UniqueConstraint(
                fields=["project", "key"], name="stored_corpus_figures_unique_key"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.project_id} {self.key} as of {self.computed_at:%Y-%m-%d %H:%M}"


@dataclass(frozen=True)
class Counted:
    """What a page shows: the counts as plain JSON; ``as_of`` None means just now."""

    data: dict
    as_of: datetime | None
    refreshing: bool = False


def read_counts(project, subject: str, source) -> Counted | None:
    """The counts of ``subject`` ("corpus", "speaker ID" or "target ID") for ``source``
    (an ``articles.analysis.corpus.Source``): live if the project is small, else the
    stored ones (None if none are stored yet), queueing a refresh when they are missing
    or old."""
    if not is_large(project):
        return Counted(count(project, subject, source), as_of=None)
    labels, annotator_id = _labels(source)
    stored, refreshing = stored_figures(
        StoredCorpusFigures,
        project=project,
        lookup={"key": _key(subject, labels, annotator_id)},
        enqueue=lambda: refresh_counts.enqueue(project.pk, subject, labels, annotator_id),
    )
    if stored is None:
        return None
    return Counted(stored.figures, as_of=stored.computed_at, refreshing=refreshing)


def count(project, subject: str, source) -> dict:
    """Count ``subject`` in the corpus now, as plain JSON (what a page reads)."""
    from articles.analysis import corpus

    kind, _, pk = subject.partition(" ")
    if kind == "corpus":
        return plain(corpus.project_figures(project, source))
    if kind == "speaker":
        counts = corpus.speaker_counts(project, int(pk), source)
        return {
            "kinds": [list(pair) for pair in counts["kinds"]],
            "outlets": [list(pair) for pair in counts["outlets"]],
            "stances": {target: _by_month(months) for target, months in counts["stances"].items()},
        }
    if kind == "target":
        counts = corpus.target_counts(project, int(pk), source)
        return {
            "labels": counts["labels"],
            "months": _by_month(counts["months"]),
            "outlets": counts["outlets"],
            "speakers": [list(pair) for pair in counts["speakers"]],
        }
    raise ValueError(f"no such subject: {subject!r}")


def months_of(counts: dict) -> dict:
    """A ``{month: …}`` of the JSON (ISO dates, "" undated) back with dates as keys."""
    return {(datetime.fromisoformat(m) if m else None): v for m, v in counts.items()}


def refresh(project, *, subject: str, labels: str, annotator_id: int | None):
    """Count ``subject`` for that choice of labels now and store it (what the task runs)."""
    from articles.analysis.corpus import Source

    started = timezone.now()
    people = get_user_model().objects
    annotator = people.filter(pk=annotator_id).first() if annotator_id else None
    source = Source(gold=labels == "gold", annotator=annotator)
    stored, _ = StoredCorpusFigures.objects.update_or_create(
        project=project,
        key=_key(subject, labels, annotator_id),
        defaults={
            "computed_at": started,
            "requested_at": None,
            "figures": count(project, subject, source),
        },
    )
    return stored


@task()
def refresh_counts(project_id: int, subject: str, labels: str, annotator_id: int | None) -> str:
    """Recount one subject of a large project's analysis for one choice of labels."""
    from articles.models import Project

    project = Project.objects.filter(pk=project_id).first()
    if project is None:
        return "gone"
    refresh(project, subject=subject, labels=labels, annotator_id=annotator_id)
    return "done"


def _key(subject: str, labels: str, annotator_id: int | None) -> str:
    return f"{subject} {labels}" + (f" {annotator_id}" if annotator_id else "")


def _labels(source) -> tuple[str, int | None]:
    annotator = source.annotator
    return ("gold" if source.gold else "annotators"), (annotator.pk if annotator else None)


def _by_month(months: dict) -> dict:
    return {(m.isoformat() if m is not None else ""): v for m, v in months.items()}
