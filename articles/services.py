"""Writes that touch several rows or models: keyword-only, validated, then atomic.

Quote writes expect input validated by ``articles.forms.QuoteForm``. Concurrency is
optimistic: callers pass the version they saw, and a stale one raises ``QuoteConflict``
carrying the current quote.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, connections, transaction
from django.db.models import F
from django.db.models.expressions import RawSQL
from django.utils import timezone

from articles.exchange.records import (
    AdjudicationRecord,
    ArticleRecord,
    AssignmentRecord,
    RecordError,
)
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
    """What an import wrote (or, dry, would write), and what it found already there."""

    created: int
    duplicates: int
    quotes: int = 0
    quotes_present: int = 0
    assignments: int = 0
    assignments_present: int = 0
    adjudications: int = 0

    def counts(self) -> dict[str, int]:
        return asdict(self)


class ImportProblem(ValueError):
    """Records that are valid on their own but not in this project (unknown users, labels
    outside the project's scheme, quotes or assignments that differ from those already
    there); ``errors`` lists them as ``RecordError``s. Nothing was written."""

    def __init__(self, errors: list[RecordError]):
        super().__init__("; ".join(str(error) for error in errors))
        self.errors = errors


def import_articles(
    *,
    project: Project,
    records: Iterable[ArticleRecord],
    dry_run: bool = False,
    annotator=None,
) -> ImportResult:
    """Create an article per new text, with the quotes, assignments and adjudication its
    (valid, ``articles.exchange.records``) record carries; a known text gets what its
    record adds, what is there already counted, what differs an ``ImportProblem``.

    Quotes and assignments go to the users they name, or all to ``annotator``. All or
    nothing."""
    records = list(records)
    with transaction.atomic():
        existing = _existing_hashes(project, list(dict.fromkeys(r.text_sha256 for r in records)))
        new: dict[str, ArticleRecord] = {}
        for record in records:
            if record.text_sha256 not in existing:
                new.setdefault(record.text_sha256, record)
        plan = _plan(project, records, existing, annotator)
        result = ImportResult(created=len(new), duplicates=len(records) - len(new), **plan.counts())
        if dry_run:
            return result
        ids = _insert_articles(
            project, list(new.values()), want_ids=plan.writes or project.suggest_on_import
        )
        ids.update(existing)
        _import_quotes(project, plan, ids)
        if project.suggest_on_import:
            # Before the assignments: a restored set stays as its annotator left it.
            made = Article.objects.filter(pk__in=[ids[digest] for digest in new]).order_by("pk")
            suggest_quotes(articles=list(made))
        _import_work(project, plan, ids)
    return result


# The columns an imported article fills, with their types, for a binary COPY (a test
# checks they are all of the article table's, the id aside).
_ARTICLE_COLUMNS = {
    "project_id": "int8", "title": "varchar", "text": "text", "text_sha256": "varchar",
    "url": "varchar", "outlet": "varchar", "author": "varchar", "published_at": "timestamptz",
    "language": "varchar", "external_id": "varchar", "metadata": "jsonb",
    "created_at": "timestamptz",
}  # fmt: skip
_HASHES_A_QUERY = 1000
_QUOTE_FIELDS = ("kind", "speaker", "cue", "stances", "origin")
_ASSIGNMENT_FIELDS = ("status", "started_at", "finished_at")
_ADJUDICATION_FIELDS = ("reviewer", "status", "finished_at", "started_at")


def _existing_hashes(project, hashes: list[str]) -> dict[str, int]:
    """The ids of the project's articles with these text hashes, by hash."""
    existing: dict[str, int] = {}
    for articles in _with_hashes(project, hashes):
        existing.update(articles.values_list("text_sha256", "pk"))
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


def _insert_articles(project, records: list[ArticleRecord], *, want_ids: bool) -> dict[str, int]:
    """Write the records' articles; return their ids by text hash if ``want_ids``, else
    (on PostgreSQL) an empty dict."""
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
    if not want_ids or not records:
        return {}
    return _existing_hashes(project, [r.text_sha256 for r in records])


