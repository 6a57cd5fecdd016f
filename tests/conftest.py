import importlib

import pytest
from django.apps import apps
from django.core.cache import cache

from tests.factories import UserFactory

_role_migration = importlib.import_module("accounts.migrations.0002_role_groups")


@pytest.fixture(autouse=True)
def role_groups(request):
    """Make sure the role groups exist: a transactional test's flush removes what the
    data migration created."""
    if "transactional_db" in request.fixturenames or "live_server" in request.fixturenames:
        request.getfixturevalue("transactional_db")
        _role_migration.create_role_groups(apps, None)


@pytest.fixture(autouse=True)
def empty_cache():
    """Throttling counts live in the cache; database ids are reused between tests."""
    cache.clear()


@pytest.fixture
def admin_user(db):
    return UserFactory(username="boss", is_staff=True, is_superuser=True)


@pytest.fixture
def annotator(db):
    return UserFactory(username="ann", role="annotator")
