"""The text-invariant triggers also check the speaker's mention (0017): it lies inside the
article's text, on insert and on every update of the offsets. The SQL is frozen here; never
edit it. A later migration that alters ``articles_quote`` or ``articles_article`` copies
the SQL below."""

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


# SQLite's triggers as 0008 left them: this migration's reverse.
SQLITE_QUOTE_CHECK_BEFORE = """
    FOR EACH ROW
    WHEN NEW."end" > (SELECT length(text) FROM articles_article WHERE id = NEW.article_id)
      OR substr((SELECT text FROM articles_article WHERE id = NEW.article_id),
                NEW.start + 1, max(NEW."end" - NEW.start, 0)) IS NOT NEW.text
      OR NEW.cue_end > (SELECT length(text) FROM articles_article WHERE id = NEW.article_id)
    BEGIN
      SELECT RAISE(ABORT, 'quote text does not match the article text at its offsets');
    END
"""

SQLITE_CREATE_BEFORE = [
    "CREATE TRIGGER articles_quote_text_matches_article_insert"
    " BEFORE INSERT ON articles_quote" + SQLITE_QUOTE_CHECK_BEFORE,
    "CREATE TRIGGER articles_quote_text_matches_article_update"
    ' BEFORE UPDATE OF article_id, start, "end", text, cue_start, cue_end ON articles_quote'
    + SQLITE_QUOTE_CHECK_BEFORE,
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
SQLITE_DROP_BEFORE = [
    "DROP TRIGGER IF EXISTS articles_quote_text_matches_article_insert",
    "DROP TRIGGER IF EXISTS articles_quote_text_matches_article_update",
    "DROP TRIGGER IF EXISTS articles_article_text_immutable_once_quoted",
]

# SQLite has no trigger functions: the insert and the update trigger share this body.
SQLITE_QUOTE_CHECK = """
    FOR EACH ROW
    WHEN NEW."end" > (SELECT length(text) FROM articles_article WHERE id = NEW.article_id)
      OR substr((SELECT text FROM articles_article WHERE id = NEW.article_id),
                NEW.start + 1, max(NEW."end" - NEW.start, 0)) IS NOT NEW.text
      OR NEW.cue_end > (SELECT length(text) FROM articles_article WHERE id = NEW.article_id)
      OR NEW.speaker_end > (SELECT length(text) FROM articles_article WHERE id = NEW.article_id)
    BEGIN
      SELECT RAISE(ABORT, 'quote text does not match the article text at its offsets');
    END
"""

SQLITE_CREATE = [
    "CREATE TRIGGER articles_quote_text_matches_article_insert"
    " BEFORE INSERT ON articles_quote" + SQLITE_QUOTE_CHECK,
    "CREATE TRIGGER articles_quote_text_matches_article_update"
    ' BEFORE UPDATE OF article_id, start, "end", text, cue_start, cue_end, speaker_start,'
    " speaker_end ON articles_quote" + SQLITE_QUOTE_CHECK,
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

# PostgreSQL: the functions replaced, the update trigger made again for its new columns.
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
         OR NEW.cue_end > char_length(article_text)
         OR NEW.speaker_end > char_length(article_text) THEN
        RAISE EXCEPTION 'quote text does not match the article text at its offsets'
          USING ERRCODE = 'check_violation';
      END IF;
      RETURN NEW;
    END
    $$ LANGUAGE plpgsql
""",
    """
    CREATE OR REPLACE FUNCTION articles_inserted_quotes_match_article() RETURNS trigger AS $$
    DECLARE
      quoted_article_id bigint;
      article_text text;
      article_length integer;
    BEGIN
      FOR quoted_article_id IN SELECT DISTINCT i.article_id FROM inserted i ORDER BY 1 LOOP
        -- FOR SHARE holds off a concurrent edit of the text until these quotes commit.
        -- || '' keeps the text itself: the variable would otherwise hold a TOAST pointer,
        -- fetched and decompressed again by char_length() and by every substr() below.
        SELECT a.text || '' INTO article_text FROM articles_article a
          WHERE a.id = quoted_article_id FOR SHARE;
        article_length := char_length(article_text);
        -- No such article leaves article_text NULL, which no quote's text matches.
        IF EXISTS (
          SELECT FROM inserted i
          WHERE i.article_id = quoted_article_id
            AND (i."end" > article_length
                 OR substr(article_text, i.start + 1, GREATEST(i."end" - i.start, 0))
                    IS DISTINCT FROM i.text
                 OR i.cue_end > article_length
                 OR i.speaker_end > article_length)
        ) THEN
          RAISE EXCEPTION 'quote text does not match the article text at its offsets'
            USING ERRCODE = 'check_violation';
        END IF;
      END LOOP;
      RETURN NULL;
    END
    $$ LANGUAGE plpgsql
    """,
    "DROP TRIGGER IF EXISTS articles_quote_text_matches_article_update ON articles_quote",
    """
    CREATE TRIGGER articles_quote_text_matches_article_update
    BEFORE UPDATE OF article_id, start, "end", text, cue_start, cue_end,
      speaker_start, speaker_end ON articles_quote
    FOR EACH ROW EXECUTE FUNCTION articles_quote_text_matches_article()
    """,
]
POSTGRESQL_CREATE_BEFORE = [
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
    CREATE OR REPLACE FUNCTION articles_inserted_quotes_match_article() RETURNS trigger AS $$
    DECLARE
      quoted_article_id bigint;
      article_text text;
      article_length integer;
    BEGIN
      FOR quoted_article_id IN SELECT DISTINCT i.article_id FROM inserted i ORDER BY 1 LOOP
        -- FOR SHARE holds off a concurrent edit of the text until these quotes commit.
        -- || '' keeps the text itself: the variable would otherwise hold a TOAST pointer,
        -- fetched and decompressed again by char_length() and by every substr() below.
        SELECT a.text || '' INTO article_text FROM articles_article a
          WHERE a.id = quoted_article_id FOR SHARE;
        article_length := char_length(article_text);
        -- No such article leaves article_text NULL, which no quote's text matches.
        IF EXISTS (
          SELECT FROM inserted i
          WHERE i.article_id = quoted_article_id
            AND (i."end" > article_length
                 OR substr(article_text, i.start + 1, GREATEST(i."end" - i.start, 0))
                    IS DISTINCT FROM i.text
                 OR i.cue_end > article_length)
        ) THEN
          RAISE EXCEPTION 'quote text does not match the article text at its offsets'
            USING ERRCODE = 'check_violation';
        END IF;
      END LOOP;
      RETURN NULL;
    END
    $$ LANGUAGE plpgsql
    """,
    "DROP TRIGGER IF EXISTS articles_quote_text_matches_article_update ON articles_quote",
    """
    CREATE TRIGGER articles_quote_text_matches_article_update
    BEFORE UPDATE OF article_id, start, "end", text, cue_start, cue_end ON articles_quote
    FOR EACH ROW EXECUTE FUNCTION articles_quote_text_matches_article()
    """,
]


class Migration(migrations.Migration):
    dependencies = [("articles", "0017_quote_speaker_mention")]

    operations = [
        RunSQLOn(
            "sqlite",
            SQLITE_DROP_BEFORE + SQLITE_CREATE,
            SQLITE_DROP + SQLITE_CREATE_BEFORE,
        ),
        RunSQLOn("postgresql", POSTGRESQL_CREATE, POSTGRESQL_CREATE_BEFORE),
    ]
