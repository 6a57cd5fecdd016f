"""The project's flags over the API: cursor pages of JSON, or all of them streamed as
JSONL, with the export's permission (``views._exportable``)."""

from django.http import StreamingHttpResponse
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.exceptions import ValidationError
from rest_framework.views import APIView

from articles.api.history import _article
from articles.api.pagination import IdCursorPagination
from articles.api.views import _exportable
from articles.discussion import export
from articles.discussion.models import Flag
from articles.exchange.downloads import attachment

_PARAMETERS = {"article", "status", "format", "cursor", "page_size"}


class FlagsView(APIView):
    """Every flag of the project with its thread, oldest first. Filters: ``article``
    (id), ``status`` (open or resolved). ``format=jsonl`` streams every matching flag."""

    @extend_schema(
        parameters=[
            OpenApiParameter("article", int),
            OpenApiParameter("status", str, enum=["open", "resolved"]),
            OpenApiParameter("format", str, enum=["json", "jsonl"]),
        ],
        responses=OpenApiTypes.OBJECT,
    )
    def get(self, request, slug):
        project = _exportable(request, slug, "Flags are for reviewers, researchers and admins.")
        params = request.query_params
        unknown = sorted(set(params) - _PARAMETERS)
        if unknown:
            raise ValidationError({unknown[0]: "unknown parameter"})
        flags = Flag.objects.filter(project=project)
        if (article := _article(params.get("article"))) is not None:
            flags = flags.filter(article_id=article)
        if (status := params.get("status")) is not None:
            if status not in Flag.Status.values:
                raise ValidationError({"status": "must be open or resolved"})
            flags = flags.filter(status=status)
        kind = params.get("format", "json")
        if kind == "jsonl":
            stamp = timezone.now().strftime("%Y%m%dT%H%M%SZ")
            response = StreamingHttpResponse(
                export.jsonl_chunks(flags), content_type="application/x-ndjson"
            )
            return attachment(response, f"{slug}-flags-{stamp}.jsonl")
        if kind != "json":
            raise ValidationError({"format": "must be json or jsonl"})
        paginator = IdCursorPagination()
        page = paginator.paginate_queryset(flags.with_thread().order_by("id"), request, view=self)
        return paginator.get_paginated_response([export.item(flag) for flag in page])
