"""Team annotation figures for a project: agreement between its annotators and everyone's
progress. Reads only; the dashboard, the agreement API and the export manifest show them.

The agreement engine (``articles.agreement``) is pure: here the project's quotes become its
plain ``Annotation``s. Agreement is measured on finished work only: an annotator's article
counts once their assignment is done, and suggestions they never judged are left out (the
engine's output agrees with itself). Speakers that share a name or an alias (say a
proposed "Godzimirksi" and the catalog's "Jakub Godzimirski" with that alias) count as one.
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Count, Exists, OuterRef
from django.utils import timezone

from articles.agreement import Annotation, measure_agreement
from articles.models import Assignment, Quote, RejectedSuggestion, Speaker

DAYS_SHOWN = 14


def speaker_keys(project) -> dict[int, int]:
    """Each speaker id -> one key per person: speakers that share a name or an alias
    (ignoring case) get the same key, the smallest id among them."""
    parent: dict[int, int] = {}

    def root(pk: int) -> int:
        while parent.setdefault(pk, pk) != pk:
            parent[pk] = parent[parent[pk]]
            pk = parent[pk]
        return pk

    owner: dict[str, int] = {}
    rows = Speaker.objects.filter(project=project).values_list("id", "name", "aliases__name")
    for pk, name, alias in rows:
        root(pk)
        for written in (name, alias):
            if written:
                key = " ".join(written.casefold().split())
                if key in owner:
                    a, b = root(owner[key]), root(pk)
                    parent[max(a, b)] = min(a, b)
                else:
                    owner[key] = pk
    return {pk: root(pk) for pk in parent}


def counted_statuses(*, finished_only: bool) -> list[str]:
    """The assignment states whose annotators' quotes count: done for the agreement
    figures; every state but skipped for the adjudication board, which shows work still
    under way too."""
    if finished_only:
        return [Assignment.Status.DONE]
    return [Assignment.Status.TODO, Assignment.Status.IN_PROGRESS, Assignment.Status.DONE]


def project_annotations(project, *, article_ids=None, finished_only=True):
    """``(annotations, annotators)``: per article id the quotes of the annotators who
    finished it (``finished_only=False``: of everyone still on it), as ``Annotation``s,
    and those annotators' usernames.

    The agreement figures and the adjudication board both read quotes here, so that they
    group the same quotes with the same speakers: suggestions nobody judged, skipped
    assignments and the gold set left out, speakers keyed by ``speaker_keys``."""
    assignments = Assignment.objects.filter(
        article__project=project, status__in=counted_statuses(finished_only=finished_only)
    )
    quotes = (
        Quote.objects.annotations()
        .filter(article__project=project)
        .exclude(origin=Quote.Origin.SUGGESTED)
    )
    if article_ids is not None:
        assignments = assignments.filter(article_id__in=article_ids)
        quotes = quotes.filter(article_id__in=article_ids)
    annotators: dict[int, set[str]] = defaultdict(set)
    # Rows read in chunks, not kept: a large project has millions (the task computing
    # its dashboard figures, ``figures``, holds only the Annotations).
    rows = assignments.values_list("article_id", "annotator__username")
    for article_id, username in rows.iterator(chunk_size=_ROWS_A_FETCH):
        annotators[article_id].add(username)
    keys = speaker_keys(project)
    targets = dict(project.targets.values_list("id", "name"))
    annotations: dict[int, list[Annotation]] = defaultdict(list)
    current = None
    rows = quotes.order_by("id").values_list(
        "id", "article_id", "annotator__username", "start", "end", "speaker_id", "kind",
        "stances__target_id", "stances__label",
    )  # fmt: skip
    for row in rows.iterator(chunk_size=_ROWS_A_FETCH):
        pk, article_id, username, start, end, speaker_id, kind, target_id, label = row
        if username not in annotators.get(article_id, ()):
            continue  # unfinished, handed on, or no longer on the article
        if current is None or current.id != pk:
            # Its stances follow, one row each: they go into its (still empty) dict.
            current = Annotation(pk, username, start, end, keys.get(speaker_id), kind, {})
            annotations[article_id].append(current)
        if target_id is not None:
            current.stances[targets[target_id]] = label
    return dict(annotations), {
        article_id: sorted(names) for article_id, names in annotators.items()
    }


_ROWS_A_FETCH = 10_000


def project_agreement(project, *, article_ids=None):
    """The agreement report over the project's articles that two or more people finished."""
    annotations, annotators = project_annotations(project, article_ids=article_ids)
    shared = {article_id for article_id, names in annotators.items() if len(names) > 1}
    return measure_agreement(
        {article_id: annotations.get(article_id, []) for article_id in shared},
        annotators={article_id: annotators[article_id] for article_id in shared},
    )


