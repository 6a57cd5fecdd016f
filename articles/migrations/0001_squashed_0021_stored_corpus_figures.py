"""Migrations 0001 to 0021 as one, for new databases: the final tables with their
constraints and indexes, then the database guards' SQL in the order the replaced migrations
ran it (the text invariants, the append-only history, the search indexes and vectors, the
speaker mention's bounds, the article counts). Rendering the model states of twenty-one
migrations was most of a fresh ``migrate``; a database that applied them keeps them
(``replaces``), and one part-way through finishes them.

Left out: 0016's index changes (the tables here are created without the indexes it
dropped) and 0020's count of existing rows (a new database has none). The newest
migrations stay outside the squash: rolling back into a squash's range fails on SQLite
(Django replays the squash's state over the chain's), so it never covers the latest.

Tests compare the model state's fields, options, constraints and indexes with 0021's,
and each SQL statement with the replaced migration's. A ``pg_dump --schema-only`` of a new
database was byte-identical to one built by the replaced chain; SQLite's schema identical
but for where columns sit.

The SQL is copied, frozen, from the replaced migrations: never edit it. ``TEXT_*`` are the
text guards as 0008 left them, ``HISTORY_*`` the history's from 0010, ``M0017_5``
operation 5 of 0017, and so on. Once no database is older than 0021, the replaced files
can go (and ``replaces`` with them).
"""

import articles.models
import django.db.models.deletion
import django.db.models.expressions
import django.db.models.functions.text
import django.db.models.lookups
import django.utils.timezone
from django.conf import settings
from django.db import migrations
from django.db import models



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