@dataclass(frozen=True)
class _Version:
    """A quote's content as an import compares it; ``line`` is the file's line it was
    read from, None if it is in the project already."""

    kind: str
    speaker: tuple | None  # ("id", pk) of a catalog entry, or ("new", the folded name)
    cue: tuple[int, int] | None
    stances: frozenset[tuple[str, str]]  # (folded target, label)
    origin: str
    line: int | None = field(default=None, compare=False)
    speaker_name: str | None = field(default=None, compare=False)
    stance_names: tuple[tuple[str, str], ...] = field(default=(), compare=False)

    def show(self, name: str) -> str:
        if name == "speaker":
            return repr(self.speaker_name) if self.speaker else "none"
        if name == "cue":
            return f"{self.cue[0]}–{self.cue[1]}" if self.cue else "none"
        if name == "stances":
            return ", ".join(f"{t}: {label}" for t, label in sorted(self.stance_names)) or "none"
        return repr(getattr(self, name))


def _version(*, kind, speaker, speaker_name, cue, stances, origin, line) -> _Version:
    return _Version(
        kind=kind,
        speaker=speaker,
        cue=cue if cue[0] is not None else None,
        stances=frozenset((target.casefold(), label) for target, label in stances),
        origin=origin,
        line=line,
        speaker_name=speaker_name,
        stance_names=tuple(stances),
    )


@dataclass
class _Plan:
    """What an import will write, checked against the project and the batch."""

    users: dict = field(default_factory=dict)  # username -> user
    speakers: dict = field(default_factory=dict)  # folded name -> Speaker, or None: new
    quotes: list = field(default_factory=list)  # (record, QuoteRecord, username)
    assignments: list = field(default_factory=list)  # (text hash, username, AssignmentRecord)
    # text hash -> (reviewer's username, AdjudicationRecord, or None: done now)
    adjudications: dict = field(default_factory=dict)
    quotes_present: int = 0
    assignments_present: int = 0

    @property
    def writes(self) -> bool:
        return bool(self.quotes or self.assignments or self.adjudications)

    def counts(self) -> dict[str, int]:
        return {
            "quotes": len(self.quotes),
            "quotes_present": self.quotes_present,
            "assignments": len(self.assignments),
            "assignments_present": self.assignments_present,
            "adjudications": len(self.adjudications),
        }

    def speaker_key(self, project, name: str | None) -> tuple | None:
        if name is None:
            return None
        folded = name.casefold()
        if folded not in self.speakers:
            self.speakers[folded] = find_speaker(project, name)
        found = self.speakers[folded]
        return ("new", folded) if found is None else ("id", found.pk)


def _plan(project, records: list[ArticleRecord], existing: dict[str, int], annotator) -> _Plan:
    """Check every record against the project and the records before it, before anything
    is written; raise ``ImportProblem`` listing every problem found."""
    plan = _Plan(users=_users(records, annotator))
    carried = [
        existing[r.text_sha256]
        for r in records
        if r.text_sha256 in existing and (r.quotes or r.assignments or r.adjudication)
    ]
    quotes, assignments, adjudications = _present(existing, list(dict.fromkeys(carried)))
    # The username each record's names stand for: all one user's with ``annotator``.
    rename = (lambda name: annotator.username) if annotator is not None else (lambda name: name)
    errors: list[RecordError] = []
    for record in records:

        def problem(name: str, message: str, record=record) -> None:
            errors.append(RecordError(record.path, record.line, message, name))

        _plan_quotes(project, plan, record, quotes, rename, problem)
        _plan_assignments(plan, record, assignments, rename, problem)
        _plan_adjudication(plan, record, adjudications, rename, problem)
    # A gold set without an adjudication is one adjudicated now, by whoever made it.
    for record, quote, username in plan.quotes:
        if quote.origin == Quote.Origin.GOLD and record.text_sha256 not in adjudications:
            adjudications[record.text_sha256] = (None, None)
            plan.adjudications[record.text_sha256] = (username, None)
    if errors:
        raise ImportProblem(errors)
    return plan


