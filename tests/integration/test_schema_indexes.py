"""The migrated database has the indexes the models declare, on their columns and with
their conditions, and besides them only those made by hand.

Migrations that write an index's SQL themselves (a GIN index, NULLS LAST, or 0023's
indexes changed in one RunSQL beside a state-only operation) could drift from what the
models say without ``makemigrations --check`` noticing: it compares models with the
migrations' state, never with the database.
"""

import pytest
from django.apps import apps
from django.db import connection, transaction

APPS = ("articles", "accounts", "ingest", "jobs", "discussion")
# Made by RunSQL on PostgreSQL only, with no model Index for them (an expression or an
# ordering that Django's Index cannot state on both databases).
BY_HAND = {
    "articles_article": {
        "article_project_oldest_idx",
        "article_project_published_idx",
        "article_search_vector_idx",
    },
    "articles_quote": {
        "quote_search_idx",
        "quote_search_english_idx",
        "quote_search_norwegian_idx",
    },
}


def declared(model, editor) -> dict[str, list[str]]:
    """Index name -> columns: the model's Meta.indexes and its fields' own indexes."""
    found = {
        index.name: [model._meta.get_field(name.lstrip("-")).column for name in index.fields]
        for index in model._meta.indexes
    }
    for field in model._meta.local_fields:
        if field.db_index and not field.unique and not field.primary_key:
            found[editor._create_index_name(model._meta.db_table, [field.column])] = [field.column]
    return found


def in_database(table) -> dict[str, list[str]]:
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, table)
    return {
        name: c["columns"]
        for name, c in constraints.items()
        if c["index"]
        and not c["primary_key"]
        and not c["unique"]
        # PostgreSQL's second index for LIKE on a unique text column, made by Django.
        and not name.endswith("_like")
    }


@pytest.mark.django_db
def test_the_database_has_the_indexes_the_models_declare_and_only_those():
    models = [
        model
        for label in APPS
        for model in apps.get_app_config(label).get_models()
        if model._meta.managed and not model._meta.proxy
    ]
    assert len(models) > 20
    editor = connection.schema_editor()  # for Django's index names; never entered
    by_hand = BY_HAND if connection.vendor == "postgresql" else {}
    for model in models:
        table = model._meta.db_table
        wanted = declared(model, editor)
        have = in_database(table)
        assert {n: c for n, c in have.items() if n in wanted} == wanted, table
        assert set(have) - set(wanted) == by_hand.get(table, set()), table


def definition(name) -> str:
    """How the database states an index: PostgreSQL's own rendering, SQLite's text."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT pg_get_indexdef(to_regclass(%s))", [name])
        else:
            cursor.execute(
                "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = %s", [name]
            )
        return cursor.fetchone()[0]


@pytest.mark.django_db
def test_each_declared_index_is_the_one_django_would_make_condition_included():
    # Columns alone miss a partial index whose hand-written condition drifted ('todo >= 0'
    # for 'todo > 0', or none): rebuilt from the model, each index must read the same.
    editor = connection.schema_editor()  # for the SQL of each index; never entered
    compared = 0
    for label in APPS:
        for model in apps.get_app_config(label).get_models():
            for index in model._meta.indexes:
                stored = definition(index.name)
                with transaction.atomic():
                    with connection.cursor() as cursor:
                        cursor.execute(f'DROP INDEX "{index.name}"')
                        cursor.execute(str(index.create_sql(model, editor)))
                    rebuilt = definition(index.name)
                    transaction.set_rollback(True)
                assert stored == rebuilt, index.name
                compared += 1
    assert compared >= 10  # the loop ran over the partial indexes too
