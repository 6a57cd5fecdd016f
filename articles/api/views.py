"""Read-only API views. Every queryset starts from what the requesting user may read."""

from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404, HttpResponse, JsonResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import viewsets
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.roles import oversees
from articles.api import filters, reads, serializers
from articles.api.writes import QuoteChanges
from articles.exchange import interop, streams
from articles.exchange.downloads import attachment
from articles.models import Article, Project, Quote, Speaker, StanceTarget
from articles.review.team import project_agreement

ANNOTATIONS = OpenApiParameter(
    "annotations",
    str,
    description="all (default: every annotator's own quotes), gold (the adjudicated set) "
    "or annotator:<username>",
)


def _selection(request) -> streams.Selection:
    try:
        return streams.Selection.parse(request.query_params.get("annotations", "all"))
    except ValueError as error:
        raise ValidationError({"annotations": str(error).split(": ", 1)[1]}) from None


def _include_unannotated(request) -> bool:
    include = request.query_params.get("include_unannotated", "true")
    if include not in ("true", "false"):
        raise ValidationError({"include_unannotated": "must be true or false"})
    return include == "true"


def _exportable(
    request, slug: str, refusal: str = "Exports are for reviewers, researchers and admins."
) -> Project:
    """The project if the user sees it (else a 404) and may export from it (else a 403
    saying ``refusal``)."""
    project = get_object_or_404(Project.objects.visible_to(request.user), slug=slug)
    if not (request.user.is_staff or oversees(request.user)):
        raise PermissionDenied(refusal)
    return project


class ProjectViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = serializers.ProjectSerializer
    lookup_field = "slug"
    filterset_class = None

    def get_queryset(self):
        return (
            Project.objects.visible_to(self.request.user)
            .with_counts(self.request.user)
            .prefetch_related("targets")
            .order_by("id")
        )


class ArticleViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Article.objects.none()  # for the schema; get_queryset is what serves
    filterset_class = filters.ArticleFilter
    lookup_value_regex = r"[0-9]{1,18}"

    def get_queryset(self):
        user = self.request.user
        quotes = Quote.objects.visible_to(user).filter(article=OuterRef("pk")).order_by()
        counted = quotes.values("article").annotate(n=Count("pk")).values("n")
        # No DISTINCT: every visible_to path yields an article once, and a DISTINCT would
        # make the database count the quotes of every article before taking a page.
        return Article.objects.visible_to(user).annotate(quote_count=Coalesce(Subquery(counted), 0))

    def get_serializer_class(self):
        return serializers.ArticleListSerializer

    def list(self, request, *args, **kwargs):
        """Articles (without their text) with their quote counts, a page at a time."""
        queryset = self.filter_queryset(self.get_queryset())
        page = self.paginate_queryset(queryset.values(*serializers.ARTICLE_LIST_VALUES))
        return self.get_paginated_response(serializers.article_list_items(page))

    @extend_schema(parameters=[ANNOTATIONS], responses=OpenApiTypes.OBJECT)
    def retrieve(self, request, *args, **kwargs):
        """The article with its quotes, in the export format (offsets in code points,
        UTF-16 units and UTF-8 bytes)."""
        body = reads.article(request.user, int(kwargs["pk"]), _selection(request))
        if body is None:
            raise Http404
        if isinstance(body, bytes):  # made by PostgreSQL (reads.article_json)
            return HttpResponse(body, content_type="application/json")
        return Response(body)


class QuoteViewSet(QuoteChanges, viewsets.ReadOnlyModelViewSet):
    queryset = Quote.objects.none()  # for the schema; get_queryset is what serves
    serializer_class = serializers.QuoteSerializer
    lookup_value_regex = r"[0-9]{1,18}"
    filterset_class = filters.QuoteFilter

    def get_queryset(self):
        return (
            Quote.objects.visible_to(self.request.user)
            .select_related("speaker", "annotator")
            .prefetch_related("stances__target")
        )


class SpeakerViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = serializers.SpeakerSerializer
    filterset_class = filters.SpeakerFilter

    def get_queryset(self):
        # The catalog is the project's, shared by all; the counts are what the user may see.
        projects = Project.objects.visible_to(self.request.user)
        return (
            Speaker.objects.filter(project__in=projects)
            .select_related("project")
            .prefetch_related("aliases")
            .with_quote_counts(self.request.user)
        )


class TargetViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = serializers.TargetSerializer
    filterset_class = filters.TargetFilter

    def get_queryset(self):
        projects = Project.objects.visible_to(self.request.user)
        return StanceTarget.objects.filter(project__in=projects).select_related("project")


class ExportView(APIView):
    """A project's articles and quotes, streamed as JSONL (one article a line), CSV, or
    another tool's format: doccano JSONL, Label Studio JSON, CoNLL BIO tokens, Parquet (a
    row per article, or per quote with ``parquet-quotes``)."""

    @extend_schema(
        parameters=[
            OpenApiParameter("format", str, enum=streams.FORMATS),
            ANNOTATIONS,
            OpenApiParameter("include_unannotated", bool),
        ],
        responses={(200, "application/x-ndjson"): OpenApiTypes.STR},
    )
    def get(self, request, slug):
        project = _exportable(request, slug)
        allowed = {"format", "annotations", "include_unannotated"}
        unknown = sorted(set(request.query_params) - allowed)
        if unknown:
            raise ValidationError({unknown[0]: "unknown parameter"})
        kind = request.query_params.get("format", "jsonl")
        if kind not in streams.FORMATS:
            raise ValidationError({"format": f"must be one of {', '.join(streams.FORMATS)}"})
        # Read lazily, from one snapshot, as the response is sent (streams.chunks).
        chunks = streams.chunks(
            project, _selection(request), kind, include_unannotated=_include_unannotated(request)
        )
        stamp = timezone.now().strftime("%Y%m%dT%H%M%SZ")
        types = {"jsonl": "application/x-ndjson", "csv": "text/csv; charset=utf-8"}
        response = StreamingHttpResponse(
            chunks, content_type=types.get(kind) or interop.CONTENT_TYPES[kind]
        )
        return attachment(response, f"{slug}-{stamp}.{interop.EXTENSIONS.get(kind, kind)}")


class ManifestView(APIView):
    """The export's datasheet: counts, label scheme, guidelines and their hash, versions,
    read from one snapshot."""

    @extend_schema(
        parameters=[ANNOTATIONS, OpenApiParameter("include_unannotated", bool)],
        responses=OpenApiTypes.OBJECT,
    )
    def get(self, request, slug):
        project = _exportable(request, slug)
        include = _include_unannotated(request)
        return Response(streams.manifest(project, _selection(request), include_unannotated=include))


@csrf_exempt  # a 404 for any method; nothing is read or written
def not_found(request, *args, **kwargs):
    return JsonResponse({"detail": "Not found."}, status=404)


class AgreementView(APIView):
    """Agreement between the project's annotators on the articles they share: quote
    spans, speakers, kinds and stances, per pair, annotator and article, each figure
    with the number of items behind it (the dashboard shows the same)."""

    @extend_schema(responses=OpenApiTypes.OBJECT)
    def get(self, request, slug):
        project = _exportable(request, slug, "Agreement is for reviewers, researchers and admins.")
        adjudicated = project.articles.adjudicated().count()
        report = project_agreement(project).as_dict()
        return Response({"project": project.slug, "adjudicated_articles": adjudicated, **report})
