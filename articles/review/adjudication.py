"""Adjudication: a reviewer turns the annotators' quotes on one article into its gold set.

The annotators' quotes are aligned into groups (``articles.agreement.align``: "the same
quote" when they share at least half of the longer span), read through
``articles.review.team.project_annotations`` as the agreement figures read them, so the board
and the dashboard count the same groups and the same disputes. For each group the
reviewer takes one annotator's version (copied into a gold quote, origin "gold", which
they may then edit) or drops it; an article is adjudicated once every group is decided.
``build_board`` is the read model of the side-by-side screen, ``board_figures`` the same
in numbers for many articles; the functions after them are the writes, each atomic.
"""

from __future__ import annotations

import json
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field, fields, replace

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.safestring import mark_safe

from articles.agreement import DISAGREEMENTS, align, same_quote
from articles.agreement import Group as Aligned
from articles.annotation.highlight import Span, paragraphs, render_text
from articles.annotation.workspace import QuoteRow, quote_rows
from articles.history.record import quote_state, record
from articles.ingest.cleanup import marked_paragraphs
from articles.models import Adjudication, Article, Assignment, Quote, StanceLabel
from articles.quote_checks import (
    QuoteInvalid,
    stance_label_gone,
    stance_label_refused,
    stance_targets,
)
from articles.quotes import create_quote, delete_quote, update_quote
from articles.review.team import counted_statuses, project_annotations
from articles.types import QuoteInput


class AdjudicationError(ValueError):
    """The reviewer asked for something the article's state does not allow."""


@dataclass
class BoardQuote(QuoteRow):
    """A quote on the board: its row, and the words of its cue (the board shows words,
    not offsets)."""

    cue_text: str = ""

    @classmethod
    def of(cls, row: QuoteRow, text: str) -> BoardQuote:
        cue = text[row.cue_start : row.cue_end] if row.cue_start is not None else ""
        return cls(**{f.name: getattr(row, f.name) for f in fields(QuoteRow)}, cue_text=cue)


@dataclass
class Group:
    """Quotes the annotators made of the same stretch of text, and what became of it."""

    number: int  # 1-based, in text order
    start: int
    end: int
    versions: list[BoardQuote | None]  # one per annotator, in the board's annotator order
    disagreements: list[str]
    gold: BoardQuote | None = None
    dropped: bool = False
    entries: list = field(default_factory=list)  # (annotator, version or None), for templates

    @property
    def decided(self) -> bool:
        return self.gold is not None or self.dropped

    @property
    def member_ids(self) -> list[int]:
        return [version.id for version in self.versions if version is not None]

    @property
    def taken_from(self) -> int | None:
        """The 0-based annotator index whose version the gold quote still equals."""
        if self.gold is None:
            return None
        for index, version in enumerate(self.versions):
            if version is not None and _same_content(version, self.gold):
                return index
        return None


@dataclass
class Board:
    article: object
    annotators: list  # users with an active assignment, in username order
    groups: list[Group]
    adjudication: Adjudication | None
    targets: list
    extra_gold: list[BoardQuote] = field(default_factory=list)  # gold no group explains
    statuses: dict = field(default_factory=dict)  # username -> assignment status

    def text_html(self) -> str:
        """The article text with each group highlighted by its state (click to focus)."""
        spans = [
            Span(
                id=group.number,
                start=group.start,
                end=group.end,
                color="grp-gold" if group.gold else "grp-dropped" if group.dropped else "grp-open",
                suggested=not group.decided,
                cue_start=group.gold.cue_start if group.gold else None,
                cue_end=group.gold.cue_end if group.gold else None,
                label=f"Group {group.number}, "
                + ("gold" if group.gold else "dropped" if group.dropped else "undecided"),
            )
            for group in self.groups
        ]
        text = self.article.text
        marks = marked_paragraphs(text, paragraphs(text))  # a repeat hidden, site text greyed
        return mark_safe(render_text(text, spans, marks))  # noqa: S308 - all escaped

    def text_json(self) -> str:
        return json.dumps(self.article.text)

    @property
    def undecided(self) -> int:
        return sum(not group.decided for group in self.groups)

    @property
    def done(self) -> bool:
        return self.adjudication is not None and self.adjudication.status == "done"


