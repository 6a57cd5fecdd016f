"""Articles uploaded in the browser: a dry run that reports every problem with its file and
line and writes nothing, then the import as a job, all or nothing. The reading, checking
and writing are ``articles.exchange``'s, as the ``import_articles`` command uses them."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from dataclasses import asdict
from datetime import timedelta
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from articles.exchange import interop
from articles.exchange.fast_paths import existing_hashes
from articles.exchange.importing import ImportProblem, import_articles
from articles.exchange.records import ArticleRecord, RecordError, read_member, split_valid
from articles.exchange.uploads import Limits, UploadRefused, open_upload
from articles.history import origin
from articles.ingest.duplicates import NearDuplicates
from articles.jobs import lifecycle
from articles.jobs.models import ProjectJob
from articles.jobs.progress import Cancelled, Progress

TITLES_SHOWN = 20
BATCH = 200  # records read between two looks at the cancel flag


def limits() -> Limits:
    """The command line's limits, with the upload capped at ``ARTICLE_IMPORT_MAX_BYTES``."""
    return Limits(max_bytes=settings.ARTICLE_IMPORT_MAX_BYTES)


def upload_records(job: ProjectJob) -> Iterator[ArticleRecord | RecordError]:
    """Each record (or error) of the job's uploaded file or ZIP archive, errors naming the
    file as uploaded. Raises ``UploadRefused`` for a file that breaks an upload rule."""
    tool = job.options.get("format", "auto")
    if tool in interop.FOLDERS:
        # A ZIP of another tool's folder: its files unpacked as any upload's are.
        with tempfile.TemporaryDirectory() as folder, job.file.open("rb") as stream:
            interop.unpack(stream, name=job.file_name, folder=Path(folder), limits=limits())
            yield from interop.read(tool, Path(folder))
        return
    if tool in ("doccano", "labelstudio"):
        # Another tool's export: one file, read as that tool writes it (quotes to the
        # uploader, as the command's --annotator gives them).
        with job.file.open("rb") as stream:
            data = stream.read()
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / job.file_name
            path.write_bytes(data)
            yield from interop.read(tool, path)
        return
    txt_title = job.options.get("txt_title", "auto")
    with job.file.open("rb") as stream:
        for member in open_upload(stream, name=job.file_name, limits=limits()):
            suffix = PurePosixPath(member.path).suffix
            yield from read_member(member.name, member.data, suffix=suffix, txt_title=txt_title)


def error_items(errors) -> list[dict]:
    """``RecordError``s as the job record keeps them."""
    return [asdict(error) for error in errors]


def check_upload(*, job: ProjectJob) -> ProjectJob:
    """The dry run: read and check the job's file against the project, write nothing but
    the report on ``job`` (``CHECKED``). A file with problems is deleted: it cannot be
    imported as it is."""
    report: dict = {}
    try:
        records, errors = split_valid(upload_records(job))
        if not errors:
            near = _near_duplicates(job)
            if near is not None:
                records = list(near.filter(records))
            result = import_articles(
                project=job.project, records=records, dry_run=True, annotator=_annotator(job)
            )
            report = {"records": len(records), "counts": result.counts()}
            report.update(_titles(job.project, records))
            if near is not None:
                report["near_duplicates"] = [str(held) for held in near.held_back]
    except UploadRefused as refusal:
        errors = [RecordError(refusal.where, 0, refusal.rule)]
    except ImportProblem as problem:
        errors = problem.errors
    expires = timezone.now() + timedelta(seconds=settings.UPLOAD_FILE_TTL)
    ProjectJob.objects.filter(pk=job.pk).update(
        status=ProjectJob.Status.CHECKED,
        result=report,
        errors=error_items(errors)[: lifecycle.MAX_ERRORS_KEPT],
        error=_summary(errors),
        total=report.get("records"),
        expires_at=expires,
    )
    job.refresh_from_db()
    if errors:
        lifecycle.discard_file(job)
    return job


