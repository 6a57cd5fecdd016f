"""Each article's counts of quotes and assignments (articles.browse.counts), kept by
triggers on articles, quotes and assignments, and filled for the articles that exist. The
SQL is frozen here; never edit it. A later migration that alters ``articles_quote`` or
``articles_article`` copies the SQL of their triggers below (0023 replaces the two
statement-level functions on PostgreSQL: copy those from there).

PostgreSQL counts inserts and deletes once per statement, from its transition tables (a
bulk insert or a COPY of ten thousand rows is one UPDATE), and updates row by row, only
those that move a count. SQLite counts row by row. The triggers are created
before the existing rows are counted: on PostgreSQL, creating them locks the tables against
writes until this migration commits, so no write falls between the two.
"""

import django.db.models.deletion
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


# The change of an article's, a quote's or an assignment's counts, from the statement's
# transition tables: ``rows`` with a sign, grouped by article.
POSTGRESQL_QUOTE_DELTA = """
        UPDATE articles_articlecounts c SET quotes = c.quotes + d.n
        FROM (SELECT article_id, sum(n) AS n FROM (ROWS) x
              GROUP BY article_id HAVING sum(n) <> 0) d
        WHERE c.article_id = d.article_id;
"""
POSTGRESQL_ASSIGNMENT_DELTA = """
        UPDATE articles_articlecounts c
        SET todo = c.todo + d.todo, in_progress = c.in_progress + d.in_progress,
            done = c.done + d.done
        FROM (SELECT article_id,
                     sum(CASE WHEN status = 'todo' THEN n ELSE 0 END) AS todo,
                     sum(CASE WHEN status = 'in_progress' THEN n ELSE 0 END) AS in_progress,
                     sum(CASE WHEN status = 'done' THEN n ELSE 0 END) AS done
              FROM (ROWS) x GROUP BY article_id) d
        WHERE c.article_id = d.article_id
          AND (d.todo <> 0 OR d.in_progress <> 0 OR d.done <> 0);
"""
NEW_QUOTES = "SELECT article_id, 1 AS n FROM new_rows WHERE origin <> 'suggested'"
OLD_QUOTES = "SELECT article_id, -1 AS n FROM old_rows WHERE origin <> 'suggested'"
NEW_ASSIGNMENTS = "SELECT article_id, status, 1 AS n FROM new_rows"
OLD_ASSIGNMENTS = "SELECT article_id, status, -1 AS n FROM old_rows"

POSTGRESQL_CREATE = [
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
    f"""
    CREATE FUNCTION articles_quote_counts() RETURNS trigger AS $$
    BEGIN
      IF TG_OP = 'INSERT' THEN
        {POSTGRESQL_QUOTE_DELTA.replace("ROWS", NEW_QUOTES)}
      ELSE
        {POSTGRESQL_QUOTE_DELTA.replace("ROWS", OLD_QUOTES)}
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
    f"""
    CREATE FUNCTION articles_assignment_counts() RETURNS trigger AS $$
    BEGIN
      IF TG_OP = 'INSERT' THEN
        {POSTGRESQL_ASSIGNMENT_DELTA.replace("ROWS", NEW_ASSIGNMENTS)}
      ELSE
        {POSTGRESQL_ASSIGNMENT_DELTA.replace("ROWS", OLD_ASSIGNMENTS)}
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
    # Inserts and deletes once per statement, from its transition tables.
    "CREATE TRIGGER articles_article_counts_insert AFTER INSERT ON articles_article"
    " REFERENCING NEW TABLE AS new_rows"
    " FOR EACH STATEMENT EXECUTE FUNCTION articles_article_counts()",
    "CREATE TRIGGER articles_quote_counts_insert AFTER INSERT ON articles_quote"
    " REFERENCING NEW TABLE AS new_rows"
    " FOR EACH STATEMENT EXECUTE FUNCTION articles_quote_counts()",
    "CREATE TRIGGER articles_quote_counts_delete AFTER DELETE ON articles_quote"
    " REFERENCING OLD TABLE AS old_rows"
    " FOR EACH STATEMENT EXECUTE FUNCTION articles_quote_counts()",
    "CREATE TRIGGER articles_assignment_counts_insert AFTER INSERT ON articles_assignment"
    " REFERENCING NEW TABLE AS new_rows"
    " FOR EACH STATEMENT EXECUTE FUNCTION articles_assignment_counts()",
    "CREATE TRIGGER articles_assignment_counts_delete AFTER DELETE ON articles_assignment"
    " REFERENCING OLD TABLE AS old_rows"
    " FOR EACH STATEMENT EXECUTE FUNCTION articles_assignment_counts()",
    # Updates row by row, and only those that move a count (transition tables cannot
    # have column lists; an edit of a quote's words runs nothing).
    "CREATE TRIGGER articles_article_counts_update AFTER UPDATE OF project_id"
    " ON articles_article FOR EACH ROW"
    " WHEN (OLD.project_id IS DISTINCT FROM NEW.project_id)"
    " EXECUTE FUNCTION articles_article_counts_moved()",
    "CREATE TRIGGER articles_quote_counts_update AFTER UPDATE OF origin, article_id"
    " ON articles_quote FOR EACH ROW"
    " WHEN (OLD.origin IS DISTINCT FROM NEW.origin OR OLD.article_id <> NEW.article_id)"
    " EXECUTE FUNCTION articles_quote_counts_moved()",
    "CREATE TRIGGER articles_assignment_counts_update AFTER UPDATE OF status, article_id"
    " ON articles_assignment FOR EACH ROW"
    " WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.article_id <> NEW.article_id)"
    " EXECUTE FUNCTION articles_assignment_counts_moved()",
]
POSTGRESQL_DROP = [
    f"DROP TRIGGER articles_{table}_counts_{event} ON articles_{table}"
    for table, event in [
        ("article", "insert"),
        ("article", "update"),
        ("quote", "insert"),
        ("quote", "update"),
        ("quote", "delete"),
        ("assignment", "insert"),
        ("assignment", "update"),
        ("assignment", "delete"),
    ]
] + [
    f"DROP FUNCTION articles_{table}_counts{moved}()"
    for table in ("article", "quote", "assignment")
    for moved in ("", "_moved")
]