def build_board(article, *, targets=None) -> Board:
    """The article's groups with every annotator's version and the gold decision, from a
    fixed number of queries."""
    targets = stance_targets(article.project) if targets is None else targets
    assignments = list(
        Assignment.objects.filter(article=article, status__in=counted_statuses(finished_only=False))
        .select_related("annotator")
        .order_by("annotator__username")
    )
    annotators = [a.annotator for a in assignments]
    people, aligned = _aligned(article.project, [article.pk])[article.pk]
    members = [quote.id for group in aligned for quote in group.members.values()]
    rows = {
        row.id: BoardQuote.of(row, article.text)
        for row in quote_rows(
            Quote.objects.filter(Q(pk__in=members) | Q(origin=Quote.Origin.GOLD), article=article),
            targets,
        )
    }
    adjudication = Adjudication.objects.filter(article=article).first()
    dropped = set(adjudication.dropped.values_list("id", flat=True)) if adjudication else set()
    gold = [row for row in rows.values() if row.origin == Quote.Origin.GOLD]
    decisions, extra = _decide(aligned, gold, dropped)
    groups = []
    for number, (group, (chosen, is_dropped)) in enumerate(
        zip(aligned, decisions, strict=True), start=1
    ):
        # A quote deleted between the two reads shows as not marked, not as an error.
        versions = [
            rows.get(group.members[user.username].id) if user.username in group.members else None
            for user in annotators
        ]
        found = group.disagreements(people)
        groups.append(
            Group(
                number=number,
                start=group.start,
                end=group.end,
                versions=versions,
                disagreements=[name for name in DISAGREEMENTS if name in found],
                gold=chosen,
                dropped=is_dropped,
                entries=list(zip(annotators, versions, strict=True)),
            )
        )
    return Board(
        article=article,
        annotators=annotators,
        groups=groups,
        adjudication=adjudication,
        targets=targets,
        extra_gold=extra,
        statuses={a.annotator.username: a.status for a in assignments},
    )


@dataclass(frozen=True)
class BoardFigures:
    """An article's board in numbers, counted as ``build_board`` counts them."""

    article: Article
    annotators: tuple[str, ...]
    groups: int
    disputed: int  # groups with a disagreement
    undecided: int
    overlap_f1: float | None = None  # the agreement report's, where the caller has it


def board_figures(project, articles) -> dict[int, BoardFigures]:
    """Per article id, the figures of the articles' boards, from a fixed number of
    queries whatever the number of articles."""
    ids = [article.pk for article in articles]
    gold = defaultdict(list)
    for quote in (
        Quote.objects.gold()
        .filter(article_id__in=ids)
        .only("id", "article_id", "start", "end", "source_id")
        .order_by("start", "end", "id")  # the board's order: gold is placed first come
    ):
        gold[quote.article_id].append(quote)
    dropped = set(
        Adjudication.dropped.through.objects.filter(adjudication__article_id__in=ids).values_list(
            "quote_id", flat=True
        )
    )
    aligned_of = _aligned(project, ids)
    figures = {}
    for article in articles:
        people, aligned = aligned_of[article.pk]
        decisions, _ = _decide(aligned, gold[article.pk], dropped)
        figures[article.pk] = BoardFigures(
            article=article,
            annotators=tuple(people),
            groups=len(aligned),
            disputed=sum(bool(group.disagreements(people)) for group in aligned),
            undecided=sum(chosen is None and not is_dropped for chosen, is_dropped in decisions),
        )
    return figures


