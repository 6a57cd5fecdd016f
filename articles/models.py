"""The annotation data model.

Offsets (``start``, ``end``, ``cue_start``, ``cue_end``, ``speaker_start``,
``speaker_end``) are Unicode code points into ``Article.text``.
``article.text[quote.start:quote.end] == quote.text`` always holds: the CheckConstraints
below guard what one row can, and the triggers (migration 0002, last changed in 0018)
guard the rest (the quote against its article's text, the cue and the speaker's mention
inside it, and the text against edits once quoted).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Length, Lower
from django.db.models.lookups import Exact
from django.urls import reverse
from django.utils.translation import gettext

from articles.exchange.records import text_sha256
from articles.guidelines import render_guidelines
from articles.querysets import (
    ArticleQuerySet,
    AssignmentQuerySet,
    ProjectQuerySet,
    QuoteQuerySet,
    SpeakerQuerySet,
)

DEFAULT_STANCE_LABELS = ["favor", "against", "neutral"]


def default_stance_labels() -> list[str]:
    return list(DEFAULT_STANCE_LABELS)


def validate_stance_labels(value) -> None:
    if not isinstance(value, list) or len(value) < 2:
        raise ValidationError(gettext("Give at least two stance labels as a list of strings."))
    if not all(isinstance(label, str) and label.strip() == label and label for label in value):
        raise ValidationError(
            gettext("Stance labels must be non-empty strings without outer spaces.")
        )
    if len({label.casefold() for label in value}) != len(value):
        raise ValidationError(gettext("Stance labels must be distinct."))


class SearchLanguage(models.TextChoices):
    """PostgreSQL text search configurations a project's quote search may use."""

    SIMPLE = "simple", "Words as written (any language)"
    ENGLISH = "english", "English (by word stems)"
    NORWEGIAN = "norwegian", "Norwegian (by word stems)"


class AttributionScope(models.TextChoices):
    """What the suggestion engine counts as attributed (``articles.extraction.Scope``):
    guidelines differ, and a project's suggestions follow its own."""

    CLAUSES = "clauses", "Quotes and reported speech with a clause (“said that …”)"
    WIDE = "wide", "Also what a verb attributes without a clause (“urged voters to …”), as PARC"


