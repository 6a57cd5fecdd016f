"""The admins' API bodies and answers: projects' settings, members, stance targets, people.
JSON types are taken as sent (``serializers``' strict fields): a value of another type is
a 400 naming its field."""

from rest_framework import serializers

from accounts.people import MAX_CSV_BYTES, ROLES
from articles.api.serializers import (
    ProjectSerializer,
    StrictChoiceField,
    StringField,
    WholeNumberField,
)
from articles.models import AttributionScope, SearchLanguage

MAX_USERS_AT_ONCE = 1000


class StrictBooleanField(serializers.BooleanField):
    default_error_messages = {"invalid": "must be true or false"}

    def to_internal_value(self, data):
        if not isinstance(data, bool):
            self.fail("invalid")
        return data


class ProjectSettingsSerializer(ProjectSerializer):
    """A project as its admins read it: every setting, the targets and the counts."""

    class Meta(ProjectSerializer.Meta):
        fields = [
            *ProjectSerializer.Meta.fields,
            "suggest_on_import",
            "researchers_suggest",
            "search_language",
            "attribution_scope",
        ]


class ProjectChangeSerializer(serializers.Serializer):
    """PATCH projects/{slug}/: the settings to change (the slug is fixed)."""

    name = StringField(max_length=200, required=False)
    description = StringField(allow_blank=True, required=False)
    guidelines = StringField(
        allow_blank=True, required=False, help_text="Markdown; raw HTML is shown as text."
    )
    stance_labels = serializers.ListField(
        child=StringField(max_length=50),
        min_length=2,
        max_length=50,
        required=False,
        help_text="At least two distinct labels; one that stances use cannot be taken away.",
    )
    annotators_per_article = WholeNumberField(min_value=1, max_value=100, required=False)
    blind = StrictBooleanField(required=False)
    suggest_on_import = StrictBooleanField(required=False)
    researchers_suggest = StrictBooleanField(required=False)
    search_language = serializers.ChoiceField(
        choices=SearchLanguage.choices,
        required=False,
        help_text="How the quote search reads words (PostgreSQL): as written, or by stems.",
    )
    attribution_scope = serializers.ChoiceField(
        choices=AttributionScope.choices,
        required=False,
        help_text="What the quote suggestions count as attributed: 'clauses' (reported "
        "speech with a clause) or 'wide' (also what a verb attributes without one, as PARC).",
    )

    def to_internal_value(self, data):
        if isinstance(data, dict) and "slug" in data:
            raise serializers.ValidationError({"slug": "cannot change: links and exports name it"})
        return super().to_internal_value(data)


class ProjectCreateSerializer(ProjectChangeSerializer):
    """POST projects/: a new project; what is left out takes the defaults."""

    slug = serializers.SlugField(max_length=80, help_text="Fixed once made.")
    name = StringField(max_length=200)
    targets = serializers.ListField(
        child=StringField(max_length=200),
        max_length=200,
        required=False,
        help_text="Names of stance targets to make with it.",
    )

    def to_internal_value(self, data):
        return serializers.Serializer.to_internal_value(self, data)


class PersonSerializer(serializers.Serializer):
    """A person as admins see them."""

    id = serializers.IntegerField()
    username = serializers.CharField()
    email = serializers.CharField()
    role = serializers.ChoiceField(
        choices=[(role, role) for role in ["", *ROLES]],
        help_text="admin (staff), annotator, reviewer, researcher, or empty for none.",
    )
    is_active = serializers.BooleanField()
    date_joined = serializers.DateTimeField()
    last_login = serializers.DateTimeField(allow_null=True)


class PersonCreateSerializer(serializers.Serializer):
    """POST users/: one person; a link to set a password goes to the address."""

    username = StringField(max_length=150)
    email = StringField(max_length=254)
    role = StrictChoiceField(choices=[(role, role) for role in ROLES])


class PersonChangeSerializer(serializers.Serializer):
    """PATCH users/{id}/: a new role, or deactivate (false) and reactivate (true)."""

    role = StrictChoiceField(choices=[(role, role) for role in ROLES], required=False)
    is_active = StrictBooleanField(
        required=False, help_text="false ends their sessions and tokens; their work stays."
    )

    def validate(self, attrs):
        if not attrs:
            raise serializers.ValidationError({"role": "give role or is_active"})
        return attrs


class PeopleCsvSerializer(serializers.Serializer):
    """POST users/bulk/: a CSV text with a header row (username, email, role)."""

    csv = StringField(max_length=MAX_CSV_BYTES, help_text="The CSV file's text, UTF-8.")
    dry_run = StrictBooleanField(
        required=False, default=False, help_text="Check every line and write nothing."
    )


class PeopleCsvLineSerializer(serializers.Serializer):
    line = serializers.IntegerField()
    username = serializers.CharField()
    email = serializers.CharField()
    role = serializers.CharField()


class PeopleCsvResultSerializer(serializers.Serializer):
    """200 to a dry run (``created`` empty), 201 once everybody is added. A line at fault
    is a 400 naming it: ``{"line 3.email": [...]}``; nobody is added."""

    dry_run = serializers.BooleanField()
    lines = PeopleCsvLineSerializer(many=True)
    created = PersonSerializer(many=True)


class PasswordLinkSentSerializer(serializers.Serializer):
    detail = serializers.CharField()


class MembersAddSerializer(serializers.Serializer):
    users = serializers.ListField(
        child=StringField(max_length=150),
        min_length=1,
        max_length=MAX_USERS_AT_ONCE,
        help_text="Usernames of active people.",
    )


class MembersChangedSerializer(serializers.Serializer):
    added = serializers.ListField(child=serializers.CharField(), help_text="Usernames newly added.")
    members = PersonSerializer(many=True)


class MemberRemovedSerializer(serializers.Serializer):
    removed = serializers.CharField()
    open_assignments = serializers.IntegerField(
        help_text="Their assignments here still open: hand them on (their work stays)."
    )


class TargetCreateSerializer(serializers.Serializer):
    name = StringField(max_length=200)
    description = StringField(allow_blank=True, required=False, default="")
