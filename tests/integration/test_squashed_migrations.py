"""The squash of migrations 0001–0021 builds what the replaced chain builds: the same model
state (fields, constraints, indexes) and the same guard SQL, on both databases. New
databases run the squash; databases that ran the chain keep it."""

import importlib

import pytest
from django.db import migrations
from django.db.migrations.loader import MigrationLoader

SQUASH = "0001_squashed_0021_stored_corpus_figures"
REPLACED_LAST = "0021_stored_corpus_figures"
# (migration, operation index) whose SQL the squash leaves out, with the reason.
LEFT_OUT = {
    ("0016_drop_redundant_indexes", 0),  # drops indexes the squash's tables never have
    ("0020_article_counts", 3),  # counts existing rows: a new database has none
}


@pytest.fixture(scope="module")
def loader():
    return MigrationLoader(None, ignore_no_migrations=True, replace_migrations=False)


def articles_models(loader, name):
    state = loader.project_state(("articles", name))
    return {key[1]: model for key, model in state.models.items() if key[0] == "articles"}


def described(model) -> dict:
    """A model state with its constraints and indexes by name (their order is no matter)."""
    options = dict(model.options)
    constraints = {c.name: c.deconstruct() for c in options.pop("constraints", [])}
    indexes = {i.name: i.deconstruct() for i in options.pop("indexes", [])}
    fields = {name: field.deconstruct()[1:] for name, field in model.fields.items()}
    return {"fields": fields, "options": options, "constraints": constraints, "indexes": indexes}


def sql_of(operation) -> tuple:
    return (getattr(operation, "vendor", None), operation.sql, operation.reverse_sql)


def replaced_guard_sql(loader) -> list[tuple]:
    """The SQL operations of the replaced chain as a new database needs them: the text
    guards as 0008 left them and the history's from 0010 (0002's were replaced by 0008),
    then every later migration's, in order, but for ``LEFT_OUT``."""
    text = importlib.import_module("articles.migrations.0008_statement_level_quote_check")
    history = importlib.import_module("articles.migrations.0010_history_events")
    found = [
        ("sqlite", module.SQLITE_CREATE, module.SQLITE_DROP)
        if vendor == "sqlite"
        else ("postgresql", module.POSTGRESQL_CREATE, module.POSTGRESQL_DROP)
        for module in (text, history)
        for vendor in ("sqlite", "postgresql")
    ]
    names = sorted(
        name
        for app, name in loader.disk_migrations
        if app == "articles" and "squashed" not in name and "0012" <= name[:4] <= REPLACED_LAST[:4]
    )
    for name in names:
        for index, operation in enumerate(loader.disk_migrations[("articles", name)].operations):
            if (name, index) in LEFT_OUT:
                continue
            if isinstance(operation, migrations.SeparateDatabaseAndState):
                found += [sql_of(inner) for inner in operation.database_operations]
            elif isinstance(operation, migrations.RunSQL):
                found.append(sql_of(operation))
    return found


def test_the_squash_replaces_every_migration_up_to_0021(loader):
    squash = loader.disk_migrations[("articles", SQUASH)]
    assert [name for _, name in squash.replaces] == sorted(
        name
        for app, name in loader.disk_migrations
        if app == "articles" and name != SQUASH and name <= REPLACED_LAST
    )


def test_the_squash_builds_the_model_state_the_chain_builds(loader):
    squashed = articles_models(loader, SQUASH)
    chained = articles_models(loader, REPLACED_LAST)
    assert squashed.keys() == chained.keys()
    for name in chained:
        assert described(squashed[name]) == described(chained[name]), name


def test_the_squash_creates_the_tables_then_runs_the_chain_guard_sql_in_order(loader):
    operations = loader.disk_migrations[("articles", SQUASH)].operations
    tables = [op for op in operations if isinstance(op, migrations.CreateModel)]
    assert operations[: len(tables)] == tables, "every table comes before the guards"
    guards = [sql_of(op) for op in operations[len(tables) :]]
    assert guards == replaced_guard_sql(loader)


def test_what_the_squash_leaves_out_is_sql_of_the_replaced_chain(loader):
    for name, index in LEFT_OUT:
        operation = loader.disk_migrations[("articles", name)].operations[index]
        inner = getattr(operation, "database_operations", [operation])
        assert all(isinstance(op, migrations.RunSQL) for op in inner), (name, index)
