"""The database triggers behind the text invariants, for migrations to install.

1. A quote's text is exactly its article's text at its offsets, and its cue lies inside
   that text: ``substr(article.text, start + 1, end - start) = quote.text``.
2. An article's text cannot change once any quote points into it.

Both SQLite's and PostgreSQL's substr() and length() count code points (characters, not
bytes) on UTF-8 text, so these are the same offsets Python and the API use.

SQLite drops a table's triggers when a migration rebuilds the table, and refuses to
rebuild it while another table's trigger names it: every migration that alters
``articles_quote`` or ``articles_article`` must call ``uninstall`` first and ``install``
last. The model tests fail if a trigger goes missing. Changing the SQL here needs a new
migration that calls ``install`` again.

PostgreSQL checks an INSERT once per statement, after it, over all the rows it inserted:
a batch (``bulk_create``) reads, locks and decompresses each article's text once, not
once per quote. An UPDATE is still checked row by row, before it: PostgreSQL allows no
transition table on a trigger limited to some columns. SQLite checks every row before
it is written.
"""

# SQLite has no trigger functions: the insert and the update trigger share this body.
_SQLITE_QUOTE_CHECK = """
    FOR EACH ROW
    WHEN NEW."end" > (SELECT length(text) FROM articles_article WHERE id = NEW.article_id)
      OR substr((SELECT text FROM articles_article WHERE id = NEW.article_id),
                NEW.start + 1, max(NEW."end" - NEW.start, 0)) IS NOT NEW.text
      OR NEW.cue_end > (SELECT length(text) FROM articles_article WHERE id = NEW.article_id)
    BEGIN
      SELECT RAISE(ABORT, 'quote text does not match the article text at its offsets');
    END
"""

SQLITE_FORWARD = [
    "CREATE TRIGGER articles_quote_text_matches_article_insert"
    " BEFORE INSERT ON articles_quote" + _SQLITE_QUOTE_CHECK,
    "CREATE TRIGGER articles_quote_text_matches_article_update"
    ' BEFORE UPDATE OF article_id, start, "end", text, cue_start, cue_end ON articles_quote'
    + _SQLITE_QUOTE_CHECK,
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
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS articles_quote_text_matches_article_insert",
    "DROP TRIGGER IF EXISTS articles_quote_text_matches_article_update",
    "DROP TRIGGER IF EXISTS articles_article_text_immutable_once_quoted",
]

_POSTGRESQL_ROW_CHECK = """
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
"""

_POSTGRESQL_ARTICLE_TEXT_IMMUTABLE = [
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

POSTGRESQL_FORWARD = [
    _POSTGRESQL_ROW_CHECK,
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
    """
    CREATE TRIGGER articles_quote_text_matches_article_insert
    AFTER INSERT ON articles_quote
    REFERENCING NEW TABLE AS inserted
    FOR EACH STATEMENT EXECUTE FUNCTION articles_inserted_quotes_match_article()
    """,
    """
    CREATE TRIGGER articles_quote_text_matches_article_update
    BEFORE UPDATE OF article_id, start, "end", text, cue_start, cue_end ON articles_quote
    FOR EACH ROW EXECUTE FUNCTION articles_quote_text_matches_article()
    """,
    *_POSTGRESQL_ARTICLE_TEXT_IMMUTABLE,
]
# Up to migration 0007 the row-level trigger checked inserts too; 0008's reverse puts it back.
POSTGRESQL_FORWARD_BEFORE_0008 = [
    _POSTGRESQL_ROW_CHECK,
    """
    CREATE TRIGGER articles_quote_text_matches_article
    BEFORE INSERT OR UPDATE OF article_id, start, "end", text, cue_start, cue_end
    ON articles_quote
    FOR EACH ROW EXECUTE FUNCTION articles_quote_text_matches_article()
    """,
    *_POSTGRESQL_ARTICLE_TEXT_IMMUTABLE,
]
# Drops either version.
POSTGRESQL_REVERSE = [
    "DROP TRIGGER IF EXISTS articles_quote_text_matches_article ON articles_quote",
    "DROP TRIGGER IF EXISTS articles_quote_text_matches_article_insert ON articles_quote",
    "DROP TRIGGER IF EXISTS articles_quote_text_matches_article_update ON articles_quote",
    "DROP FUNCTION IF EXISTS articles_quote_text_matches_article()",
    "DROP FUNCTION IF EXISTS articles_inserted_quotes_match_article()",
    "DROP TRIGGER IF EXISTS articles_article_text_immutable_once_quoted ON articles_article",
    "DROP FUNCTION IF EXISTS articles_article_text_immutable_once_quoted()",
]

STATEMENTS = {
    "sqlite": (SQLITE_FORWARD, SQLITE_REVERSE),
    "postgresql": (POSTGRESQL_FORWARD, POSTGRESQL_REVERSE),
}
STATEMENTS_BEFORE_0008 = {
    "sqlite": (SQLITE_FORWARD, SQLITE_REVERSE),
    "postgresql": (POSTGRESQL_FORWARD_BEFORE_0008, POSTGRESQL_REVERSE),
}


def _run(schema_editor, index, statements=STATEMENTS):
    vendor = schema_editor.connection.vendor
    if vendor not in statements:
        raise RuntimeError(f"newsannot supports SQLite and PostgreSQL, not {vendor}")
    for statement in statements[vendor][index]:
        schema_editor.execute(statement)


def install(apps, schema_editor):
    _run(schema_editor, 1)  # idempotent: replace whatever is there
    _run(schema_editor, 0)


def uninstall(apps, schema_editor):
    _run(schema_editor, 1)


def install_before_0008(apps, schema_editor):
    """The triggers as migrations 0002 to 0007 left them: 0008's reverse."""
    _run(schema_editor, 1)
    _run(schema_editor, 0, STATEMENTS_BEFORE_0008)