@dataclass
class AnnotatorProgress:
    username: str
    assigned: int = 0
    done: int = 0
    quotes: int = 0
    minutes: list[float] = field(default_factory=list)  # per finished article
    per_day: list[int] = field(default_factory=list)  # finished articles, oldest day first
    accepted: int = 0
    corrected: int = 0
    rejected: int = 0
    waiting: int = 0
    agreement: float | None = None  # mean overlap F1 against the others

    @property
    def quotes_per_article(self) -> float | None:
        return self.quotes / self.done if self.done else None

    @property
    def median_minutes(self) -> float | None:
        return statistics.median(self.minutes) if self.minutes else None

    @property
    def acceptance(self) -> float | None:
        """The share of judged suggestions that were kept (as they were or corrected)."""
        judged = self.accepted + self.corrected + self.rejected
        return (self.accepted + self.corrected) / judged if judged else None


@dataclass
class Progress:
    articles: int
    unassigned: int
    todo: int
    in_progress: int
    done: int
    adjudicated: int
    annotators: list[AnnotatorProgress]
    days: list[date]

    def counts(self) -> dict[str, int]:
        return {
            "unassigned": self.unassigned,
            "todo": self.todo,
            "in_progress": self.in_progress,
            "done": self.done,
            "adjudicated": self.adjudicated,
        }


def project_progress(project, *, today: date | None = None) -> Progress:
    """Article states and each annotator's pace, quotes and suggestion outcomes."""
    today = today or timezone.localdate()
    days = [today - timedelta(days=n) for n in range(DAYS_SHOWN - 1, -1, -1)]
    people: dict[str, AnnotatorProgress] = {}
    states: dict[int, list[str]] = defaultdict(list)
    rows = (
        Assignment.objects.filter(article__project=project)
        .exclude(status=Assignment.Status.SKIPPED)
        .values_list("article_id", "annotator__username", "status", "started_at", "finished_at")
    )
    for article_id, username, status, started, finished in rows:
        person = people.setdefault(username, AnnotatorProgress(username, per_day=[0] * len(days)))
        person.assigned += 1
        states[article_id].append(status)
        if status == Assignment.Status.DONE:
            person.done += 1
            if started and finished:
                person.minutes.append((finished - started).total_seconds() / 60)
            if finished and timezone.localdate(finished) >= days[0]:
                person.per_day[(timezone.localdate(finished) - days[0]).days] += 1
    _count_quotes(project, people)
    articles = project.articles.count()
    adjudicated = project.articles.adjudicated().count()
    state = Counter(_article_state(statuses) for statuses in states.values())
    return Progress(
        articles=articles,
        unassigned=articles - len(states),
        todo=state["todo"],
        in_progress=state["in_progress"],
        done=state["done"],
        adjudicated=adjudicated,
        annotators=sorted(people.values(), key=lambda p: p.username),
        days=days,
    )


def _article_state(statuses: list[str]) -> str:
    if all(status == Assignment.Status.DONE for status in statuses):
        return "done"
    if all(status == Assignment.Status.TODO for status in statuses):
        return "todo"
    return "in_progress"


def _count_quotes(project, people: dict[str, AnnotatorProgress]) -> None:
    # Quotes per article counts the quotes on finished articles only.
    finished = Assignment.objects.filter(
        article=OuterRef("article"),
        annotator=OuterRef("annotator"),
        status=Assignment.Status.DONE,
    )
    rows = (
        Quote.objects.annotations()
        .filter(article__project=project)
        .annotate(finished=Exists(finished))
        .values_list("annotator__username", "origin", "finished")
        .annotate(n=Count("id"))
        .order_by()
    )
    for username, origin, on_finished, n in rows:
        person = people.get(username)
        if person is None:
            continue
        if origin == Quote.Origin.SUGGESTED:
            person.waiting += n
        else:
            person.quotes += n if on_finished else 0
            if origin == Quote.Origin.ACCEPTED:
                person.accepted += n
            elif origin == Quote.Origin.CORRECTED:
                person.corrected += n
    rejected = (
        RejectedSuggestion.objects.filter(article__project=project)
        .values_list("annotator__username")
        .annotate(n=Count("id"))
        .order_by()
    )
    for username, n in rejected:
        if username in people:
            people[username].rejected += n
