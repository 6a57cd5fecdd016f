"""What ingestion keeps: the feeds a project polls, each feed entry seen (so an item is
imported once), and the raw page an article was read from (so its extraction can be
redone and audited)."""

import zlib

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q


class Feed(models.Model):
    """An RSS or Atom feed whose new items become articles of ``project``."""

    project = models.ForeignKey("articles.Project", on_delete=models.CASCADE, related_name="feeds")
    url = models.URLField(max_length=2000)
    title = models.CharField(max_length=300, blank=True)
    active = models.BooleanField(default=True)
    interval_minutes = models.PositiveIntegerField(
        default=60, validators=[MinValueValidator(5)], help_text="Minutes between polls."
    )
    last_polled_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["project", "url"]
        constraints = [
            models.UniqueConstraint(fields=["project", "url"], name="feed_unique_url_per_project"),
            models.CheckConstraint(
                condition=Q(interval_minutes__gte=5), name="feed_interval_at_least_5_minutes"
            ),
        ]

    def __str__(self) -> str:
        return self.title or self.url


class FeedEntryStatus(models.TextChoices):
    IMPORTED = "imported", "Imported"
    DUPLICATE = "duplicate", "Duplicate text"
    NEAR_DUPLICATE = "near_duplicate", "Near-duplicate text"
    FAILED = "failed", "Failed"


class FeedEntry(models.Model):
    """One item of a feed, seen once: imported, a text the project had, or failed."""

    Status = FeedEntryStatus

    feed = models.ForeignKey(Feed, on_delete=models.CASCADE, related_name="entries")
    url = models.URLField(max_length=2000)
    status = models.CharField(max_length=16, choices=FeedEntryStatus.choices)
    article = models.ForeignKey(
        "articles.Article", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    error = models.TextField(blank=True)
    seen_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["feed", "-seen_at"]
        verbose_name_plural = "feed entries"
        constraints = [
            models.UniqueConstraint(fields=["feed", "url"], name="feed_entry_unique_url"),
            models.CheckConstraint(
                condition=Q(status__in=FeedEntryStatus.values), name="feed_entry_status_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.url} ({self.status})"


class PageSource(models.Model):
    """The page an article's text was read from, compressed, with its hash."""

    MAX_HTML_BYTES = 5 * 1024 * 1024  # the fetch cap: nothing larger arrives

    article = models.OneToOneField(
        "articles.Article", on_delete=models.CASCADE, related_name="page_source"
    )
    url = models.URLField(max_length=2000, blank=True)
    final_url = models.URLField(max_length=2000, blank=True)
    html_sha256 = models.CharField(max_length=64)
    html_zlib = models.BinaryField()
    html_bytes = models.PositiveIntegerField()
    extractor = models.CharField(max_length=100)
    fetched_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(html_bytes__lte=5 * 1024 * 1024), name="page_source_size_capped"
            ),
        ]

    def __str__(self) -> str:
        return self.url or f"page of article {self.article_id}"

    @staticmethod
    def compress(html: bytes) -> bytes:
        return zlib.compress(html, level=6)

    @property
    def html(self) -> bytes:
        """The raw page as fetched."""
        return zlib.decompress(bytes(self.html_zlib))


class TextFingerprint(models.Model):
    """An article's MinHash signature (articles/ingest/similarity.py), to find the same
    story imported again from another outlet."""

    article = models.OneToOneField(
        "articles.Article", on_delete=models.CASCADE, related_name="fingerprint"
    )
    signature = models.JSONField()

    def __str__(self) -> str:
        return f"fingerprint of article {self.article_id}"


class TextBand(models.Model):
    """One band of a signature: texts sharing a band value are compared."""

    fingerprint = models.ForeignKey(TextFingerprint, on_delete=models.CASCADE, related_name="bands")
    # The article's project, kept here so that a lookup is one index scan.
    project = models.ForeignKey("articles.Project", on_delete=models.CASCADE, related_name="+")
    band = models.PositiveSmallIntegerField()
    value = models.BigIntegerField()

    class Meta:
        indexes = [models.Index(fields=["project", "value"], name="text_band_lookup")]

    def __str__(self) -> str:
        return f"band {self.band} of {self.fingerprint_id}"


class ArticleRevision(models.Model):
    """A newer version of an article (the same URL, new text): both are kept, the old
    one's quotes carried onto the new text where their words are still there, the rest
    listed in ``lost`` for a reviewer."""

    old = models.ForeignKey("articles.Article", on_delete=models.CASCADE, related_name="+")
    new = models.OneToOneField(
        "articles.Article", on_delete=models.CASCADE, related_name="revision_of"
    )
    carried = models.PositiveIntegerField()
    # [{"quote": old quote id, "annotator": username, "text": ..., "reason": ...}]
    lost = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"article {self.new_id} revises {self.old_id}"
