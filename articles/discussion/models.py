"""A flag on a quote or an article, and the replies in its thread. Notes are plain text
(escaped wherever shown) of 1 to ``NOTE_MAX`` characters, which the database checks too."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Length
from django.db.models.lookups import GreaterThanOrEqual, LessThanOrEqual
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.discussion.querysets import FlagQuerySet

NOTE_MAX = 2000


def _note_fits(field: str) -> Q:
    return Q(GreaterThanOrEqual(Length(field), 1), LessThanOrEqual(Length(field), NOTE_MAX))


class Reason(models.TextChoices):
    UNSURE = "unsure", _("Unsure")
    GUIDELINES = "guidelines", _("Guidelines unclear")
    TEXT = "text", _("Problem in the text")


class Status(models.TextChoices):
    OPEN = "open", _("Open")
    RESOLVED = "resolved", _("Resolved")


class Flag(models.Model):
    """Raised by an annotator on one of the article's quotes (``quote_id``, a plain id
    that outlives a deleted quote, with the quote's words kept) or on the whole article."""

    Reason = Reason
    Status = Status

    project = models.ForeignKey("articles.Project", on_delete=models.CASCADE, related_name="flags")
    article = models.ForeignKey("articles.Article", on_delete=models.CASCADE, related_name="flags")
    quote_id = models.BigIntegerField(null=True, blank=True)
    quote_text = models.TextField(blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="flags"
    )
    reason = models.CharField(max_length=16, choices=Reason.choices)
    note = models.TextField()
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField(default=timezone.now)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    resolved_at = models.DateTimeField(null=True, blank=True)

    objects = FlagQuerySet.as_manager()

    class Meta:
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(condition=_note_fits("note"), name="flag_note_length"),
            models.CheckConstraint(condition=Q(reason__in=Reason.values), name="flag_reason_known"),
            models.CheckConstraint(
                condition=Q(status=Status.OPEN, resolved_at__isnull=True)
                | Q(status=Status.RESOLVED, resolved_at__isnull=False),
                name="flag_resolved_when_resolved",
            ),
        ]
        indexes = [
            models.Index(fields=["project", "status", "id"], name="flag_project_status_idx"),
            models.Index(fields=["article", "id"], name="flag_article_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_reason_display()} #{self.pk}"

    @property
    def is_open(self) -> bool:
        return self.status == Status.OPEN


class FlagReply(models.Model):
    """One message in a flag's thread."""

    flag = models.ForeignKey(Flag, on_delete=models.CASCADE, related_name="replies")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="flag_replies"
    )
    note = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["id"]
        verbose_name_plural = "flag replies"
        constraints = [
            models.CheckConstraint(condition=_note_fits("note"), name="flag_reply_note_length"),
        ]

    def __str__(self) -> str:
        return f"Reply #{self.pk} to flag #{self.flag_id}"
