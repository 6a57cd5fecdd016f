"""Cheaper bulk writes (assigning ten thousand articles, importing their quotes).

Partial indexes where an index held entries no lookup reads: each status filter of the
articles page has its own, and the history's quote and actor indexes leave out events of
no quote or no person. On PostgreSQL, the statement-level count triggers of migration 0020
find the counts they change through the primary key: their join read every article's
counts (17 ms at 120,000 articles, growing with the database, not with the statement).
The SQL is frozen here; never edit it.
"""

import django.db.models.deletion
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


class ReplaceIndexes(migrations.operations.base.Operation):
    """Remove some of a model's indexes and add others in the migration state, in one step:
    each AddIndex or RemoveIndex renders the model again (20 ms apiece at every
    ``migrate``); the schema is changed by the RunSQL beside it."""

    def __init__(self, model_name, remove, add):
        self.model_name, self.remove, self.add = model_name, remove, add

    def deconstruct(self):
        return self.__class__.__name__, [self.model_name, self.remove, self.add], {}

    def state_forwards(self, app_label, state):
        options = state.models[app_label, self.model_name].options
        kept = [index for index in options["indexes"] if index.name not in self.remove]
        options["indexes"] = kept + [index.clone() for index in self.add]
        state.reload_model(app_label, self.model_name, delay=True)

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        pass

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        pass

    def describe(self):
        return f"Replace indexes {self.remove} of {self.model_name} with {len(self.add)} others"


# The change of a quote's or an assignment's counts, from the statement's transition
# tables: ``rows`` with a sign, grouped by article. ``KEYS`` limits the counts to the
# statement's articles, found by primary key (without it the join scans all counts).
QUOTE_DELTA = """
        UPDATE articles_articlecounts c SET quotes = c.quotes + d.n
        FROM (SELECT article_id, sum(n) AS n FROM (ROWS) x
              GROUP BY article_id HAVING sum(n) <> 0) d
        WHERE c.article_id = d.article_id KEYS;
"""
ASSIGNMENT_DELTA = """
        UPDATE articles_articlecounts c
        SET todo = c.todo + d.todo, in_progress = c.in_progress + d.in_progress,
            done = c.done + d.done
        FROM (SELECT article_id,
                     sum(CASE WHEN status = 'todo' THEN n ELSE 0 END) AS todo,
                     sum(CASE WHEN status = 'in_progress' THEN n ELSE 0 END) AS in_progress,
                     sum(CASE WHEN status = 'done' THEN n ELSE 0 END) AS done
              FROM (ROWS) x GROUP BY article_id) d
        WHERE c.article_id = d.article_id
          AND (d.todo <> 0 OR d.in_progress <> 0 OR d.done <> 0) KEYS;
"""
BY_KEY = "AND c.article_id = ANY (ARRAY(SELECT article_id FROM (ROWS) y))"
NEW_QUOTES = "SELECT article_id, 1 AS n FROM new_rows WHERE origin <> 'suggested'"
OLD_QUOTES = "SELECT article_id, -1 AS n FROM old_rows WHERE origin <> 'suggested'"
NEW_ASSIGNMENTS = "SELECT article_id, status, 1 AS n FROM new_rows"
OLD_ASSIGNMENTS = "SELECT article_id, status, -1 AS n FROM old_rows"


def count_functions(by_key: bool) -> list[str]:
    """The two statement-level functions, finding the counts by key or (0020) not."""

    def delta(sql, rows):
        return sql.replace(" KEYS", f" {BY_KEY}" if by_key else "").replace("ROWS", rows)

    return [
        f"""
    CREATE OR REPLACE FUNCTION articles_{table}_counts() RETURNS trigger AS $$
    BEGIN
      IF TG_OP = 'INSERT' THEN
        {delta(sql, new)}
      ELSE
        {delta(sql, old)}
      END IF;
      RETURN NULL;
    END;
    $$ LANGUAGE plpgsql
    """
        for table, sql, new, old in [
            ("quote", QUOTE_DELTA, NEW_QUOTES, OLD_QUOTES),
            ("assignment", ASSIGNMENT_DELTA, NEW_ASSIGNMENTS, OLD_ASSIGNMENTS),
        ]
    ]