def run_import(job: ProjectJob) -> None:
    """The import job: read the file again (progress: records read), then write it all in
    one transaction that a failure or a cancel rolls back. The upload is deleted after."""
    progress = Progress(job.pk)
    try:
        records, errors = _read(job, progress)
        if errors:
            lifecycle.fail(job, _summary(errors), error_items(errors))
            return
        progress.check()
        progress.report(len(records), len(records), "writing", force=True)
        near = _near_duplicates(job)
        with transaction.atomic(), origin.during(job_id=str(job.pk)):
            if near is not None:
                records = list(near.filter(records))
            result = import_articles(
                project=job.project,
                records=records,
                actor=job.started_by,
                annotator=_annotator(job),
            )
            if near is not None:
                near.fingerprint_imported()
            progress.check()  # a cancel while writing: nothing of it stays
        done = {"records": len(records), "counts": result.counts()}
        if near is not None:
            done["near_duplicates"] = [str(held) for held in near.held_back]
        lifecycle.succeed(job, result=done)
    except Cancelled:
        lifecycle.stop(job)
    except UploadRefused as refusal:
        refused = [RecordError(refusal.where, 0, refusal.rule)]
        lifecycle.fail(job, f"{refusal}; nothing was imported.", error_items(refused))
    except ImportProblem as problem:
        lifecycle.fail(job, _summary(problem.errors), error_items(problem.errors))
    except Exception as error:
        lifecycle.fail(
            job, f"The import stopped on an error ({type(error).__name__}); nothing written."
        )
        raise
    finally:
        progress.close()
        lifecycle.discard_file(job)


def _annotator(job: ProjectJob):
    """Whose another tool's quotes become: the uploader's (newsannot's own files name
    their annotators)."""
    return job.started_by if job.options.get("format", "auto") != "auto" else None


def _near_duplicates(job: ProjectJob) -> NearDuplicates | None:
    """The near-duplicate check the upload asked for, or None."""
    threshold = job.options.get("near_duplicates")
    return None if threshold is None else NearDuplicates(project=job.project, threshold=threshold)


def _read(job: ProjectJob, progress: Progress):
    records, errors = [], []
    for item in upload_records(job):
        (errors if isinstance(item, RecordError) else records).append(item)
        read = len(records) + len(errors)
        if read % BATCH == 0:
            progress.check()
            progress.report(read, job.total, "reading")
    return records, errors


def _titles(project, records: list[ArticleRecord]) -> dict:
    """The first titles of what would be new, and of what the project has already."""
    present = existing_hashes(project, list(dict.fromkeys(r.text_sha256 for r in records)))
    new, known, seen = [], [], set()
    for record in records:
        if record.text_sha256 in present or record.text_sha256 in seen:
            known.append(record.title)
        else:
            new.append(record.title)
        seen.add(record.text_sha256)
    return {"new_titles": new[:TITLES_SHOWN], "known_titles": known[:TITLES_SHOWN]}


def _summary(errors) -> str:
    if not errors:
        return ""
    count = len(errors)
    return f"{count} problem{'s' if count != 1 else ''}; nothing was imported."


def receive_upload(
    *,
    project,
    user,
    upload,
    txt_title: str = "auto",
    near_duplicates: float | None = None,
    format: str = "auto",
) -> ProjectJob:
    """Keep an uploaded file on a new import job and run its dry run (``check_upload``);
    ``txt_title``: how a .txt file's title is taken (``records.TITLE_RULES``);
    ``near_duplicates``: hold back texts this similar to the project's (None: no check)."""
    name = PurePosixPath(upload.name or "upload").name
    job = ProjectJob.objects.create(
        project=project,
        kind=ProjectJob.Kind.IMPORT,
        started_by=user,
        status=ProjectJob.Status.CHECKED,
        file=upload,
        file_name=name[:255],
        options={"txt_title": txt_title, "near_duplicates": near_duplicates, "format": format},
    )
    return check_upload(job=job)


def ready_to_import(job: ProjectJob) -> bool:
    """A checked upload without problems, its file still kept, may be imported."""
    return job.status == ProjectJob.Status.CHECKED and not job.errors and bool(job.file)
