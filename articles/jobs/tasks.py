"""The tasks django-tasks runs (``manage.py db_worker``, or at once with the immediate
backend). Each takes a ``ProjectJob`` id and leaves its outcome on that record."""

try:  # Django 6 has the framework built in; 5.2 has the django-tasks backport.
    from django.tasks import task
except ImportError:
    from django_tasks import task

from articles.jobs import exporting, fetching, importing, lifecycle, suggesting


@task()
def run_import(job_id: int) -> str:
    """Import a checked upload into its project, all or nothing."""
    job = lifecycle.claim(job_id)
    if job is None:
        return "cancelled"
    importing.run_import(job)
    return job.status


@task()
def run_export(job_id: int) -> str:
    """Write an export file and its manifest."""
    job = lifecycle.claim(job_id)
    if job is None:
        return "cancelled"
    exporting.run_export(job)
    return job.status


@task()
def run_suggestions(job_id: int) -> str:
    """Run the engine over a project's articles and give annotators the suggestions."""
    job = lifecycle.claim(job_id)
    if job is None:
        return "cancelled"
    suggesting.run_suggestions(job)
    return job.status


@task()
def run_fetch(job_id: int) -> str:
    """Fetch a list of news pages into a project, each page on its own."""
    job = lifecycle.claim(job_id)
    if job is None:
        return "cancelled"
    fetching.run_fetch(job)
    return job.status


@task()
def prune_job_files() -> int:
    """Delete export files and unimported uploads past their time; fail the running jobs
    whose worker died."""
    lifecycle.fail_stale()
    return lifecycle.prune_files()