# SQLite, row by row: a comparison is 0 or 1 there.
SQLITE_CREATE = [
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
SQLITE_DROP = [
    f"DROP TRIGGER articles_{table}_counts_{event}"
    for table, event in [
        ("article", "insert"),
        ("article", "update"),
        ("quote", "insert"),
        ("quote", "update"),
        ("quote", "delete"),
        ("assignment", "insert"),
        ("assignment", "update"),
        ("assignment", "delete"),
    ]
]

# Both databases: the articles that exist, counted.
COUNT_EXISTING = """
    INSERT INTO articles_articlecounts (article_id, project_id, quotes, todo, in_progress, done)
    SELECT a.id, a.project_id,
      (SELECT count(*) FROM articles_quote q
       WHERE q.article_id = a.id AND q.origin <> 'suggested'),
      (SELECT count(*) FROM articles_assignment s
       WHERE s.article_id = a.id AND s.status = 'todo'),
      (SELECT count(*) FROM articles_assignment s
       WHERE s.article_id = a.id AND s.status = 'in_progress'),
      (SELECT count(*) FROM articles_assignment s
       WHERE s.article_id = a.id AND s.status = 'done')
    FROM articles_article a
"""


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0019_suggestion_speaker_mention"),
    ]

    operations = [
        migrations.CreateModel(
            name="ArticleCounts",
            fields=[
                (
                    "article",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="counts",
                        serialize=False,
                        to="articles.article",
                    ),
                ),
                ("quotes", models.PositiveIntegerField(default=0)),
                ("todo", models.PositiveIntegerField(default=0)),
                ("in_progress", models.PositiveIntegerField(default=0)),
                ("done", models.PositiveIntegerField(default=0)),
                (
                    "project",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="articles.project",
                    ),
                ),
            ],
            options={
                "verbose_name_plural": "article counts",
                "indexes": [
                    models.Index(fields=["project", "quotes"], name="article_counts_quotes_idx"),
                    models.Index(
                        fields=["project", "todo", "in_progress", "done"],
                        name="article_counts_status_idx",
                    ),
                    models.Index(
                        fields=["project", "in_progress"], name="article_counts_progress_idx"
                    ),
                ],
            },
        ),
        RunSQLOn("postgresql", POSTGRESQL_CREATE, POSTGRESQL_DROP),
        RunSQLOn("sqlite", SQLITE_CREATE, SQLITE_DROP),
        migrations.RunSQL(COUNT_EXISTING, "DELETE FROM articles_articlecounts"),
    ]
