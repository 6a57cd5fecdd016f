import importlib
import os
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.utils import translation
from hypothesis import settings as hypothesis_settings

from tests.factories import UserFactory

# Property tests assert results, not speed: an example that takes over 200 ms on a
# loaded CI machine is no failure (a cue test did so at a load of 20).
# Under CI the examples are the same on every run, so a commit that passed passes again;
# a developer's runs still draw new ones.
hypothesis_settings.register_profile(
    "newsannot", deadline=None, derandomize=os.environ.get("CI") == "true"
)
hypothesis_settings.load_profile("newsannot")

_role_migration = importlib.import_module("accounts.migrations.0002_role_groups")


@pytest.fixture(autouse=True)
def role_groups(request):
    """Make sure the role groups exist: a transactional test's flush removes what the
    data migration created."""
    if "transactional_db" in request.fixturenames or "live_server" in request.fixturenames:
        request.getfixturevalue("transactional_db")
        _role_migration.create_role_groups(apps, None)


# Found by its name, whatever number the migration ends up with.
_history_migration = importlib.import_module(
    "articles.migrations."
    + next(Path(__file__).parents[1].glob("articles/migrations/*_history_events.py")).stem
)


@pytest.fixture(autouse=True)
def history_emptied_before_flush(request):
    """SQLite's triggers refuse to delete history events, and a transactional test's flush
    deletes every row: empty the history first, the triggers lifted for that moment.
    (PostgreSQL's flush is a TRUNCATE, which the row triggers do not see.)"""
    if "transactional_db" not in request.fixturenames and "live_server" not in request.fixturenames:
        yield
        return
    request.getfixturevalue("transactional_db")  # so this ends before its flush
    yield
    if connection.vendor != "sqlite":
        return
    with transaction.atomic(), connection.cursor() as cursor:
        for statement in _history_migration.SQLITE_DROP:
            cursor.execute(statement)
        cursor.execute("DELETE FROM articles_historyevent")
        for statement in _history_migration.SQLITE_CREATE:
            cursor.execute(statement)


@pytest.fixture(autouse=True)
def empty_cache():
    """Throttling counts live in the cache; database ids are reused between tests."""
    cache.clear()


@pytest.fixture(autouse=True)
def english():
    """Each test starts in English: a request in another language leaves that language
    active in the thread (Django's LocaleMiddleware activates, and never deactivates)."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def admin_user(db):
    return UserFactory(username="boss", is_staff=True, is_superuser=True)


@pytest.fixture
def annotator(db):
    return UserFactory(username="ann", role="annotator")
