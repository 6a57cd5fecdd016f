"""``articles/{id}/adjudication/``: a reviewer builds the article's gold set as the
adjudication board does, by the same functions (``articles.review.adjudication``): take an
annotator's version of a group, drop or reset a group, take every unanimous group, finish,
reopen. The annotators' quotes and their ids are read from ``quotes/?article={id}``; the
gold set from ``articles/{id}/?annotations=gold``."""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from articles.api.filters import MAX_ID
from articles.api.serializers import DetailSerializer, StrictChoiceField, WholeNumberField
from articles.api.writes import Refused, validated_data
from articles.models import Adjudication, Article, Quote
from articles.permissions import can_adjudicate
from articles.review import adjudication

GROUP_ACTIONS = {
    "take": adjudication.take_version,
    "drop": adjudication.drop_group,
    "reset": adjudication.reset_group,
}
ARTICLE_ACTIONS = {
    "take_unanimous": adjudication.take_unanimous,
    "finish": adjudication.finish,
    "reopen": adjudication.reopen,
}
# What a refusal may name; any other refusal is about the article's state (409).
FIELDS = ("quote", "status")


class AdjudicationActionSerializer(serializers.Serializer):
    action = StrictChoiceField(
        choices=[*GROUP_ACTIONS, *ARTICLE_ACTIONS],
        help_text="take (an annotator's version of its group into gold), drop (the group is "
        "no quote), reset (undo the group's decision), take_unanimous, finish, reopen.",
    )
    quote = WholeNumberField(
        min_value=1,
        max_value=MAX_ID,
        required=False,
        help_text="For take, drop and reset: the id of an annotator's quote of the group.",
    )


class AdjudicationStateSerializer(serializers.Serializer):
    action = serializers.CharField()
    article = serializers.IntegerField()
    status = serializers.ChoiceField(
        choices=Adjudication.Status.choices,
        allow_null=True,
        help_text="The adjudication's status; null before it starts.",
    )
    gold_quotes = serializers.IntegerField()
    taken = serializers.IntegerField(required=False, help_text="take_unanimous: groups taken.")


class AdjudicationView(APIView):
    """One decision on an article's gold set (the project's reviewers and admins)."""

    @extend_schema(
        request=AdjudicationActionSerializer,
        responses={
            200: AdjudicationStateSerializer,
            409: OpenApiResponse(
                DetailSerializer,
                description="The article's state forbids it (annotators not all done, "
                "adjudicated already, groups undecided); nothing was changed.",
            ),
        },
    )
    def post(self, request, article_id):
        article = get_object_or_404(
            Article.objects.visible_to(request.user).select_related("project"), pk=article_id
        )
        if not can_adjudicate(request.user, article.project):
            raise PermissionDenied(_("Adjudication is for the project's reviewers and admins."))
        data = validated_data(AdjudicationActionSerializer, request.data)
        action = data["action"]
        body = {"action": action, "article": article.pk}
        try:
            if action in GROUP_ACTIONS:
                if "quote" not in data:
                    raise ValidationError(
                        {"quote": _("is required to %(action)s a group") % {"action": action}}
                    )
                GROUP_ACTIONS[action](
                    article=article, reviewer=request.user, quote_id=data["quote"]
                )
            else:
                done = ARTICLE_ACTIONS[action](article=article, reviewer=request.user)
                if action == "take_unanimous":
                    body["taken"] = done
        except adjudication.AdjudicationError as error:
            field, _sep, message = str(error).partition(": ")
            if message and field in FIELDS:
                raise ValidationError({field: message}) from None
            raise Refused(str(error)) from None
        state = Adjudication.objects.filter(article=article).values_list("status", flat=True)
        body["status"] = next(iter(state), None)
        body["gold_quotes"] = Quote.objects.gold().filter(article=article).count()
        return Response(body)
