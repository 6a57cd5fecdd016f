"""What the API returns. Nested quotes use the export format (``articles.exchange``)."""

from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from articles.api.filters import MAX_ID
from articles.models import Article, Assignment, Project, Quote, Speaker, StanceTarget
from articles.quote_checks import QuoteInvalid, check_quote


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
    speaker_mention = serializers.SerializerMethodField()
    annotator = serializers.SlugRelatedField(slug_field="username", read_only=True)
    stances = serializers.SerializerMethodField()

    class Meta:
        model = Quote
        fields = [
            "id", "article", "start", "end", "text", "kind", "speaker", "speaker_mention",
            "cue_start", "cue_end", "stances", "annotator", "origin", "version", "created_at",
            "updated_at",
        ]  # fmt: skip

    def get_speaker(self, quote) -> dict | None:
        if quote.speaker is None:
            return None
        return {"id": quote.speaker_id, "name": quote.speaker.name}

    @extend_schema_field(
        {
            "type": "object",
            "nullable": True,
            "properties": {"start": {"type": "integer"}, "end": {"type": "integer"}},
            "description": "Where the article's text names the speaker (code points), if "
            "marked; like the cue, without the words, which the article's text has.",
        }
    )
    def get_speaker_mention(self, quote) -> dict | None:
        if quote.speaker_start is None:
            return None
        return {"start": quote.speaker_start, "end": quote.speaker_end}

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


# Writes ------------------------------------------------------------------------------------
# Each request body and answer of ``articles.api.writes``, for parsing and for the schema.
# JSON types are taken as sent (no "5" for 5, no true for 1): a value of another type is
# a 400 naming its field, checked before anything reads it (a list nested 1,000 deep
# would break Python's repr).


class WholeNumberField(serializers.IntegerField):
    default_error_messages = {"invalid": "must be a whole number"}

    def to_internal_value(self, data):
        if not isinstance(data, int) or isinstance(data, bool):
            self.fail("invalid")
        return super().to_internal_value(data)


class StringField(serializers.CharField):
    default_error_messages = {"invalid": "must be a string"}

    def __init__(self, **kwargs):
        kwargs.setdefault("trim_whitespace", False)
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class StrictChoiceField(serializers.ChoiceField):
    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid_choice", input="a non-string")
        return super().to_internal_value(data)


@extend_schema_field(
    {
        "oneOf": [
            {"type": "integer", "minimum": 1, "maximum": MAX_ID, "description": "an id"},
            {"type": "string", "maxLength": 200, "description": "a name, new or known"},
            {
                "type": "object",
                "properties": {
                    "id": {"type": "integer", "minimum": 1, "maximum": MAX_ID},
                    "name": {"type": "string", "maxLength": 200},
                },
            },
        ],
        "nullable": True,
        "description": "The speaker: an id from /api/speakers/, a name (found or proposed), "
        "an object with either (as quotes read), or null.",
    }
)
class SpeakerReferenceField(serializers.Field):
    """A speaker's id (int), a name (str), ``{"id": …}`` or ``{"name": …}``, or null."""

    default_error_messages = {"invalid": "give a speaker's id, a name, or null"}

    def __init__(self, **kwargs):
        super().__init__(required=False, allow_null=True, **kwargs)

    def to_internal_value(self, data):
        if isinstance(data, dict):
            data = data.get("id", data.get("name"))
        if isinstance(data, int) and not isinstance(data, bool):
            if not 0 < data <= MAX_ID:
                self.fail("invalid")
            return data
        if isinstance(data, str):
            if len(data) > 200:
                raise serializers.ValidationError(
                    "Ensure this field has no more than 200 characters."
                )
            return data
        if data is None:
            return None
        self.fail("invalid")

    def to_representation(self, value):
        return value


class CueSerializer(serializers.Serializer):
    """Where the words that introduce the quote are ("sa", "says"), in code points."""

    start = WholeNumberField(min_value=0)
    end = WholeNumberField(min_value=1)


class MentionSerializer(serializers.Serializer):
    """Where the text names the quote's speaker ("Hansen"), in code points."""

    start = WholeNumberField(min_value=0)
    end = WholeNumberField(min_value=1)


class StanceWriteSerializer(serializers.Serializer):
    target = StringField(help_text="A stance target of the project, by name.")
    label = StringField(
        required=False,
        allow_blank=True,
        allow_null=True,
        help_text="A label of the project's scheme; empty for no stance.",
    )


