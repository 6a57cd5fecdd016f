"""What the API returns. Nested quotes use the export format (``articles.exchange``)."""

from django.utils import timezone
from rest_framework import serializers

from articles.models import Article, Project, Quote, Speaker, StanceTarget


class TargetSerializer(serializers.ModelSerializer):
    project = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    class Meta:
        model = StanceTarget
        fields = ["id", "project", "name", "description"]


class ProjectSerializer(serializers.ModelSerializer):
    targets = serializers.SerializerMethodField()
    article_count = serializers.IntegerField(read_only=True)
    quote_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Project
        fields = [
            "slug", "name", "description", "guidelines", "stance_labels",
            "annotators_per_article", "blind", "targets", "article_count", "quote_count",
        ]  # fmt: skip

    def get_targets(self, project) -> list[dict]:
        return [{"name": t.name, "description": t.description} for t in project.targets.all()]


class ArticleListSerializer(serializers.ModelSerializer):
    project = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    quote_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Article
        fields = [
            "id", "project", "title", "outlet", "url", "author", "published_at", "language",
            "external_id", "text_sha256", "created_at", "quote_count",
        ]  # fmt: skip


# What a list of articles reads from the database: ArticleListSerializer's fields, the
# project as its slug.
ARTICLE_LIST_VALUES = tuple(
    "project__slug" if name == "project" else name for name in ArticleListSerializer.Meta.fields
)


def article_list_items(rows) -> list[dict]:
    """What ArticleListSerializer makes of ``ARTICLE_LIST_VALUES`` rows, made directly:
    a serializer per row took most of the time of a page of articles."""
    zone = timezone.get_current_timezone()
    items = []
    for row in rows:
        item = dict(row)
        item["project"] = item.pop("project__slug")
        for name in ("published_at", "created_at"):
            item[name] = _moment(item[name], zone)
        items.append(item)
    return items


def _moment(value, zone) -> str | None:
    """DRF's DateTimeField output: ISO 8601 in the current time zone, UTC as ``Z``."""
    if value is None:
        return None
    text = value.astimezone(zone).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


class QuoteSerializer(serializers.ModelSerializer):
    speaker = serializers.SerializerMethodField()
    annotator = serializers.SlugRelatedField(slug_field="username", read_only=True)
    stances = serializers.SerializerMethodField()

    class Meta:
        model = Quote
        fields = [
            "id", "article", "start", "end", "text", "kind", "speaker", "cue_start", "cue_end",
            "stances", "annotator", "origin", "version", "created_at", "updated_at",
        ]  # fmt: skip

    def get_speaker(self, quote) -> dict | None:
        if quote.speaker is None:
            return None
        return {"id": quote.speaker_id, "name": quote.speaker.name}

    def get_stances(self, quote) -> list[dict]:
        return [{"target": s.target.name, "label": s.label} for s in quote.stances.all()]


class SpeakerSerializer(serializers.ModelSerializer):
    project = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    aliases = serializers.SerializerMethodField()
    quote_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Speaker
        fields = [
            "id", "project", "name", "aliases", "description", "external_id", "proposed",
            "quote_count",
        ]  # fmt: skip

    def get_aliases(self, speaker) -> list[str]:
        return [alias.name for alias in speaker.aliases.all()]
