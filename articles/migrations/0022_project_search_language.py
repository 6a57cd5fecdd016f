"""A project chooses how its quote search reads words (``Project.search_language``): as
written ('simple', migration 0014's index) or by their stems in English or Norwegian, each
with a GIN index of its own over the quotes' words, on PostgreSQL
(``articles.analysis.corpus.QuoteWordsMatch`` uses these expressions, word for word).
SQLite has none: it looks for a substring. The SQL is frozen here; never edit it."""

from django.conf import settings
from django.db import migrations, models


class RunSQLOn(migrations.RunSQL):
    """RunSQL on one database vendor only: ``sqlmigrate`` shows it there."""

    def __init__(self, vendor, sql, reverse_sql):
        super().__init__(sql, reverse_sql)
        self.vendor = vendor

    def deconstruct(self):
        name, args, kwargs = super().deconstruct()
        return name, [self.vendor, *args], kwargs

    def describe(self):
        return f"Raw SQL operation on {self.vendor} only"

    def runs_on(self, schema_editor):
        vendor = schema_editor.connection.vendor
        if vendor not in ("sqlite", "postgresql"):
            raise RuntimeError(f"newsannot supports SQLite and PostgreSQL, not {vendor}")
        return vendor == self.vendor

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if self.runs_on(schema_editor):
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if self.runs_on(schema_editor):
            super().database_backwards(app_label, schema_editor, from_state, to_state)


CREATE = [
    "CREATE INDEX quote_search_english_idx ON articles_quote USING gin"
    " (to_tsvector('english'::regconfig, text))",
    "CREATE INDEX quote_search_norwegian_idx ON articles_quote USING gin"
    " (to_tsvector('norwegian'::regconfig, text))",
]
DROP = [
    "DROP INDEX IF EXISTS quote_search_english_idx",
    "DROP INDEX IF EXISTS quote_search_norwegian_idx",
]


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0021_stored_corpus_figures"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="project",
            name="search_language",
            field=models.CharField(
                choices=[
                    ("simple", "Words as written (any language)"),
                    ("english", "English (by word stems)"),
                    ("norwegian", "Norwegian (by word stems)"),
                ],
                default="simple",
                help_text="How the quote search reads words: as written, or by their stems in a language (PostgreSQL).",
                max_length=16,
            ),
        ),
        migrations.AddConstraint(
            model_name="project",
            constraint=models.CheckConstraint(
                condition=models.Q(("search_language__in", ["simple", "english", "norwegian"])),
                name="project_search_language_valid",
            ),
        ),
        RunSQLOn("postgresql", CREATE, DROP),
    ]
