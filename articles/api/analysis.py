"""The analysis pages' reads over the API: a speaker's quotes and the stances on a target,
in the corpus a ``labels``/``annotator`` choice counts (``articles.analysis.corpus``),
cursor-paged by id, for the project's reviewers, researchers and admins."""

from django.contrib.auth import get_user_model
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.views import APIView

from articles.analysis.corpus import Source, corpus_quotes
from articles.api.pagination import IdCursorPagination
from articles.models import Project, Speaker, StanceLabel, StanceTarget
from articles.querysets import sees_whole_team

_PARAMETERS = {"labels", "annotator", "cursor", "page_size", "count"}
SOURCE = [
    OpenApiParameter("labels", str, enum=["gold", "annotators"]),
    OpenApiParameter("annotator", str, description="one annotator's quotes (a username)"),
]


def _project(request, slug) -> Project:
    project = get_object_or_404(Project.objects.visible_to(request.user), slug=slug)
    if not sees_whole_team(request.user):
        raise NotFound("Only the project's reviewers, researchers and admins read the corpus.")
    return project


def _source(request, project) -> Source:
    params = request.query_params
    unknown = sorted(set(params) - _PARAMETERS)
    if unknown:
        raise ValidationError({unknown[0]: "unknown parameter"})
    labels = params.get("labels", "gold")
    if labels not in ("gold", "annotators"):
        raise ValidationError({"labels": "must be gold or annotators"})
    annotator = None
    if name := params.get("annotator"):
        annotator = get_user_model().objects.filter(username=name, projects=project).first()
        if annotator is None:
            raise ValidationError({"annotator": "no member of the project has this username"})
    return Source(gold=labels == "gold", annotator=annotator)


def quote_item(quote) -> dict:
    article = quote.article
    return {
        "id": quote.pk,
        "text": quote.text,
        "kind": quote.kind,
        "origin": quote.origin,
        "annotator": quote.annotator.get_username(),
        "speaker": quote.speaker_id,
        "stances": [{"target": s.target.name, "label": s.label} for s in quote.stances.all()],
        "article": {
            "id": article.pk,
            "title": article.title,
            "outlet": article.outlet,
            "published_at": article.published_at.isoformat() if article.published_at else None,
        },
    }


class SpeakerQuotesView(APIView):
    """Every quote by one speaker in the corpus (gold where adjudicated, else the
    annotators'; or as ``labels``/``annotator`` choose), oldest id first."""

    @extend_schema(parameters=SOURCE, responses=OpenApiTypes.OBJECT)
    def get(self, request, slug, speaker_id):
        project = _project(request, slug)
        speaker = get_object_or_404(Speaker, pk=speaker_id, project=project)
        quotes = (
            corpus_quotes(project, _source(request, project))
            .filter(speaker=speaker)
            .select_related("article", "annotator")
            .prefetch_related("stances__target")
        )
        paginator = IdCursorPagination()
        page = paginator.paginate_queryset(quotes, request, view=self)
        return paginator.get_paginated_response([quote_item(quote) for quote in page])


class TargetStancesView(APIView):
    """Every stance on one target in the corpus: the label, the quote, its speaker and
    article; oldest id first."""

    @extend_schema(parameters=SOURCE, responses=OpenApiTypes.OBJECT)
    def get(self, request, slug, target_id):
        project = _project(request, slug)
        target = get_object_or_404(StanceTarget, pk=target_id, project=project)
        stances = StanceLabel.objects.filter(
            target=target, quote__in=corpus_quotes(project, _source(request, project)).order_by()
        ).select_related("quote__article", "quote__speaker")
        paginator = IdCursorPagination()
        page = paginator.paginate_queryset(stances, request, view=self)
        return paginator.get_paginated_response(
            [
                {
                    "id": stance.pk,
                    "label": stance.label,
                    "quote": stance.quote_id,
                    "text": stance.quote.text,
                    "speaker": stance.quote.speaker.name if stance.quote.speaker_id else None,
                    "article": stance.quote.article_id,
                    "outlet": stance.quote.article.outlet,
                    "published_at": stance.quote.article.published_at.isoformat()
                    if stance.quote.article.published_at
                    else None,
                }
                for stance in page
            ]
        )
