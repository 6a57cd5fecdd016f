"""Migrations keep the text-invariant triggers, and never import what can change later.

SQLite drops a table's triggers when a migration rebuilds the table (AddField, AlterField,
RemoveField, RenameField and constraint changes mostly do), and refuses to rebuild
``articles_quote`` while ``articles_article``'s trigger names it. So a migration that
alters either table drops the triggers before its first such operation and creates them
again after its last one, from its own frozen copy of their SQL (``RunSQL``, so that
``sqlmigrate`` shows it and these tests can read it; see articles/migrations/0003).

The rule, checked on each database's SQL by replaying every migration's ``RunSQL`` in plan
order: while an operation alters ``articles_quote`` or ``articles_article``, no trigger is
on either table; a migration that alters them leaves the triggers and their functions
exactly as it found them (changing a trigger is a migration of its own, as 0008 is), except
the one that creates them (the squash of 0001-0021 creates the triggers last); and every
migration's reverse SQL restores what it found. The same rule holds for the stance-label
triggers (0025) and the tables they name: ``articles_stancelabel``,
``articles_stancetarget`` and ``articles_project``.
"""

import ast
import re
from pathlib import Path

import pytest
import sqlparse
from django.db import connection, migrations, models
from django.db.migrations.loader import MigrationLoader

VENDORS = ("sqlite", "postgresql")
GUARDED_TABLES = ("articles_quote", "articles_article")
GUARDED_MODELS = ("quote", "article")  # of the articles app
# The stance-label triggers (0025) are on articles_stancelabel and read the target's and
# the project's tables: SQLite loses them when it rebuilds the stance table, and refuses
# to rebuild the other two while they name them. Their rule is the same, for these tables.
STANCE_TABLES = ("articles_stancelabel", "articles_stancetarget", "articles_project")
STANCE_MODELS = ("stancelabel", "stancetarget", "project")
# Operations on Quote or Article that never rebuild the table, or change only Django's state.
NO_REBUILD = (
    migrations.AddIndex,
    migrations.RemoveIndex,
    migrations.RenameIndex,
    migrations.AlterModelOptions,
    migrations.AlterModelManagers,
)
# A statement that writes to a guarded table, or changes it; one that only reads it (a
# count of its rows into another table) does not.
MENTIONS_GUARDED_TABLE = re.compile(
    r"\b(?:UPDATE|INTO|TABLE(?:\s+ONLY)?|DELETE\s+FROM)\s+articles_(?:quote|article)\b",
    re.IGNORECASE,
)
# A statement that changes a stance table itself (the triggers check the data written).
ALTERS_STANCE_TABLE = re.compile(
    r"\bTABLE(?:\s+ONLY)?\s+articles_(?:stancelabel|stancetarget|project)\b", re.IGNORECASE
)
# Each guarded group: its tables (a trigger on one of them is in the way), its models,
# and the statements that alter them.
GROUPS = (
    (GUARDED_TABLES, GUARDED_MODELS, MENTIONS_GUARDED_TABLE),
    (STANCE_TABLES, STANCE_MODELS, ALTERS_STANCE_TABLE),
)
TRIGGER_STATEMENT = re.compile(
    r"\s*(?P<verb>CREATE|DROP)\s+(?:OR\s+REPLACE\s+)?(?P<kind>TRIGGER|FUNCTION)\s+"
    r"(?P<if_exists>IF\s+EXISTS\s+)?(?P<name>\w+)",
    re.IGNORECASE,
)
ON_TABLE = re.compile(r"\bON\s+(\w+)", re.IGNORECASE)

