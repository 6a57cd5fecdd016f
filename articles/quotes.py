"""Quote writes: create (one or a batch), edit, delete, accept or reject suggestions,
undo a delete; keyword-only, validated, then atomic. Each write to an annotator's own set
first holds their assignment open (``articles.assignments.hold_open_assignment``).

Quote writes expect a ``QuoteInput`` from ``articles.quote_checks.check_quote``. Concurrency is
optimistic: callers pass the version they saw, and a stale one raises ``QuoteConflict``
carrying the current quote.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from types import SimpleNamespace

from django.db import IntegrityError, connection, transaction
from django.db.models import F
from django.utils import timezone

from articles.assignments import hold_open_assignment
from articles.history.record import (
    changes,
    event,
    quote_state,
    record,
    record_all,
    stances_of,
    stored_quotes,
)
from articles.models import (
    Quote,
    RejectedSuggestion,
    Speaker,
    StanceLabel,
    StanceTarget,
    Suggestion,
)
from articles.quote_checks import stance_label_gone, stance_label_refused
from articles.speakers import speaker_for
from articles.suggestions import store_suggestions
from articles.types import DuplicateSpan, QuoteConflict, QuoteInput


def create_quote(
    *,
    article,
    annotator,
    data: QuoteInput,
    origin: str = Quote.Origin.HUMAN,
    request_id=None,
    recorded_as: str | None = None,
) -> tuple[Quote, bool]:
    """Create the annotator's quote (or, with origin gold, the reviewer's gold quote);
    return ``(quote, created)``. Raises ``AssignmentClosed`` unless the annotator's
    assignment is open, ``QuoteInvalid`` (``stances``) if the database refuses a stance's
    label (the project's labels changed since ``data`` was checked).

    A repeated ``request_id`` returns the quote that request made, unchanged: the unique
    constraint finds the repeat, so a first request costs no extra query. The history
    records it as ``recorded_as`` (by default quote.created, or gold.added).
    """
    try:
        with transaction.atomic():
            if origin != Quote.Origin.GOLD:
                hold_open_assignment(article_id=article.pk, annotator_id=annotator.pk)
            quote = Quote.spanning(
                data,
                article=article,
                annotator=annotator,
                speaker=speaker_for(article.project, data),
                origin=origin,
                request_id=request_id,
            )
            quote.save(force_insert=True)
            _write_stances(quote, data.stances, replace=False)
            kind = "gold.added" if origin == Quote.Origin.GOLD else "quote.created"
            record(**_quote_event(quote, recorded_as or kind, data, actor_id=annotator.pk))
    except IntegrityError as error:
        if stance_label_refused(error):
            raise stance_label_gone(article.project_id) from None
        # A concurrent twin of this request, or the same span twice: tell them apart.
        if request_id is not None:
            earlier = Quote.objects.filter(annotator=annotator, request_id=request_id).first()
            if earlier is not None:
                return earlier, False
        existing = (
            Quote.objects.annotations()
            .filter(article=article, annotator=annotator, start=data.start, end=data.end)
            .first()
        )
        if existing is not None:
            raise DuplicateSpan(existing) from None
        raise
    return quote, True


def create_quotes(*, article, annotator, items: list[QuoteInput]) -> list[Quote]:
    """Create several of the annotator's quotes in one transaction and a few queries.

    Raises ``DuplicateSpan`` (nothing written) if a span repeats in the batch or exists:
    the unique constraint finds one that exists, so a batch costs no query to check.
    Raises ``AssignmentClosed`` unless the annotator's assignment is open, ``QuoteInvalid``
    as ``create_quote`` does.
    """
    spans = Counter((data.start, data.end) for data in items)
    repeated = next((span for span, count in spans.items() if count > 1), None)
    if repeated is not None:
        start, end = repeated
        raise DuplicateSpan(Quote(article=article, annotator=annotator, start=start, end=end))
    try:
        with transaction.atomic():
            hold_open_assignment(article_id=article.pk, annotator_id=annotator.pk)
            quotes = [
                Quote.spanning(data, article=article, annotator=annotator, speaker=speaker)
                for data, speaker in zip(items, _speakers(article.project, items), strict=True)
            ]
            Quote.objects.bulk_create(quotes)
            StanceLabel.objects.bulk_create(
                StanceLabel(quote=quote, target=target, label=label)
                for quote, data in zip(quotes, items, strict=True)
                for target, label in data.stances.items()
            )
            record_all(
                [
                    event(**_quote_event(quote, "quote.created", data, actor_id=annotator.pk))
                    for quote, data in zip(quotes, items, strict=True)
                ]
            )
    except IntegrityError as error:
        if stance_label_refused(error):
            raise stance_label_gone(article.project_id) from None
        existing = (
            Quote.objects.annotations()
            .filter(article=article, annotator=annotator, start__in={s for s, _ in spans})
            .order_by("start", "end")
        )
        clash = next((quote for quote in existing if (quote.start, quote.end) in spans), None)
        if clash is None:
            raise
        raise DuplicateSpan(clash) from None
    return quotes


def add_suggestions(
    *, article, items: list[QuoteInput], source: str, actor=None
) -> tuple[int, int]:
    """Store a model's predictions as the article's suggestions (spans it has already are
    skipped) and give them to its annotators; return ``(stored, copies)``. The history
    names ``actor``, who posted them."""
    with transaction.atomic():
        suggestions = [
            Suggestion.spanning(
                data, article=article, speaker=speaker, confidence=1.0, source=source[:100]
            )
            for data, speaker in zip(items, _speakers(article.project, items), strict=True)
        ]
        return store_suggestions(article=article, suggestions=suggestions, actor=actor)


def _speakers(project, items: list[QuoteInput]) -> list[Speaker | None]:
    """Each input's speaker (see ``speaker_for``), a typed name looked up or created once
    per batch. Call inside transaction.atomic()."""
    named: dict[str, Speaker | None] = {}
    speakers = []
    for data in items:
        if data.speaker is None and data.new_speaker_name:
            key = data.new_speaker_name.casefold()
            if key not in named:
                named[key] = speaker_for(project, data)
            speakers.append(named[key])
        else:
            speakers.append(data.speaker)
    return speakers


def update_quote(*, quote: Quote, version: int, data: QuoteInput, actor=None) -> Quote:
    """Replace the quote's fields and stances if nobody changed it since ``version``;
    return it as written (stances not loaded). Raises ``QuoteConflict`` if it changed,
    ``AssignmentClosed`` if it is an annotator's and their assignment is not open,
    ``QuoteInvalid`` as ``create_quote`` does.

    A suggestion that a person changes and saves counts as corrected. The history names
    ``actor`` (by default the quote's annotator) and each field before and after.
    """
    try:
        return _update_quote(quote=quote, version=version, data=data, actor=actor)
    except IntegrityError as error:
        if stance_label_refused(error):
            raise stance_label_gone(quote.article.project_id) from None
        raise


def _update_quote(*, quote: Quote, version: int, data: QuoteInput, actor) -> Quote:
    origin = Quote.Origin.CORRECTED if quote.origin == Quote.Origin.SUGGESTED else quote.origin
    with transaction.atomic():
        _hold_for(quote)
        # The quote as read is the quote at ``version`` (every change bumps it): the
        # history's "before" costs no query, unless the caller read another version.
        stored = stored_quotes([quote.pk]).get(quote.pk) if quote.version != version else None
        speaker = speaker_for(quote.article.project, data)
        fields = {
            "origin": origin,
            "start": data.start,
            "end": data.end,
            "text": data.text,
            "kind": data.kind,
            "speaker": speaker,
            "cue_start": data.cue_start,
            "cue_end": data.cue_end,
            "speaker_start": data.speaker_start,
            "speaker_end": data.speaker_end,
            "updated_at": timezone.now(),
        }
        changed = Quote.objects.filter(pk=quote.pk, version=version).update(
            **fields, version=F("version") + 1
        )
        if not changed:
            conflict = QuoteConflict.reading(quote.pk)
            if conflict.current is not None and _same_state(conflict.current, data, speaker):
                return conflict.current  # a retried request that already took effect
            raise conflict
        # The conditional UPDATE holds the quote's row lock: no rival write can delete it
        # or rewrite its stances until this transaction ends.
        replaced = _write_stances(quote, data.stances)
        before = stored or quote_state(quote, stances=replaced)
        after = quote_state(
            SimpleNamespace(**fields, speaker_id=speaker and speaker.pk),
            stances=stances_of(data.stances),
        )
        record(
            kind=_EDITED.get(quote.origin, "quote.edited"),
            project_id=quote.article.project_id,
            actor_id=actor.pk if actor is not None else quote.annotator_id,
            article_id=quote.article_id,
            quote_id=quote.pk,
            payload={"version": version + 1, "changes": changes(before, after)},
        )
    return _as_written(quote, **fields, version=version + 1)


def _as_written(quote: Quote, **fields) -> Quote:
    """The quote with the fields an UPDATE gave it, without reading it back."""
    for name, value in fields.items():
        setattr(quote, name, value)
    # Its stances may have changed: every change through a related manager drops the
    # relation's prefetched objects (Django's public behaviour since 2.0, ticket #26706),
    # and an add() of nothing sends no query.
    quote.stances.add()
    return quote


def delete_quote(*, quote: Quote, version: int, actor=None) -> None:
    """Delete the quote if nobody changed it since ``version``. Deleting a suggestion, even
    one accepted or corrected before, is rejecting it: it is remembered, and not offered to
    the annotator again. The history
    names ``actor`` (by default the quote's annotator) and what the quote was."""
    with transaction.atomic():
        _hold_for(quote)
        # A queryset delete reads the ids, then deletes by id without the version: lock
        # the row at this version first, so a rival edit either committed before (no row:
        # conflict) or waits for this delete (and then finds no row to update). Only the
        # quote's row: first() orders by the article, and a lock on the article's row
        # would hold off every other annotator's writes to it.
        current = (
            Quote.objects.select_for_update(of=("self",))
            .filter(pk=quote.pk, version=version)
            .first()
        )
        if current is None:
            raise QuoteConflict.reading(quote.pk)
        before = quote_state(current, stances=_delete_stances(current.pk))
        current.delete()
        record(
            kind=_DELETED.get(quote.origin, "quote.deleted"),
            project_id=quote.article.project_id,
            actor_id=actor.pk if actor is not None else quote.annotator_id,
            article_id=quote.article_id,
            quote_id=quote.pk,
            payload={"version": version, "quote": before},
        )
        # Deleted after accepting it, the span is the annotator's last word too: were it
        # not remembered, the engine's next run would offer the suggestion again.
        if quote.origin in _FROM_SUGGESTIONS:
            RejectedSuggestion.objects.get_or_create(
                article_id=current.article_id,
                annotator_id=current.annotator_id,
                start=current.start,
                end=current.end,
            )


def accept_suggestion(*, quote: Quote, version: int) -> Quote:
    """Turn a suggested quote into an accepted one, as it stands; return it as written."""
    now = timezone.now()
    with transaction.atomic():
        hold_open_assignment(article_id=quote.article_id, annotator_id=quote.annotator_id)
        changed = Quote.objects.filter(
            pk=quote.pk, version=version, origin=Quote.Origin.SUGGESTED
        ).update(origin=Quote.Origin.ACCEPTED, version=F("version") + 1, updated_at=now)
        if not changed:
            raise QuoteConflict.reading(quote.pk)
        record(**_judged(quote.article, quote.annotator_id, quote.pk, True, version=version + 1))
    return _as_written(quote, origin=Quote.Origin.ACCEPTED, version=version + 1, updated_at=now)


def judge_waiting_suggestions(*, article, annotator, accept: bool, quote_ids: Sequence[int]) -> int:
    """Accept (or reject) the annotator's waiting suggestions ``quote_ids`` at once, all
    or nothing; return how many. Raises ``QuoteConflict`` (``current`` None) if any of
    them is no longer a waiting suggestion of theirs: the person confirmed these, not
    whatever waits now."""
    with transaction.atomic():
        hold_open_assignment(article_id=article.pk, annotator_id=annotator.pk)
        waiting = Quote.objects.filter(
            pk__in=quote_ids, article=article, annotator=annotator, origin=Quote.Origin.SUGGESTED
        )
        if accept:
            judged = waiting.update(
                origin=Quote.Origin.ACCEPTED, version=F("version") + 1, updated_at=timezone.now()
            )
            states = dict.fromkeys(sorted(set(quote_ids)))
        else:
            states = stored_quotes(waiting.values_list("pk", flat=True))
            judged = len(states)
            RejectedSuggestion.objects.bulk_create(
                (
                    RejectedSuggestion(
                        article=article, annotator=annotator, start=s["start"], end=s["end"]
                    )
                    for s in states.values()
                ),
                ignore_conflicts=True,
            )
            # The assignment lock keeps the annotator's other writes out meanwhile.
            waiting.delete()
        if judged != len(set(quote_ids)):
            raise QuoteConflict(None)
        record_all(
            [
                event(**_judged(article, annotator.pk, pk, accept, quote=state, bulk=True))
                for pk, state in states.items()
            ]
        )
    return judged


def _write_stances(
    quote: Quote, stances: dict[StanceTarget, str], *, replace=True
) -> dict[int, str]:
    """Write the quote's stances (in place of its own, if ``replace``); return the ones it
    replaced, target id -> label."""
    replaced = _delete_stances(quote.pk) if replace else {}
    StanceLabel.objects.bulk_create(
        StanceLabel(quote=quote, target=target, label=label) for target, label in stances.items()
    )
    return replaced


def _delete_stances(quote_id: int) -> dict[int, str]:
    """Delete the quote's stances and return them (target id -> label) for the history, in
    the DELETE's own round trip: ``RETURNING`` (PostgreSQL; SQLite from 3.35, the version
    that gives Django ``can_return_rows_from_bulk_insert``), else a read first."""
    stances = StanceLabel.objects.filter(quote_id=quote_id)
    if not connection.features.can_return_rows_from_bulk_insert:
        replaced = dict(stances.values_list("target_id", "label"))
        stances.delete()
        return replaced
    column = {f.name: connection.ops.quote_name(f.column) for f in StanceLabel._meta.fields}
    table = connection.ops.quote_name(StanceLabel._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            # Names from the model's _meta, quoted; the id is a parameter.
            f"DELETE FROM {table} WHERE {column['quote']} = %s"  # noqa: S608
            f" RETURNING {column['target']}, {column['label']}",
            [quote_id],
        )
        return dict(cursor.fetchall())


def _hold_for(quote: Quote) -> None:
    """``hold_open_assignment`` for a quote of an annotator's set; gold quotes belong to
    the adjudication, which guards itself."""
    if not quote.is_gold:
        hold_open_assignment(article_id=quote.article_id, annotator_id=quote.annotator_id)


def _same_state(quote: Quote, data: QuoteInput, speaker: Speaker | None) -> bool:
    stances = {stance.target_id: stance.label for stance in quote.stances.all()}
    return (
        quote.start,
        quote.end,
        quote.kind,
        quote.speaker_id,
        quote.cue_start,
        quote.cue_end,
        quote.speaker_start,
        quote.speaker_end,
    ) == (
        data.start,
        data.end,
        data.kind,
        speaker and speaker.pk,
        data.cue_start,
        data.cue_end,
        data.speaker_start,
        data.speaker_end,
    ) and stances == {target.pk: label for target, label in data.stances.items()}


def quote_snapshot(quote: Quote) -> dict:
    """A quote as plain data, enough to restore it after a delete."""
    return {
        "article": quote.article_id,
        "annotator": quote.annotator_id,
        "start": quote.start,
        "end": quote.end,
        "kind": quote.kind,
        "speaker": quote.speaker_id,
        "cue_start": quote.cue_start,
        "cue_end": quote.cue_end,
        "speaker_start": quote.speaker_start,
        "speaker_end": quote.speaker_end,
        "origin": quote.origin,
        "created_at": quote.created_at.isoformat(),
        "stances": {str(s.target_id): s.label for s in quote.stances.all()},
    }


def restore_quote(*, article, annotator, snapshot: dict) -> Quote:
    """Recreate a deleted quote from ``quote_snapshot``, origin and creation time included.

    Speakers, targets or stance labels deleted meanwhile are left out rather than failing
    the undo.
    """
    project = article.project
    speaker = Speaker.objects.filter(project=project, pk=snapshot["speaker"]).first()
    targets = StanceTarget.objects.in_bulk([int(pk) for pk in snapshot["stances"]], field_name="pk")
    data = QuoteInput(
        start=snapshot["start"],
        end=snapshot["end"],
        text=article.text[snapshot["start"] : snapshot["end"]],
        kind=snapshot["kind"],
        speaker=speaker,
        cue_start=snapshot["cue_start"],
        cue_end=snapshot["cue_end"],
        # Undo tokens made before mentions were kept have none.
        speaker_start=snapshot.get("speaker_start"),
        speaker_end=snapshot.get("speaker_end"),
        stances={
            target: snapshot["stances"][str(pk)]
            for pk, target in targets.items()
            if target.project_id == project.pk
            and snapshot["stances"][str(pk)] in project.stance_labels
        },
    )
    with transaction.atomic():
        quote, _ = create_quote(
            article=article,
            annotator=annotator,
            data=data,
            origin=snapshot["origin"],
            recorded_as="quote.restored",
        )
        Quote.objects.filter(pk=quote.pk).update(created_at=snapshot["created_at"])
        RejectedSuggestion.objects.filter(
            article=article, annotator=annotator, start=data.start, end=data.end
        ).delete()
    return quote


# The history's name for a change, by the quote's origin before it.
_EDITED = {Quote.Origin.GOLD: "gold.edited", Quote.Origin.SUGGESTED: "suggestion.corrected"}
_DELETED = {Quote.Origin.GOLD: "gold.removed", Quote.Origin.SUGGESTED: "suggestion.rejected"}
_FROM_SUGGESTIONS = {Quote.Origin.SUGGESTED, Quote.Origin.ACCEPTED, Quote.Origin.CORRECTED}


def _quote_event(quote: Quote, kind: str, data: QuoteInput, *, actor_id: int) -> dict:
    """``record``'s arguments for a quote just made from ``data``."""
    return {
        "kind": kind,
        "project_id": quote.article.project_id,
        "actor_id": actor_id,
        "article_id": quote.article_id,
        "quote_id": quote.pk,
        "payload": {"quote": quote_state(quote, stances=stances_of(data.stances))},
    }


def _judged(article, annotator_id: int, quote_id: int, accept: bool, **payload) -> dict:
    """``record``'s arguments for a suggestion accepted or rejected."""
    return {
        "kind": "suggestion.accepted" if accept else "suggestion.rejected",
        "project_id": article.project_id,
        "actor_id": annotator_id,
        "article_id": article.pk,
        "quote_id": quote_id,
        "payload": {name: value for name, value in payload.items() if value is not None},
    }