def _plan_quotes(project, plan: _Plan, record: ArticleRecord, seen: dict, rename, problem):
    """Plan the record's new quotes; count those ``seen`` (in the project or earlier in
    the batch) and report those that differ from them."""
    for index, quote in enumerate(record.quotes):
        where = f"quotes[{index}]"
        username = rename(quote.annotator)
        if username not in plan.users:
            problem(
                f"{where}.annotator",
                f"no user {quote.annotator!r} here (use --annotator to give the quotes to someone)",
            )
        for target, label in quote.stances:
            if label not in project.stance_labels:
                problem(
                    f"{where}.stances",
                    f"{label!r} for {target!r} is not one of the project's labels "
                    f"({', '.join(project.stance_labels)})",
                )
        version = _version(
            kind=quote.kind,
            speaker=plan.speaker_key(project, quote.speaker),
            speaker_name=quote.speaker,
            cue=(quote.cue_start, quote.cue_end),
            stances=quote.stances,
            origin=quote.origin,
            line=record.line,
        )
        gold = quote.origin == Quote.Origin.GOLD
        key = (record.text_sha256, gold, "" if gold else username, quote.start, quote.end)
        prior = seen.get(key)
        if prior is None:
            seen[key] = version
            plan.quotes.append((record, quote, username))
        elif (differing := _first_difference(prior, version, _QUOTE_FIELDS)) is None:
            plan.quotes_present += 1
        else:
            whose = "the gold set" if gold else repr(username)
            what = f"the quote {whose} has at {quote.start}–{quote.end}"
            there, here = prior.show(differing), version.show(differing)
            problem(f"{where}.{differing}", _differs(what, prior.line, there, here))


def _plan_assignments(plan: _Plan, record: ArticleRecord, seen: dict, rename, problem):
    """Plan the record's new assignments; count and compare those ``seen``."""
    for index, assignment in enumerate(record.assignments):
        where = f"assignments[{index}]"
        username = rename(assignment.annotator)
        if username not in plan.users:
            problem(f"{where}.annotator", f"no user {assignment.annotator!r} here")
        prior = seen.get((record.text_sha256, username))
        if prior is None:
            seen[(record.text_sha256, username)] = (assignment, record.line)
            plan.assignments.append((record.text_sha256, username, assignment))
            continue
        found, line = prior
        differing = _first_difference(found, assignment, _ASSIGNMENT_FIELDS)
        if differing is None:
            plan.assignments_present += 1
            continue
        there, here = _show(getattr(found, differing)), _show(getattr(assignment, differing))
        problem(f"{where}.{differing}", _differs(f"{username}'s assignment", line, there, here))


def _plan_adjudication(plan: _Plan, record: ArticleRecord, seen: dict, rename, problem):
    """Plan the record's adjudication unless the article has one; compare it if it does."""
    if record.adjudication is None:
        return
    reviewer = rename(record.adjudication.reviewer)
    if reviewer not in plan.users:
        problem("adjudication.reviewer", f"no user {record.adjudication.reviewer!r} here")
    adjudication = replace(record.adjudication, reviewer=reviewer)
    prior = seen.get(record.text_sha256)
    if prior is None:
        seen[record.text_sha256] = (adjudication, record.line)
        plan.adjudications[record.text_sha256] = (reviewer, adjudication)
        return
    found, line = prior
    # An export always gives the start; a file written by hand may not.
    names = _ADJUDICATION_FIELDS if adjudication.started_at else _ADJUDICATION_FIELDS[:-1]
    differing = _first_difference(found, adjudication, names)
    if differing is not None:
        there, here = _show(getattr(found, differing)), _show(getattr(adjudication, differing))
        problem(
            f"adjudication.{differing}",
            _differs("the article's adjudication", line, there, here),
        )


