"""Suggestions for a whole project as a job: the engine over every article, each article
in its own transaction (``articles.suggestions``), so a cancel or a failure keeps the
articles finished before it and leaves none half-done."""

from __future__ import annotations

from articles.history import origin
from articles.jobs import lifecycle
from articles.jobs.models import ProjectJob
from articles.jobs.progress import Cancelled, Progress
from articles.models import Article
from articles.suggestions import suggest_quotes


def start_suggestions(*, project, user) -> ProjectJob:
    """A queued suggestion job for ``project`` (``lifecycle.enqueue`` runs it)."""
    return ProjectJob.objects.create(
        project=project, kind=ProjectJob.Kind.SUGGEST, started_by=user, status="queued"
    )


def run_suggestions(job: ProjectJob) -> None:
    """The job: the engine over the project's articles in id order, progress and the
    cancel flag looked at between articles."""
    progress = Progress(job.pk)
    articles = Article.objects.filter(project=job.project).select_related("project")
    total = articles.count()
    finished = 0

    def watched():
        nonlocal finished
        for article in articles.order_by("pk").iterator(chunk_size=200):
            progress.check()
            yield article
            finished += 1
            progress.report(finished, total, "suggesting")

    try:
        with origin.during(job_id=str(job.pk)):
            result = suggest_quotes(articles=watched())
        progress.report(total, total, "suggesting", force=True)
        lifecycle.succeed(job, result=_result(result))
    except Cancelled:
        lifecycle.stop(job)
        lifecycle.note(job, result={"articles": finished})
    except Exception as error:
        lifecycle.fail(
            job,
            f"The suggestions stopped on an error ({type(error).__name__}) after {finished} "
            "articles; those keep their suggestions, the others have none new.",
        )
        raise
    finally:
        progress.close()


def _result(result) -> dict:
    return {
        "articles": result.articles,
        "suggestions": result.suggestions,
        "copies": result.copies,
        "new_speakers": result.new_speakers,
    }