def most_disputed(project, report, *, waiting, limit: int) -> list[BoardFigures]:
    """The boards of the articles waiting for adjudication (``waiting``, their ids) with
    the most disputed groups, then the lowest agreement: the ones to adjudicate first.

    Ranked by the agreement report, which counts only finished work: on an article
    waiting for adjudication everyone still on it has finished, so the report grouped
    exactly what its board shows (a test holds the two together)."""
    ready = set(waiting)
    ranked = sorted(
        (a for a in report.per_article if a.disputed_groups and a.article in ready),
        key=lambda a: (-a.disputed_groups, a.overlap_f1.value or 0.0, a.article),
    )[:limit]
    articles = Article.objects.in_bulk([a.article for a in ranked])
    figures = board_figures(project, [articles[a.article] for a in ranked if a.article in articles])
    return [
        replace(figures[a.article], overlap_f1=a.overlap_f1.value)
        for a in ranked
        if a.article in figures
    ]


def _aligned(project, article_ids) -> dict[int, tuple[list[str], list[Aligned]]]:
    """Per article id (in the order given): the usernames of the annotators still on it
    and their quotes grouped into "the same quote", read as the agreement figures read
    them (``project_annotations``)."""
    annotations, names = project_annotations(project, article_ids=article_ids, finished_only=False)
    return {pk: (names.get(pk, []), align(annotations.get(pk, ()))) for pk in article_ids}


def _decide(aligned: list[Aligned], gold: list, dropped: set[int]) -> tuple[list, list]:
    """``(decisions, extra)``: for each group its gold quote (or None) and whether it is
    dropped; and the gold quotes no group explains.

    A gold quote belongs to the group of the annotator quote it was taken from; failing
    that (that quote is gone, or nobody marked it) to an undecided group whose every
    quote is the same quote as it (``same_quote``), the one it overlaps most. So a quote
    the reviewer added inside a longer group, nested, never decides that group.
    """
    chosen: list = [None] * len(aligned)
    index_of = {quote.id: i for i, group in enumerate(aligned) for quote in group.members.values()}
    extra = []
    for quote in gold:
        index = index_of.get(quote.source_id)
        if index is None:
            fitting = [
                i
                for i, group in enumerate(aligned)
                if chosen[i] is None and all(same_quote(quote, m) for m in group.members.values())
            ]
            index = max(fitting, key=lambda i: _overlap(aligned[i], quote), default=None)
        if index is None or chosen[index] is not None:
            extra.append(quote)
        else:
            chosen[index] = quote
    decisions = [
        (chosen[i], chosen[i] is None and {q.id for q in group.members.values()} <= dropped)
        for i, group in enumerate(aligned)
    ]
    return decisions, extra


def _overlap(group: Aligned, quote) -> int:
    return min(group.end, quote.end) - max(group.start, quote.start)


def _same_content(a: QuoteRow, b: QuoteRow) -> bool:
    return (a.start, a.end, a.kind, a.speaker_id, a.cue_start, a.cue_end, a.stances) == (
        b.start,
        b.end,
        b.kind,
        b.speaker_id,
        b.cue_start,
        b.cue_end,
        b.stances,
    )


# Writes. Each takes the reviewer and an annotator quote that names its group.


def take_version(*, article, reviewer, quote_id: int) -> Quote:
    """Make the annotator quote ``quote_id`` the gold version of its group, replacing
    whatever the group had."""
    with _labels_refused(article), transaction.atomic():
        adjudication = _open_adjudication(article, reviewer)
        return _take(article, reviewer, adjudication, _group_of(article, quote_id), quote_id)


def drop_group(*, article, reviewer, quote_id: int) -> None:
    """Judge the group of ``quote_id`` not a quote: no gold quote for it."""
    with transaction.atomic():
        adjudication = _open_adjudication(article, reviewer)
        group = _group_of(article, quote_id)
        removed = _clear_group(article, adjudication, group)
        adjudication.dropped.add(*group.member_ids)
        _record(article, reviewer, "gold.dropped", quotes=group.member_ids, removed=removed)