def _first_difference(a, b, names: tuple[str, ...]) -> str | None:
    return next((name for name in names if getattr(a, name) != getattr(b, name)), None)


def _differs(what: str, line: int | None, there: str, here: str) -> str:
    """Why a record's version of ``what`` is refused: the project's (``line`` None) or
    an earlier record's differs."""
    if line is None:
        return f"differs from {what} in the project: {there} there, {here} in the file"
    return f"differs from {what} on line {line}: {there} there, {here} here"


def _show(value) -> str:
    if value is None:
        return "none"
    return repr(value.isoformat() if isinstance(value, datetime) else value)


def _users(records: list[ArticleRecord], annotator) -> dict:
    """The users the records name (quotes, assignments, adjudication), by username."""
    if annotator is not None:
        return {annotator.username: annotator}
    from django.contrib.auth import get_user_model

    names = set()
    for record in records:
        names.update(q.annotator for q in record.quotes)
        names.update(a.annotator for a in record.assignments)
        if record.adjudication is not None:
            names.add(record.adjudication.reviewer)
    names.discard(None)
    return {u.username: u for u in get_user_model().objects.filter(username__in=names)}


def _present(existing: dict[str, int], article_ids: list[int]) -> tuple[dict, dict, dict]:
    """What these articles of the project hold, keyed as ``_plan`` compares them: quotes,
    assignments, adjudications. Four queries per thousand articles."""
    digests = {pk: digest for digest, pk in existing.items()}
    quotes: dict[tuple, _Version] = {}
    assignments: dict[tuple, tuple] = {}
    adjudications: dict[str, tuple] = {}
    for i in range(0, len(article_ids), _HASHES_A_QUERY):
        chunk = article_ids[i : i + _HASHES_A_QUERY]
        stances: dict[int, list[tuple[str, str]]] = {}
        for quote_id, target, label in StanceLabel.objects.filter(
            quote__article_id__in=chunk
        ).values_list("quote_id", "target__name", "label"):
            stances.setdefault(quote_id, []).append((target, label))
        rows = Quote.objects.filter(article_id__in=chunk).values_list(
            "id", "article_id", "annotator__username", "start", "end", "kind", "speaker_id",
            "speaker__name", "cue_start", "cue_end", "origin",
        )  # fmt: skip
        for (
            pk,
            article,
            username,
            start,
            end,
            kind,
            speaker,
            name,
            cue_start,
            cue_end,
            origin,
        ) in rows:
            gold = origin == Quote.Origin.GOLD
            quotes[(digests[article], gold, "" if gold else username, start, end)] = _version(
                kind=kind,
                speaker=None if speaker is None else ("id", speaker),
                speaker_name=name,
                cue=(cue_start, cue_end),
                stances=stances.get(pk, []),
                origin=origin,
                line=None,
            )
        for article, username, status, started, finished in Assignment.objects.filter(
            article_id__in=chunk
        ).values_list("article_id", "annotator__username", "status", "started_at", "finished_at"):
            found = AssignmentRecord(username, status, started, finished)
            assignments[(digests[article], username)] = (found, None)
        for article, username, status, started, finished in Adjudication.objects.filter(
            article_id__in=chunk
        ).values_list("article_id", "reviewer__username", "status", "started_at", "finished_at"):
            found = AdjudicationRecord(username, status, started, finished)
            adjudications[digests[article]] = (found, None)
    return quotes, assignments, adjudications