# What the app relies on after `migrate`: trigger -> (table, event), and on PostgreSQL its
# timing and orientation (0008 made the insert check once per statement).
EXPECTED_TRIGGERS = {
    "sqlite": {
        "articles_quote_text_matches_article_insert": ("articles_quote", "INSERT"),
        "articles_quote_text_matches_article_update": ("articles_quote", "UPDATE"),
        "articles_article_text_immutable_once_quoted": ("articles_article", "UPDATE"),
        "articles_historyevent_no_update": ("articles_historyevent", "UPDATE"),
        "articles_historyevent_no_delete": ("articles_historyevent", "DELETE"),
        # A stance's label is one of its project's (0025).
        "articles_stancelabel_label_in_project_insert": ("articles_stancelabel", "INSERT"),
        "articles_stancelabel_label_in_project_update": ("articles_stancelabel", "UPDATE"),
        # Each article's counts for the articles page (0020).
        **{
            f"articles_{table}_counts_{event.lower()}": (f"articles_{table}", event)
            for table in ("article", "quote", "assignment")
            for event in ("INSERT", "UPDATE", "DELETE")
            if (table, event) != ("article", "DELETE")
        },
    },
    "postgresql": {
        "articles_quote_text_matches_article_insert": (
            "articles_quote",
            "INSERT",
            "AFTER",
            "STATEMENT",
        ),
        "articles_quote_text_matches_article_update": (
            "articles_quote",
            "UPDATE",
            "BEFORE",
            "ROW",
        ),
        "articles_article_text_immutable_once_quoted": (
            "articles_article",
            "UPDATE",
            "BEFORE",
            "ROW",
        ),
        # The history is append-only (0010).
        "articles_historyevent_no_update": ("articles_historyevent", "UPDATE", "BEFORE", "ROW"),
        "articles_historyevent_no_delete": ("articles_historyevent", "DELETE", "BEFORE", "ROW"),
        # A stance's label is one of its project's (0025): inserts once per statement (an
        # import's thousands of stances), updates row by row.
        "articles_stancelabel_label_in_project_insert": (
            "articles_stancelabel",
            "INSERT",
            "AFTER",
            "STATEMENT",
        ),
        "articles_stancelabel_label_in_project_update": (
            "articles_stancelabel",
            "UPDATE",
            "BEFORE",
            "ROW",
        ),
        # Each article's counts (0020): inserts and deletes once per statement, updates
        # row by row.
        **{
            f"articles_{table}_counts_{event.lower()}": (
                f"articles_{table}",
                event,
                "AFTER",
                "ROW" if event == "UPDATE" else "STATEMENT",
            )
            for table in ("article", "quote", "assignment")
            for event in ("INSERT", "UPDATE", "DELETE")
            if (table, event) != ("article", "DELETE")
        },
        # An event's actor and project are keys, checked once per statement (0026): on
        # the events' side, and on the user's and the project's (a change of id row by row).
        **{
            f"articles_historyevent_keys_{event.lower()}": (
                "articles_historyevent",
                event,
                "AFTER",
                "STATEMENT",
            )
            for event in ("INSERT", "UPDATE")
        },
        **{
            f"articles_history_{what}_{name}": (table, event, "AFTER", orientation)
            for what, table in (("user", "accounts_user"), ("project", "articles_project"))
            for name, event, orientation in (
                ("delete", "DELETE", "STATEMENT"),
                ("rekey", "UPDATE", "ROW"),
                ("truncate", "TRUNCATE", "STATEMENT"),
            )
        },
    },
}
EXPECTED_FUNCTIONS = {
    "sqlite": set(),
    "postgresql": {
        "articles_quote_text_matches_article",
        "articles_inserted_quotes_match_article",
        "articles_article_text_immutable_once_quoted",
        "articles_historyevent_append_only",
        "articles_stance_label_in_project",
        "articles_inserted_stances_in_project",
        *(
            f"articles_{table}_counts{moved}"
            for table in ("article", "quote", "assignment")
            for moved in ("", "_moved")
        ),
        "articles_historyevent_keys",
        *(
            f"articles_history_{what}_{change}"
            for what in ("user", "project")
            for change in ("deleted", "rekeyed")
        ),
    },
}


