"""Where the text names a quote's speaker (the "speaker mention" brat, doccano, Label
Studio and INCEpTION mark): ``speaker_start`` and ``speaker_end``, code points like every
offset, both or neither. 0018 makes the triggers check them against the text.

SQLite rebuilds ``articles_quote`` for a new column, which drops its triggers and is
refused while ``articles_article``'s trigger names the table: the triggers go first and
come back last, as 0008 left them (its SQL, copied word for word; PostgreSQL's too, by the
rule tests/integration/test_migrations.py checks). The SQL is frozen here; never edit it.
"""

from django.db import migrations, models
from django.db.models import F, Q


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

# PostgreSQL's triggers as 0008 left them (their functions stay).
POSTGRESQL_CREATE = [
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
POSTGRESQL_DROP = [
    "DROP TRIGGER IF EXISTS articles_quote_text_matches_article_insert ON articles_quote",
    "DROP TRIGGER IF EXISTS articles_quote_text_matches_article_update ON articles_quote",
    "DROP TRIGGER IF EXISTS articles_article_text_immutable_once_quoted ON articles_article",
]


class Migration(migrations.Migration):
    dependencies = [("articles", "0016_drop_redundant_indexes")]

    operations = [
        RunSQLOn("sqlite", SQLITE_DROP, SQLITE_CREATE),
        RunSQLOn("postgresql", POSTGRESQL_DROP, POSTGRESQL_CREATE),
        migrations.AddField(
            model_name="quote",
            name="speaker_start",
            field=models.PositiveIntegerField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="quote",
            name="speaker_end",
            field=models.PositiveIntegerField(blank=True, null=True),
        ),
        migrations.AddConstraint(
            model_name="quote",
            constraint=models.CheckConstraint(
                condition=Q(speaker_start__isnull=True, speaker_end__isnull=True)
                | Q(
                    speaker_start__isnull=False,
                    speaker_end__isnull=False,
                    speaker_end__gt=F("speaker_start"),
                ),
                name="quote_speaker_span_valid",
            ),
        ),
        RunSQLOn("sqlite", SQLITE_CREATE, SQLITE_DROP),
        RunSQLOn("postgresql", POSTGRESQL_CREATE, POSTGRESQL_DROP),
    ]