NEW_INDEXES = [
    (
        "articlecounts",
        models.Index(
            condition=models.Q(("done", 0), ("in_progress", 0), ("todo", 0)),
            fields=["project"],
            name="article_counts_unassigned_idx",
        ),
    ),
    (
        "articlecounts",
        models.Index(
            condition=models.Q(("todo__gt", 0)), fields=["project"], name="article_counts_todo_idx"
        ),
    ),
    (
        "articlecounts",
        models.Index(
            condition=models.Q(("in_progress__gt", 0)),
            fields=["project"],
            name="article_counts_in_progress_idx",
        ),
    ),
    (
        "articlecounts",
        models.Index(
            condition=models.Q(("done__gt", 0), ("in_progress", 0), ("todo", 0)),
            fields=["project"],
            name="article_counts_done_idx",
        ),
    ),
    (
        "historyevent",
        models.Index(
            condition=models.Q(("quote_id__isnull", False)),
            fields=["quote_id"],
            name="history_quote_partial_idx",
        ),
    ),
    (
        "historyevent",
        models.Index(
            condition=models.Q(("actor__isnull", False)),
            fields=["actor", "id"],
            name="history_actor_partial_idx",
        ),
    ),
]
INDEXES_FORWARD = [
    'DROP INDEX IF EXISTS "article_counts_status_idx"',
    'DROP INDEX IF EXISTS "article_counts_progress_idx"',
    'DROP INDEX IF EXISTS "history_quote_idx"',
    'DROP INDEX IF EXISTS "history_actor_id_idx"',
    'DROP INDEX IF EXISTS "articles_articlecounts_project_id_6e6d8d40"',
    'CREATE INDEX "article_counts_unassigned_idx" ON "articles_articlecounts" ("project_id")'
    ' WHERE ("done" = 0 AND "in_progress" = 0 AND "todo" = 0)',
    'CREATE INDEX "article_counts_todo_idx" ON "articles_articlecounts" ("project_id")'
    ' WHERE "todo" > 0',
    'CREATE INDEX "article_counts_in_progress_idx" ON "articles_articlecounts" ("project_id")'
    ' WHERE "in_progress" > 0',
    'CREATE INDEX "article_counts_done_idx" ON "articles_articlecounts" ("project_id")'
    ' WHERE ("done" > 0 AND "in_progress" = 0 AND "todo" = 0)',
    'CREATE INDEX "history_quote_partial_idx" ON "articles_historyevent" ("quote_id")'
    ' WHERE "quote_id" IS NOT NULL',
    'CREATE INDEX "history_actor_partial_idx" ON "articles_historyevent" ("actor_id", "id")'
    ' WHERE "actor_id" IS NOT NULL',
]
INDEXES_BACKWARD = [
    'DROP INDEX "article_counts_unassigned_idx"',
    'DROP INDEX "article_counts_todo_idx"',
    'DROP INDEX "article_counts_in_progress_idx"',
    'DROP INDEX "article_counts_done_idx"',
    'DROP INDEX "history_quote_partial_idx"',
    'DROP INDEX "history_actor_partial_idx"',
    'CREATE INDEX "articles_articlecounts_project_id_6e6d8d40"'
    ' ON "articles_articlecounts" ("project_id")',
    'CREATE INDEX "article_counts_status_idx"'
    ' ON "articles_articlecounts" ("project_id", "todo", "in_progress", "done")',
    'CREATE INDEX "article_counts_progress_idx"'
    ' ON "articles_articlecounts" ("project_id", "in_progress")',
    'CREATE INDEX "history_quote_idx" ON "articles_historyevent" ("quote_id")',
    'CREATE INDEX "history_actor_id_idx" ON "articles_historyevent" ("actor_id", "id")',
]


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0022_project_search_language"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    # The state in three steps, the schema in one RunSQL: the SQL is what AddIndex and
    # RemoveIndex write, the same on both databases (a fresh database's schema is the same
    # as with those operations, which took 0.12 s of every `migrate`). State and schema
    # apart is required for the AlterField anyway: on SQLite it would rebuild the counts'
    # table, which the count triggers name ("no such table" during the rebuild).
    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                # The project's own index: every index below starts from the project.
                migrations.AlterField(
                    model_name="articlecounts",
                    name="project",
                    field=models.ForeignKey(
                        db_constraint=False,
                        db_index=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="articles.project",
                    ),
                ),
                ReplaceIndexes(
                    "articlecounts",
                    ["article_counts_status_idx", "article_counts_progress_idx"],
                    [index for model, index in NEW_INDEXES if model == "articlecounts"],
                ),
                ReplaceIndexes(
                    "historyevent",
                    ["history_quote_idx", "history_actor_id_idx"],
                    [index for model, index in NEW_INDEXES if model == "historyevent"],
                ),
            ],
            database_operations=[migrations.RunSQL(INDEXES_FORWARD, INDEXES_BACKWARD)],
        ),
        RunSQLOn("postgresql", count_functions(by_key=True), count_functions(by_key=False)),
    ]