def migration_plan():
    """Every migration of the project, in an order ``migrate`` may apply them."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    plan, seen = [], set()
    for leaf in sorted(loader.graph.leaf_nodes()):
        for key in loader.graph.forwards_plan(leaf):
            if key not in seen:
                seen.add(key)
                plan.append(loader.graph.nodes[key])
    return plan


def database_operations(operations):
    for operation in operations:
        if isinstance(operation, migrations.SeparateDatabaseAndState):
            yield from database_operations(operation.database_operations)
        else:
            yield operation


def sql_statements(operation, vendor, backwards):
    """The statements a RunSQL runs on ``vendor``; a ``vendor`` attribute limits it to one."""
    if getattr(operation, "vendor", vendor) != vendor:
        return []
    sql = operation.reverse_sql if backwards else operation.sql
    if sql is None:
        raise AssertionError(f"{operation.describe()} cannot be reversed")
    if isinstance(sql, str):
        return [statement for statement in sqlparse.split(sql) if statement.strip()]
    return [item[0] if isinstance(item, list | tuple) else item for item in sql]


# An index is made or dropped beside a table, never by rebuilding it.
INDEX_STATEMENT = re.compile(r"\s*(?:CREATE\s+(?:UNIQUE\s+)?|DROP\s+)INDEX\b", re.IGNORECASE)


def altered_groups(operation, app_label, vendor, backwards):
    """The tables of each group (``GROUPS``) the operation alters."""
    if isinstance(operation, migrations.RunSQL):
        statements = [
            statement
            for statement in sql_statements(operation, vendor, backwards)
            if not TRIGGER_STATEMENT.match(statement) and not INDEX_STATEMENT.match(statement)
        ]
        return [
            tables
            for tables, _, mentions in GROUPS
            if any(mentions.search(statement) for statement in statements)
        ]
    if app_label != "articles" or isinstance(operation, NO_REBUILD):
        return []
    # A field or constraint operation names its model in model_name, a model operation in name.
    model = getattr(operation, "model_name_lower", None) or getattr(operation, "name_lower", None)
    return [tables for tables, models, _ in GROUPS if model in models]


def alters_guarded_table(operation, app_label, vendor, backwards):
    return bool(altered_groups(operation, app_label, vendor, backwards))


def replay(migration, vendor, state, *, backwards=False):
    """Apply a migration's trigger SQL to ``state`` ({(kind, name): (table, sql)}); return
    the problems found."""
    label = f"{migration.app_label}.{migration.name}"
    problems = []
    operations = list(database_operations(migration.operations))
    for operation in reversed(operations) if backwards else operations:
        for tables in altered_groups(operation, migration.app_label, vendor, backwards):
            present = sorted(
                name
                for (kind, name), (table, _) in state.items()
                if kind == "trigger" and table in tables
            )
            if present:
                problems.append(
                    f"{label}: '{operation.describe()}' alters a table while triggers"
                    f" {present} exist: drop them first (RunSQL), create them again last"
                )
        if not isinstance(operation, migrations.RunSQL):
            continue
        for statement in sql_statements(operation, vendor, backwards):
            match = TRIGGER_STATEMENT.match(statement)
            if not match:
                continue
            key = (match["kind"].lower(), match["name"])
            if match["verb"].upper() == "DROP":
                if key not in state and not match["if_exists"]:
                    problems.append(f"{label}: drops {key}, which does not exist")
                state.pop(key, None)
                continue
            replace = re.match(r"\s*CREATE\s+OR\s+REPLACE\b", statement, re.IGNORECASE)
            if key in state and not replace:
                problems.append(f"{label}: creates {key}, which exists already")
            table = ON_TABLE.search(statement[match.end() :]) if key[0] == "trigger" else None
            # What a statement makes, however it says so: a replaced function is created.
            made = re.sub(
                r"^CREATE OR REPLACE ", "CREATE ", " ".join(statement.split()), flags=re.I
            )
            state[key] = (table and table[1], made)
    return problems


def check_migrations(plan, vendor):
    """The rule in the module docstring, for ``vendor``'s SQL: the problems found."""
    problems, state = [], {}
    for migration in plan:
        found = dict(state)
        problems += replay(migration, vendor, state)
        label = f"{migration.app_label}.{migration.name}"
        operations = list(database_operations(migration.operations))
        alters = any(
            alters_guarded_table(operation, migration.app_label, vendor, False)
            for operation in operations
        )
        # The migration that creates the tables (the squash of 0001-0021) creates the
        # triggers too, last; every later one must leave them as it found them.
        creates = migration.app_label == "articles" and any(
            isinstance(operation, migrations.CreateModel)
            and operation.name_lower in GUARDED_MODELS + STANCE_MODELS
            for operation in operations
        )
        if alters and not creates and state != found:
            missing = sorted(name for _, name in found.keys() - state.keys())
            added = sorted(name for _, name in state.keys() - found.keys())
            different = sorted(
                key[1] for key in found.keys() & state.keys() if found[key] != state[key]
            )
            problems.append(
                f"{label} alters a table that triggers name but leaves the triggers changed"
                f" (missing {missing}, different {different}, added {added}): create them"
                " again last, copying their SQL from the latest migration that created them"
            )
        if all(operation.reversible for operation in operations):
            reversed_state = dict(state)
            problems += replay(migration, vendor, reversed_state, backwards=True)
            if reversed_state != found:
                problems.append(f"{label}: its reverse does not restore the triggers it found")
    return problems, state


