"""Writes that touch several rows or models: keyword-only, validated, then atomic.

Quote writes expect input validated by ``articles.forms.QuoteForm``. Concurrency is
optimistic: callers pass the version they saw, and a stale one raises ``QuoteConflict``
carrying the current quote.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import IntegrityError, connections, transaction
from django.db.models import F
from django.db.models.expressions import RawSQL
from django.utils import timezone

from articles.exchange.records import ArticleRecord
from articles.models import (
    Adjudication,
    Article,
    Assignment,
    Project,
    Quote,
    RejectedSuggestion,
    Speaker,
    SpeakerAlias,
    StanceLabel,
    StanceTarget,
    Suggestion,
)
from articles.suggestions import store_suggestions, suggest_for_assignments, suggest_quotes
from newsannot.prepared import PreparedQuery


@dataclass(frozen=True)
class ImportResult:
    created: int
    duplicates: int
    quotes: int = 0


class ImportProblem(ValueError):
    """Records that are valid on their own but not in this project (unknown annotators,
    labels outside the project's scheme); ``errors`` lists them, nothing was written."""

    def __init__(self, errors: list[str]):
        super().__init__("; ".join(errors))
        self.errors = errors


def import_articles(
    *,
    project: Project,
    records: Iterable[ArticleRecord],
    dry_run: bool = False,
    annotator=None,
) -> ImportResult:
    """Create an article per record, skipping texts the project (or the batch) already has,
    with the quotes, speakers and stances an exported record carries.

    Records must already be valid (``articles.exchange.records``). Quotes go to the
    annotator they name, or all to ``annotator`` if given. All or nothing.
    """
    unique: dict[str, ArticleRecord] = {}
    seen = 0
    for record in records:
        seen += 1
        unique.setdefault(record.text_sha256, record)
    with transaction.atomic():
        existing = _existing_hashes(project, list(unique))
        new = [record for digest, record in unique.items() if digest not in existing]
        users = _quote_annotators(project, new, annotator)
        if dry_run:
            return ImportResult(created=len(new), duplicates=seen - len(new))
        ids = _insert_articles(project, new)
        quotes = _import_quotes(project, new, ids, users, annotator)
        if project.suggest_on_import:
            suggest_quotes(
                articles=list(Article.objects.filter(pk__in=ids.values()).order_by("pk"))
            )
    return ImportResult(created=len(new), duplicates=seen - len(new), quotes=quotes)


# The columns an imported article fills, with their types, for a binary COPY (a test
# checks they are all of the article table's, the id aside).
_ARTICLE_COLUMNS = {
    "project_id": "int8", "title": "varchar", "text": "text", "text_sha256": "varchar",
    "url": "varchar", "outlet": "varchar", "author": "varchar", "published_at": "timestamptz",
    "language": "varchar", "external_id": "varchar", "metadata": "jsonb",
    "created_at": "timestamptz",
}  # fmt: skip
_HASHES_A_QUERY = 1000


def _existing_hashes(project, hashes: list[str]) -> set[str]:
    existing: set[str] = set()
    for articles in _with_hashes(project, hashes):
        existing.update(articles.values_list("text_sha256", flat=True))
    return existing


def _with_hashes(project, hashes: list[str]):
    """The project's articles with these text hashes, as a few querysets."""
    if connections[Article.objects.db].vendor == "postgresql":
        # One parameter for them all: a thousand-item IN costs more to send than to run.
        given = RawSQL("SELECT unnest(string_to_array(%s, ','))", [",".join(hashes)])
        return [project.articles.filter(text_sha256__in=given)] if hashes else []
    return [
        project.articles.filter(text_sha256__in=hashes[i : i + _HASHES_A_QUERY])
        for i in range(0, len(hashes), _HASHES_A_QUERY)
    ]


def _insert_articles(project, records: list[ArticleRecord]) -> dict[str, int]:
    """Write the records' articles; return their ids by text hash when anything needs them
    (quotes to write, suggestions to make), else an empty dict."""
    connection = connections[Article.objects.db]
    if connection.vendor != "postgresql":
        made = Article.objects.bulk_create(
            (
                Article(
                    project=project, title=r.title, text=r.text, text_sha256=r.text_sha256,
                    url=r.url, outlet=r.outlet, author=r.author, published_at=r.published_at,
                    language=r.language, external_id=r.external_id, metadata=r.metadata,
                )
                for r in records
            ),
            batch_size=500,
        )  # fmt: skip
        return {article.text_sha256: article.pk for article in made}
    now = timezone.now()
    rows = (
        (
            project.pk, r.title, r.text, r.text_sha256, r.url, r.outlet, r.author,
            r.published_at, r.language, r.external_id, r.metadata, now,
        )
        for r in records
    )  # fmt: skip
    with connection.cursor() as cursor:
        # A binary COPY writes in a tenth of the time that INSERTs take. LZ4 compresses
        # the texts (TOAST) several times faster than the default pglz, where it exists.
        cursor.execute(
            "SELECT 'lz4' = ANY(enumvals) FROM pg_settings WHERE name = 'default_toast_compression'"
        )
        if cursor.fetchone()[0]:
            cursor.execute("SET LOCAL default_toast_compression = 'lz4'")
        columns = ", ".join(_ARTICLE_COLUMNS)
        sql = f"COPY articles_article ({columns}) FROM STDIN (FORMAT BINARY)"
        with cursor.cursor.copy(sql) as copy:
            copy.set_types(list(_ARTICLE_COLUMNS.values()))  # metadata: json.dumps, as JSONField
            for row in rows:
                copy.write_row(row)
    if not project.suggest_on_import and not any(r.quotes for r in records):
        return {}
    ids: dict[str, int] = {}
    for articles in _with_hashes(project, [r.text_sha256 for r in records]):
        ids.update(articles.values_list("text_sha256", "pk"))
    return ids


def _quote_annotators(project, records, annotator) -> dict:
    """Check, before anything is written, that every quote's annotator exists and every
    stance label is one of the project's."""
    from django.contrib.auth import get_user_model

    names = {q.annotator for r in records for q in r.quotes if annotator is None}
    users = {u.username: u for u in get_user_model().objects.filter(username__in=names)}
    labels = set(project.stance_labels)
    errors = []
    for record in records:
        for index, quote in enumerate(record.quotes):
            where = f"{record.path}:{record.line}: quotes[{index}]"
            if annotator is None and quote.annotator not in users:
                errors.append(
                    f"{where}.annotator: no user {quote.annotator!r} here "
                    "(use --annotator to give the quotes to someone)"
                )
            for target, label in quote.stances:
                if label not in labels:
                    errors.append(
                        f"{where}.stances: {label!r} for {target!r} is not one of "
                        f"the project's labels ({', '.join(project.stance_labels)})"
                    )
    if errors:
        raise ImportProblem(errors)
    return users


def _import_quotes(project, records, ids: dict[str, int], users, annotator) -> int:
    speakers: dict[str, Speaker] = {}
    targets = {t.name.casefold(): t for t in project.targets.all()}
    quotes, stances = [], []
    for record in records:
        for q in record.quotes:
            speaker = None
            if q.speaker is not None:
                speaker = speakers.get(q.speaker.casefold())
                if speaker is None:
                    speaker = find_speaker(project, q.speaker)
                if speaker is None:
                    speaker = Speaker.objects.create(project=project, name=q.speaker)
                    SpeakerAlias.objects.bulk_create(
                        SpeakerAlias(speaker=speaker, name=alias)
                        for alias in dict.fromkeys(q.speaker_aliases)
                        if alias.casefold() != q.speaker.casefold()
                    )
                speakers[q.speaker.casefold()] = speaker
            quote = Quote(
                article_id=ids[record.text_sha256],
                annotator=annotator or users[q.annotator],
                start=q.start,
                end=q.end,
                text=record.text[q.start : q.end],
                kind=q.kind,
                speaker=speaker,
                cue_start=q.cue_start,
                cue_end=q.cue_end,
                origin=q.origin,
            )
            quotes.append(quote)
            for target_name, label in q.stances:
                target = targets.get(target_name.casefold())
                if target is None:
                    target = targets[target_name.casefold()] = StanceTarget.objects.create(
                        project=project, name=target_name
                    )
                stances.append((quote, target, label))
    Quote.objects.bulk_create(quotes, batch_size=500)
    StanceLabel.objects.bulk_create(
        (StanceLabel(quote=quote, target=target, label=label) for quote, target, label in stances),
        batch_size=1000,
    )
    # An exported gold set comes back as an adjudicated article, by whoever made it.
    adjudicated = {q.article_id: q.annotator for q in quotes if q.origin == Quote.Origin.GOLD}
    Adjudication.objects.bulk_create(
        Adjudication(
            article_id=article_id,
            reviewer=reviewer,
            status=Adjudication.Status.DONE,
            finished_at=timezone.now(),
        )
        for article_id, reviewer in adjudicated.items()
    )
    return len(quotes)


def merge_speakers(*, source: Speaker, target: Speaker) -> Speaker:
    """Move ``source``'s quotes to ``target``, keep its names as aliases, delete it."""
    if source.pk == target.pk:
        raise ValidationError("A speaker cannot be merged into itself.")
    if source.project_id != target.project_id:
        raise ValidationError(
            f"“{source}” and “{target}” belong to different projects and cannot be merged."
        )
    with transaction.atomic():
        # Lock both rows so that two merges of the same pair cannot interleave.
        locked = Speaker.objects.select_for_update().in_bulk([source.pk, target.pk])
        if len(locked) != 2:
            raise ValidationError("One of the speakers no longer exists.")
        source, target = locked[source.pk], locked[target.pk]
        known = {target.name.casefold()}
        known.update(name.casefold() for name in target.aliases.values_list("name", flat=True))
        new_aliases = []
        for name in [source.name, *source.aliases.values_list("name", flat=True)]:
            if name.casefold() not in known:
                known.add(name.casefold())
                new_aliases.append(SpeakerAlias(speaker=target, name=name))
        source.quotes.update(speaker=target)
        source.delete()
        SpeakerAlias.objects.bulk_create(new_aliases)
        changed = []
        if not target.description and source.description:
            target.description = source.description
            changed.append("description")
        if not target.external_id and source.external_id:
            target.external_id = source.external_id
            changed.append("external_id")
        if changed:
            target.save(update_fields=changed)
    return target


def assign_articles(*, articles: Sequence[Article], annotators: Sequence) -> int:
    """Assign each article to each annotator who does not have it yet; return how many.

    Annotators become members of the articles' projects.
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
        for project in Project.objects.filter(articles__in=articles).distinct():
            project.members.add(*annotators)
        suggest_for_assignments(assignments=new)
    return len(new)


@dataclass(frozen=True)
class QuoteInput:
    """Everything a quote form carries, already checked against the article."""

    start: int
    end: int
    text: str
    kind: str
    speaker: Speaker | None = None
    new_speaker_name: str = ""
    new_speaker_description: str = ""
    cue_start: int | None = None
    cue_end: int | None = None
    stances: dict[StanceTarget, str] = field(default_factory=dict)


class QuoteConflict(Exception):
    """The quote changed since the caller read it; ``current`` is how it is now."""

    def __init__(self, current: Quote | None):
        super().__init__("the quote was changed or deleted elsewhere")
        self.current = current

    @classmethod
    def reading(cls, pk: int) -> QuoteConflict:
        """The conflict over quote ``pk``, with the quote as it stands now (or None)."""
        return cls(Quote.objects.with_stances().filter(pk=pk).first())


class DuplicateSpan(Exception):
    """The annotator already has a quote on exactly this span."""

    def __init__(self, existing: Quote):
        super().__init__("a quote on exactly this span exists already")
        self.existing = existing


def create_quote(
    *,
    article,
    annotator,
    data: QuoteInput,
    origin: str = Quote.Origin.HUMAN,
    request_id=None,
    assignment: Assignment | None = None,
) -> tuple[Quote, bool]:
    """Create the annotator's quote; return ``(quote, created)``. Pass the annotator's
    assignment if at hand: it spares a write once the article is under way.

    A repeated ``request_id`` returns the quote that request made, unchanged: the unique
    constraint finds the repeat, so a first request costs no extra query.
    """
    try:
        with transaction.atomic():
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
            _start_assignment(article, annotator, assignment)
    except IntegrityError:
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


def create_quotes(
    *, article, annotator, items: list[QuoteInput], assignment: Assignment | None = None
) -> list[Quote]:
    """Create several of the annotator's quotes in one transaction and a few queries.

    Raises ``DuplicateSpan`` (nothing written) if a span repeats in the batch or exists:
    the unique constraint finds one that exists, so a batch costs no query to check.
    """
    spans = Counter((data.start, data.end) for data in items)
    repeated = next((span for span, count in spans.items() if count > 1), None)
    if repeated is not None:
        start, end = repeated
        raise DuplicateSpan(Quote(article=article, annotator=annotator, start=start, end=end))
    try:
        with transaction.atomic():
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
            _start_assignment(article, annotator, assignment)
    except IntegrityError:
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


def add_suggestions(*, article, items: list[QuoteInput], source: str) -> tuple[int, int]:
    """Store a model's predictions as the article's suggestions (spans it has already are
    skipped) and give them to its annotators; return ``(stored, copies)``."""
    with transaction.atomic():
        suggestions = [
            Suggestion.spanning(
                data, article=article, speaker=speaker, confidence=1.0, source=source[:100]
            )
            for data, speaker in zip(items, _speakers(article.project, items), strict=True)
        ]
        return store_suggestions(article=article, suggestions=suggestions)


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


def update_quote(
    *, quote: Quote, version: int, data: QuoteInput, assignment: Assignment | None = None
) -> Quote:
    """Replace the quote's fields and stances if nobody changed it since ``version``;
    return it as written (stances not loaded). Pass the annotator's assignment if at
    hand: it spares a write once the article is under way.

    A suggestion that a person changes and saves counts as corrected.
    """
    origin = Quote.Origin.CORRECTED if quote.origin == Quote.Origin.SUGGESTED else quote.origin
    with transaction.atomic():
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
        _write_stances(quote, data.stances)
        _start_assignment(quote.article_id, quote.annotator_id, assignment)
    return _as_written(quote, **fields, version=version + 1)


def _as_written(quote: Quote, **fields) -> Quote:
    """The quote with the fields an UPDATE gave it, without reading it back."""
    for name, value in fields.items():
        setattr(quote, name, value)
    quote.__dict__.pop("_prefetched_objects_cache", None)  # its stances may have changed
    return quote


def delete_quote(*, quote: Quote, version: int) -> None:
    """Delete the quote if nobody changed it since ``version``. Deleting a suggestion is
    rejecting it: it is remembered, and not offered to the annotator again."""
    with transaction.atomic():
        deleted, _ = Quote.objects.filter(pk=quote.pk, version=version).delete()
        if not deleted:
            raise QuoteConflict.reading(quote.pk)
        if quote.origin == Quote.Origin.SUGGESTED:
            RejectedSuggestion.objects.get_or_create(
                article_id=quote.article_id,
                annotator_id=quote.annotator_id,
                start=quote.start,
                end=quote.end,
            )


def accept_suggestion(*, quote: Quote, version: int, assignment: Assignment | None = None) -> Quote:
    """Turn a suggested quote into an accepted one, as it stands; return it as written."""
    now = timezone.now()
    with transaction.atomic():
        changed = Quote.objects.filter(
            pk=quote.pk, version=version, origin=Quote.Origin.SUGGESTED
        ).update(origin=Quote.Origin.ACCEPTED, version=F("version") + 1, updated_at=now)
        if not changed:
            raise QuoteConflict.reading(quote.pk)
        _start_assignment(quote.article_id, quote.annotator_id, assignment)
    return _as_written(quote, origin=Quote.Origin.ACCEPTED, version=version + 1, updated_at=now)


def set_assignment_status(*, assignment: Assignment, status: str) -> Assignment:
    """Mark an assignment done, or reopen it, keeping its timestamps right."""
    now = timezone.now()
    assignment.status = status
    if status == Assignment.Status.DONE:
        assignment.finished_at = now
        assignment.started_at = assignment.started_at or now
    else:
        assignment.finished_at = None
    assignment.save(update_fields=["status", "started_at", "finished_at"])
    return assignment


def speaker_for(project, data: QuoteInput) -> Speaker | None:
    """The chosen speaker, or the one a typed name means, created if the catalog lacks it."""
    if data.speaker is not None or not data.new_speaker_name:
        return data.speaker
    name = data.new_speaker_name
    existing = find_speaker(project, name)
    if existing is not None:
        return existing
    return Speaker.objects.create(
        project=project, name=name, description=data.new_speaker_description
    )


# Every quote given by its speaker's name looks the name up: compiled once per process.
_speaker_named = PreparedQuery(
    lambda project_id, name: (
        Speaker.objects.filter(project_id=project_id).matching(name).order_by("pk")[:1]
    )
)


def find_speaker(project, name: str) -> Speaker | None:
    """The project's speaker that ``name`` (or an alias) means, ignoring case in every
    script, or None."""
    found = _speaker_named.first(project.pk, name)
    if found is None:
        found = Speaker.objects.filter(project=project).casefold_match(name)
    return found


def _write_stances(quote: Quote, stances: dict[StanceTarget, str], *, replace=True) -> None:
    if replace:
        StanceLabel.objects.filter(quote=quote).delete()
    StanceLabel.objects.bulk_create(
        StanceLabel(quote=quote, target=target, label=label) for target, label in stances.items()
    )


def _start_assignment(article, annotator, assignment: Assignment | None = None) -> None:
    """Mark the annotator's assignment of the article in progress if it is still to do
    (``article`` and ``annotator``: instances or ids). ``assignment``, if at hand, spares
    the write once work is under way."""
    if assignment is not None and assignment.status != Assignment.Status.TODO:
        return
    Assignment.objects.filter(
        article=article, annotator=annotator, status=Assignment.Status.TODO
    ).update(status=Assignment.Status.IN_PROGRESS, started_at=timezone.now())


def _same_state(quote: Quote, data: QuoteInput, speaker: Speaker | None) -> bool:
    stances = {stance.target_id: stance.label for stance in quote.stances.all()}
    return (
        quote.start,
        quote.end,
        quote.kind,
        quote.speaker_id,
        quote.cue_start,
        quote.cue_end,
    ) == (
        data.start,
        data.end,
        data.kind,
        speaker and speaker.pk,
        data.cue_start,
        data.cue_end,
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
        "origin": quote.origin,
        "created_at": quote.created_at.isoformat(),
        "stances": {str(s.target_id): s.label for s in quote.stances.all()},
    }


def restore_quote(*, article, annotator, snapshot: dict) -> Quote:
    """Recreate a deleted quote from ``quote_snapshot``, origin and creation time included.

    Speakers or targets deleted meanwhile are left out rather than failing the undo.
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
        stances={
            target: snapshot["stances"][str(pk)]
            for pk, target in targets.items()
            if target.project_id == project.pk
        },
    )
    with transaction.atomic():
        quote, _ = create_quote(
            article=article, annotator=annotator, data=data, origin=snapshot["origin"]
        )
        Quote.objects.filter(pk=quote.pk).update(created_at=snapshot["created_at"])
        RejectedSuggestion.objects.filter(
            article=article, annotator=annotator, start=data.start, end=data.end
        ).delete()
    return quote