TEXT_SQLITE = [
    """CREATE TRIGGER articles_quote_text_matches_article_insert BEFORE INSERT ON articles_quote
    FOR EACH ROW
    WHEN NEW."end" > (SELECT length(text) FROM articles_article WHERE id = NEW.article_id)
      OR substr((SELECT text FROM articles_article WHERE id = NEW.article_id),
                NEW.start + 1, max(NEW."end" - NEW.start, 0)) IS NOT NEW.text
      OR NEW.cue_end > (SELECT length(text) FROM articles_article WHERE id = NEW.article_id)
    BEGIN
      SELECT RAISE(ABORT, 'quote text does not match the article text at its offsets');
    END
""",
    """CREATE TRIGGER articles_quote_text_matches_article_update BEFORE UPDATE OF article_id, start, "end", text, cue_start, cue_end ON articles_quote
    FOR EACH ROW
    WHEN NEW."end" > (SELECT length(text) FROM articles_article WHERE id = NEW.article_id)
      OR substr((SELECT text FROM articles_article WHERE id = NEW.article_id),
                NEW.start + 1, max(NEW."end" - NEW.start, 0)) IS NOT NEW.text
      OR NEW.cue_end > (SELECT length(text) FROM articles_article WHERE id = NEW.article_id)
    BEGIN
      SELECT RAISE(ABORT, 'quote text does not match the article text at its offsets');
    END
""",
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
TEXT_SQLITE_REVERSE = [
    """DROP TRIGGER IF EXISTS articles_quote_text_matches_article_insert""",
    """DROP TRIGGER IF EXISTS articles_quote_text_matches_article_update""",
    """DROP TRIGGER IF EXISTS articles_article_text_immutable_once_quoted""",
]

TEXT_POSTGRESQL = [
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
TEXT_POSTGRESQL_REVERSE = [
    """DROP TRIGGER IF EXISTS articles_quote_text_matches_article_insert ON articles_quote""",
    """DROP TRIGGER IF EXISTS articles_quote_text_matches_article_update ON articles_quote""",
    """DROP FUNCTION IF EXISTS articles_quote_text_matches_article()""",
    """DROP FUNCTION IF EXISTS articles_inserted_quotes_match_article()""",
    """DROP TRIGGER IF EXISTS articles_article_text_immutable_once_quoted ON articles_article""",
    """DROP FUNCTION IF EXISTS articles_article_text_immutable_once_quoted()""",
]

HISTORY_SQLITE = [
    """
    CREATE TRIGGER articles_historyevent_no_update
    BEFORE UPDATE ON articles_historyevent
    FOR EACH ROW
    BEGIN
      SELECT RAISE(ABORT, 'history events are append-only: they cannot change');
    END
    """,
    """
    CREATE TRIGGER articles_historyevent_no_delete
    BEFORE DELETE ON articles_historyevent
    FOR EACH ROW
    BEGIN
      SELECT RAISE(ABORT, 'history events are append-only: they cannot be removed');
    END
    """,
]
HISTORY_SQLITE_REVERSE = [
    """DROP TRIGGER IF EXISTS articles_historyevent_no_update""",
    """DROP TRIGGER IF EXISTS articles_historyevent_no_delete""",
]

HISTORY_POSTGRESQL = [
    """
    CREATE OR REPLACE FUNCTION articles_historyevent_append_only() RETURNS trigger AS $$
    BEGIN
      RAISE EXCEPTION 'history events are append-only: % refused', TG_OP
        USING ERRCODE = 'restrict_violation';
    END
    $$ LANGUAGE plpgsql
    """,
    """
    CREATE TRIGGER articles_historyevent_no_update
    BEFORE UPDATE ON articles_historyevent
    FOR EACH ROW EXECUTE FUNCTION articles_historyevent_append_only()
    """,
    """
    CREATE TRIGGER articles_historyevent_no_delete
    BEFORE DELETE ON articles_historyevent
    FOR EACH ROW EXECUTE FUNCTION articles_historyevent_append_only()
    """,
]
HISTORY_POSTGRESQL_REVERSE = [
    """DROP TRIGGER IF EXISTS articles_historyevent_no_update ON articles_historyevent""",
    """DROP TRIGGER IF EXISTS articles_historyevent_no_delete ON articles_historyevent""",
    """DROP FUNCTION IF EXISTS articles_historyevent_append_only()""",
]

M0012_0 = [
    """CREATE INDEX article_search_idx ON articles_article USING gin (to_tsvector('simple'::regconfig, title || ' ' || outlet || ' ' || text))""",
    """CREATE INDEX article_project_published_idx ON articles_article (project_id, published_at DESC NULLS LAST, id DESC)""",
    """CREATE INDEX article_project_oldest_idx ON articles_article (project_id, published_at ASC NULLS LAST, id DESC)""",
]
M0012_0_REVERSE = [
    """DROP INDEX IF EXISTS article_project_oldest_idx""",
    """DROP INDEX IF EXISTS article_project_published_idx""",
    """DROP INDEX IF EXISTS article_search_idx""",
]

M0014_0 = [
    """CREATE INDEX quote_search_idx ON articles_quote USING gin (to_tsvector('simple'::regconfig, text))""",
]
M0014_0_REVERSE = [
    """DROP INDEX IF EXISTS quote_search_idx""",
]

M0015_0 = [
    """DROP TRIGGER articles_quote_text_matches_article_insert ON articles_quote""",
    """DROP TRIGGER articles_quote_text_matches_article_update ON articles_quote""",
    """DROP TRIGGER articles_article_text_immutable_once_quoted ON articles_article""",
]
M0015_0_REVERSE = [
    """CREATE TRIGGER articles_quote_text_matches_article_insert AFTER INSERT ON articles_quote REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION articles_inserted_quotes_match_article()""",
    """CREATE TRIGGER articles_quote_text_matches_article_update BEFORE UPDATE OF article_id, start, "end", text, cue_start, cue_end ON articles_quote FOR EACH ROW EXECUTE FUNCTION articles_quote_text_matches_article()""",
    """CREATE TRIGGER articles_article_text_immutable_once_quoted BEFORE UPDATE OF text ON articles_article FOR EACH ROW EXECUTE FUNCTION articles_article_text_immutable_once_quoted()""",
]

M0015_1 = [
    """DROP INDEX IF EXISTS article_search_idx""",
    """ALTER TABLE articles_article ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, title || ' ' || outlet || ' ' || text)) STORED""",
    """CREATE INDEX article_search_vector_idx ON articles_article USING gin (search_vector)""",
]
M0015_1_REVERSE = [
    """DROP INDEX IF EXISTS article_search_vector_idx""",
    """ALTER TABLE articles_article DROP COLUMN IF EXISTS search_vector""",
    """CREATE INDEX article_search_idx ON articles_article USING gin (to_tsvector('simple'::regconfig, title || ' ' || outlet || ' ' || text))""",
]

M0015_2 = [
    """CREATE TRIGGER articles_quote_text_matches_article_insert AFTER INSERT ON articles_quote REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION articles_inserted_quotes_match_article()""",
    """CREATE TRIGGER articles_quote_text_matches_article_update BEFORE UPDATE OF article_id, start, "end", text, cue_start, cue_end ON articles_quote FOR EACH ROW EXECUTE FUNCTION articles_quote_text_matches_article()""",
    """CREATE TRIGGER articles_article_text_immutable_once_quoted BEFORE UPDATE OF text ON articles_article FOR EACH ROW EXECUTE FUNCTION articles_article_text_immutable_once_quoted()""",
]
M0015_2_REVERSE = [
    """DROP TRIGGER articles_quote_text_matches_article_insert ON articles_quote""",
    """DROP TRIGGER articles_quote_text_matches_article_update ON articles_quote""",
    """DROP TRIGGER articles_article_text_immutable_once_quoted ON articles_article""",
]

M0017_0 = [
    """DROP TRIGGER IF EXISTS articles_quote_text_matches_article_insert""",
    """DROP TRIGGER IF EXISTS articles_quote_text_matches_article_update""",
    """DROP TRIGGER IF EXISTS articles_article_text_immutable_once_quoted""",
]
M0017_0_REVERSE = [
    """CREATE TRIGGER articles_quote_text_matches_article_insert BEFORE INSERT ON articles_quote
    FOR EACH ROW
    WHEN NEW."end" > (SELECT length(text) FROM articles_article WHERE id = NEW.article_id)
      OR substr((SELECT text FROM articles_article WHERE id = NEW.article_id),
                NEW.start + 1, max(NEW."end" - NEW.start, 0)) IS NOT NEW.text
      OR NEW.cue_end > (SELECT length(text) FROM articles_article WHERE id = NEW.article_id)
    BEGIN
      SELECT RAISE(ABORT, 'quote text does not match the article text at its offsets');
    END
""",
    """CREATE TRIGGER articles_quote_text_matches_article_update BEFORE UPDATE OF article_id, start, "end", text, cue_start, cue_end ON articles_quote
    FOR EACH ROW
    WHEN NEW."end" > (SELECT length(text) FROM articles_article WHERE id = NEW.article_id)
      OR substr((SELECT text FROM articles_article WHERE id = NEW.article_id),
                NEW.start + 1, max(NEW."end" - NEW.start, 0)) IS NOT NEW.text
      OR NEW.cue_end > (SELECT length(text) FROM articles_article WHERE id = NEW.article_id)
    BEGIN
      SELECT RAISE(ABORT, 'quote text does not match the article text at its offsets');
    END
""",
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

M0017_1 = [
    """DROP TRIGGER IF EXISTS articles_quote_text_matches_article_insert ON articles_quote""",
    """DROP TRIGGER IF EXISTS articles_quote_text_matches_article_update ON articles_quote""",
    """DROP TRIGGER IF EXISTS articles_article_text_immutable_once_quoted ON articles_article""",
]
M0017_1_REVERSE = [
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
    """
    CREATE TRIGGER articles_article_text_immutable_once_quoted
    BEFORE UPDATE OF text ON articles_article
    FOR EACH ROW EXECUTE FUNCTION articles_article_text_immutable_once_quoted()
    """,
]

M0017_5 = [
    """CREATE TRIGGER articles_quote_text_matches_article_insert BEFORE INSERT ON articles_quote
    FOR EACH ROW
    WHEN NEW."end" > (SELECT length(text) FROM articles_article WHERE id = NEW.article_id)
      OR substr((SELECT text FROM articles_article WHERE id = NEW.article_id),
                NEW.start + 1, max(NEW."end" - NEW.start, 0)) IS NOT NEW.text
      OR NEW.cue_end > (SELECT length(text) FROM articles_article WHERE id = NEW.article_id)
    BEGIN
      SELECT RAISE(ABORT, 'quote text does not match the article text at its offsets');
    END
""",
    """CREATE TRIGGER articles_quote_text_matches_article_update BEFORE UPDATE OF article_id, start, "end", text, cue_start, cue_end ON articles_quote
    FOR EACH ROW
    WHEN NEW."end" > (SELECT length(text) FROM articles_article WHERE id = NEW.article_id)
      OR substr((SELECT text FROM articles_article WHERE id = NEW.article_id),
                NEW.start + 1, max(NEW."end" - NEW.start, 0)) IS NOT NEW.text
      OR NEW.cue_end > (SELECT length(text) FROM articles_article WHERE id = NEW.article_id)
    BEGIN
      SELECT RAISE(ABORT, 'quote text does not match the article text at its offsets');
    END
""",
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
M0017_5_REVERSE = [
    """DROP TRIGGER IF EXISTS articles_quote_text_matches_article_insert""",
    """DROP TRIGGER IF EXISTS articles_quote_text_matches_article_update""",
    """DROP TRIGGER IF EXISTS articles_article_text_immutable_once_quoted""",
]

M0017_6 = [
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
    """
    CREATE TRIGGER articles_article_text_immutable_once_quoted
    BEFORE UPDATE OF text ON articles_article
    FOR EACH ROW EXECUTE FUNCTION articles_article_text_immutable_once_quoted()
    """,
]
M0017_6_REVERSE = [
    """DROP TRIGGER IF EXISTS articles_quote_text_matches_article_insert ON articles_quote""",
    """DROP TRIGGER IF EXISTS articles_quote_text_matches_article_update ON articles_quote""",
    """DROP TRIGGER IF EXISTS articles_article_text_immutable_once_quoted ON articles_article""",
]

M0018_0 = [
    """DROP TRIGGER IF EXISTS articles_quote_text_matches_article_insert""",
    """DROP TRIGGER IF EXISTS articles_quote_text_matches_article_update""",
    """DROP TRIGGER IF EXISTS articles_article_text_immutable_once_quoted""",
    """CREATE TRIGGER articles_quote_text_matches_article_insert BEFORE INSERT ON articles_quote
    FOR EACH ROW
    WHEN NEW."end" > (SELECT length(text) FROM articles_article WHERE id = NEW.article_id)
      OR substr((SELECT text FROM articles_article WHERE id = NEW.article_id),
                NEW.start + 1, max(NEW."end" - NEW.start, 0)) IS NOT NEW.text
      OR NEW.cue_end > (SELECT length(text) FROM articles_article WHERE id = NEW.article_id)
      OR NEW.speaker_end > (SELECT length(text) FROM articles_article WHERE id = NEW.article_id)
    BEGIN
      SELECT RAISE(ABORT, 'quote text does not match the article text at its offsets');
    END
""",
    """CREATE TRIGGER articles_quote_text_matches_article_update BEFORE UPDATE OF article_id, start, "end", text, cue_start, cue_end, speaker_start, speaker_end ON articles_quote
    FOR EACH ROW
    WHEN NEW."end" > (SELECT length(text) FROM articles_article WHERE id = NEW.article_id)
      OR substr((SELECT text FROM articles_article WHERE id = NEW.article_id),
                NEW.start + 1, max(NEW."end" - NEW.start, 0)) IS NOT NEW.text
      OR NEW.cue_end > (SELECT length(text) FROM articles_article WHERE id = NEW.article_id)
      OR NEW.speaker_end > (SELECT length(text) FROM articles_article WHERE id = NEW.article_id)
    BEGIN
      SELECT RAISE(ABORT, 'quote text does not match the article text at its offsets');
    END
""",
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
M0018_0_REVERSE = [
    """DROP TRIGGER IF EXISTS articles_quote_text_matches_article_insert""",
    """DROP TRIGGER IF EXISTS articles_quote_text_matches_article_update""",
    """DROP TRIGGER IF EXISTS articles_article_text_immutable_once_quoted""",
    """CREATE TRIGGER articles_quote_text_matches_article_insert BEFORE INSERT ON articles_quote
    FOR EACH ROW
    WHEN NEW."end" > (SELECT length(text) FROM articles_article WHERE id = NEW.article_id)
      OR substr((SELECT text FROM articles_article WHERE id = NEW.article_id),
                NEW.start + 1, max(NEW."end" - NEW.start, 0)) IS NOT NEW.text
      OR NEW.cue_end > (SELECT length(text) FROM articles_article WHERE id = NEW.article_id)
    BEGIN
      SELECT RAISE(ABORT, 'quote text does not match the article text at its offsets');
    END
""",
    """CREATE TRIGGER articles_quote_text_matches_article_update BEFORE UPDATE OF article_id, start, "end", text, cue_start, cue_end ON articles_quote
    FOR EACH ROW
    WHEN NEW."end" > (SELECT length(text) FROM articles_article WHERE id = NEW.article_id)
      OR substr((SELECT text FROM articles_article WHERE id = NEW.article_id),
                NEW.start + 1, max(NEW."end" - NEW.start, 0)) IS NOT NEW.text
      OR NEW.cue_end > (SELECT length(text) FROM articles_article WHERE id = NEW.article_id)
    BEGIN
      SELECT RAISE(ABORT, 'quote text does not match the article text at its offsets');
    END
""",
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

M0018_1 = [
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
    """DROP TRIGGER IF EXISTS articles_quote_text_matches_article_update ON articles_quote""",
    """
    CREATE TRIGGER articles_quote_text_matches_article_update
    BEFORE UPDATE OF article_id, start, "end", text, cue_start, cue_end,
      speaker_start, speaker_end ON articles_quote
    FOR EACH ROW EXECUTE FUNCTION articles_quote_text_matches_article()
    """,
]
M0018_1_REVERSE = [
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
    """DROP TRIGGER IF EXISTS articles_quote_text_matches_article_update ON articles_quote""",
    """
    CREATE TRIGGER articles_quote_text_matches_article_update
    BEFORE UPDATE OF article_id, start, "end", text, cue_start, cue_end ON articles_quote
    FOR EACH ROW EXECUTE FUNCTION articles_quote_text_matches_article()
    """,
]

M0020_1 = [
    """
    CREATE FUNCTION articles_article_counts() RETURNS trigger AS $$
    BEGIN
      INSERT INTO articles_articlecounts
        (article_id, project_id, quotes, todo, in_progress, done)
      SELECT n.id, n.project_id, 0, 0, 0, 0 FROM new_rows n;
      RETURN NULL;
    END;
    $$ LANGUAGE plpgsql
    """,
    """
    CREATE FUNCTION articles_article_counts_moved() RETURNS trigger AS $$
    BEGIN
      UPDATE articles_articlecounts SET project_id = NEW.project_id
      WHERE article_id = NEW.id;
      RETURN NULL;
    END;
    $$ LANGUAGE plpgsql
    """,
    """
    CREATE FUNCTION articles_quote_counts() RETURNS trigger AS $$
    BEGIN
      IF TG_OP = 'INSERT' THEN
        
        UPDATE articles_articlecounts c SET quotes = c.quotes + d.n
        FROM (SELECT article_id, sum(n) AS n FROM (SELECT article_id, 1 AS n FROM new_rows WHERE origin <> 'suggested') x
              GROUP BY article_id HAVING sum(n) <> 0) d
        WHERE c.article_id = d.article_id;

      ELSE
        
        UPDATE articles_articlecounts c SET quotes = c.quotes + d.n
        FROM (SELECT article_id, sum(n) AS n FROM (SELECT article_id, -1 AS n FROM old_rows WHERE origin <> 'suggested') x
              GROUP BY article_id HAVING sum(n) <> 0) d
        WHERE c.article_id = d.article_id;

      END IF;
      RETURN NULL;
    END;
    $$ LANGUAGE plpgsql
    """,
    """
    CREATE FUNCTION articles_quote_counts_moved() RETURNS trigger AS $$
    BEGIN
      UPDATE articles_articlecounts SET quotes = quotes - 1
      WHERE article_id = OLD.article_id AND OLD.origin <> 'suggested';
      UPDATE articles_articlecounts SET quotes = quotes + 1
      WHERE article_id = NEW.article_id AND NEW.origin <> 'suggested';
      RETURN NULL;
    END;
    $$ LANGUAGE plpgsql
    """,
    """
    CREATE FUNCTION articles_assignment_counts() RETURNS trigger AS $$
    BEGIN
      IF TG_OP = 'INSERT' THEN
        
        UPDATE articles_articlecounts c
        SET todo = c.todo + d.todo, in_progress = c.in_progress + d.in_progress,
            done = c.done + d.done
        FROM (SELECT article_id,
                     sum(CASE WHEN status = 'todo' THEN n ELSE 0 END) AS todo,
                     sum(CASE WHEN status = 'in_progress' THEN n ELSE 0 END) AS in_progress,
                     sum(CASE WHEN status = 'done' THEN n ELSE 0 END) AS done
              FROM (SELECT article_id, status, 1 AS n FROM new_rows) x GROUP BY article_id) d
        WHERE c.article_id = d.article_id
          AND (d.todo <> 0 OR d.in_progress <> 0 OR d.done <> 0);

      ELSE
        
        UPDATE articles_articlecounts c
        SET todo = c.todo + d.todo, in_progress = c.in_progress + d.in_progress,
            done = c.done + d.done
        FROM (SELECT article_id,
                     sum(CASE WHEN status = 'todo' THEN n ELSE 0 END) AS todo,
                     sum(CASE WHEN status = 'in_progress' THEN n ELSE 0 END) AS in_progress,
                     sum(CASE WHEN status = 'done' THEN n ELSE 0 END) AS done
              FROM (SELECT article_id, status, -1 AS n FROM old_rows) x GROUP BY article_id) d
        WHERE c.article_id = d.article_id
          AND (d.todo <> 0 OR d.in_progress <> 0 OR d.done <> 0);

      END IF;
      RETURN NULL;
    END;
    $$ LANGUAGE plpgsql
    """,
    """
    CREATE FUNCTION articles_assignment_counts_moved() RETURNS trigger AS $$
    BEGIN
      UPDATE articles_articlecounts SET todo = todo - (OLD.status = 'todo')::int,
        in_progress = in_progress - (OLD.status = 'in_progress')::int,
        done = done - (OLD.status = 'done')::int
      WHERE article_id = OLD.article_id;
      UPDATE articles_articlecounts SET todo = todo + (NEW.status = 'todo')::int,
        in_progress = in_progress + (NEW.status = 'in_progress')::int,
        done = done + (NEW.status = 'done')::int
      WHERE article_id = NEW.article_id;
      RETURN NULL;
    END;
    $$ LANGUAGE plpgsql
    """,
    """CREATE TRIGGER articles_article_counts_insert AFTER INSERT ON articles_article REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION articles_article_counts()""",
    """CREATE TRIGGER articles_quote_counts_insert AFTER INSERT ON articles_quote REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION articles_quote_counts()""",
    """CREATE TRIGGER articles_quote_counts_delete AFTER DELETE ON articles_quote REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION articles_quote_counts()""",
    """CREATE TRIGGER articles_assignment_counts_insert AFTER INSERT ON articles_assignment REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION articles_assignment_counts()""",
    """CREATE TRIGGER articles_assignment_counts_delete AFTER DELETE ON articles_assignment REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION articles_assignment_counts()""",
    """CREATE TRIGGER articles_article_counts_update AFTER UPDATE OF project_id ON articles_article FOR EACH ROW WHEN (OLD.project_id IS DISTINCT FROM NEW.project_id) EXECUTE FUNCTION articles_article_counts_moved()""",
    """CREATE TRIGGER articles_quote_counts_update AFTER UPDATE OF origin, article_id ON articles_quote FOR EACH ROW WHEN (OLD.origin IS DISTINCT FROM NEW.origin OR OLD.article_id <> NEW.article_id) EXECUTE FUNCTION articles_quote_counts_moved()""",
    """CREATE TRIGGER articles_assignment_counts_update AFTER UPDATE OF status, article_id ON articles_assignment FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.article_id <> NEW.article_id) EXECUTE FUNCTION articles_assignment_counts_moved()""",
]
M0020_1_REVERSE = [
    """DROP TRIGGER articles_article_counts_insert ON articles_article""",
    """DROP TRIGGER articles_article_counts_update ON articles_article""",
    """DROP TRIGGER articles_quote_counts_insert ON articles_quote""",
    """DROP TRIGGER articles_quote_counts_update ON articles_quote""",
    """DROP TRIGGER articles_quote_counts_delete ON articles_quote""",
    """DROP TRIGGER articles_assignment_counts_insert ON articles_assignment""",
    """DROP TRIGGER articles_assignment_counts_update ON articles_assignment""",
    """DROP TRIGGER articles_assignment_counts_delete ON articles_assignment""",
    """DROP FUNCTION articles_article_counts()""",
    """DROP FUNCTION articles_article_counts_moved()""",
    """DROP FUNCTION articles_quote_counts()""",
    """DROP FUNCTION articles_quote_counts_moved()""",
    """DROP FUNCTION articles_assignment_counts()""",
    """DROP FUNCTION articles_assignment_counts_moved()""",
]

M0020_2 = [
    """
    CREATE TRIGGER articles_article_counts_insert AFTER INSERT ON articles_article
    FOR EACH ROW BEGIN
      INSERT INTO articles_articlecounts
        (article_id, project_id, quotes, todo, in_progress, done)
      VALUES (NEW.id, NEW.project_id, 0, 0, 0, 0);
    END
    """,
    """
    CREATE TRIGGER articles_article_counts_update AFTER UPDATE OF project_id
    ON articles_article FOR EACH ROW BEGIN
      UPDATE articles_articlecounts SET project_id = NEW.project_id WHERE article_id = NEW.id;
    END
    """,
    """
    CREATE TRIGGER articles_quote_counts_insert AFTER INSERT ON articles_quote
    FOR EACH ROW WHEN NEW.origin <> 'suggested' BEGIN
      UPDATE articles_articlecounts SET quotes = quotes + 1 WHERE article_id = NEW.article_id;
    END
    """,
    """
    CREATE TRIGGER articles_quote_counts_update AFTER UPDATE OF origin, article_id
    ON articles_quote FOR EACH ROW BEGIN
      UPDATE articles_articlecounts SET quotes = quotes - 1
      WHERE article_id = OLD.article_id AND OLD.origin <> 'suggested';
      UPDATE articles_articlecounts SET quotes = quotes + 1
      WHERE article_id = NEW.article_id AND NEW.origin <> 'suggested';
    END
    """,
    """
    CREATE TRIGGER articles_quote_counts_delete AFTER DELETE ON articles_quote
    FOR EACH ROW WHEN OLD.origin <> 'suggested' BEGIN
      UPDATE articles_articlecounts SET quotes = quotes - 1 WHERE article_id = OLD.article_id;
    END
    """,
    """
    CREATE TRIGGER articles_assignment_counts_insert AFTER INSERT ON articles_assignment
    FOR EACH ROW BEGIN
      UPDATE articles_articlecounts SET todo = todo + (NEW.status = 'todo'),
        in_progress = in_progress + (NEW.status = 'in_progress'),
        done = done + (NEW.status = 'done')
      WHERE article_id = NEW.article_id;
    END
    """,
    """
    CREATE TRIGGER articles_assignment_counts_update AFTER UPDATE OF status, article_id
    ON articles_assignment FOR EACH ROW BEGIN
      UPDATE articles_articlecounts SET todo = todo - (OLD.status = 'todo'),
        in_progress = in_progress - (OLD.status = 'in_progress'),
        done = done - (OLD.status = 'done')
      WHERE article_id = OLD.article_id;
      UPDATE articles_articlecounts SET todo = todo + (NEW.status = 'todo'),
        in_progress = in_progress + (NEW.status = 'in_progress'),
        done = done + (NEW.status = 'done')
      WHERE article_id = NEW.article_id;
    END
    """,
    """
    CREATE TRIGGER articles_assignment_counts_delete AFTER DELETE ON articles_assignment
    FOR EACH ROW BEGIN
      UPDATE articles_articlecounts SET todo = todo - (OLD.status = 'todo'),
        in_progress = in_progress - (OLD.status = 'in_progress'),
        done = done - (OLD.status = 'done')
      WHERE article_id = OLD.article_id;
    END
    """,
]
M0020_2_REVERSE = [
    """DROP TRIGGER articles_article_counts_insert""",
    """DROP TRIGGER articles_article_counts_update""",
    """DROP TRIGGER articles_quote_counts_insert""",
    """DROP TRIGGER articles_quote_counts_update""",
    """DROP TRIGGER articles_quote_counts_delete""",
    """DROP TRIGGER articles_assignment_counts_insert""",
    """DROP TRIGGER articles_assignment_counts_update""",
    """DROP TRIGGER articles_assignment_counts_delete""",
]


class Migration(migrations.Migration):
    initial = True

    replaces = [
        ("articles", "0001_initial"),
        ("articles", "0002_text_invariant_triggers"),
        ("articles", "0003_quote_request_id_and_unique_span"),
        ("articles", "0004_suggestions"),
        ("articles", "0005_suggestion_source"),
        ("articles", "0006_gold_and_adjudication"),
        ("articles", "0007_article_project_id_index"),
        ("articles", "0008_statement_level_quote_check"),
        ("articles", "0009_project_researchers_suggest"),
        ("articles", "0010_history_events"),
        ("articles", "0011_team_figures"),
        ("articles", "0012_article_search"),
        ("articles", "0013_article_title_index"),
        ("articles", "0014_quote_search"),
        ("articles", "0015_article_search_vector"),
        ("articles", "0016_drop_redundant_indexes"),
        ("articles", "0017_quote_speaker_mention"),
        ("articles", "0018_speaker_mention_in_bounds"),
        ("articles", "0019_suggestion_speaker_mention"),
        ("articles", "0020_article_counts"),
        ("articles", "0021_stored_corpus_figures"),
    ]

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='Project',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=200)),
                ('slug', models.SlugField(max_length=80, unique=True)),
                ('description', models.TextField(blank=True)),
                ('guidelines', models.TextField(blank=True, help_text='Annotation guidelines in Markdown. Raw HTML is shown as text.')),
                ('stance_labels', models.JSONField(default=articles.models.default_stance_labels, help_text='The labels a stance can take, as a JSON list, e.g. ["favor", "against"].', validators=[articles.models.validate_stance_labels])),
                ('annotators_per_article', models.PositiveSmallIntegerField(default=1, help_text='How many annotators see each article.')),
                ('blind', models.BooleanField(default=True, help_text="Annotators see only their own quotes, not each other's.")),
                ('suggest_on_import', models.BooleanField(default=False, help_text='Run the quote extraction engine on every imported article.')),
                ('researchers_suggest', models.BooleanField(default=False, help_text='Researchers may post model predictions as suggestions to the annotators (reviewers and admins always may).')),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('members', models.ManyToManyField(blank=True, related_name='projects', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'ordering': ['name'],
                'constraints': [models.CheckConstraint(condition=models.Q(('annotators_per_article__gte', 1)), name='project_annotators_per_article_positive')],
            },
        ),
        migrations.CreateModel(
            name='Article',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('title', models.CharField(max_length=500)),
                ('text', models.TextField(help_text='Immutable once a quote points into it.')),
                ('text_sha256', models.CharField(editable=False, max_length=64)),
                ('outlet', models.CharField(blank=True, max_length=200)),
                ('url', models.URLField(blank=True, max_length=2000)),
                ('author', models.CharField(blank=True, max_length=200)),
                ('published_at', models.DateTimeField(blank=True, null=True)),
                ('language', models.CharField(blank=True, help_text='BCP 47 code, e.g. en, nb.', max_length=16)),
                ('external_id', models.CharField(blank=True, max_length=200)),
                ('metadata', models.JSONField(blank=True, default=dict)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('project', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='articles', to='articles.project')),
            ],
            options={
                'ordering': ['project', 'id'],
                'indexes': [models.Index(fields=['project', 'external_id'], name='articles_ar_project_bf7fd0_idx'), models.Index(fields=['project', 'id'], name='article_project_id_idx'), models.Index(fields=['project', 'title', '-id'], name='article_project_title_idx')],
                'constraints': [models.CheckConstraint(condition=django.db.models.lookups.Exact(django.db.models.functions.text.Length('text_sha256'), 64), name='article_text_sha256_is_set'), models.CheckConstraint(condition=models.Q(('text', ''), _negated=True), name='article_text_not_empty'), models.UniqueConstraint(fields=('project', 'text_sha256'), name='article_unique_text_per_project')],
            },
        ),
        migrations.CreateModel(
            name='TeamFigures',
            fields=[
                ('project', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name='+', serialize=False, to='articles.project')),
                ('computed_at', models.DateTimeField()),
                ('requested_at', models.DateTimeField(blank=True, null=True)),
                ('figures', models.JSONField(default=dict)),
            ],
            options={
                'verbose_name_plural': 'team figures',
            },
        ),
        migrations.CreateModel(
            name='HistoryEvent',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('at', models.DateTimeField(default=django.utils.timezone.now, editable=False)),
                ('quote_id', models.BigIntegerField(blank=True, null=True)),
                ('agent', models.CharField(blank=True, choices=[('', 'A person'), ('engine', 'The suggestion engine'), ('command', 'A management command')], default='', max_length=16)),
                ('kind', models.CharField(max_length=40)),
                ('payload', models.JSONField(default=dict)),
                ('request_id', models.CharField(blank=True, default='', max_length=64)),
                ('token', models.CharField(blank=True, default='', max_length=100)),
                ('job_id', models.CharField(blank=True, default='', max_length=64)),
                ('actor', models.ForeignKey(blank=True, db_index=False, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='history', to=settings.AUTH_USER_MODEL)),
                ('article', models.ForeignKey(blank=True, db_constraint=False, db_index=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='articles.article')),
                ('project', models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.PROTECT, related_name='history', to='articles.project')),
            ],
            options={
                'ordering': ['id'],
                'indexes': [models.Index(fields=['project', 'id'], name='history_project_id_idx'), models.Index(fields=['article', 'id'], name='history_article_id_idx'), models.Index(fields=['quote_id'], name='history_quote_idx'), models.Index(fields=['actor', 'id'], name='history_actor_id_idx')],
                'constraints': [models.CheckConstraint(condition=models.Q(models.Q(('actor__isnull', False), ('agent', '')), models.Q(('actor__isnull', True), models.Q(('agent', ''), _negated=True)), _connector='OR'), name='history_event_actor_or_agent'), models.CheckConstraint(condition=models.Q(('kind', ''), _negated=True), name='history_event_kind_not_empty')],
            },
        ),
        migrations.CreateModel(
            name='Speaker',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=200)),
                ('description', models.CharField(blank=True, help_text='Who they are, e.g. "Belarus expert".', max_length=300)),
                ('external_id', models.CharField(blank=True, help_text='e.g. a Wikidata QID such as Q42.', max_length=100)),
                ('proposed', models.BooleanField(default=False, help_text='Added by the suggestion engine: confirm it, or merge it.')),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('project', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='speakers', to='articles.project')),
            ],
            options={
                'ordering': ['project', 'name'],
                'constraints': [models.UniqueConstraint(models.F('project'), django.db.models.functions.text.Lower('name'), name='speaker_unique_name_per_project'), models.CheckConstraint(condition=models.Q(('name', ''), _negated=True), name='speaker_name_not_empty')],
            },
        ),
        migrations.CreateModel(
            name='Quote',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('start', models.PositiveIntegerField()),
                ('end', models.PositiveIntegerField()),
                ('text', models.TextField()),
                ('kind', models.CharField(choices=[('direct', 'Direct'), ('indirect', 'Indirect'), ('mixed', 'Mixed')], default='direct', max_length=16)),
                ('cue_start', models.PositiveIntegerField(blank=True, null=True)),
                ('cue_end', models.PositiveIntegerField(blank=True, null=True)),
                ('origin', models.CharField(choices=[('human', 'Human'), ('suggested', 'Suggested'), ('accepted', 'Accepted suggestion'), ('corrected', 'Corrected suggestion'), ('gold', 'Adjudicated gold')], default='human', max_length=16)),
                ('version', models.PositiveIntegerField(default=1)),
                ('request_id', models.UUIDField(blank=True, editable=False, null=True)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('annotator', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='quotes', to=settings.AUTH_USER_MODEL)),
                ('article', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='quotes', to='articles.article')),
                ('source', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='gold_copies', to='articles.quote')),
                ('speaker', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='quotes', to='articles.speaker')),
                ('speaker_start', models.PositiveIntegerField(blank=True, null=True)),
                ('speaker_end', models.PositiveIntegerField(blank=True, null=True)),
            ],
            options={
                'ordering': ['article', 'start', 'end', 'id'],
                'indexes': [models.Index(fields=['article', 'annotator', 'start'], name='articles_qu_article_ae18a4_idx')],
                'constraints': [models.CheckConstraint(condition=models.Q(('end__gt', models.F('start'))), name='quote_span_not_empty'), models.CheckConstraint(condition=django.db.models.lookups.Exact(django.db.models.functions.text.Length('text'), django.db.models.expressions.CombinedExpression(models.F('end'), '-', models.F('start'))), name='quote_text_length_matches_span'), models.CheckConstraint(condition=models.Q(models.Q(('cue_end__isnull', True), ('cue_start__isnull', True)), models.Q(('cue_end__gt', models.F('cue_start')), ('cue_end__isnull', False), ('cue_start__isnull', False)), _connector='OR'), name='quote_cue_span_valid'), models.CheckConstraint(condition=models.Q(('kind__in', ['direct', 'indirect', 'mixed'])), name='quote_kind_valid'), models.CheckConstraint(condition=models.Q(('origin__in', ['human', 'suggested', 'accepted', 'corrected', 'gold'])), name='quote_origin_valid'), models.CheckConstraint(condition=models.Q(('version__gte', 1)), name='quote_version_positive'), models.UniqueConstraint(condition=models.Q(('origin', 'gold'), _negated=True), fields=('article', 'annotator', 'start', 'end'), name='quote_unique_span_per_annotator'), models.UniqueConstraint(condition=models.Q(('origin', 'gold')), fields=('article', 'start', 'end'), name='quote_unique_gold_span'), models.CheckConstraint(condition=models.Q(('source__isnull', True), ('origin', 'gold'), _connector='OR'), name='quote_source_only_for_gold'), models.UniqueConstraint(fields=('annotator', 'request_id'), name='quote_unique_request_per_annotator'), models.CheckConstraint(condition=models.Q(models.Q(('speaker_end__isnull', True), ('speaker_start__isnull', True)), models.Q(('speaker_end__gt', models.F('speaker_start')), ('speaker_end__isnull', False), ('speaker_start__isnull', False)), _connector='OR'), name='quote_speaker_span_valid')],
            },
            bases=(articles.models.Spanning, models.Model),
        ),
        migrations.CreateModel(
            name='Adjudication',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('status', models.CharField(choices=[('in_progress', 'In progress'), ('done', 'Adjudicated')], default='in_progress', max_length=16)),
                ('started_at', models.DateTimeField(auto_now_add=True)),
                ('finished_at', models.DateTimeField(blank=True, null=True)),
                ('reviewer', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='adjudications', to=settings.AUTH_USER_MODEL)),
                ('article', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='adjudication', to='articles.article')),
                ('dropped', models.ManyToManyField(blank=True, related_name='dropped_in', to='articles.quote')),
            ],
            options={
                'ordering': ['article'],
                'constraints': [models.CheckConstraint(condition=models.Q(('status__in', ['in_progress', 'done'])), name='adjudication_status_valid'), models.CheckConstraint(condition=models.Q(models.Q(('finished_at__isnull', False), ('status', 'done')), models.Q(('finished_at__isnull', True), ('status', 'in_progress')), _connector='OR'), name='adjudication_finished_when_done')],
            },
        ),
        migrations.CreateModel(
            name='RejectedSuggestion',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('start', models.PositiveIntegerField()),
                ('end', models.PositiveIntegerField()),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('annotator', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='rejections', to=settings.AUTH_USER_MODEL)),
                ('article', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='rejections', to='articles.article')),
            ],
            options={
                'ordering': ['article', 'start'],
                'constraints': [models.UniqueConstraint(fields=('article', 'annotator', 'start', 'end'), name='rejected_suggestion_unique')],
            },
        ),
        migrations.CreateModel(
            name='SpeakerAlias',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=200)),
                ('speaker', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='aliases', to='articles.speaker')),
            ],
            options={
                'verbose_name_plural': 'speaker aliases',
                'ordering': ['speaker', 'name'],
                'constraints': [models.UniqueConstraint(models.F('speaker'), django.db.models.functions.text.Lower('name'), name='speaker_alias_unique_per_speaker'), models.CheckConstraint(condition=models.Q(('name', ''), _negated=True), name='speaker_alias_not_empty')],
            },
        ),
        migrations.CreateModel(
            name='StanceTarget',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=200)),
                ('description', models.TextField(blank=True)),
                ('project', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='targets', to='articles.project')),
            ],
            options={
                'ordering': ['project', 'name'],
                'constraints': [models.UniqueConstraint(models.F('project'), django.db.models.functions.text.Lower('name'), name='stance_target_unique_name_per_project'), models.CheckConstraint(condition=models.Q(('name', ''), _negated=True), name='stance_target_name_not_empty')],
            },
        ),
        migrations.CreateModel(
            name='StanceLabel',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('label', models.CharField(max_length=50)),
                ('quote', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='stances', to='articles.quote')),
                ('target', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='stances', to='articles.stancetarget')),
            ],
            options={
                'ordering': ['quote', 'target'],
                'constraints': [models.UniqueConstraint(fields=('quote', 'target'), name='stance_unique_per_target'), models.CheckConstraint(condition=models.Q(('label', ''), _negated=True), name='stance_label_not_empty')],
            },
        ),
        migrations.CreateModel(
            name='StoredCorpusFigures',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('key', models.CharField(max_length=100)),
                ('computed_at', models.DateTimeField()),
                ('requested_at', models.DateTimeField(blank=True, null=True)),
                ('figures', models.JSONField(default=dict)),
                ('project', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='articles.project')),
            ],
            options={
                'verbose_name_plural': 'stored corpus figures',
                'constraints': [models.UniqueConstraint(fields=('project', 'key'), name='stored_corpus_figures_unique_key')],
            },
        ),
        migrations.CreateModel(
            name='Suggestion',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('start', models.PositiveIntegerField()),
                ('end', models.PositiveIntegerField()),
                ('text', models.TextField()),
                ('kind', models.CharField(choices=[('direct', 'Direct'), ('indirect', 'Indirect'), ('mixed', 'Mixed')], max_length=16)),
                ('cue_start', models.PositiveIntegerField(blank=True, null=True)),
                ('cue_end', models.PositiveIntegerField(blank=True, null=True)),
                ('confidence', models.FloatField()),
                ('source', models.CharField(default='newsannot-rules', help_text='The engine or model that made it.', max_length=100)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('article', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='suggestions', to='articles.article')),
                ('speaker', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='suggestions', to='articles.speaker')),
                ('speaker_end', models.PositiveIntegerField(blank=True, null=True)),
                ('speaker_start', models.PositiveIntegerField(blank=True, null=True)),
            ],
            options={
                'ordering': ['article', 'start', 'end'],
                'constraints': [models.UniqueConstraint(fields=('article', 'start', 'end'), name='suggestion_unique_span'), models.CheckConstraint(condition=models.Q(('end__gt', models.F('start'))), name='suggestion_span_not_empty'), models.CheckConstraint(condition=django.db.models.lookups.Exact(django.db.models.functions.text.Length('text'), django.db.models.expressions.CombinedExpression(models.F('end'), '-', models.F('start'))), name='suggestion_text_length_matches_span'), models.CheckConstraint(condition=models.Q(('confidence__gte', 0), ('confidence__lte', 1)), name='suggestion_confidence_between_0_and_1'), models.CheckConstraint(condition=models.Q(('kind__in', ['direct', 'indirect', 'mixed'])), name='suggestion_kind_valid'), models.CheckConstraint(condition=models.Q(models.Q(('speaker_end__isnull', True), ('speaker_start__isnull', True)), models.Q(('speaker_end__gt', models.F('speaker_start')), ('speaker_end__isnull', False), ('speaker_start__isnull', False)), _connector='OR'), name='suggestion_speaker_span_valid')],
            },
            bases=(articles.models.Spanning, models.Model),
        ),
        migrations.CreateModel(
            name='ArticleCounts',
            fields=[
                ('article', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name='counts', serialize=False, to='articles.article')),
                ('quotes', models.PositiveIntegerField(default=0)),
                ('todo', models.PositiveIntegerField(default=0)),
                ('in_progress', models.PositiveIntegerField(default=0)),
                ('done', models.PositiveIntegerField(default=0)),
                ('project', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='articles.project')),
            ],
            options={
                'verbose_name_plural': 'article counts',
                'indexes': [models.Index(fields=['project', 'quotes'], name='article_counts_quotes_idx'), models.Index(fields=['project', 'todo', 'in_progress', 'done'], name='article_counts_status_idx'), models.Index(fields=['project', 'in_progress'], name='article_counts_progress_idx')],
            },
        ),
        migrations.CreateModel(
            name='Assignment',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('status', models.CharField(choices=[('todo', 'To do'), ('in_progress', 'In progress'), ('done', 'Done'), ('skipped', 'Skipped')], default='todo', max_length=16)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('started_at', models.DateTimeField(blank=True, null=True)),
                ('finished_at', models.DateTimeField(blank=True, null=True)),
                ('annotator', models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='assignments', to=settings.AUTH_USER_MODEL)),
                ('article', models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='assignments', to='articles.article')),
            ],
            options={
                'ordering': ['article', 'annotator'],
                'indexes': [models.Index(fields=['annotator', 'status'], name='articles_as_annotat_18e9ce_idx')],
                'constraints': [models.UniqueConstraint(fields=('article', 'annotator'), name='assignment_unique_per_annotator'), models.CheckConstraint(condition=models.Q(('status__in', ['todo', 'in_progress', 'done', 'skipped'])), name='assignment_status_valid')],
            },
        ),
        RunSQLOn("sqlite", TEXT_SQLITE, TEXT_SQLITE_REVERSE),
        RunSQLOn("postgresql", TEXT_POSTGRESQL, TEXT_POSTGRESQL_REVERSE),
        RunSQLOn("sqlite", HISTORY_SQLITE, HISTORY_SQLITE_REVERSE),
        RunSQLOn("postgresql", HISTORY_POSTGRESQL, HISTORY_POSTGRESQL_REVERSE),
        RunSQLOn("postgresql", M0012_0, M0012_0_REVERSE),
        RunSQLOn("postgresql", M0014_0, M0014_0_REVERSE),
        RunSQLOn("postgresql", M0015_0, M0015_0_REVERSE),
        RunSQLOn("postgresql", M0015_1, M0015_1_REVERSE),
        RunSQLOn("postgresql", M0015_2, M0015_2_REVERSE),
        RunSQLOn("sqlite", M0017_0, M0017_0_REVERSE),
        RunSQLOn("postgresql", M0017_1, M0017_1_REVERSE),
        RunSQLOn("sqlite", M0017_5, M0017_5_REVERSE),
        RunSQLOn("postgresql", M0017_6, M0017_6_REVERSE),
        RunSQLOn("sqlite", M0018_0, M0018_0_REVERSE),
        RunSQLOn("postgresql", M0018_1, M0018_1_REVERSE),
        RunSQLOn("postgresql", M0020_1, M0020_1_REVERSE),
        RunSQLOn("sqlite", M0020_2, M0020_2_REVERSE),
    ]
