"""The quote search on PostgreSQL: one GIN index over each quote's words
(``articles.analysis.corpus.QuoteWordsMatch`` uses this expression, word for
word). SQLite has none: it looks for a substring. The SQL is frozen here; never edit it."""

from django.db import migrations


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
    "CREATE INDEX quote_search_idx ON articles_quote USING gin"
    " (to_tsvector('simple'::regconfig, text))",
]
DROP = ["DROP INDEX IF EXISTS quote_search_idx"]


class Migration(migrations.Migration):
    dependencies = [("articles", "0013_article_title_index")]

    operations = [RunSQLOn("postgresql", CREATE, DROP)]
