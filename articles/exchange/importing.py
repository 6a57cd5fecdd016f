"""Importing articles (``import_articles``): every record checked against the project
and the records before it, written a batch at a time in one transaction: all, or
nothing. The records come from ``articles.exchange.records`` (or ``uploads``); the
database-specific writes from ``articles.exchange.fast_paths``."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone

from articles.exchange.fast_paths import HASHES_A_QUERY, existing_hashes, insert_articles
from articles.exchange.records import (
    AdjudicationRecord,
    ArticleRecord,
    AssignmentRecord,
    RecordError,
)
from articles.history import record as history
from articles.models import (
    Adjudication,
    Article,
    Assignment,
    Project,
    Quote,
    Speaker,
    SpeakerAlias,
    StanceLabel,
    StanceTarget,
)
from articles.quote_checks import stance_label_refused
from articles.speakers import find_speaker
from articles.suggestions import suggest_quotes


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
    actor=None,
) -> ImportResult:
    """Create an article per new text, with the quotes, assignments and adjudication its
    (valid, ``articles.exchange.records``) record carries; a known text gets what its
    record adds, what is there already counted, what differs an ``ImportProblem``.

    Quotes and assignments go to the users they name, or all to ``annotator``. All or
    nothing: one transaction, which a problem anywhere (or ``dry_run``) rolls back.
    ``records`` is read once, a batch at a time, so memory holds one batch whatever the
    file's size. The history gets one event for the import, naming ``actor`` (None: a
    command) and the new articles' ids where the import learnt them."""
    run = _Import(project=project, annotator=annotator, suggest=not dry_run)
    with transaction.atomic():
        for batch in _batches(records):
            run.add(batch)
        if run.errors:
            raise ImportProblem(run.errors)
        result = run.result()
        if dry_run:
            # Written to check each batch against the ones before, as the real import
            # does; none of it stays.
            transaction.set_rollback(True)
            return result
        history.record(
            kind="articles.imported",
            project_id=project.pk,
            actor_id=actor and actor.pk,
            agent="" if actor else "command",
            payload={
                **result.counts(),
                # The COPY path learns no ids unless it needs them: it reads none for this.
                **({"articles": run.new_ids} if run.new_ids else {}),
            },
        )
    return result


# Records checked and written at a time: their texts are what an import holds in memory.
BATCH_ARTICLES = 1000
BATCH_CHARACTERS = 16 * 2**20


def _batches(records: Iterable[ArticleRecord]):
    batch: list[ArticleRecord] = []
    size = 0
    for record in records:
        batch.append(record)
        size += len(record.text)
        if len(batch) >= BATCH_ARTICLES or size >= BATCH_CHARACTERS:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


class _Import:
    """One import, batch after batch: each batch is checked against the project, which
    holds the batches written before it, then written, unless a problem has been found
    (the later batches are still checked, to list their problems too)."""

    def __init__(self, *, project, annotator, suggest: bool):
        self.project, self.annotator = project, annotator
        self.suggest = suggest and project.suggest_on_import
        # Text hash -> the line of the record that made its article in this import, for
        # messages about later records of the same text (a few dozen bytes an article).
        self.made: dict[str, int] = {}
        self.speakers: dict = {}
        self.errors: list[RecordError] = []
        self.counts = dict.fromkeys(ImportResult.__dataclass_fields__, 0)
        self.new_ids: list[int] = []

    def result(self) -> ImportResult:
        return ImportResult(**self.counts)

    def add(self, records: list[ArticleRecord]) -> None:
        project = self.project
        existing = existing_hashes(project, list(dict.fromkeys(r.text_sha256 for r in records)))
        new: dict[str, ArticleRecord] = {}
        for record in records:
            if record.text_sha256 not in existing:
                new.setdefault(record.text_sha256, record)
        try:
            plan = _plan(project, records, existing, self.annotator, self.speakers, self.made)
        except ImportProblem as problem:
            self.errors.extend(problem.errors)
            return
        for name, value in plan.counts().items():
            self.counts[name] += value
        self.counts["created"] += len(new)
        self.counts["duplicates"] += len(records) - len(new)
        if self.errors:
            return  # all will be rolled back: checking the rest is enough
        ids = insert_articles(project, list(new.values()), want_ids=plan.writes or self.suggest)
        ids.update(existing)
        for digest, record in new.items():
            self.made[digest] = record.line
        _import_quotes(project, plan, ids)
        if self.suggest:
            # Before the assignments: a restored set stays as its annotator left it.
            made = Article.objects.filter(pk__in=[ids[digest] for digest in new]).order_by("pk")
            suggest_quotes(articles=list(made))
        _import_work(project, plan, ids)
        room = _IDS_LISTED - len(self.new_ids)
        self.new_ids.extend([ids[digest] for digest in new if digest in ids][:room])


# An import of more articles than this lists only the first ones' ids in its event.
_IDS_LISTED = 10_000


_QUOTE_FIELDS = ("kind", "speaker", "cue", "speaker_mention", "stances", "origin")
_ASSIGNMENT_FIELDS = ("status", "started_at", "finished_at")
_ADJUDICATION_FIELDS = ("reviewer", "status", "finished_at", "started_at")