def reset_group(*, article, reviewer, quote_id: int) -> None:
    """Undo the decision on the group of ``quote_id``."""
    with transaction.atomic():
        adjudication = _open_adjudication(article, reviewer)
        group = _group_of(article, quote_id)
        removed = _clear_group(article, adjudication, group)
        _record(article, reviewer, "gold.reset", quotes=group.member_ids, removed=removed)


def take_unanimous(*, article, reviewer) -> int:
    """Take every undecided group on which all annotators agree in every field; return
    how many were taken."""
    with _labels_refused(article), transaction.atomic():
        adjudication = _open_adjudication(article, reviewer)
        board = build_board(article)
        chosen = [
            group
            for group in board.groups
            if not group.decided and not group.disagreements and len(board.annotators) > 1
        ]
        for group in chosen:
            _take(article, reviewer, adjudication, group, group.versions[0].id)
    return len(chosen)


def add_gold(*, article, reviewer, data: QuoteInput) -> Quote:
    """Add a quote that no annotator marked to the gold set."""
    with _labels_refused(article), transaction.atomic():
        _open_adjudication(article, reviewer)
        _refuse_gold_clash(article, data)
        quote, _ = create_quote(
            article=article, annotator=reviewer, data=data, origin=Quote.Origin.GOLD
        )
    return quote


def edit_gold(*, article, reviewer, quote: Quote, version: int, data: QuoteInput) -> Quote:
    """Change a gold quote's span, speaker, kind, cue or stances, under its version."""
    _check_gold(article, quote)
    with _labels_refused(article), transaction.atomic():
        _open_adjudication(article, reviewer)
        _refuse_gold_clash(article, data, editing=quote)
        return update_quote(quote=quote, version=version, data=data, actor=reviewer)


def remove_gold(*, article, reviewer, quote: Quote, version: int) -> None:
    """Take a quote out of the gold set, under its version."""
    _check_gold(article, quote)
    with transaction.atomic():
        _open_adjudication(article, reviewer)
        delete_quote(quote=quote, version=version, actor=reviewer)


def _check_gold(article, quote) -> None:
    if not quote.is_gold or quote.article_id != article.pk:
        raise AdjudicationError(f"quote: {quote.pk} is not a gold quote of this article.")


def _refuse_gold_clash(article, data: QuoteInput, *, editing: Quote | None = None) -> None:
    clash = Quote.objects.gold().filter(article=article, start=data.start, end=data.end)
    if editing is not None:
        clash = clash.exclude(pk=editing.pk)
    if clash.exists():
        raise AdjudicationError(
            f"start: the gold set already has a quote at {data.start}–{data.end}."
        )


def finish(*, article, reviewer) -> Adjudication:
    """Mark the article adjudicated; every group must be decided."""
    with transaction.atomic():
        adjudication = _open_adjudication(article, reviewer)
        undecided = build_board(article).undecided
        if undecided:
            raise AdjudicationError(
                f"{undecided} group{'s' if undecided != 1 else ''} still undecided: take a "
                "version (1–9) or drop it (x) first."
            )
        adjudication.status = Adjudication.Status.DONE
        adjudication.finished_at = timezone.now()
        adjudication.reviewer = reviewer
        adjudication.save(update_fields=["status", "finished_at", "reviewer"])
        _record(article, reviewer, "adjudication.finished")
    return adjudication


def reopen(*, article, reviewer) -> Adjudication:
    """Let the gold set change again: the adjudication is in progress once more, under
    ``reviewer`` (who then finishes it), and the gold set stays as it was."""
    with transaction.atomic():
        adjudication = (
            Adjudication.objects.select_for_update(of=("self",)).filter(article=article).first()
        )
        if adjudication is None or adjudication.status != Adjudication.Status.DONE:
            raise AdjudicationError(
                "status: this article is not adjudicated, so there is nothing to reopen."
            )
        adjudication.status = Adjudication.Status.IN_PROGRESS
        adjudication.finished_at = None
        adjudication.reviewer = reviewer
        adjudication.save(update_fields=["status", "finished_at", "reviewer"])
        _record(article, reviewer, "adjudication.reopened")
    return adjudication


