"""A stance's label is one of its project's stance labels, checked by the database on
every insert and on every update of the label or the target.

The writers check the label against the project they read earlier; an admin taking the
label away meanwhile (``articles.projects.edit_project``, which refuses to take away a
label that stances use) did not see the stance, not yet committed, and both committed.
On PostgreSQL the triggers read the project's row FOR KEY SHARE: ``edit_project``'s FOR
UPDATE waits for the stance writers in flight, then sees their stances; a stance writer
waits for an edit in flight, then reads the labels it left. KEY SHARE, the weakest lock,
because it conflicts with FOR UPDATE alone: the project locks that change no labels (a
distribution's, FOR NO KEY UPDATE) must not hold a stance up, or a save holding its
article's counts and a distribution waiting for them would deadlock. SQLite runs one
writer at a time. The
message is the one ``articles.quote_checks.stance_label_refused`` recognises.

The SQL is frozen here; never edit it. A later migration that alters
``articles_stancelabel``, ``articles_stancetarget`` or ``articles_project`` drops these
triggers first and creates them again last, copying the SQL below: SQLite rebuilds the
table, and would lose them (the stance table) or refuse (the tables they read).
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


# SQLite: the insert and the update trigger share this body (no trigger functions). The
# label matches one of the JSON list's strings exactly, as the app's checks compare it.
SQLITE_STANCE_CHECK = """
    FOR EACH ROW
    WHEN NOT EXISTS (
      SELECT 1 FROM articles_stancetarget t
        JOIN articles_project p ON p.id = t.project_id, json_each(p.stance_labels) l
      WHERE t.id = NEW.target_id AND l.type = 'text' AND l.value = NEW.label
    )
    BEGIN
      SELECT RAISE(ABORT, 'stance label is not one of the project''s stance labels');
    END
"""

SQLITE_CREATE = [
    "CREATE TRIGGER articles_stancelabel_label_in_project_insert"
    " BEFORE INSERT ON articles_stancelabel" + SQLITE_STANCE_CHECK,
    "CREATE TRIGGER articles_stancelabel_label_in_project_update"
    " BEFORE UPDATE OF label, target_id ON articles_stancelabel" + SQLITE_STANCE_CHECK,
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS articles_stancelabel_label_in_project_insert",
    "DROP TRIGGER IF EXISTS articles_stancelabel_label_in_project_update",
]

POSTGRESQL_CREATE = [
    """
    CREATE FUNCTION articles_stance_label_in_project() RETURNS trigger AS $$
    DECLARE
      labels jsonb;
    BEGIN
      -- FOR KEY SHARE: an edit of the labels in flight (FOR UPDATE) is waited for, and
      -- one that starts now waits for this stance to commit (then sees it).
      SELECT p.stance_labels INTO labels FROM articles_project p
        WHERE p.id = (SELECT t.project_id FROM articles_stancetarget t
                      WHERE t.id = NEW.target_id)
        FOR KEY SHARE;
      -- No such target leaves labels NULL, which has no label.
      IF NOT EXISTS (
        SELECT FROM jsonb_array_elements_text(labels) l WHERE l = NEW.label
      ) THEN
        RAISE EXCEPTION 'stance label is not one of the project''s stance labels'
          USING ERRCODE = 'check_violation', DETAIL = 'label ' || quote_literal(NEW.label);
      END IF;
      RETURN NEW;
    END
    $$ LANGUAGE plpgsql
    """,
    """
    CREATE FUNCTION articles_inserted_stances_in_project() RETURNS trigger AS $$
    BEGIN
      -- Once per statement (an import inserts thousands of stances at once): lock the
      -- statement's projects FOR KEY SHARE, in id order; the check below, a statement of its
      -- own, reads the labels as they are once the locks are held.
      PERFORM FROM articles_project p
        WHERE p.id IN (SELECT t.project_id FROM inserted i
                       JOIN articles_stancetarget t ON t.id = i.target_id)
        ORDER BY p.id
        FOR KEY SHARE;
      IF EXISTS (
        SELECT FROM inserted i
        WHERE NOT EXISTS (
          SELECT FROM articles_stancetarget t
            JOIN articles_project p ON p.id = t.project_id,
            jsonb_array_elements_text(p.stance_labels) l
          WHERE t.id = i.target_id AND l = i.label
        )
      ) THEN
        RAISE EXCEPTION 'stance label is not one of the project''s stance labels'
          USING ERRCODE = 'check_violation';
      END IF;
      RETURN NULL;
    END
    $$ LANGUAGE plpgsql
    """,
    """
    CREATE TRIGGER articles_stancelabel_label_in_project_insert
    AFTER INSERT ON articles_stancelabel
    REFERENCING NEW TABLE AS inserted
    FOR EACH STATEMENT EXECUTE FUNCTION articles_inserted_stances_in_project()
    """,
    """
    CREATE TRIGGER articles_stancelabel_label_in_project_update
    BEFORE UPDATE OF label, target_id ON articles_stancelabel
    FOR EACH ROW EXECUTE FUNCTION articles_stance_label_in_project()
    """,
]
POSTGRESQL_DROP = [
    "DROP TRIGGER IF EXISTS articles_stancelabel_label_in_project_insert ON articles_stancelabel",
    "DROP TRIGGER IF EXISTS articles_stancelabel_label_in_project_update ON articles_stancelabel",
    "DROP FUNCTION IF EXISTS articles_inserted_stances_in_project()",
    "DROP FUNCTION IF EXISTS articles_stance_label_in_project()",
]


class Migration(migrations.Migration):
    dependencies = [("articles", "0024_project_attribution_scope")]

    operations = [
        RunSQLOn("sqlite", SQLITE_CREATE, SQLITE_DROP),
        RunSQLOn("postgresql", POSTGRESQL_CREATE, POSTGRESQL_DROP),
    ]
