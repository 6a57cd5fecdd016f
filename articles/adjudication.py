"""Adjudication: a reviewer turns the annotators' quotes on one article into its gold set.

The annotators' quotes are aligned into groups (``articles.agreement.align``: "the same
quote" by overlap). For each group the reviewer takes one annotator's version (copied
into a gold quote, origin "gold", which they may then edit) or drops it; an article is
adjudicated once every group is decided. ``build_board`` is the read model of the
side-by-side screen; the functions after it are the writes, each atomic.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.safestring import mark_safe

from articles.agreement import DISAGREEMENTS, Annotation, align
from articles.highlight import Span, render_text
from articles.models import Adjudication, Assignment, Quote, StanceLabel
from articles.services import QuoteInput, create_quote, delete_quote, update_quote
from articles.workspace import QuoteRow, project_targets, quote_rows


class AdjudicationError(ValueError):
    """The reviewer asked for something the article's state does not allow."""


@dataclass
class Group:
    """Quotes the annotators made of the same stretch of text, and what became of it."""

    number: int  # 1-based, in text order
    start: int
    end: int
    versions: list[QuoteRow | None]  # one per annotator, in the board's annotator order
    disagreements: list[str]
    gold: QuoteRow | None = None
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
    extra_gold: list[QuoteRow] = field(default_factory=list)  # gold no group explains
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
            )
            for group in self.groups
        ]
        return mark_safe(render_text(self.article.text, spans))  # noqa: S308 - all escaped

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
    targets = project_targets(article.project) if targets is None else targets
    assignments = list(
        Assignment.objects.filter(article=article)
        .exclude(status=Assignment.Status.SKIPPED)
        .select_related("annotator")
        .order_by("annotator__username")
    )
    annotators = [a.annotator for a in assignments]
    # Suggestions an annotator never judged are the engine's, not theirs.
    rows = quote_rows(
        Quote.objects.filter(
            Q(annotator__in=annotators) | Q(origin=Quote.Origin.GOLD), article=article
        ).exclude(origin=Quote.Origin.SUGGESTED),
        targets,
    )
    adjudication = Adjudication.objects.filter(article=article).first()
    dropped = set(adjudication.dropped.values_list("id", flat=True)) if adjudication else set()
    own = [row for row in rows if row.origin != Quote.Origin.GOLD]
    gold = [row for row in rows if row.origin == Quote.Origin.GOLD]
    groups = _groups(own, annotators)
    extra = _attach_gold(groups, gold)
    for group in groups:
        group.dropped = (
            group.gold is None and bool(group.member_ids) and (set(group.member_ids) <= dropped)
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


def _annotation(row: QuoteRow) -> Annotation:
    return Annotation(
        id=row.id,
        annotator=row.annotator_id,
        start=row.start,
        end=row.end,
        speaker=row.speaker_id,
        kind=row.kind,
        stances={target: label for target, _, label in row.stances},
    )


def _groups(rows: list[QuoteRow], annotators: list) -> list[Group]:
    annotator_ids = [annotator.pk for annotator in annotators]
    by_id = {row.id: row for row in rows}
    groups = []
    for number, aligned in enumerate(align([_annotation(row) for row in rows]), start=1):
        versions = [
            by_id[aligned.members[a].id] if a in aligned.members else None for a in annotator_ids
        ]
        found = aligned.disagreements(annotator_ids)
        groups.append(
            Group(
                number=number,
                start=aligned.start,
                end=aligned.end,
                versions=versions,
                disagreements=[name for name in DISAGREEMENTS if name in found],
                entries=list(zip(annotators, versions, strict=True)),
            )
        )
    return groups


def _attach_gold(groups: list[Group], gold: list[QuoteRow]) -> list[QuoteRow]:
    """Put each gold quote in the group it was taken from (or, failing that, the group
    it overlaps most); return the ones no group explains."""
    by_member = {member: group for group in groups for member in group.member_ids}
    extra = []
    for row in gold:
        group = by_member.get(row.source_id)
        if group is None:
            overlapping = [g for g in groups if g.gold is None and _overlap(g, row) > 0]
            group = max(overlapping, key=lambda g: _overlap(g, row), default=None)
        if group is None or group.gold is not None:
            extra.append(row)
        else:
            group.gold = row
    return extra


def _overlap(group: Group, row: QuoteRow) -> int:
    return min(group.end, row.end) - max(group.start, row.start)


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
    with transaction.atomic():
        adjudication = _open_adjudication(article, reviewer)
        return _take(article, reviewer, adjudication, _group_of(article, quote_id), quote_id)


def drop_group(*, article, reviewer, quote_id: int) -> None:
    """Judge the group of ``quote_id`` not a quote: no gold quote for it."""
    with transaction.atomic():
        adjudication = _open_adjudication(article, reviewer)
        group = _group_of(article, quote_id)
        _clear_group(article, adjudication, group)
        adjudication.dropped.add(*group.member_ids)


def reset_group(*, article, reviewer, quote_id: int) -> None:
    """Undo the decision on the group of ``quote_id``."""
    with transaction.atomic():
        adjudication = _open_adjudication(article, reviewer)
        _clear_group(article, adjudication, _group_of(article, quote_id))


def take_unanimous(*, article, reviewer) -> int:
    """Take every undecided group on which all annotators agree in every field; return
    how many were taken."""
    with transaction.atomic():
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
    with transaction.atomic():
        _open_adjudication(article, reviewer)
        _refuse_gold_clash(article, data)
        quote, _ = create_quote(
            article=article, annotator=reviewer, data=data, origin=Quote.Origin.GOLD
        )
    return quote


def edit_gold(*, article, reviewer, quote: Quote, version: int, data: QuoteInput) -> Quote:
    """Change a gold quote's span, speaker, kind, cue or stances, under its version."""
    _check_gold(article, quote)
    with transaction.atomic():
        _open_adjudication(article, reviewer)
        _refuse_gold_clash(article, data, editing=quote)
        return update_quote(quote=quote, version=version, data=data)


def remove_gold(*, article, reviewer, quote: Quote, version: int) -> None:
    """Take a quote out of the gold set, under its version."""
    _check_gold(article, quote)
    with transaction.atomic():
        _open_adjudication(article, reviewer)
        delete_quote(quote=quote, version=version)


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
    return adjudication


def reopen(*, article) -> None:
    """Let the gold set change again."""
    Adjudication.objects.filter(article=article).update(
        status=Adjudication.Status.IN_PROGRESS, finished_at=None
    )


def _open_adjudication(article, reviewer) -> Adjudication:
    adjudication, _ = Adjudication.objects.select_for_update().get_or_create(
        article=article, defaults={"reviewer": reviewer}
    )
    if adjudication.status == Adjudication.Status.DONE:
        raise AdjudicationError("This article is adjudicated; reopen it to change the gold set.")
    return adjudication


def _take(article, reviewer, adjudication, group: Group, quote_id: int) -> Quote:
    """Copy the annotator quote ``quote_id`` of ``group`` into gold, stances included,
    from the board's row of it."""
    source = next(row for row in group.versions if row is not None and row.id == quote_id)
    _clear_group(article, adjudication, group, span=(source.start, source.end))
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
    return gold


def _group_of(article, quote_id) -> Group:
    board = build_board(article)
    for group in board.groups:
        if quote_id in group.member_ids:
            return group
    raise AdjudicationError(f"quote: no quote {quote_id} by this article's annotators.")


def _clear_group(article, adjudication, group: Group, *, span=None) -> None:
    """Delete the group's gold quote (and any gold quote on ``span``); undrop it."""
    doomed = Q(source_id__in=group.member_ids)
    if group.gold is not None:
        doomed |= Q(pk=group.gold.id)
    if span is not None:
        doomed |= Q(start=span[0], end=span[1])
    Quote.objects.gold().filter(doomed, article=article).delete()
    adjudication.dropped.remove(*group.member_ids)
