"""The articles page's search on PostgreSQL reads stored words: a generated column
``search_vector`` (the words of title, outlet and text, as 0012's index computed them) and
a GIN index over it, in place of 0012's expression index. With the index alone, a search
matching most of a project recomputed every matching article's words to sort and count
them (7 s at 100,000 articles); a stored column also gives the planner statistics of the
words, so it knows a common word from a rare one. Django's model does not know the
column: the database fills it, and ``articles.browse.queries`` names it. SQLite has none
of this: it looks for a substring. The SQL is frozen here; never edit it."""

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


# The text-invariant triggers stay off the tables while one is altered
# (tests/integration/test_migrations.py); copied from the squashed migration 0001 (as 0008
# left them), word for word.
DROP_TRIGGERS = [
    "DROP TRIGGER articles_quote_text_matches_article_insert ON articles_quote",
    "DROP TRIGGER articles_quote_text_matches_article_update ON articles_quote",
    "DROP TRIGGER articles_article_text_immutable_once_quoted ON articles_article",
]
CREATE_TRIGGERS = [
    "CREATE TRIGGER articles_quote_text_matches_article_insert AFTER INSERT ON articles_quote"
    " REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT"
    " EXECUTE FUNCTION articles_inserted_quotes_match_article()",
    "CREATE TRIGGER articles_quote_text_matches_article_update BEFORE UPDATE OF article_id,"
    ' start, "end", text, cue_start, cue_end ON articles_quote FOR EACH ROW'
    " EXECUTE FUNCTION articles_quote_text_matches_article()",
    "CREATE TRIGGER articles_article_text_immutable_once_quoted BEFORE UPDATE OF text ON"
    " articles_article FOR EACH ROW EXECUTE FUNCTION articles_article_text_immutable_once_quoted()",
]
CREATE = [
    "DROP INDEX IF EXISTS article_search_idx",
    "ALTER TABLE articles_article ADD COLUMN search_vector tsvector GENERATED ALWAYS AS"
    " (to_tsvector('simple'::regconfig, title || ' ' || outlet || ' ' || text)) STORED",
    "CREATE INDEX article_search_vector_idx ON articles_article USING gin (search_vector)",
]
DROP = [
    "DROP INDEX IF EXISTS article_search_vector_idx",
    "ALTER TABLE articles_article DROP COLUMN IF EXISTS search_vector",
    "CREATE INDEX article_search_idx ON articles_article USING gin"
    " (to_tsvector('simple'::regconfig, title || ' ' || outlet || ' ' || text))",
]


class Migration(migrations.Migration):
    dependencies = [("articles", "0014_quote_search")]

    operations = [
        RunSQLOn("postgresql", DROP_TRIGGERS, CREATE_TRIGGERS),
        RunSQLOn("postgresql", CREATE, DROP),
        RunSQLOn("postgresql", CREATE_TRIGGERS, DROP_TRIGGERS),
    ]
