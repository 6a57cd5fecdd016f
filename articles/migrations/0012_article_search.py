"""The articles page on PostgreSQL: one GIN index over the words of title, outlet and
text (articles/browse/queries.py uses this expression, word for word), and the indexes
of its orders by date (NULLS LAST, which SQLite's indexes cannot say). SQLite has none of
them: it scans. The SQL is frozen here; never edit it."""

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
    "CREATE INDEX article_search_idx ON articles_article USING gin"
    " (to_tsvector('simple'::regconfig, title || ' ' || outlet || ' ' || text))",
    "CREATE INDEX article_project_published_idx ON articles_article"
    " (project_id, published_at DESC NULLS LAST, id DESC)",
    "CREATE INDEX article_project_oldest_idx ON articles_article"
    " (project_id, published_at ASC NULLS LAST, id DESC)",
]
DROP = [
    "DROP INDEX IF EXISTS article_project_oldest_idx",
    "DROP INDEX IF EXISTS article_project_published_idx",
    "DROP INDEX IF EXISTS article_search_idx",
]


class Migration(migrations.Migration):
    dependencies = [("articles", "0011_team_figures")]

    operations = [RunSQLOn("postgresql", CREATE, DROP)]
