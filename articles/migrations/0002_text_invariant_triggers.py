"""Install the triggers that guard the text invariants.

1. A quote's text is exactly its article's text at its offsets, and its cue lies inside
   that text: ``substr(article.text, start + 1, end - start) = quote.text``.
2. An article's text cannot change once any quote points into it.

Both SQLite's and PostgreSQL's substr() and length() count code points (characters, not
bytes) on UTF-8 text, so these are the same offsets Python and the API use. SQLite checks
every row before it is written; so does PostgreSQL until migration 0008.

SQLite drops a table's triggers when a migration rebuilds the table, and refuses to
rebuild it while another table's trigger names it: every migration that alters
``articles_quote`` or ``articles_article`` drops the triggers first and creates them again
last, with its own frozen copy of their SQL (see 0003).
"""

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


# The SQL as this migration ran it, frozen here: never edit it. Changing a trigger is a
# migration of its own (0008 is one); tests/integration/test_migrations.py checks that every
# migration altering the quote or article table puts the triggers back as it found them.

# SQLite has no trigger functions: the insert and the update trigger share this body.
SQLITE_QUOTE_CHECK = """
    FOR EACH ROW
    WHEN NEW."end" > (SELECT length(text) FROM articles_article WHERE id = NEW.article_id)
      OR substr((SELECT text FROM articles_article WHERE id = NEW.article_id),
                NEW.start + 1, max(NEW."end" - NEW.start, 0)) IS NOT NEW.text
      OR NEW.cue_end > (SELECT length(text) FROM articles_article WHERE id = NEW.article_id)
    BEGIN
      SELECT RAISE(ABORT, 'quote text does not match the article text at its offsets');
    END
"""

SQLITE_CREATE = [
    "CREATE TRIGGER articles_quote_text_matches_article_insert"
    " BEFORE INSERT ON articles_quote" + SQLITE_QUOTE_CHECK,
    "CREATE TRIGGER articles_quote_text_matches_article_update"
    ' BEFORE UPDATE OF article_id, start, "end", text, cue_start, cue_end ON articles_quote'
    + SQLITE_QUOTE_CHECK,
    """
    CREATE TRIGGER articles_article_text_immutable_once_quoted
    BEFORE UPDATE OF text ON articles_article
    FOR EACH ROW
    WHEN NEW.text IS NOT OLD.text
      AND EXISTS (SELECT 1 FROM articles_quote WHERE article_id = OLD.id)
    BEGIN
      SELECT RAISE(ABORT, 'article text is immutable once a quote points into it');
    END
    """,
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS articles_quote_text_matches_article_insert",
    "DROP TRIGGER IF EXISTS articles_quote_text_matches_article_update",
    "DROP TRIGGER IF EXISTS articles_article_text_immutable_once_quoted",
]

POSTGRESQL_CREATE = [
    """
    CREATE OR REPLACE FUNCTION articles_quote_text_matches_article() RETURNS trigger AS $$
    DECLARE
      article_text text;
    BEGIN
      -- FOR SHARE holds off a concurrent edit of the text until this quote commits.
      SELECT a.text INTO article_text FROM articles_article a WHERE a.id = NEW.article_id
        FOR SHARE;
      IF NEW."end" > char_length(article_text)
         OR substr(article_text, NEW.start + 1, GREATEST(NEW."end" - NEW.start, 0))
            IS DISTINCT FROM NEW.text
         OR NEW.cue_end > char_length(article_text) THEN
        RAISE EXCEPTION 'quote text does not match the article text at its offsets'
          USING ERRCODE = 'check_violation';
      END IF;
      RETURN NEW;
    END
    $$ LANGUAGE plpgsql
""",
    """
    CREATE TRIGGER articles_quote_text_matches_article
    BEFORE INSERT OR UPDATE OF article_id, start, "end", text, cue_start, cue_end
    ON articles_quote
    FOR EACH ROW EXECUTE FUNCTION articles_quote_text_matches_article()
    """,
    """
    CREATE OR REPLACE FUNCTION articles_article_text_immutable_once_quoted() RETURNS trigger AS $$
    BEGIN
      IF NEW.text IS DISTINCT FROM OLD.text
         AND EXISTS (SELECT 1 FROM articles_quote q WHERE q.article_id = OLD.id) THEN
        RAISE EXCEPTION 'article text is immutable once a quote points into it'
          USING ERRCODE = 'check_violation';
      END IF;
      RETURN NEW;
    END
    $$ LANGUAGE plpgsql
    """,
    """
    CREATE TRIGGER articles_article_text_immutable_once_quoted
    BEFORE UPDATE OF text ON articles_article
    FOR EACH ROW EXECUTE FUNCTION articles_article_text_immutable_once_quoted()
    """,
]
POSTGRESQL_DROP = [
    "DROP TRIGGER IF EXISTS articles_quote_text_matches_article ON articles_quote",
    "DROP FUNCTION IF EXISTS articles_quote_text_matches_article()",
    "DROP TRIGGER IF EXISTS articles_article_text_immutable_once_quoted ON articles_article",
    "DROP FUNCTION IF EXISTS articles_article_text_immutable_once_quoted()",
]


class Migration(migrations.Migration):
    dependencies = [("articles", "0001_initial")]

    operations = [
        RunSQLOn("sqlite", SQLITE_CREATE, SQLITE_DROP),
        RunSQLOn("postgresql", POSTGRESQL_CREATE, POSTGRESQL_DROP),
    ]
