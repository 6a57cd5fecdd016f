"""The project's history over the API: cursor pages of JSON, or the whole of it streamed
as JSONL, with the export's permission (``views._exportable``)."""

from datetime import UTC

from django.http import StreamingHttpResponse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.exceptions import ValidationError
from rest_framework.views import APIView

from articles.api.filters import MAX_ID
from articles.api.pagination import IdCursorPagination
from articles.api.views import _exportable
from articles.exchange.downloads import attachment
from articles.history import reads

_PARAMETERS = {"article", "user", "since", "format", "cursor", "page_size"}


class HistoryView(APIView):
    """Every recorded change to the project's annotation data, oldest first: who, when,
    what (kind, payload with before and after), and the request, token or job it came
    from. Filters: ``article`` (id), ``user`` (username), ``since`` (ISO 8601 time).
    ``format=jsonl`` streams every matching event instead of a page."""

    @extend_schema(
        parameters=[
            OpenApiParameter("article", int),
            OpenApiParameter("user", str),
            OpenApiParameter("since", OpenApiTypes.DATETIME),
            OpenApiParameter("format", str, enum=["json", "jsonl"]),
        ],
        responses=OpenApiTypes.OBJECT,
    )
    def get(self, request, slug):
        project = _exportable(request, slug, "History is for reviewers, researchers and admins.")
        params = request.query_params
        unknown = sorted(set(params) - _PARAMETERS)
        if unknown:
            raise ValidationError({unknown[0]: "unknown parameter"})
        events = reads.filtered(
            reads.events_visible_to(request.user, project),
            article=_article(params.get("article")),
            username=params.get("user"),
            since=_since(params.get("since")),
        )
        kind = params.get("format", "json")
        if kind == "jsonl":
            stamp = timezone.now().strftime("%Y%m%dT%H%M%SZ")
            response = StreamingHttpResponse(
                reads.jsonl_chunks(events), content_type="application/x-ndjson"
            )
            return attachment(response, f"{slug}-history-{stamp}.jsonl")
        if kind != "json":
            raise ValidationError({"format": "must be json or jsonl"})
        paginator = IdCursorPagination()
        page = paginator.paginate_queryset(reads.with_actors(events), request, view=self)
        return paginator.get_paginated_response([reads.item(event) for event in page])


def _article(given: str | None) -> int | None:
    if given is None:
        return None
    if not (given.isascii() and given.isdigit() and len(given) <= 19 and int(given) <= MAX_ID):
        raise ValidationError({"article": "must be an article id (a whole number)"})
    return int(given)


def _since(given: str | None):
    if given is None:
        return None
    try:
        moment = parse_datetime(given)
    except ValueError:
        moment = None
    if moment is None:
        raise ValidationError({"since": "must be an ISO 8601 time, e.g. 2026-12-01T09:00:00Z"})
    if timezone.is_naive(moment):
        moment = moment.replace(tzinfo=UTC)  # a time without a zone is UTC
    return moment
