"""A job's states: created, queued, claimed by the task, finished or cancelled. Each
step is one conditional update, so that a cancel and a worker never both win."""

from __future__ import annotations

import logging
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from articles.jobs.models import ProjectJob

logger = logging.getLogger(__name__)
MAX_ERRORS_KEPT = 200

Status = ProjectJob.Status


def enqueue(job: ProjectJob) -> bool:
    """Queue ``job``'s task (a checked upload becomes queued, once); False if it was not
    waiting to be queued. Call outside a transaction: the worker must find the row (with
    the immediate backend the task runs here and now)."""
    from articles.jobs import tasks

    if job.status == Status.CHECKED:
        waiting = ProjectJob.objects.filter(pk=job.pk, status=Status.CHECKED)
        if not waiting.update(status=Status.QUEUED):
            return False  # queued by someone else a moment ago, or discarded
    elif job.status != Status.QUEUED:
        return False
    task = {
        ProjectJob.Kind.IMPORT: tasks.run_import,
        ProjectJob.Kind.EXPORT: tasks.run_export,
        ProjectJob.Kind.SUGGEST: tasks.run_suggestions,
        ProjectJob.Kind.FETCH: tasks.run_fetch,
    }
    result = task[job.kind].enqueue(job.pk)
    ProjectJob.objects.filter(pk=job.pk, task_id="").update(task_id=str(result.id)[:64])
    return True


def claim(job_id: int) -> ProjectJob | None:
    """Mark the queued job running and return it; None if it was cancelled (or is gone)."""
    now = timezone.now()
    claimed = ProjectJob.objects.filter(pk=job_id, status=Status.QUEUED).update(
        status=Status.RUNNING, started_at=now, heartbeat_at=now
    )
    if not claimed:
        return None
    return ProjectJob.objects.select_related("project", "started_by").get(pk=job_id)


def cancel(job: ProjectJob) -> None:
    """Stop ``job``: a checked upload or a queued job at once (its upload deleted), a
    running one when its task next looks (between batches). A finished job stays as is."""
    now = timezone.now()
    waiting = ProjectJob.objects.filter(pk=job.pk, status__in=[Status.CHECKED, Status.QUEUED])
    if waiting.update(status=Status.CANCELLED, cancel_requested=True, finished_at=now):
        job.refresh_from_db()
        if job.kind == ProjectJob.Kind.IMPORT:
            discard_file(job)
        return
    ProjectJob.objects.filter(pk=job.pk, status=Status.RUNNING).update(cancel_requested=True)


def succeed(job: ProjectJob, *, result: dict, **fields) -> None:
    """Record what the job did; an export's file is kept for ``EXPORT_FILE_TTL``."""
    now = timezone.now()
    if job.kind == ProjectJob.Kind.EXPORT:
        fields["expires_at"] = now + timedelta(seconds=settings.EXPORT_FILE_TTL)
    _finish(job, Status.DONE, result=result, **fields)


def fail(job: ProjectJob, error: str, errors: list[dict] = ()) -> None:
    """Record why the job failed: a summary and each problem with its file and line."""
    _finish(job, Status.FAILED, error=error, errors=list(errors)[:MAX_ERRORS_KEPT])


def stop(job: ProjectJob) -> None:
    """Record that the job stopped when asked, having written nothing."""
    _finish(job, Status.CANCELLED, phase="")


def note(job: ProjectJob, **fields) -> None:
    """Record more of a finished job (what a stopped one had done)."""
    ProjectJob.objects.filter(pk=job.pk).update(**fields)
    for name, value in fields.items():
        setattr(job, name, value)


def _finish(job: ProjectJob, status: str, **fields) -> None:
    fields["finished_at"] = timezone.now()
    ProjectJob.objects.filter(pk=job.pk).update(status=status, **fields)
    for name, value in fields.items():
        setattr(job, name, value)
    job.status = status


def discard_file(job: ProjectJob) -> None:
    """Delete the job's file from storage and forget it."""
    if not job.file:
        return
    try:
        job.file.delete(save=False)
    except OSError:
        logger.warning("Could not delete %s of job %s", job.file.name, job.pk, exc_info=True)
    ProjectJob.objects.filter(pk=job.pk).update(file="")
    job.file = ""


def prune_files(now=None) -> int:
    """Delete the files past their time (exports, uploads never imported); return how
    many. The jobs stay, without their files."""
    pruned = 0
    for job in ProjectJob.objects.expired(now).only("pk", "file"):
        discard_file(job)
        pruned += 1
    return pruned


def fail_stale(now=None) -> int:
    """Fail the running jobs whose task gave no sign of life for ``JOB_STALE_AFTER``
    seconds (its worker was killed or lost its database): they would show "running"
    forever. What such a job wrote was rolled back with its transaction. Returns how
    many were failed."""
    now = now or timezone.now()
    after = settings.JOB_STALE_AFTER
    stale = ProjectJob.objects.filter(
        status=Status.RUNNING, heartbeat_at__lt=now - timedelta(seconds=after)
    )
    return stale.update(
        status=Status.FAILED,
        finished_at=now,
        error=(
            f"The worker stopped while running this job: no sign of life for {after // 60} "
            "minutes. Nothing it wrote was kept. Check that `manage.py db_worker` runs, "
            "then start the job again."
        ),
    )
