"""On PostgreSQL, a history event's actor and project are checked once per statement, not
once per row.

The declared foreign keys from ``articles_historyevent`` to the user (``actor_id``) and
to the project (``project_id``) were checked at COMMIT, row by row: about 30 ms each for
the 10,000 events of one assignment, which names one project and one person. Triggers
keep every guarantee the keys gave, with one check per statement:

- an event naming a user or a project that does not exist is refused: after each
  INSERT, the statement's distinct actors and projects (one each, for an assignment) are
  looked up and locked FOR KEY SHARE, as the keys' checks did, until the transaction
  ends. A user or project being deleted by another connection makes the insert wait for
  that deletion, and then refuses it;
- a user or project named by an event cannot be deleted (Django's PROTECT says so first),
  have its id changed, or be truncated away: after each DELETE (per statement), each
  change of id (per row) and each TRUNCATE, the events are looked up (by the actor's and
  the project's indexes). A deletion that meets an insert in flight waits for its lock,
  then (in READ COMMITTED, as Django's connections run) sees its events and is refused.

Those parent-side checks are sound in READ COMMITTED only, so they refuse (ERRCODE
``feature_not_supported``) any deletion or change of id that touches a row, and any
TRUNCATE, in a transaction that is not (``current_setting('transaction_isolation')``). In
REPEATABLE READ or SERIALIZABLE the check reads the transaction's snapshot: an event
another connection committed after it (its FOR KEY SHARE lock released by then, so the
deletion does not wait, and a lock alone raises no serialization failure) is not seen,
and the user would be deleted under it. PostgreSQL's own keys read a crosscheck snapshot
there, which PL/pgSQL cannot; nor can a lock taken at the deletion help, as the snapshot
was taken before it. The one sound alternative, the insert *updating* its actor's and
project's rows (a concurrent update does fail a REPEATABLE READ deletion), would write a
user row per assignment and queue every assignment by one person behind the other: too
dear for deletions no code here makes (only ``streams.snapshot`` asks for REPEATABLE
READ, read-only). ``feature_not_supported``, not ``serialization_failure``: the refusal
does not depend on what runs beside it, and a retry at the same level would fail again
(a caller retrying 40001 would loop); the message says to do it in READ COMMITTED.

The checks run at the end of each statement where the keys' ran at COMMIT: nothing here
writes an event before its actor or project. SQLite keeps the declared keys, and the
model still declares them: a later migration that alters either field must, on
PostgreSQL, drop these triggers' key again (there is no constraint to find).

The SQL is frozen here; never edit it.
"""

# The SQL below is built from the table and column names of KEYS, never from input.
# ruff: noqa: S608

from django.conf import settings
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


# The keys replaced: (column, parent table, the parent's name in messages). The model
# still declares them (SQLite keeps them); the name each had on PostgreSQL, for the way back.
KEYS = [
    (
        "actor_id", "accounts_user", "user",
        "articles_historyevent_actor_id_2363577f_fk_accounts_user_id",
    ),
    (
        "project_id", "articles_project", "project",
        "articles_historyeven_project_id_b2432e06_fk_articles_",
    ),
]  # fmt: skip


def drop_key(column, parent):
    """The declared key on ``column``, whatever its name."""
    return f"""
    DO $$
    DECLARE key name;
    BEGIN
      FOR key IN
        SELECT c.conname FROM pg_constraint c
        JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
        WHERE c.contype = 'f' AND c.conrelid = 'articles_historyevent'::regclass
          AND c.confrelid = '{parent}'::regclass AND a.attname = '{column}'
      LOOP
        EXECUTE format('ALTER TABLE articles_historyevent DROP CONSTRAINT %I', key);
      END LOOP;
    END
    $$
    """


def add_key(column, parent, name):
    return f"""
    ALTER TABLE articles_historyevent ADD CONSTRAINT {name}
    FOREIGN KEY ({column}) REFERENCES {parent} (id) DEFERRABLE INITIALLY DEFERRED
    """


def check_named(column, parent, what):
    """The statement's distinct ``column`` values (in ``named_{column}``), each locked FOR
    KEY SHARE in ``parent``, or the statement refused."""
    return f"""
      IF named_{column} IS NOT NULL AND (SELECT count(*) FROM (
            SELECT 1 FROM {parent} WHERE id = ANY (named_{column}) FOR KEY SHARE
          ) AS locked) < cardinality(named_{column}) THEN
        SELECT min(n) INTO missing FROM unnest(named_{column}) AS n
        WHERE NOT EXISTS (SELECT 1 FROM {parent} WHERE id = n);
        RAISE EXCEPTION 'insert or update on table "articles_historyevent" violates the '
          'key history {column}: {what} % does not exist', missing
          USING ERRCODE = 'foreign_key_violation';
      END IF;"""


def read_committed_only(parent, doing, indent="      "):
    """Refused outside READ COMMITTED: the events would be read on the transaction's
    snapshot, blind to those other connections committed since (see above)."""
    lines = [
        "IF current_setting('transaction_isolation') <> 'read committed' THEN",
        f"  RAISE EXCEPTION '{doing} \"{parent}\" refused under %: history events committed '",
        "    'since this transaction''s snapshot would go unseen; do it under READ COMMITTED '",
        "    '(as Django does)', upper(current_setting('transaction_isolation'))",
        "    USING ERRCODE = 'feature_not_supported';",
        "END IF;",
    ]
    return "".join(f"\n{indent}{line}" for line in lines)


