"""Migrations 0001 to 0011 as one, for new databases: the final tables with their
constraints and indexes, then the database guards as 0008 (the text invariants) and 0010
(the append-only history) left them. Rendering the model states of eleven migrations was
most of a fresh ``migrate``; a database that applied them keeps them (``replaces``).
Tests compare the schema this builds with the one the eleven build, on both databases.

The SQL is copied, frozen, from 0008 and 0010: never edit it. Once no database is older
than 0011, the replaced files can go (and ``replaces`` with them).
"""

import articles.models
import django.db.models.deletion
import django.db.models.expressions
import django.db.models.functions.text
import django.db.models.lookups
import django.utils.timezone
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


# The text invariants, as 0008 left them.
# SQLite has no trigger functions: the insert and the update trigger share this body.
TEXT_SQLITE_QUOTE_CHECK = """
    FOR EACH ROW
    WHEN NEW."end" > (SELECT length(text) FROM articles_article WHERE id = NEW.article_id)
      OR substr((SELECT text FROM articles_article WHERE id = NEW.article_id),
                NEW.start + 1, max(NEW."end" - NEW.start, 0)) IS NOT NEW.text
      OR NEW.cue_end > (SELECT length(text) FROM articles_article WHERE id = NEW.article_id)
    BEGIN
      SELECT RAISE(ABORT, 'quote text does not match the article text at its offsets');
    END
"""

TEXT_SQLITE_CREATE = [
    "CREATE TRIGGER articles_quote_text_matches_article_insert"
    " BEFORE INSERT ON articles_quote" + TEXT_SQLITE_QUOTE_CHECK,
    "CREATE TRIGGER articles_quote_text_matches_article_update"
    ' BEFORE UPDATE OF article_id, start, "end", text, cue_start, cue_end ON articles_quote'
    + TEXT_SQLITE_QUOTE_CHECK,
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
TEXT_SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS articles_quote_text_matches_article_insert",
    "DROP TRIGGER IF EXISTS articles_quote_text_matches_article_update",
    "DROP TRIGGER IF EXISTS articles_article_text_immutable_once_quoted",
]

