"""The assignments API's bodies and answers: who annotates which article, and the three
ways to change it (the Distribute page's distribute and reassign, the admin's assign)."""

from drf_spectacular.utils import PolymorphicProxySerializer
from rest_framework import serializers

from articles.api.filters import MAX_ID
from articles.api.serializers import StrictChoiceField, StringField, WholeNumberField
from articles.models import Assignment

MAX_AT_ONCE = 1000  # articles or people named in one request


class AssignmentSerializer(serializers.ModelSerializer):
    """One annotator's assignment of one article."""

    annotator = serializers.SlugRelatedField(slug_field="username", read_only=True)
    article_title = serializers.CharField(source="article.title", read_only=True)

    class Meta:
        model = Assignment
        fields = [
            "id", "article", "article_title", "annotator", "status", "created_at",
            "started_at", "finished_at",
        ]  # fmt: skip


def _usernames(**kwargs):
    return serializers.ListField(
        child=StringField(max_length=150), min_length=1, max_length=MAX_AT_ONCE, **kwargs
    )


class DistributeSerializer(serializers.Serializer):
    """Bring every article up to ``per_article`` annotators from ``annotators``, least
    loaded first; articles that have enough keep what they have. Records ``per_article``
    as the project's annotators per article."""

    action = StrictChoiceField(choices=["distribute"])
    annotators = _usernames(help_text="Usernames of the project's annotators to spread over.")
    per_article = WholeNumberField(min_value=1, max_value=20)


class AssignSerializer(serializers.Serializer):
    """Give each of the articles to each of the annotators who does not have it yet."""

    action = StrictChoiceField(choices=["assign"])
    articles = serializers.ListField(
        child=WholeNumberField(min_value=1, max_value=MAX_ID),
        min_length=1,
        max_length=MAX_AT_ONCE,
        help_text="Ids of the project's articles.",
    )
    annotators = _usernames(help_text="Usernames of active annotators; they become members.")


class ReassignSerializer(serializers.Serializer):
    """Hand the unfinished (to do, in progress) articles of ``leaving`` to ``annotators``,
    one replacement per article, least loaded first; their finished work stays theirs."""

    action = StrictChoiceField(choices=["reassign"])
    leaving = StringField(max_length=150, help_text="Username of the annotator who left.")
    annotators = _usernames(help_text="Usernames of the project's annotators to take over.")


ACTIONS = {
    "distribute": DistributeSerializer,
    "assign": AssignSerializer,
    "reassign": ReassignSerializer,
}

ASSIGNMENTS_REQUEST = PolymorphicProxySerializer(
    component_name="AssignmentsChange",
    serializers=list(ACTIONS.values()),
    resource_type_field_name="action",
)


class AssignmentsChangedSerializer(serializers.Serializer):
    """What a change made."""

    action = serializers.ChoiceField(choices=list(ACTIONS))
    assigned = serializers.IntegerField(help_text="Assignments made (or revived).")
    articles = serializers.IntegerField(
        required=False, help_text="Articles that got at least one (distribute, reassign)."
    )
    loads = serializers.DictField(
        child=serializers.IntegerField(),
        help_text="Each named annotator's active assignments in the project afterwards.",
    )
