"""Each article's quotes and assignments, counted, so that the articles page can filter on
them at any size: "no quotes yet", "not assigned" and "done by all" are anti-joins that
read the whole project when few articles match (0.1–0.2 s at 100,000 articles on
PostgreSQL); a row per article with its counts and an index answers them from the few
entries that match.

The database keeps the counts, in the same transaction as the write that changes them
(triggers of migration 0020 on articles, quotes and assignments): every way a row is
written — the ORM, bulk inserts, PostgreSQL's COPY, cascading deletes, raw SQL — counts,
which no code path of ours could promise. The counts are derived data, like an index;
nothing else reads them, and a test compares them with the rows after every kind of write.

Imported by ``articles.models`` so that Django finds the model in the articles app.
"""

from django.db import models
from django.db.models import Q


class ArticleCounts(models.Model):
    """How many quotes (of people and the gold set, not suggestions) and assignments by
    status (skipped ones left out) an article has."""

    article = models.OneToOneField(
        "articles.Article", on_delete=models.CASCADE, primary_key=True, related_name="counts"
    )
    # The article's project, copied by the triggers so that an index can start from it
    # (every index below does: no index of its own).
    project = models.ForeignKey(
        "articles.Project",
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        db_index=False,
        related_name="+",
    )
    quotes = models.PositiveIntegerField(default=0)
    todo = models.PositiveIntegerField(default=0)
    in_progress = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)

    class Meta:
        app_label = "articles"
        verbose_name_plural = "article counts"
        # A change of a count is never a HOT update (the counts are indexed), so each
        # changed row enters the primary key and every index whose condition it matches:
        # with a partial index per status filter, assigning an article writes three
        # entries (key, quotes, "to do") where one index over all statuses made five.
        indexes = [
            # "Has quotes": equal to 0, or more.
            models.Index(fields=["project", "quotes"], name="article_counts_quotes_idx"),
            models.Index(
                fields=["project"],
                condition=Q(todo=0, in_progress=0, done=0),
                name="article_counts_unassigned_idx",
            ),
            models.Index(
                fields=["project"], condition=Q(todo__gt=0), name="article_counts_todo_idx"
            ),
            models.Index(
                fields=["project"],
                condition=Q(in_progress__gt=0),
                name="article_counts_in_progress_idx",
            ),
            models.Index(
                fields=["project"],
                condition=Q(todo=0, in_progress=0, done__gt=0),
                name="article_counts_done_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"article {self.article_id}: {self.quotes} quotes"