# PostgreSQL checks an INSERT once per statement, after it, over all the rows it inserted:
# a batch (``bulk_create``) reads, locks and decompresses each article's text once, not
# once per quote. An UPDATE is still checked row by row, before it: PostgreSQL allows no
# transition table on a trigger limited to some columns.
TEXT_POSTGRESQL_CREATE = [
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
TEXT_POSTGRESQL_DROP = [
    "DROP TRIGGER IF EXISTS articles_quote_text_matches_article_insert ON articles_quote",
    "DROP TRIGGER IF EXISTS articles_quote_text_matches_article_update ON articles_quote",
    "DROP FUNCTION IF EXISTS articles_quote_text_matches_article()",
    "DROP FUNCTION IF EXISTS articles_inserted_quotes_match_article()",
    "DROP TRIGGER IF EXISTS articles_article_text_immutable_once_quoted ON articles_article",
    "DROP FUNCTION IF EXISTS articles_article_text_immutable_once_quoted()",
]

# The history's guards, as 0010 created them.
HISTORY_SQLITE_CREATE = [
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
HISTORY_SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS articles_historyevent_no_update",
    "DROP TRIGGER IF EXISTS articles_historyevent_no_delete",
]

HISTORY_POSTGRESQL_CREATE = [
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
HISTORY_POSTGRESQL_DROP = [
    "DROP TRIGGER IF EXISTS articles_historyevent_no_update ON articles_historyevent",
    "DROP TRIGGER IF EXISTS articles_historyevent_no_delete ON articles_historyevent",
    "DROP FUNCTION IF EXISTS articles_historyevent_append_only()",
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
    ]

    dependencies = [
        ('accounts', '__first__'),
    ]

    operations = [
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
            ],
            options={
                'ordering': ['project', 'id'],
                'constraints': [models.CheckConstraint(condition=django.db.models.lookups.Exact(django.db.models.functions.text.Length('text_sha256'), 64), name='article_text_sha256_is_set'), models.CheckConstraint(condition=models.Q(('text', ''), _negated=True), name='article_text_not_empty')],
            },
        ),
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
                ('actor', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='history', to=settings.AUTH_USER_MODEL)),
                ('article', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='articles.article')),
                ('project', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='history', to='articles.project')),
            ],
            options={
                'ordering': ['id'],
                'indexes': [models.Index(fields=['project', 'id'], name='history_project_id_idx'), models.Index(fields=['article', 'id'], name='history_article_id_idx'), models.Index(fields=['quote_id'], name='history_quote_idx'), models.Index(fields=['actor', 'id'], name='history_actor_id_idx')],
                'constraints': [models.CheckConstraint(condition=models.Q(models.Q(('actor__isnull', False), ('agent', '')), models.Q(('actor__isnull', True), models.Q(('agent', ''), _negated=True)), _connector='OR'), name='history_event_actor_or_agent'), models.CheckConstraint(condition=models.Q(('kind', ''), _negated=True), name='history_event_kind_not_empty')],
            },
        ),
        migrations.AddField(
            model_name='article',
            name='project',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='articles', to='articles.project'),
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
            ],
            options={
                'ordering': ['article', 'start', 'end', 'id'],
                'indexes': [models.Index(fields=['article', 'annotator', 'start'], name='articles_qu_article_ae18a4_idx')],
                'constraints': [models.CheckConstraint(condition=models.Q(('end__gt', models.F('start'))), name='quote_span_not_empty'), models.CheckConstraint(condition=django.db.models.lookups.Exact(django.db.models.functions.text.Length('text'), django.db.models.expressions.CombinedExpression(models.F('end'), '-', models.F('start'))), name='quote_text_length_matches_span'), models.CheckConstraint(condition=models.Q(models.Q(('cue_end__isnull', True), ('cue_start__isnull', True)), models.Q(('cue_end__gt', models.F('cue_start')), ('cue_end__isnull', False), ('cue_start__isnull', False)), _connector='OR'), name='quote_cue_span_valid'), models.CheckConstraint(condition=models.Q(('kind__in', ['direct', 'indirect', 'mixed'])), name='quote_kind_valid'), models.CheckConstraint(condition=models.Q(('origin__in', ['human', 'suggested', 'accepted', 'corrected', 'gold'])), name='quote_origin_valid'), models.CheckConstraint(condition=models.Q(('version__gte', 1)), name='quote_version_positive'), models.UniqueConstraint(condition=models.Q(('origin', 'gold'), _negated=True), fields=('article', 'annotator', 'start', 'end'), name='quote_unique_span_per_annotator'), models.UniqueConstraint(condition=models.Q(('origin', 'gold')), fields=('article', 'start', 'end'), name='quote_unique_gold_span'), models.CheckConstraint(condition=models.Q(('source__isnull', True), ('origin', 'gold'), _connector='OR'), name='quote_source_only_for_gold'), models.UniqueConstraint(fields=('annotator', 'request_id'), name='quote_unique_request_per_annotator')],
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
        migrations.AddField(
            model_name='quote',
            name='speaker',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='quotes', to='articles.speaker'),
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
            ],
            options={
                'ordering': ['article', 'start', 'end'],
                'constraints': [models.UniqueConstraint(fields=('article', 'start', 'end'), name='suggestion_unique_span'), models.CheckConstraint(condition=models.Q(('end__gt', models.F('start'))), name='suggestion_span_not_empty'), models.CheckConstraint(condition=django.db.models.lookups.Exact(django.db.models.functions.text.Length('text'), django.db.models.expressions.CombinedExpression(models.F('end'), '-', models.F('start'))), name='suggestion_text_length_matches_span'), models.CheckConstraint(condition=models.Q(('confidence__gte', 0), ('confidence__lte', 1)), name='suggestion_confidence_between_0_and_1'), models.CheckConstraint(condition=models.Q(('kind__in', ['direct', 'indirect', 'mixed'])), name='suggestion_kind_valid')],
            },
            bases=(articles.models.Spanning, models.Model),
        ),
        migrations.CreateModel(
            name='Assignment',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('status', models.CharField(choices=[('todo', 'To do'), ('in_progress', 'In progress'), ('done', 'Done'), ('skipped', 'Skipped')], default='todo', max_length=16)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('started_at', models.DateTimeField(blank=True, null=True)),
                ('finished_at', models.DateTimeField(blank=True, null=True)),
                ('annotator', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='assignments', to=settings.AUTH_USER_MODEL)),
                ('article', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='assignments', to='articles.article')),
            ],
            options={
                'ordering': ['article', 'annotator'],
                'indexes': [models.Index(fields=['annotator', 'status'], name='articles_as_annotat_18e9ce_idx')],
                'constraints': [models.UniqueConstraint(fields=('article', 'annotator'), name='assignment_unique_per_annotator'), models.CheckConstraint(condition=models.Q(('status__in', ['todo', 'in_progress', 'done', 'skipped'])), name='assignment_status_valid')],
            },
        ),
        migrations.AddIndex(
            model_name='article',
            index=models.Index(fields=['project', 'external_id'], name='articles_ar_project_bf7fd0_idx'),
        ),
        migrations.AddIndex(
            model_name='article',
            index=models.Index(fields=['project', 'id'], name='article_project_id_idx'),
        ),
        migrations.AddConstraint(
            model_name='article',
            constraint=models.UniqueConstraint(fields=('project', 'text_sha256'), name='article_unique_text_per_project'),
        ),
        RunSQLOn("sqlite", TEXT_SQLITE_CREATE, TEXT_SQLITE_DROP),
        RunSQLOn("postgresql", TEXT_POSTGRESQL_CREATE, TEXT_POSTGRESQL_DROP),
        RunSQLOn("sqlite", HISTORY_SQLITE_CREATE, HISTORY_SQLITE_DROP),
        RunSQLOn("postgresql", HISTORY_POSTGRESQL_CREATE, HISTORY_POSTGRESQL_DROP),
    ]
