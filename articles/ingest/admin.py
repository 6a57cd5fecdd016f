from django.contrib import admin
from django.db import models, transaction

from articles.ingest.models import ArticleRevision, Feed, FeedEntry
from articles.ingest.tasks import poll_feed_task


class FeedEntryInline(admin.TabularInline):
    model = FeedEntry
    extra = 0
    can_delete = False
    fields = ["seen_at", "status", "url", "article", "error"]
    readonly_fields = fields
    ordering = ["-seen_at"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Feed)
class FeedAdmin(admin.ModelAdmin):
    list_display = ["__str__", "project", "active", "interval_minutes", "last_polled_at"]
    list_filter = ["active", "project"]
    search_fields = ["url", "title"]
    readonly_fields = ["title", "last_polled_at", "last_error", "created_at"]
    inlines = [FeedEntryInline]
    # A URL typed without a scheme is https (Django 6's default, said now).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not change and obj.active:
            # The first poll starts the feed's chain of polls (articles/ingest/tasks.py).
            transaction.on_commit(lambda: poll_feed_task.enqueue(obj.pk))


@admin.register(ArticleRevision)
class ArticleRevisionAdmin(admin.ModelAdmin):
    """What a reviewer checks after a revised article came in: the quotes not carried."""

    list_display = ["new", "old", "carried", "lost_count", "created_at"]
    readonly_fields = ["old", "new", "carried", "lost", "created_at"]

    @admin.display(description="quotes lost")
    def lost_count(self, revision) -> int:
        return len(revision.lost)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