@dataclass(frozen=True)
class _Version:
    """A quote's content as an import compares it; ``line`` is the file's line it was
    read from, None if it is in the project already."""

    kind: str
    speaker: tuple | None  # ("id", pk) of a catalog entry, or ("new", the folded name)
    cue: tuple[int, int] | None
    speaker_mention: tuple[int, int] | None
    stances: frozenset[tuple[str, str]]  # (folded target, label)
    origin: str
    line: int | None = field(default=None, compare=False)
    speaker_name: str | None = field(default=None, compare=False)
    stance_names: tuple[tuple[str, str], ...] = field(default=(), compare=False)

    def show(self, name: str) -> str:
        if name == "speaker":
            return repr(self.speaker_name) if self.speaker else "none"
        if name in ("cue", "speaker_mention"):
            span = getattr(self, name)
            return f"{span[0]}–{span[1]}" if span else "none"
        if name == "stances":
            return ", ".join(f"{t}: {label}" for t, label in sorted(self.stance_names)) or "none"
        return repr(getattr(self, name))


def _version(
    *, kind, speaker, speaker_name, cue, speaker_mention, stances, origin, line
) -> _Version:
    return _Version(
        kind=kind,
        speaker=speaker,
        cue=cue if cue[0] is not None else None,
        speaker_mention=speaker_mention if speaker_mention[0] is not None else None,
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


def _plan(
    project,
    records: list[ArticleRecord],
    existing: dict[str, int],
    annotator,
    speakers: dict,
    made: dict[str, int],
) -> _Plan:
    """Check every record against the project and the records before it, before anything
    is written; raise ``ImportProblem`` listing every problem found. ``speakers`` is the
    import's cache of the catalog (``_Plan.speakers``); ``made`` the lines of the records
    that made articles earlier in the import, by text hash."""
    plan = _Plan(users=_users(records, annotator), speakers=speakers)
    carried = [
        existing[r.text_sha256]
        for r in records
        if r.text_sha256 in existing and (r.quotes or r.assignments or r.adjudication)
    ]
    quotes, assignments, adjudications = _present(existing, list(dict.fromkeys(carried)), made)
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
        named = set()
        for j, (target, label) in enumerate(quote.stances):
            # Targets are matched ignoring case (``_import_quotes``): one stance a target.
            if target.casefold() in named:
                problem(f"{where}.stances[{j}]", f"the target {target!r} has a stance already")
            named.add(target.casefold())
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
            speaker_mention=(quote.speaker_start, quote.speaker_end),
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


def _present(
    existing: dict[str, int], article_ids: list[int], made: dict[str, int]
) -> tuple[dict, dict, dict]:
    """What these articles of the project hold, keyed as ``_plan`` compares them: quotes,
    assignments, adjudications, each with the line it came from if this import (``made``)
    wrote it. Four queries per thousand articles."""
    digests = {pk: digest for digest, pk in existing.items()}
    quotes: dict[tuple, _Version] = {}
    assignments: dict[tuple, tuple] = {}
    adjudications: dict[str, tuple] = {}
    for i in range(0, len(article_ids), HASHES_A_QUERY):
        chunk = article_ids[i : i + HASHES_A_QUERY]
        stances: dict[int, list[tuple[str, str]]] = {}
        for quote_id, target, label in StanceLabel.objects.filter(
            quote__article_id__in=chunk
        ).values_list("quote_id", "target__name", "label"):
            stances.setdefault(quote_id, []).append((target, label))
        rows = Quote.objects.filter(article_id__in=chunk).values_list(
            "id", "article_id", "annotator__username", "start", "end", "kind", "speaker_id",
            "speaker__name", "cue_start", "cue_end", "speaker_start", "speaker_end", "origin",
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
            speaker_start,
            speaker_end,
            origin,
        ) in rows:
            gold = origin == Quote.Origin.GOLD
            quotes[(digests[article], gold, "" if gold else username, start, end)] = _version(
                kind=kind,
                speaker=None if speaker is None else ("id", speaker),
                speaker_name=name,
                cue=(cue_start, cue_end),
                speaker_mention=(speaker_start, speaker_end),
                stances=stances.get(pk, []),
                origin=origin,
                line=made.get(digests[article]),
            )
        for article, username, status, started, finished in Assignment.objects.filter(
            article_id__in=chunk
        ).values_list("article_id", "annotator__username", "status", "started_at", "finished_at"):
            found = AssignmentRecord(username, status, started, finished)
            assignments[(digests[article], username)] = (found, made.get(digests[article]))
        for article, username, status, started, finished in Adjudication.objects.filter(
            article_id__in=chunk
        ).values_list("article_id", "reviewer__username", "status", "started_at", "finished_at"):
            found = AdjudicationRecord(username, status, started, finished)
            adjudications[digests[article]] = (found, made.get(digests[article]))
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
            speaker_start=q.speaker_start,
            speaker_end=q.speaker_end,
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
    try:
        with transaction.atomic():  # a savepoint a batch: the refusal is told, not raised
            StanceLabel.objects.bulk_create(
                (
                    StanceLabel(quote=quote, target=target, label=label)
                    for quote, target, label in stances
                ),
                batch_size=1000,
            )
    except IntegrityError as error:
        gone = stance_label_refused(error) and _labels_gone(project, plan)
        if not gone:
            raise
        raise ImportProblem(gone) from None


def _labels_gone(project, plan: _Plan) -> list[RecordError]:
    """The database refused a stance's label: the project's labels changed since the import
    checked them. Each planned stance whose label it no longer has, by file and line."""
    labels = Project.objects.values_list("stance_labels", flat=True).get(pk=project.pk)
    return [
        RecordError(
            record.path,
            record.line,
            f"{label!r} for {target!r} is no longer one of the project's labels "
            f"({', '.join(labels)}): they changed during the import",
            f"quotes[{record.quotes.index(q)}].stances",
        )
        for record, q, _ in plan.quotes
        for target, label in q.stances
        if label not in labels
    ]


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