class Project(models.Model):
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=80, unique=True)
    description = models.TextField(blank=True)
    guidelines = models.TextField(
        blank=True, help_text="Annotation guidelines in Markdown. Raw HTML is shown as text."
    )
    stance_labels = models.JSONField(
        default=default_stance_labels,
        validators=[validate_stance_labels],
        help_text='The labels a stance can take, as a JSON list, e.g. ["favor", "against"].',
    )
    annotators_per_article = models.PositiveSmallIntegerField(
        default=1, help_text="How many annotators see each article."
    )
    blind = models.BooleanField(
        default=True, help_text="Annotators see only their own quotes, not each other's."
    )
    suggest_on_import = models.BooleanField(
        default=False, help_text="Run the quote extraction engine on every imported article."
    )
    researchers_suggest = models.BooleanField(
        default=False,
        help_text="Researchers may post model predictions as suggestions to the annotators "
        "(reviewers and admins always may).",
    )
    # PostgreSQL's text search configuration for the quote search: each has its own index
    # (migration 0022), so adding one is a migration.
    search_language = models.CharField(
        max_length=16,
        choices=SearchLanguage.choices,
        default=SearchLanguage.SIMPLE,
        help_text="How the quote search reads words: as written, or by their stems in a "
        "language (PostgreSQL).",
    )
    attribution_scope = models.CharField(
        max_length=16,
        choices=AttributionScope.choices,
        default=AttributionScope.CLAUSES,
        help_text="What the quote suggestions count as attributed: quotes and reported "
        "speech with a clause (newsannot's guideline), or also what a verb attributes "
        "without one ('urged voters to …', 'defended the plan'), as PARC and PolNeAR do.",
    )
    members = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="projects", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ProjectQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(annotators_per_article__gte=1),
                name="project_annotators_per_article_positive",
            ),
            models.CheckConstraint(
                condition=Q(search_language__in=SearchLanguage.values),
                name="project_search_language_valid",
            ),
            models.CheckConstraint(
                condition=Q(attribution_scope__in=AttributionScope.values),
                name="project_attribution_scope_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("admin:articles_project_change", args=[self.pk])

    def guidelines_html(self) -> str:
        """The guidelines rendered from Markdown, with raw HTML and unsafe links neutralised."""
        return render_guidelines(self.guidelines)


class Article(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="articles")
    title = models.CharField(max_length=500)
    text = models.TextField(help_text="Immutable once a quote points into it.")
    text_sha256 = models.CharField(max_length=64, editable=False)
    outlet = models.CharField(max_length=200, blank=True)
    url = models.URLField(max_length=2000, blank=True)
    author = models.CharField(max_length=200, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    language = models.CharField(max_length=16, blank=True, help_text="BCP 47 code, e.g. en, nb.")
    external_id = models.CharField(max_length=200, blank=True)
    metadata = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["project", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "text_sha256"], name="article_unique_text_per_project"
            ),
            # A forgotten hash fails loudly instead of colliding on "".
            models.CheckConstraint(
                condition=Exact(Length("text_sha256"), 64), name="article_text_sha256_is_set"
            ),
            models.CheckConstraint(condition=~Q(text=""), name="article_text_not_empty"),
        ]
        indexes = [
            models.Index(fields=["project", "external_id"]),
            # Lists and exports walk a project's articles in id order, a page at a time.
            models.Index(fields=["project", "id"], name="article_project_id_idx"),
            # The articles page's orders (articles/browse): its page is the first rows of an
            # index scan, whatever the project's size. By date, NULLS LAST: PostgreSQL only
            # (SQLite indexes cannot say it), in migration 0012.
            models.Index(fields=["project", "title", "-id"], name="article_project_title_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    def set_text(self, text: str) -> None:
        """Set the text and its hash; refuse a change once any quote, or any of the
        engine's suggestions (copied into the quotes of annotators assigned later), points
        into the text."""
        if self.pk is not None and text != self._stored_text():
            if self.quotes.exists():
                raise ValidationError(
                    {"text": "The text cannot change: quotes point into it. Delete them first."}
                )
            if self.suggestions.exists():
                raise ValidationError(
                    {
                        "text": "The text cannot change: suggestions point into it. "
                        "Delete them first."
                    }
                )
        self.text = text
        self.text_sha256 = text_sha256(text)

    def clean(self) -> None:
        # ModelForms (the admin) assign text directly; route it through set_text.
        self.set_text(self.text)
        duplicate = (
            Article.objects.filter(project_id=self.project_id, text_sha256=self.text_sha256)
            .exclude(pk=self.pk)
            .first()
        )
        if duplicate is not None:
            raise ValidationError(
                {"text": f"This project already has this exact text: “{duplicate.title}”."}
            )

    def _stored_text(self) -> str:
        return Article.objects.values_list("text", flat=True).get(pk=self.pk)


class Speaker(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="speakers")
    name = models.CharField(max_length=200)
    description = models.CharField(
        max_length=300, blank=True, help_text='Who they are, e.g. "Belarus expert".'
    )
    external_id = models.CharField(
        max_length=100, blank=True, help_text="e.g. a Wikidata QID such as Q42."
    )
    proposed = models.BooleanField(
        default=False, help_text="Added by the suggestion engine: confirm it, or merge it."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = SpeakerQuerySet.as_manager()

    class Meta:
        ordering = ["project", "name"]
        constraints = [
            # PostgreSQL lowers every script; SQLite only ASCII, so speakers.py compares
            # casefolded names as well.
            models.UniqueConstraint(
                F("project"), Lower("name"), name="speaker_unique_name_per_project"
            ),
            models.CheckConstraint(condition=~Q(name=""), name="speaker_name_not_empty"),
        ]

    def __str__(self) -> str:
        return self.name


class SpeakerAlias(models.Model):
    """Another way the texts write a speaker's name, misspellings included."""

    speaker = models.ForeignKey(Speaker, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=200)

    class Meta:
        ordering = ["speaker", "name"]
        verbose_name_plural = "speaker aliases"
        constraints = [
            models.UniqueConstraint(
                F("speaker"), Lower("name"), name="speaker_alias_unique_per_speaker"
            ),
            models.CheckConstraint(condition=~Q(name=""), name="speaker_alias_not_empty"),
        ]

    def __str__(self) -> str:
        return self.name


class StanceTarget(models.Model):
    """What a speaker can be for or against, e.g. "Offshore wind expansion"."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="targets")
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["project", "name"]
        constraints = [
            models.UniqueConstraint(
                F("project"), Lower("name"), name="stance_target_unique_name_per_project"
            ),
            models.CheckConstraint(condition=~Q(name=""), name="stance_target_name_not_empty"),
        ]

    def __str__(self) -> str:
        return self.name


class AssignmentStatus(models.TextChoices):
    TODO = "todo", "To do"
    IN_PROGRESS = "in_progress", "In progress"
    DONE = "done", "Done"
    SKIPPED = "skipped", "Skipped"


class Assignment(models.Model):
    Status = AssignmentStatus
    # The states in which the annotator may still change their set of the article.
    OPEN = frozenset({AssignmentStatus.TODO, AssignmentStatus.IN_PROGRESS})

    # No index of their own: the unique (article, annotator) and the (annotator, status)
    # index serve every lookup, and a distribution writes each index ten thousand times.
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="assignments", db_index=False
    )
    annotator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="assignments",
        db_index=False,
    )
    status = models.CharField(
        max_length=16, choices=AssignmentStatus.choices, default=AssignmentStatus.TODO
    )
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    objects = AssignmentQuerySet.as_manager()

    class Meta:
        ordering = ["article", "annotator"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "annotator"], name="assignment_unique_per_annotator"
            ),
            models.CheckConstraint(
                condition=Q(status__in=AssignmentStatus.values), name="assignment_status_valid"
            ),
        ]
        indexes = [models.Index(fields=["annotator", "status"])]

    def __str__(self) -> str:
        return f"{self.article} → {self.annotator} ({self.get_status_display()})"

    @property
    def is_open(self) -> bool:
        """Whether the annotator may still change their quotes: not done, not skipped."""
        return self.status in self.OPEN


class QuoteKind(models.TextChoices):
    DIRECT = "direct", "Direct"
    INDIRECT = "indirect", "Indirect"
    MIXED = "mixed", "Mixed"


class QuoteOrigin(models.TextChoices):
    HUMAN = "human", "Human"
    SUGGESTED = "suggested", "Suggested"
    ACCEPTED = "accepted", "Accepted suggestion"
    CORRECTED = "corrected", "Corrected suggestion"
    # A reviewer's adjudicated version: the article's gold set, apart from everyone's own.
    GOLD = "gold", "Adjudicated gold"


def optional_span(field: str, *, name: str) -> models.CheckConstraint:
    """``{field}_start`` and ``{field}_end`` both or neither, and not an empty span."""
    start, end = f"{field}_start", f"{field}_end"
    return models.CheckConstraint(
        condition=Q(**{f"{start}__isnull": True, f"{end}__isnull": True})
        | Q(**{f"{start}__isnull": False, f"{end}__isnull": False, f"{end}__gt": F(start)}),
        name=name,
    )


class Spanning:
    """For models with a quote's span, text, kind and cue: quotes and suggestions."""

    @classmethod
    def spanning(cls, original, /, **fields):
        """An unsaved instance with ``original``'s span, text, kind and cue (a quote, a
        suggestion, an engine's or a form's output) and the speaker's mention; ``fields``
        give the rest."""
        # An engine's or a form's output may have no mention.
        fields.setdefault("speaker_start", getattr(original, "speaker_start", None))
        fields.setdefault("speaker_end", getattr(original, "speaker_end", None))
        return cls(
            start=original.start,
            end=original.end,
            text=original.text,
            kind=original.kind,
            cue_start=original.cue_start,
            cue_end=original.cue_end,
            **fields,
        )


class Quote(Spanning, models.Model):
    Kind = QuoteKind
    Origin = QuoteOrigin

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="quotes")
    annotator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="quotes"
    )
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    text = models.TextField()
    kind = models.CharField(max_length=16, choices=QuoteKind.choices, default=QuoteKind.DIRECT)
    speaker = models.ForeignKey(
        Speaker, on_delete=models.PROTECT, null=True, blank=True, related_name="quotes"
    )
    cue_start = models.PositiveIntegerField(null=True, blank=True)
    cue_end = models.PositiveIntegerField(null=True, blank=True)
    # Where the text names the speaker ("Hansen" in "…, says Hansen"), when it does and
    # someone marked it (brat, doccano, Label Studio and INCEpTION files carry it); the
    # speaker themself is ``speaker``, the catalog's entry.
    speaker_start = models.PositiveIntegerField(null=True, blank=True)
    speaker_end = models.PositiveIntegerField(null=True, blank=True)
    origin = models.CharField(max_length=16, choices=QuoteOrigin.choices, default=QuoteOrigin.HUMAN)
    # For a gold quote: the annotator's quote the reviewer took it from, if any.
    source = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="gold_copies"
    )
    version = models.PositiveIntegerField(default=1)
    # The id the browser gave the create request: a retried or double-clicked save
    # finds its quote instead of making a second one.
    request_id = models.UUIDField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = QuoteQuerySet.as_manager()

    class Meta:
        ordering = ["article", "start", "end", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="quote_span_not_empty"),
            models.CheckConstraint(
                condition=Exact(Length("text"), F("end") - F("start")),
                name="quote_text_length_matches_span",
            ),
            optional_span("cue", name="quote_cue_span_valid"),
            optional_span("speaker", name="quote_speaker_span_valid"),
            models.CheckConstraint(condition=Q(kind__in=QuoteKind.values), name="quote_kind_valid"),
            models.CheckConstraint(
                condition=Q(origin__in=QuoteOrigin.values), name="quote_origin_valid"
            ),
            models.CheckConstraint(condition=Q(version__gte=1), name="quote_version_positive"),
            models.UniqueConstraint(
                fields=["article", "annotator", "start", "end"],
                condition=~Q(origin=QuoteOrigin.GOLD),
                name="quote_unique_span_per_annotator",
            ),
            # One gold set per article, whoever adjudicated it.
            models.UniqueConstraint(
                fields=["article", "start", "end"],
                condition=Q(origin=QuoteOrigin.GOLD),
                name="quote_unique_gold_span",
            ),
            models.CheckConstraint(
                condition=Q(source__isnull=True) | Q(origin=QuoteOrigin.GOLD),
                name="quote_source_only_for_gold",
            ),
            models.UniqueConstraint(
                fields=["annotator", "request_id"], name="quote_unique_request_per_annotator"
            ),
        ]
        indexes = [models.Index(fields=["article", "annotator", "start"])]

    def __str__(self) -> str:
        return self.text if len(self.text) <= 60 else self.text[:59] + "…"

    @property
    def cue_text(self) -> str | None:
        if self.cue_start is None:
            return None
        return self.article.text[self.cue_start : self.cue_end]

    @property
    def speaker_mention(self) -> str | None:
        """The words that name the speaker, where they were marked."""
        if self.speaker_start is None:
            return None
        return self.article.text[self.speaker_start : self.speaker_end]

    @property
    def is_gold(self) -> bool:
        return self.origin == QuoteOrigin.GOLD

    def overlaps(self, other: "Quote") -> bool:
        """Whether the two spans share at least one code point."""
        return (
            self.article_id == other.article_id
            and self.start < other.end
            and other.start < self.end
        )