def _import_quotes(project, plan: _Plan, ids: dict[str, int]) -> None:
    """Write the planned quotes with their stances, adding the speakers and targets they
    name that the project lacks."""
    targets = {t.name.casefold(): t for t in project.targets.all()}
    quotes, stances = [], []
    for record, q, username in plan.quotes:
        speaker = None
        if q.speaker is not None:
            speaker = plan.speakers[q.speaker.casefold()]
            if speaker is None:
                speaker = Speaker.objects.create(project=project, name=q.speaker)
                SpeakerAlias.objects.bulk_create(
                    SpeakerAlias(speaker=speaker, name=alias)
                    for alias in dict.fromkeys(q.speaker_aliases)
                    if alias.casefold() != q.speaker.casefold()
                )
                plan.speakers[q.speaker.casefold()] = speaker
        quote = Quote(
            article_id=ids[record.text_sha256],
            annotator=plan.users[username],
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


def _import_work(project, plan: _Plan, ids: dict[str, int]) -> None:
    """Write the planned assignments (their annotators join the project) and
    adjudications."""
    Assignment.objects.bulk_create(
        (
            Assignment(
                article_id=ids[digest],
                annotator=plan.users[username],
                status=a.status,
                started_at=a.started_at,
                finished_at=a.finished_at,
            )
            for digest, username, a in plan.assignments
        ),
        batch_size=1000,
    )
    project.members.add(*{plan.users[username] for _, username, _ in plan.assignments})
    now = timezone.now()
    made = [
        Adjudication(
            article_id=ids[digest],
            reviewer=plan.users[username],
            status=Adjudication.Status.DONE if a is None else a.status,
            finished_at=now if a is None else a.finished_at,
        )
        for digest, (username, a) in plan.adjudications.items()
    ]
    Adjudication.objects.bulk_create(made)
    # started_at is set on insert (auto_now_add): the exported one is put back after.
    restored = []
    for adjudication, (_, a) in zip(made, plan.adjudications.values(), strict=True):
        if a is not None and a.started_at is not None:
            adjudication.started_at = a.started_at
            restored.append(adjudication)
    Adjudication.objects.bulk_update(restored, ["started_at"])


def merge_speakers(*, source: Speaker, target: Speaker) -> Speaker:
    """Move ``source``'s quotes and the engine's suggestions to ``target``, keep its names
    as aliases, delete it."""
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
        # Else SET_NULL would strip the speaker from the copies later annotators get.
        source.suggestions.update(speaker=target)
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


class AssignmentClosed(Exception):
    """The annotator's set of this article is read-only: their assignment is done,
    skipped (handed to someone else), or missing."""

    MESSAGES = {
        Assignment.Status.DONE: "You marked this article done, so your quotes are read-only. "
        "Reopen it to change them.",
        Assignment.Status.SKIPPED: "This article was handed to someone else, so your quotes "
        "are read-only.",
        None: "This article is not assigned to you.",
    }

    def __init__(self, status: str | None):
        super().__init__(self.MESSAGES.get(status, self.MESSAGES[None]))
        self.status = status


class SuggestionsWaiting(Exception):
    """Done was refused: engine suggestions still wait to be accepted or rejected."""

    def __init__(self, count: int):
        super().__init__(
            f"{count} suggestion{'s' if count != 1 else ''} still wait{'' if count != 1 else 's'}"
            " for you: accept (a) or reject (x) each, or all at once (Shift+A, Shift+X), "
            "then mark the article done."
        )
        self.count = count


class ReopenRefused(Exception):
    """Reopen was refused: a reviewer has started adjudicating the article."""

    def __init__(self):
        super().__init__(
            "A reviewer has started adjudicating this article, so it cannot be reopened; "
            "ask them if something needs changing."
        )


def create_quote(
    *,
    article,
    annotator,
    data: QuoteInput,
    origin: str = Quote.Origin.HUMAN,
    request_id=None,
) -> tuple[Quote, bool]:
    """Create the annotator's quote (or, with origin gold, the reviewer's gold quote);
    return ``(quote, created)``. Raises ``AssignmentClosed`` unless the annotator's
    assignment is open.

    A repeated ``request_id`` returns the quote that request made, unchanged: the unique
    constraint finds the repeat, so a first request costs no extra query.
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


def create_quotes(*, article, annotator, items: list[QuoteInput]) -> list[Quote]:
    """Create several of the annotator's quotes in one transaction and a few queries.

    Raises ``DuplicateSpan`` (nothing written) if a span repeats in the batch or exists:
    the unique constraint finds one that exists, so a batch costs no query to check.
    Raises ``AssignmentClosed`` unless the annotator's assignment is open.
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


def update_quote(*, quote: Quote, version: int, data: QuoteInput) -> Quote:
    """Replace the quote's fields and stances if nobody changed it since ``version``;
    return it as written (stances not loaded). Raises ``QuoteConflict`` if it changed,
    ``AssignmentClosed`` if it is an annotator's and their assignment is not open.

    A suggestion that a person changes and saves counts as corrected.
    """
    origin = Quote.Origin.CORRECTED if quote.origin == Quote.Origin.SUGGESTED else quote.origin
    with transaction.atomic():
        _hold_for(quote)
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
        # The conditional UPDATE holds the quote's row lock: no rival write can delete it
        # or rewrite its stances until this transaction ends.
        _write_stances(quote, data.stances)
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
        _hold_for(quote)
        # A queryset delete reads the ids, then deletes by id without the version: lock
        # the row at this version first, so a rival edit either committed before (no row:
        # conflict) or waits for this delete (and then finds no row to update).
        current = Quote.objects.select_for_update().filter(pk=quote.pk, version=version).first()
        if current is None:
            raise QuoteConflict.reading(quote.pk)
        current.delete()
        if quote.origin == Quote.Origin.SUGGESTED:
            RejectedSuggestion.objects.get_or_create(
                article_id=quote.article_id,
                annotator_id=quote.annotator_id,
                start=quote.start,
                end=quote.end,
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
    return _as_written(quote, origin=Quote.Origin.ACCEPTED, version=version + 1, updated_at=now)


def set_assignment_status(*, assignment: Assignment, status: str) -> Assignment:
    """Mark the annotator's assignment done, or reopen it (``in_progress``); return it.

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
            waiting = Quote.objects.filter(
                article_id=current.article_id,
                annotator_id=current.annotator_id,
                origin=Quote.Origin.SUGGESTED,
            ).count()
            if waiting:
                raise SuggestionsWaiting(waiting)
            current.finished_at = now
            current.started_at = current.started_at or now
        else:
            if Adjudication.objects.filter(article_id=current.article_id).exists():
                raise ReopenRefused
            current.finished_at = None
        current.status = status
        current.save(update_fields=["status", "started_at", "finished_at"])
    return current


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
        else:
            spans = list(waiting.values_list("start", "end"))
            judged = len(spans)
            RejectedSuggestion.objects.bulk_create(
                (
                    RejectedSuggestion(article=article, annotator=annotator, start=s, end=e)
                    for s, e in spans
                ),
                ignore_conflicts=True,
            )
            # The assignment lock keeps the annotator's other writes out meanwhile.
            waiting.delete()
        if judged != len(set(quote_ids)):
            raise QuoteConflict(None)
    return judged


def speaker_for(project, data: QuoteInput) -> Speaker | None:
    """The chosen speaker, or the one a typed name means, created if the catalog lacks it."""
    if data.speaker is not None or not data.new_speaker_name:
        return data.speaker
    name = data.new_speaker_name
    existing = find_speaker(project, name)
    if existing is not None:
        return existing
    try:
        with transaction.atomic():  # a savepoint: a rival's insert must not end ours
            return Speaker.objects.create(
                project=project, name=name, description=data.new_speaker_description
            )
    except IntegrityError:
        # Someone created the same name since we looked (the unique constraint waited for
        # their commit): both quotes name that one speaker.
        existing = find_speaker(project, name)
        if existing is None:
            raise
        return existing


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
