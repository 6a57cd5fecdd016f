"""The squash of migrations 0001–0011 builds what the eleven build: the same model state
(fields, constraints, indexes) and the same trigger SQL, on both databases. New databases
run the squash; databases that ran the eleven keep them."""

import importlib

import pytest
from django.db.migrations.loader import MigrationLoader

SQUASH = "0001_squashed_0011_team_figures"
REPLACED_LAST = "0011_team_figures"


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


def test_the_squash_replaces_the_eleven_migrations(loader):
    squash = loader.disk_migrations[("articles", SQUASH)]
    assert [name for _, name in squash.replaces] == sorted(
        name
        for app, name in loader.disk_migrations
        if app == "articles" and name != SQUASH and name <= REPLACED_LAST
    )


def test_the_squash_builds_the_model_state_the_eleven_build(loader):
    squashed = articles_models(loader, SQUASH)
    chained = articles_models(loader, REPLACED_LAST)
    assert squashed.keys() == chained.keys()
    for name in chained:
        assert described(squashed[name]) == described(chained[name]), name


@pytest.mark.parametrize("source", ["0008_statement_level_quote_check", "0010_history_events"])
def test_the_squash_creates_the_triggers_as_their_latest_migration_left_them(source):
    squash = importlib.import_module(f"articles.migrations.{SQUASH}")
    original = importlib.import_module(f"articles.migrations.{source}")
    prefix = "TEXT_" if source.startswith("0008") else "HISTORY_"
    for name in ("SQLITE_CREATE", "SQLITE_DROP", "POSTGRESQL_CREATE", "POSTGRESQL_DROP"):
        assert getattr(squash, prefix + name) == getattr(original, name), name
    operations = [op for op in squash.Migration.operations if hasattr(op, "vendor")]
    created = {(op.vendor, tuple(op.sql)) for op in operations}
    assert ("sqlite", tuple(original.SQLITE_CREATE)) in created
    assert ("postgresql", tuple(original.POSTGRESQL_CREATE)) in created
