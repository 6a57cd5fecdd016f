"""News pages over the API: a list of URLs becomes a fetch job (``articles.jobs.fetching``)
that the worker runs; the job's state, progress and per-URL errors are read back."""

from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from articles.jobs import access, fetching, lifecycle
from articles.jobs.models import ProjectJob
from articles.models import Project


def job_item(job: ProjectJob) -> dict:
    """A job as the API gives it."""
    return {
        "id": job.pk,
        "kind": job.kind,
        "status": job.status,
        "done": job.done,
        "total": job.total,
        "result": job.result,
        "error": job.error or None,
        "errors": job.errors,
        "created_at": job.created_at.isoformat(),
        "finished_at": job.finished_at.isoformat() if job.finished_at else None,
    }


class PagesView(APIView):
    """Admins give page URLs (at most 1,000); a job fetches them safely, one at a time per
    site, and imports each page's main text. Answers 202 with the job."""

    @extend_schema(
        request=inline_serializer(
            "PageURLs", {"urls": serializers.ListField(child=serializers.URLField())}
        ),
        responses={202: OpenApiTypes.OBJECT},
    )
    def post(self, request, slug):
        project = get_object_or_404(Project.objects.visible_to(request.user), slug=slug)
        if not request.user.is_staff:
            raise PermissionDenied("Only admins add articles.")
        urls = request.data.get("urls") if isinstance(request.data, dict) else None
        if not isinstance(urls, list) or not all(isinstance(url, str) for url in urls):
            raise ValidationError({"urls": "must be a list of URLs"})
        try:
            checked = fetching.parse_urls("\n".join(url.replace("\n", " ") for url in urls))
        except fetching.URLsRefused as refused:
            raise ValidationError(
                {f"urls[{line - 1}]": [message] for line, message in refused.errors}
            ) from None
        job = fetching.start_fetch(project=project, user=request.user, urls=checked)
        lifecycle.enqueue(job)
        job.refresh_from_db()
        return Response(job_item(job), status=202)


class JobView(APIView):
    """A job of a project the caller may see: its state, progress, result and errors."""

    @extend_schema(responses=OpenApiTypes.OBJECT)
    def get(self, request, job_id):
        return Response(job_item(access.visible_job(request.user, job_id)))
