"""Who may start and see which jobs: imports are the admins' (as ``import_articles`` and
the API's import are), exports are for reviewers, researchers and admins of the project
(as the API's export is)."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from accounts.roles import oversees, reviews
from articles.jobs.models import ProjectJob
from articles.models import Project

IMPORT_REFUSAL = "Only admins import articles."
EXPORT_REFUSAL = "Exports are for reviewers, researchers and admins."
SUGGEST_REFUSAL = "Suggestions for a whole project are for reviewers and admins."


def may_import(user) -> bool:
    return user.is_staff


def may_export(user) -> bool:
    return user.is_staff or oversees(user)


def importable_project(user, slug: str) -> Project:
    """The project if the user sees it (else 404) and may import into it (else 403)."""
    project = get_object_or_404(Project.objects.visible_to(user), slug=slug)
    if not may_import(user):
        raise PermissionDenied(IMPORT_REFUSAL)
    return project


def exportable_project(user, slug: str) -> Project:
    """The project if the user sees it (else 404) and may export from it (else 403)."""
    project = get_object_or_404(Project.objects.visible_to(user), slug=slug)
    if not may_export(user):
        raise PermissionDenied(EXPORT_REFUSAL)
    return project


def suggestible_project(user, slug: str) -> Project:
    """The project if the user sees it (else 404) and may run the engine over it (403)."""
    project = get_object_or_404(Project.objects.visible_to(user), slug=slug)
    if not reviews(user):
        raise PermissionDenied(SUGGEST_REFUSAL)
    return project


def visible_job(user, job_id: int) -> ProjectJob:
    """The job if its project is the user's (else 404) and they may do what it does
    (else 403): checked again at every poll and download."""
    jobs = ProjectJob.objects.select_related("project", "started_by")
    job = get_object_or_404(jobs.filter(project__in=Project.objects.visible_to(user)), pk=job_id)
    if job.kind in (ProjectJob.Kind.IMPORT, ProjectJob.Kind.FETCH) and not may_import(user):
        raise PermissionDenied(IMPORT_REFUSAL)
    if job.kind == ProjectJob.Kind.EXPORT and not may_export(user):
        raise PermissionDenied(EXPORT_REFUSAL)
    if job.kind == ProjectJob.Kind.SUGGEST and not reviews(user):
        raise PermissionDenied(SUGGEST_REFUSAL)
    return job
