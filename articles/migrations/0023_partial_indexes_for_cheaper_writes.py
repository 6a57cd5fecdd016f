"""Partial indexes where an index held entries no lookup reads, so that bulk writes
(assigning ten thousand articles) write fewer index entries: each status filter of the
articles page has its own, and the history's quote and actor indexes leave out events of
no quote or no person."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0022_project_search_language"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="articlecounts",
            name="article_counts_status_idx",
        ),
        migrations.RemoveIndex(
            model_name="articlecounts",
            name="article_counts_progress_idx",
        ),
        migrations.RemoveIndex(
            model_name="historyevent",
            name="history_quote_idx",
        ),
        migrations.RemoveIndex(
            model_name="historyevent",
            name="history_actor_id_idx",
        ),
        # The project's own index (every index below starts from the project). State and
        # database apart: SQLite would otherwise rebuild the table for it.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="articlecounts",
                    name="project",
                    field=models.ForeignKey(
                        db_constraint=False,
                        db_index=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="articles.project",
                    ),
                ),
            ],
            database_operations=[
                migrations.RunSQL(
                    'DROP INDEX IF EXISTS "articles_articlecounts_project_id_6e6d8d40"',
                    'CREATE INDEX "articles_articlecounts_project_id_6e6d8d40"'
                    ' ON "articles_articlecounts" ("project_id")',
                ),
            ],
        ),
        migrations.AddIndex(
            model_name="articlecounts",
            index=models.Index(
                condition=models.Q(("done", 0), ("in_progress", 0), ("todo", 0)),
                fields=["project"],
                name="article_counts_unassigned_idx",
            ),
        ),
        migrations.AddIndex(
            model_name="articlecounts",
            index=models.Index(
                condition=models.Q(("todo__gt", 0)),
                fields=["project"],
                name="article_counts_todo_idx",
            ),
        ),
        migrations.AddIndex(
            model_name="articlecounts",
            index=models.Index(
                condition=models.Q(("in_progress__gt", 0)),
                fields=["project"],
                name="article_counts_in_progress_idx",
            ),
        ),
        migrations.AddIndex(
            model_name="articlecounts",
            index=models.Index(
                condition=models.Q(("done__gt", 0), ("in_progress", 0), ("todo", 0)),
                fields=["project"],
                name="article_counts_done_idx",
            ),
        ),
        migrations.AddIndex(
            model_name="historyevent",
            index=models.Index(
                condition=models.Q(("quote_id__isnull", False)),
                fields=["quote_id"],
                name="history_quote_partial_idx",
            ),
        ),
        migrations.AddIndex(
            model_name="historyevent",
            index=models.Index(
                condition=models.Q(("actor__isnull", False)),
                fields=["actor", "id"],
                name="history_actor_partial_idx",
            ),
        ),
    ]
