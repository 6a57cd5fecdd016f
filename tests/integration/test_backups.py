"""Backups as the README tells them: a restore gives byte-identical exports.

PostgreSQL: ``pg_dump --format=custom`` and ``pg_restore`` into a new database. SQLite:
the online backup API (what ``sqlite3 db.sqlite3 ".backup copy.sqlite3"`` uses), taken
while the database is open.
"""

import os
import sqlite3
import subprocess
import sys
import uuid

import pytest
from django.db import connection

from articles.models import StanceLabel
from tests.factories import (
    ArticleFactory,
    ProjectFactory,
    SpeakerFactory,
    StanceTargetFactory,
    UserFactory,
)
from tests.integration.test_deployment import ROOT, minimal_env
from tests.integration.test_export import TEXT, quote_on


def _scene():
    project = ProjectFactory(slug="backup")
    ana = UserFactory(username="ana", role="annotator")
    rev = UserFactory(username="rev", role="reviewer")
    project.members.add(ana)
    speaker = SpeakerFactory(project=project, name="Zoé Häkkinen")
    plan = StanceTargetFactory(project=project, name="Planen")
    article = ArticleFactory(project=project, text=TEXT)
    ArticleFactory(project=project, text="– Nei, sier Kari.\r\n")
    quote = quote_on(article, ana, "Vi sier nei takk 🙅 til planen", speaker=speaker)
    StanceLabel.objects.create(quote=quote, target=plan, label="against")
    quote_on(article, ana, "نحن لا نوافق على الخطة", kind="mixed")
    quote_on(article, rev, "Vi sier nei takk 🙅 til planen", origin="gold", speaker=speaker)


def _export(database_url: str, *options: str) -> bytes:
    env = minimal_env(
        DJANGO_SETTINGS_MODULE="newsannot.settings",
        DEBUG="true",
        DATABASE_URL=database_url,
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "export_project", "backup", *options],
        cwd=ROOT,
        env=env,
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout


def _postgres_url(name: str) -> str:
    s = connection.settings_dict
    host, port = s["HOST"] or "127.0.0.1", s["PORT"] or 5432
    return f"postgres://{s['USER']}@{host}:{port}/{name}"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_dump and pg_restore")
def test_a_pg_dump_restored_into_a_new_database_exports_the_same_bytes(transactional_db, tmp_path):
    _scene()
    s = connection.settings_dict
    pg = ["--host", s["HOST"] or "127.0.0.1", "--port", str(s["PORT"] or 5432)]
    pg += ["--username", s["USER"]]
    dump = tmp_path / "newsannot.dump"
    restored = f"newsannot_restore_{uuid.uuid4().hex[:8]}"
    env = {**os.environ, "PGCONNECT_TIMEOUT": "10"}
    subprocess.run(
        ["pg_dump", *pg, "--format=custom", "--file", str(dump), s["NAME"]], check=True, env=env
    )
    subprocess.run(["createdb", *pg, restored], check=True, env=env)
    try:
        subprocess.run(
            ["pg_restore", *pg, "--no-owner", "--exit-on-error", "--dbname", restored, str(dump)],
            check=True,
            env=env,
        )
        for options in ((), ("--format", "csv"), ("--annotations", "gold")):
            original = _export(_postgres_url(s["NAME"]), *options)
            assert original.count(b"\n") >= 2
            assert _export(_postgres_url(restored), *options) == original
    finally:
        subprocess.run(["dropdb", *pg, "--force", restored], check=True, env=env)


def test_a_sqlite_online_backup_exports_the_same_bytes(tmp_path):
    live, copy = tmp_path / "live.sqlite3", tmp_path / "copy.sqlite3"
    env = minimal_env(
        DJANGO_SETTINGS_MODULE="newsannot.settings",
        DEBUG="true",
        DATABASE_URL=f"sqlite:///{live}",
    )
    scene = (
        "import django\n"
        "django.setup()\n"
        "from django.core.management import call_command\n"
        "call_command('migrate', verbosity=0)\n"
        "from tests.integration.test_backups import _scene\n"
        "_scene()\n"
    )
    subprocess.run([sys.executable, "-c", scene], cwd=ROOT, env=env, check=True, timeout=120)
    source = sqlite3.connect(live)  # open, as the running app's would be
    with sqlite3.connect(copy) as target:
        source.backup(target)
    source.close()
    for options in ((), ("--format", "csv")):
        original = _export(f"sqlite:///{live}", *options)
        assert original.count(b"\n") >= 2
        assert _export(f"sqlite:///{copy}", *options) == original