@contextmanager
def _labels_refused(article):
    """The database's refusal of a stance's label (taken away from the project since the
    board or the form read it) as an ``AdjudicationError``. Outside the transaction."""
    try:
        yield
    except QuoteInvalid as invalid:
        raise AdjudicationError(str(invalid)) from None
    except IntegrityError as error:
        if stance_label_refused(error):
            raise AdjudicationError(str(stance_label_gone(article.project_id))) from None
        raise


def _open_adjudication(article, reviewer) -> Adjudication:
    """The article's adjudication, locked, started if need be; refused once finished.

    It starts only when every annotator still on the article has marked it done: from
    then on their sets are frozen (Reopen is refused), so the gold set is always built
    from the versions the board shows. The assignments stay locked until the transaction
    ends, which is what keeps a concurrent Reopen from slipping in between.
    """
    adjudication = (
        Adjudication.objects.select_for_update(of=("self",)).filter(article=article).first()
    )
    if adjudication is None:
        unfinished = [
            username
            for username, status in Assignment.objects.select_for_update(of=("self",))
            .filter(article=article)
            .exclude(status=Assignment.Status.SKIPPED)
            .order_by("annotator__username")
            .values_list("annotator__username", "status")
            if status != Assignment.Status.DONE
        ]
        if unfinished:
            raise AdjudicationError(
                f"{', '.join(unfinished)} {'has' if len(unfinished) == 1 else 'have'} not "
                "finished this article yet: adjudication starts once every annotator on it "
                "has marked it done."
            )
        adjudication, _ = Adjudication.objects.get_or_create(
            article=article, defaults={"reviewer": reviewer}
        )
    if adjudication.status == Adjudication.Status.DONE:
        raise AdjudicationError("This article is adjudicated; reopen it to change the gold set.")
    return adjudication


def _take(article, reviewer, adjudication, group: Group, quote_id: int) -> Quote:
    """Copy the annotator quote ``quote_id`` of ``group`` into gold, stances included,
    from the board's row of it."""
    source = next(row for row in group.versions if row is not None and row.id == quote_id)
    removed = _clear_group(article, adjudication, group, span=(source.start, source.end))
    gold = Quote.spanning(
        source,
        article=article,
        annotator=reviewer,
        speaker_id=source.speaker_id,
        origin=Quote.Origin.GOLD,
        source_id=source.id,
    )
    gold.save(force_insert=True)
    StanceLabel.objects.bulk_create(
        StanceLabel(quote=gold, target_id=target_id, label=label)
        for target_id, _, label in source.stances
    )
    state = quote_state(gold, stances={target: label for target, _, label in source.stances})
    _record(article, reviewer, "gold.taken", gold, quote=state, source=quote_id, removed=removed)
    return gold


def _group_of(article, quote_id) -> Group:
    board = build_board(article)
    for group in board.groups:
        if quote_id in group.member_ids:
            return group
    raise AdjudicationError(f"quote: no quote {quote_id} by this article's annotators.")


def _clear_group(article, adjudication, group: Group, *, span=None) -> list[int]:
    """Delete the group's gold quote (and any gold quote on ``span``); undrop it. Returns
    the ids of the gold quotes deleted."""
    doomed = Q(source_id__in=group.member_ids)
    if group.gold is not None:
        doomed |= Q(pk=group.gold.id)
    if span is not None:
        doomed |= Q(start=span[0], end=span[1])
    doomed = Quote.objects.gold().filter(doomed, article=article)
    removed = list(doomed.values_list("pk", flat=True))
    doomed.filter(pk__in=removed).delete()
    adjudication.dropped.remove(*group.member_ids)
    return removed


def _record(article, reviewer, kind: str, gold: Quote | None = None, **payload) -> None:
    """The history event of a reviewer's decision on the article. Call inside the
    decision's transaction."""
    record(
        kind=kind,
        project_id=article.project_id,
        actor_id=reviewer.pk,
        article_id=article.pk,
        quote_id=gold and gold.pk,
        payload=payload,
    )