def parent_side(column, parent, what):
    """A parent's deletions (per statement), changes of id (per row, rare) and TRUNCATE."""
    kept = f"""
        RAISE EXCEPTION 'update or delete on table "{parent}" violates the key history '
          '{column}: {what} % is still named by history events', named
          USING ERRCODE = 'foreign_key_violation';"""
    return [
        f"""
    CREATE OR REPLACE FUNCTION articles_history_{what}_deleted() RETURNS trigger AS $$
    DECLARE
      gone bigint[];
      named bigint;
    BEGIN
      SELECT array_agg(id) INTO gone FROM old_rows;
      IF gone IS NULL THEN
        RETURN NULL;
      END IF;{read_committed_only(parent, "delete from")}
      SELECT {column} INTO named FROM articles_historyevent
      WHERE {column} IS NOT NULL AND {column} = ANY (gone) LIMIT 1;
      IF FOUND THEN{kept}
      END IF;
      RETURN NULL;
    END
    $$ LANGUAGE plpgsql
    """,
        f"""
    CREATE TRIGGER articles_history_{what}_delete
    AFTER DELETE ON {parent} REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION articles_history_{what}_deleted()
    """,
        f"""
    CREATE OR REPLACE FUNCTION articles_history_{what}_rekeyed() RETURNS trigger AS $$
    DECLARE
      named bigint;
    BEGIN
      IF TG_OP = 'TRUNCATE' THEN
        -- After every table of the statement is emptied: the events too, or refused.{read_committed_only(parent, "truncate", " " * 8)}
        IF EXISTS (SELECT 1 FROM articles_historyevent WHERE {column} IS NOT NULL) THEN
          RAISE EXCEPTION 'cannot truncate "{parent}": history events name its rows'
            USING ERRCODE = 'foreign_key_violation';
        END IF;
        RETURN NULL;
      END IF;{read_committed_only(parent, "change of id in")}
      IF NOT EXISTS (SELECT 1 FROM {parent} WHERE id = OLD.id)
          AND EXISTS (SELECT 1 FROM articles_historyevent
                      WHERE {column} IS NOT NULL AND {column} = OLD.id) THEN
        named := OLD.id;{kept}
      END IF;
      RETURN NULL;
    END
    $$ LANGUAGE plpgsql
    """,
        f"""
    CREATE TRIGGER articles_history_{what}_rekey
    AFTER UPDATE OF id ON {parent}
    FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id)
    EXECUTE FUNCTION articles_history_{what}_rekeyed()
    """,
        f"""
    CREATE TRIGGER articles_history_{what}_truncate
    AFTER TRUNCATE ON {parent}
    FOR EACH STATEMENT EXECUTE FUNCTION articles_history_{what}_rekeyed()
    """,
    ]


POSTGRESQL_CREATE = [
    f"""
    CREATE OR REPLACE FUNCTION articles_historyevent_keys() RETURNS trigger AS $$
    DECLARE
      named_actor_id bigint[];
      named_project_id bigint[];
      missing bigint;
    BEGIN
      SELECT array_agg(DISTINCT actor_id) FILTER (WHERE actor_id IS NOT NULL),
             array_agg(DISTINCT project_id)
      INTO named_actor_id, named_project_id FROM new_rows;
      {"".join(check_named(column, parent, what) for column, parent, what, _ in KEYS)}
      RETURN NULL;
    END
    $$ LANGUAGE plpgsql
    """,
    """
    CREATE TRIGGER articles_historyevent_keys_insert
    AFTER INSERT ON articles_historyevent REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION articles_historyevent_keys()
    """,
    # Events are append-only (migration 0010 refuses updates before they happen): this
    # one stands should that ever change.
    """
    CREATE TRIGGER articles_historyevent_keys_update
    AFTER UPDATE ON articles_historyevent REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION articles_historyevent_keys()
    """,
    *[sql for column, parent, what, _ in KEYS for sql in parent_side(column, parent, what)],
    *[drop_key(column, parent) for column, parent, _, _ in KEYS],
]
POSTGRESQL_DROP = [
    *[add_key(column, parent, name) for column, parent, _, name in KEYS],
    *[
        sql
        for _, parent, what, _ in KEYS
        for sql in [
            f"DROP TRIGGER IF EXISTS articles_history_{what}_truncate ON {parent}",
            f"DROP TRIGGER IF EXISTS articles_history_{what}_rekey ON {parent}",
            f"DROP TRIGGER IF EXISTS articles_history_{what}_delete ON {parent}",
            f"DROP FUNCTION IF EXISTS articles_history_{what}_rekeyed()",
            f"DROP FUNCTION IF EXISTS articles_history_{what}_deleted()",
        ]
    ],
    "DROP TRIGGER IF EXISTS articles_historyevent_keys_update ON articles_historyevent",
    "DROP TRIGGER IF EXISTS articles_historyevent_keys_insert ON articles_historyevent",
    "DROP FUNCTION IF EXISTS articles_historyevent_keys()",
]


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0025_stance_label_in_project"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        RunSQLOn("postgresql", POSTGRESQL_CREATE, POSTGRESQL_DROP),
    ]
