"""Five single-column indexes that composite ones already serve: on assignments, article
(the unique article-annotator pair) and annotator (the annotator-status index); on history
events, project, article and actor (their (column, id) indexes). Each was one more write
per row: a distribution writes ten thousand assignments and as many events.

Only the indexes are dropped (SQL, the same names on SQLite and PostgreSQL): an
``AlterField`` would make SQLite rebuild the history table, which drops its append-only
triggers. The SQL is frozen here; never edit it."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

INDEXES = [
    ("articles_assignment_annotator_id_7883142e", "articles_assignment", "annotator_id"),
    ("articles_assignment_article_id_22119829", "articles_assignment", "article_id"),
    ("articles_historyevent_actor_id_2363577f", "articles_historyevent", "actor_id"),
    ("articles_historyevent_article_id_30f5a224", "articles_historyevent", "article_id"),
    ("articles_historyevent_project_id_b2432e06", "articles_historyevent", "project_id"),
]
DROP = [f"DROP INDEX {name}" for name, _, _ in INDEXES]
CREATE = [f"CREATE INDEX {name} ON {table} ({column})" for name, table, column in INDEXES]


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0015_article_search_vector"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[migrations.RunSQL(DROP, CREATE)],
            state_operations=[
                migrations.AlterField(
                    model_name="assignment",
                    name="annotator",
                    field=models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="assignments",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                migrations.AlterField(
                    model_name="assignment",
                    name="article",
                    field=models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="assignments",
                        to="articles.article",
                    ),
                ),
                migrations.AlterField(
                    model_name="historyevent",
                    name="actor",
                    field=models.ForeignKey(
                        blank=True,
                        db_index=False,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="history",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                migrations.AlterField(
                    model_name="historyevent",
                    name="article",
                    field=models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_index=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="articles.article",
                    ),
                ),
                migrations.AlterField(
                    model_name="historyevent",
                    name="project",
                    field=models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="history",
                        to="articles.project",
                    ),
                ),
            ],
        )
    ]