@pytest.fixture(scope="module")
def plan():
    return migration_plan()


@pytest.mark.parametrize("vendor", VENDORS)
def test_every_migration_that_alters_quote_or_article_puts_the_triggers_back(plan, vendor):
    problems, _ = check_migrations(plan, vendor)
    assert problems == []


@pytest.mark.parametrize("vendor", VENDORS)
def test_the_migrations_end_with_the_triggers_the_app_relies_on(plan, vendor):
    _, state = check_migrations(plan, vendor)
    assert {name for kind, name in state if kind == "trigger"} == set(EXPECTED_TRIGGERS[vendor])
    assert {name for kind, name in state if kind == "function"} == EXPECTED_FUNCTIONS[vendor]


def migration_of(plan, *operations):
    """A new articles migration after the latest, made of ``operations``."""
    latest = next(m for m in reversed(plan) if m.app_label == "articles")
    migration = migrations.Migration("0999_alter_quote", "articles")
    migration.dependencies = [("articles", latest.name)]
    migration.operations = list(operations)
    return migration


def drop_and_create(state, vendor):
    """RunSQL dropping and creating the triggers and functions of ``state``, as a migration
    copying them from the latest migration that created them would."""
    drop = [
        f"DROP TRIGGER {name}" + (f" ON {table}" if vendor == "postgresql" else "")
        for (kind, name), (table, _) in state.items()
        if kind == "trigger"
    ] + [f"DROP FUNCTION {name}()" for kind, name in state if kind == "function"]
    functions = [sql for (kind, _), (_, sql) in state.items() if kind == "function"]
    create = functions + [sql for (kind, _), (_, sql) in state.items() if kind == "trigger"]
    return migrations.RunSQL(drop, create), migrations.RunSQL(create, drop)