class QuoteWriteSerializer(serializers.Serializer):
    """One quote as the API takes it, checked against its article by ``check_quote`` (the
    workspace's own validator). Context: ``article`` and ``targets`` (its project's)."""

    start = WholeNumberField(min_value=0, help_text="Offset in code points.")
    end = WholeNumberField(min_value=1, help_text="Offset in code points, past the last.")
    text = StringField(
        max_length=1024 * 1024, help_text="The article's text from start to end, exactly."
    )
    kind = StrictChoiceField(choices=Quote.Kind.choices, required=False, default=Quote.Kind.DIRECT)
    speaker = SpeakerReferenceField()
    speaker_description = StringField(
        max_length=300, required=False, allow_blank=True, allow_null=True
    )
    cue = CueSerializer(required=False, allow_null=True)
    speaker_mention = MentionSerializer(required=False, allow_null=True)
    stances = StanceWriteSerializer(many=True, required=False, allow_null=True)

    def validate(self, attrs):
        article, targets = self.context["article"], self.context["targets"]
        by_name = {t.name.casefold(): t for t in targets}
        stances = {}
        for j, stance in enumerate(attrs.get("stances") or ()):
            if not isinstance(stance, dict):
                raise serializers.ValidationError({f"stances[{j}]": "must be a JSON object"})
            target = by_name.get(stance["target"].casefold())
            if target is None:
                raise serializers.ValidationError({f"stances[{j}].target": "no such target here"})
            stances[target.pk] = stance.get("label") or ""
        speaker = attrs.get("speaker")
        cue = attrs.get("cue") or {}
        mention = attrs.get("speaker_mention") or {}
        data = {
            "start": attrs["start"],
            "end": attrs["end"],
            "text": attrs["text"],
            "kind": attrs.get("kind", Quote.Kind.DIRECT),
            "speaker": speaker if isinstance(speaker, int) else None,
            "speaker_name": speaker if isinstance(speaker, str) else "",
            "speaker_description": (
                (attrs.get("speaker_description") or "") if isinstance(speaker, str) else ""
            ),
            "cue_start": cue.get("start"),
            "cue_end": cue.get("end"),
            "speaker_start": mention.get("start"),
            "speaker_end": mention.get("end"),
            "stances": stances,
        }
        try:
            return check_quote(article, targets, data)
        except QuoteInvalid as invalid:
            raise serializers.ValidationError(
                {name or "non_field_errors": messages for name, messages in invalid.errors.items()}
            ) from None


# The origins a batch may have (named in SPECTACULAR_SETTINGS' ENUM_NAME_OVERRIDES).
POSTED_ORIGINS = [(Quote.Origin.HUMAN.value, "human"), (Quote.Origin.SUGGESTED.value, "suggested")]


class QuoteBatchSerializer(serializers.Serializer):
    """POST articles/{id}/quotes/: several quotes, all or nothing. (A bare JSON array of
    quotes is taken too, as ``origin: human``.)"""

    quotes = QuoteWriteSerializer(
        many=True,
        allow_empty=False,
        help_text="At most API_MAX_QUOTES_PER_REQUEST (1,000 unless configured).",
    )
    origin = StrictChoiceField(
        choices=POSTED_ORIGINS,
        required=False,
        default=Quote.Origin.HUMAN,
        help_text="human: into your own set (you must be assigned); suggested: a model's "
        "suggestions into every annotator's set (reviewers and admins).",
    )
    model = StringField(
        required=False,
        allow_null=True,
        allow_blank=True,
        help_text="The model that suggested them (origin suggested); default 'api'.",
    )


class QuotesCreatedSerializer(serializers.Serializer):
    """201 to a quote batch: ``created`` (origin human) or ``suggestions`` and ``copies``."""

    created = serializers.ListField(
        child=serializers.IntegerField(), required=False, help_text="The new quotes' ids."
    )
    suggestions = serializers.IntegerField(required=False, help_text="Suggestions stored.")
    copies = serializers.IntegerField(
        required=False, help_text="Quotes made from them in annotators' sets."
    )


class QuoteChangeSerializer(QuoteWriteSerializer):
    """PATCH quotes/{id}/: the fields to change, and the version you read (required)."""

    version = WholeNumberField(min_value=1, help_text="The version you read (required).")