class StanceLabel(models.Model):
    """The stance a quote takes toward one target; the label is one of the project's."""

    quote = models.ForeignKey(Quote, on_delete=models.CASCADE, related_name="stances")
    target = models.ForeignKey(StanceTarget, on_delete=models.PROTECT, related_name="stances")
    label = models.CharField(max_length=50)

    class Meta:
        ordering = ["quote", "target"]
        constraints = [
            models.UniqueConstraint(fields=["quote", "target"], name="stance_unique_per_target"),
            models.CheckConstraint(condition=~Q(label=""), name="stance_label_not_empty"),
        ]

    def __str__(self) -> str:
        return f"{self.target}: {self.label}"


class AdjudicationStatus(models.TextChoices):
    IN_PROGRESS = "in_progress", "In progress"
    DONE = "done", "Adjudicated"


class Adjudication(models.Model):
    """A reviewer's work on one article's gold set: the quotes they kept are the gold
    quotes (origin "gold"); ``dropped`` holds the annotators' quotes judged not to be
    quotes, so that every disagreement ends up decided one way or the other."""

    Status = AdjudicationStatus

    article = models.OneToOneField(Article, on_delete=models.CASCADE, related_name="adjudication")
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="adjudications"
    )
    status = models.CharField(
        max_length=16, choices=AdjudicationStatus.choices, default=AdjudicationStatus.IN_PROGRESS
    )
    dropped = models.ManyToManyField(Quote, blank=True, related_name="dropped_in")
    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["article"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=AdjudicationStatus.values),
                name="adjudication_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(status=AdjudicationStatus.DONE, finished_at__isnull=False)
                | Q(status=AdjudicationStatus.IN_PROGRESS, finished_at__isnull=True),
                name="adjudication_finished_when_done",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.article} adjudicated by {self.reviewer} ({self.get_status_display()})"