@pytest.mark.parametrize("vendor", VENDORS)
@pytest.mark.parametrize(
    "alteration",
    [
        migrations.RemoveField(model_name="quote", name="request_id"),
        migrations.RenameField(model_name="article", old_name="outlet", new_name="source"),
        migrations.RemoveConstraint(model_name="quote", name="quote_kind_valid"),
        migrations.RunSQL("UPDATE articles_article SET title = upper(title)", "SELECT 1"),
        migrations.AddField("project", "flag", models.BooleanField(default=False)),
        migrations.AlterField("stancelabel", "label", models.CharField(max_length=60)),
        migrations.RemoveConstraint(model_name="stancelabel", name="stance_label_not_empty"),
    ],
    ids=[
        "remove-field",
        "rename-field",
        "remove-constraint",
        "run-sql",
        "add-project-field",
        "alter-stance-field",
        "remove-stance-constraint",
    ],
)
def test_the_rule_catches_a_migration_that_forgets_the_triggers(plan, vendor, alteration):
    _, state = check_migrations(plan, vendor)
    drop, create = drop_and_create(state, vendor)

    def problems(*operations):
        return check_migrations([*plan, migration_of(plan, *operations)], vendor)[0]

    assert problems(drop, alteration, create) == []
    assert any("leaves the triggers changed" in p for p in problems(drop, alteration))
    assert any("while triggers" in p for p in problems(alteration, drop, create))
    assert any("while triggers" in p for p in problems(alteration))


MIGRATION_DIRECTORIES = [
    Path(__file__).resolve().parents[2] / app / "migrations" for app in ("accounts", "articles")
]


@pytest.mark.parametrize(
    "path",
    [path for directory in MIGRATION_DIRECTORIES for path in sorted(directory.glob("*.py"))],
    ids=lambda path: f"{path.parent.parent.name}/{path.name}",
)
def test_a_migration_imports_nothing_that_can_change_later(path):
    # Django and the app's models (what makemigrations writes for a field's default,
    # validators and managers); never a helper whose SQL or code may be edited later.
    app = path.parent.parent.name
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            modules = [node.module or ""]
        else:
            continue
        for module in modules:
            assert module.partition(".")[0] == "django" or module == f"{app}.models", module


def sqlite_triggers(cursor):
    cursor.execute("SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger'")
    return {name: (table, sql) for name, table, sql in cursor.fetchall()}


def postgresql_triggers(cursor):
    cursor.execute(
        "SELECT trigger_name, event_object_table, event_manipulation, action_timing,"
        " action_orientation FROM information_schema.triggers"
        " WHERE trigger_schema = current_schema()"
    )
    triggers = {name: tuple(kind) for name, *kind in cursor.fetchall()}
    # information_schema leaves TRUNCATE triggers out: pg_trigger's tgtype has them (bit
    # 5), and BEFORE (bit 1; they are all per statement).
    cursor.execute(
        "SELECT t.tgname, c.relname, CASE WHEN t.tgtype & 2 <> 0 THEN 'BEFORE' ELSE 'AFTER' END"
        " FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
        " WHERE NOT t.tgisinternal AND t.tgtype & 32 <> 0"
        " AND c.relnamespace = current_schema()::regnamespace"
    )
    triggers.update(
        (name, (table, "TRUNCATE", timing, "STATEMENT"))
        for name, table, timing in cursor.fetchall()
    )
    return triggers


def postgresql_functions(cursor):
    cursor.execute(
        "SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
        " WHERE n.nspname = current_schema() AND left(p.proname, 9) = 'articles_'"
    )
    return {name for (name,) in cursor.fetchall()}


@pytest.mark.django_db
def test_the_database_has_every_trigger_the_app_relies_on(plan):
    vendor = connection.vendor
    _, state = check_migrations(plan, vendor)
    with connection.cursor() as cursor:
        if vendor == "postgresql":
            assert postgresql_triggers(cursor) == EXPECTED_TRIGGERS[vendor]
            assert postgresql_functions(cursor) == EXPECTED_FUNCTIONS[vendor]
            return
        triggers = sqlite_triggers(cursor)
    event = re.compile(r"\b(INSERT|UPDATE|DELETE)\b")
    assert {
        name: (table, event.search(sql)[1]) for name, (table, sql) in triggers.items()
    } == EXPECTED_TRIGGERS[vendor]
    # SQLite keeps each trigger's SQL as written by the latest migration that created it.
    assert {name: " ".join(sql.split()) for name, (_, sql) in triggers.items()} == {
        name: sql for (kind, name), (_, sql) in state.items() if kind == "trigger"
    }