class QuoteStateSerializer(serializers.Serializer):
    """A quote as it stands now (after a conflict), in the workspace form's shape."""

    id = serializers.IntegerField()
    version = serializers.IntegerField()
    start = serializers.IntegerField()
    end = serializers.IntegerField()
    kind = serializers.ChoiceField(choices=Quote.Kind.choices)
    origin = serializers.ChoiceField(choices=Quote.Origin.choices)
    speaker = serializers.IntegerField(source="speaker_id", allow_null=True)
    speaker_name = serializers.SerializerMethodField()
    cue_start = serializers.IntegerField(allow_null=True)
    cue_end = serializers.IntegerField(allow_null=True)
    cue_text = serializers.SerializerMethodField()
    stances = serializers.SerializerMethodField()

    def get_speaker_name(self, quote) -> str:
        return quote.speaker.name if quote.speaker else ""

    def get_cue_text(self, quote) -> str:
        if quote.cue_start is None:
            return ""
        return quote.article.text[quote.cue_start : quote.cue_end]

    @extend_schema_field(
        {
            "type": "object",
            "additionalProperties": {"type": "string"},
            "description": "Stance labels by target id.",
        }
    )
    def get_stances(self, quote) -> dict:
        # Keyed by target id, as the workspace's form: a name would cost a query a stance.
        return {str(s.target_id): s.label for s in quote.stances.all()}


class QuoteConflictSerializer(serializers.Serializer):
    """409: the quote changed (``current`` shows it) or is gone (``current`` null)."""

    detail = serializers.CharField()
    current = QuoteStateSerializer(allow_null=True)


class DetailSerializer(serializers.Serializer):
    """409: the article's state forbids the write; nothing was saved."""

    detail = serializers.CharField()


class StatusChangeSerializer(serializers.Serializer):
    status = StrictChoiceField(
        choices=[Assignment.Status.DONE, Assignment.Status.IN_PROGRESS],
        error_messages={"invalid_choice": "must be done or in_progress"},
        help_text="done: mark it done; in_progress: reopen it.",
    )


class AssignmentStatusSerializer(serializers.Serializer):
    article = serializers.IntegerField(source="article_id")
    status = serializers.ChoiceField(choices=Assignment.Status.choices)
    started_at = serializers.DateTimeField(allow_null=True)
    finished_at = serializers.DateTimeField(allow_null=True)


class SuggestionsWaitingSerializer(serializers.Serializer):
    """409 to Done: suggestions still wait to be judged."""

    detail = serializers.CharField()
    waiting_suggestions = serializers.IntegerField(
        required=False, help_text="How many still wait (only when that is the reason)."
    )


JUDGEMENTS = ["accept", "reject"]  # a suggestion's fate; named in the schema's enums


class JudgeSuggestionsSerializer(serializers.Serializer):
    MAX_QUOTES = 5000

    action = StrictChoiceField(
        choices=JUDGEMENTS, error_messages={"invalid_choice": "must be accept or reject"}
    )
    quotes = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=MAX_ID),
        allow_empty=False,
        max_length=MAX_QUOTES,
        help_text="Ids of your waiting suggestions on this article.",
    )

    def to_internal_value(self, data):
        # Checked before the list is read item by item: 5,000 at most, whole numbers only.
        ids = data.get("quotes") if isinstance(data, dict) else None
        if isinstance(ids, list) and len(ids) > self.MAX_QUOTES:
            raise serializers.ValidationError(
                {"quotes": f"at most {self.MAX_QUOTES:,} quotes at once"}
            )
        if (
            not isinstance(ids, list)
            or not ids
            or not all(
                isinstance(i, int) and not isinstance(i, bool) and 0 < i <= MAX_ID for i in ids
            )
        ):
            errors = {"quotes": ["give a non-empty list of quote ids"]}
            action = data.get("action") if isinstance(data, dict) else None
            if action not in ("accept", "reject"):
                errors["action"] = ["must be accept or reject"]
            raise serializers.ValidationError(errors)
        return super().to_internal_value(data)


class SuggestionsJudgedSerializer(serializers.Serializer):
    judged = serializers.IntegerField(help_text="How many were accepted or rejected.")
    action = serializers.ChoiceField(choices=JUDGEMENTS)


class ArticleRecordSerializer(serializers.Serializer):
    """One article as ``import_articles`` (and the export) spells it; validated by the
    exchange's own record reader. An exported record's quotes, assignments and
    adjudication may come along."""

    title = serializers.CharField()
    text = serializers.CharField()
    outlet = serializers.CharField(required=False, allow_blank=True)
    url = serializers.URLField(required=False, allow_blank=True)
    author = serializers.CharField(required=False, allow_blank=True)
    published_at = serializers.DateTimeField(required=False, allow_null=True)
    language = serializers.CharField(required=False, allow_blank=True)
    external_id = serializers.CharField(required=False, allow_blank=True)
    metadata = serializers.DictField(required=False)


class ArticlesImportedSerializer(serializers.Serializer):
    """201 to an import: what was added and what was there already."""

    created = serializers.IntegerField()
    duplicates = serializers.IntegerField()
    quotes = serializers.IntegerField()
    quotes_present = serializers.IntegerField()
    assignments = serializers.IntegerField()
    assignments_present = serializers.IntegerField()
    adjudications = serializers.IntegerField()
    errors = serializers.IntegerField()