class Suggestion(Spanning, models.Model):
    """A quote the extraction engine found in an article: one shared set per article,
    copied into each assigned annotator's quotes (origin "suggested") to accept, correct
    or reject."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="suggestions")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    text = models.TextField()
    kind = models.CharField(max_length=16, choices=QuoteKind.choices)
    speaker = models.ForeignKey(
        Speaker, on_delete=models.SET_NULL, null=True, blank=True, related_name="suggestions"
    )
    cue_start = models.PositiveIntegerField(null=True, blank=True)
    cue_end = models.PositiveIntegerField(null=True, blank=True)
    # Where the engine found the speaker named: the annotators' copies start with it.
    speaker_start = models.PositiveIntegerField(null=True, blank=True)
    speaker_end = models.PositiveIntegerField(null=True, blank=True)
    confidence = models.FloatField()
    source = models.CharField(
        max_length=100, default="newsannot-rules", help_text="The engine or model that made it."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["article", "start", "end"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "start", "end"], name="suggestion_unique_span"
            ),
            models.CheckConstraint(
                condition=Q(end__gt=F("start")), name="suggestion_span_not_empty"
            ),
            models.CheckConstraint(
                condition=Exact(Length("text"), F("end") - F("start")),
                name="suggestion_text_length_matches_span",
            ),
            models.CheckConstraint(
                condition=Q(confidence__gte=0, confidence__lte=1),
                name="suggestion_confidence_between_0_and_1",
            ),
            optional_span("speaker", name="suggestion_speaker_span_valid"),
            models.CheckConstraint(
                condition=Q(kind__in=QuoteKind.values), name="suggestion_kind_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.text if len(self.text) <= 60 else self.text[:59] + "…"


class RejectedSuggestion(models.Model):
    """An annotator said no to a suggested span: it is not offered to them again, and it
    counts against the engine's precision."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="rejections")
    annotator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="rejections"
    )
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["article", "start"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "annotator", "start", "end"],
                name="rejected_suggestion_unique",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.article} {self.start}–{self.end} rejected by {self.annotator}"


# Models of other rooms, here so that Django finds them in the articles app: the history
# (articles.history), the dashboard's and the analysis page's stored figures of large
# projects (articles.review.figures, articles.analysis.stored) and the articles page's
# counts (articles.browse.counts).
from articles.analysis.stored import StoredCorpusFigures  # noqa: E402, F401
from articles.browse.counts import ArticleCounts  # noqa: E402, F401
from articles.history.models import HistoryEvent  # noqa: E402, F401
from articles.review.figures import TeamFigures  # noqa: E402, F401
