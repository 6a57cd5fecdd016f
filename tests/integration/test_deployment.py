"""The deployment files and the settings' behaviour under production-like environments.

The settings tests run Django in a subprocess: settings are read once per process, and
each test needs its own environment.
"""

import json
import os
import re
import runpy
import secrets
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]


def minimal_env(**extra: str) -> dict[str, str]:
    """An environment holding only PATH and HOME, plus `extra`."""
    env = {name: os.environ[name] for name in ("PATH", "HOME") if name in os.environ}
    env.update(extra)
    return env


def plain_sqlite_env(tmp_path) -> dict[str, str]:
    """Debug settings on a new SQLite file: what a module import needs, nothing more."""
    return minimal_env(
        DJANGO_SETTINGS_MODULE="newsannot.settings",
        DEBUG="true",
        DATABASE_URL=f"sqlite:///{tmp_path / 'plain.sqlite3'}",
    )


def run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False
    )


def compose_default(value: str) -> str:
    """Replace compose's `${NAME:-default}` interpolations with their defaults."""
    return re.sub(r"\$\{\w+:?-([^}]*)\}", r"\1", str(value))


def environment_of(service: dict) -> dict[str, str]:
    environment = service.get("environment") or {}
    if isinstance(environment, list):
        environment = dict(item.split("=", 1) for item in environment)
    return {name: str(value) for name, value in environment.items()}


def test_compose_file_defines_postgres_and_gunicorn_web():
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    services = compose["services"]
    db, web = services["db"], services["web"]

    assert db["image"] == "postgres:16"
    mounts = {}
    for volume in db["volumes"]:
        source, target = volume.split(":")[:2]
        mounts[target] = source
    assert "/var/lib/postgresql/data" in mounts
    assert mounts["/var/lib/postgresql/data"] in (compose.get("volumes") or {})
    healthcheck_test = db["healthcheck"]["test"]
    if isinstance(healthcheck_test, list):
        healthcheck_test = " ".join(healthcheck_test)
    assert "pg_isready" in healthcheck_test

    assert web["depends_on"]["db"]["condition"] == "service_healthy"
    command = web["command"]
    if isinstance(command, list):
        command = " ".join(command)
    # bootstrap migrates, then creates the first admin from DJANGO_SUPERUSER_* once.
    assert "manage.py bootstrap --no-input" in command
    assert "gunicorn" in command
    assert command.index("bootstrap") < command.index("gunicorn")
    assert re.search(r"gunicorn\s+--config\s+gunicorn\.conf\.py\s+newsannot\.wsgi", command)
    assert "/readyz" in " ".join(web["healthcheck"]["test"])

    environment = environment_of(web)
    assert urlsplit(compose_default(environment["DATABASE_URL"])).hostname == "db"
    # Workers share the cache and sessions through the redis service.
    assert services["redis"]["image"].startswith("redis:")
    assert web["depends_on"]["redis"]["condition"] == "service_healthy"
    assert urlsplit(compose_default(environment["REDIS_URL"])).hostname == "redis"
    assert compose_default(environment["DEBUG"]).lower() in {"false", "0", "no", "off"}


def test_env_example_lists_every_variable_settings_reads():
    settings_source = (ROOT / "newsannot" / "settings.py").read_text()
    names = set(
        re.findall(r"""(?:os\.environ\.get|env_bool|env_list)\(\s*["'](\w+)["']""", settings_source)
    )
    # Guard against the pattern silently matching nothing.
    assert {"SECRET_KEY", "DEBUG", "DATABASE_URL", "ALLOWED_HOSTS"} <= names

    example = (ROOT / ".env.example").read_text()
    missing = sorted(
        name for name in names if not re.search(rf"^#?\s*{name}=", example, re.MULTILINE)
    )
    assert not missing, f".env.example does not mention {missing}"


def test_check_deploy_passes_with_production_settings(tmp_path):
    env = minimal_env(
        DJANGO_SETTINGS_MODULE="newsannot.settings",
        DEBUG="false",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="annotate.example.org",
        DATABASE_URL=f"sqlite:///{tmp_path / 'deploy.sqlite3'}",
    )
    result = run([sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"], env)
    assert result.returncode == 0, result.stdout + result.stderr


def test_settings_are_safe_when_the_environment_is_empty():
    code = (
        "import json\n"
        "from newsannot import settings as s\n"
        "print(json.dumps({\n"
        "    'DEBUG': s.DEBUG,\n"
        "    'SECRET_KEY': s.SECRET_KEY,\n"
        "    'ALLOWED_HOSTS': s.ALLOWED_HOSTS,\n"
        "    'ENGINE': s.DATABASES['default']['ENGINE'],\n"
        "    'SECURE_SSL_REDIRECT': s.SECURE_SSL_REDIRECT,\n"
        "    'SESSION_COOKIE_SECURE': s.SESSION_COOKIE_SECURE,\n"
        "    'CSRF_COOKIE_SECURE': s.CSRF_COOKIE_SECURE,\n"
        "    'SECURE_HSTS_SECONDS': s.SECURE_HSTS_SECONDS,\n"
        "}))\n"
    )
    result = run([sys.executable, "-c", code], minimal_env())
    assert result.returncode == 0, result.stdout + result.stderr

    values = json.loads(result.stdout.strip().splitlines()[-1])
    assert values["DEBUG"] is False
    assert values["SECRET_KEY"] == ""
    assert values["ALLOWED_HOSTS"] == []
    assert values["ENGINE"] == "django.db.backends.sqlite3"
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SESSION_COOKIE_SECURE"] is True
    assert values["CSRF_COOKIE_SECURE"] is True
    assert values["SECURE_HSTS_SECONDS"] > 0


def test_debug_off_without_secret_key_refuses_to_start(tmp_path):
    env = minimal_env(DEBUG="false", DATABASE_URL=f"sqlite:///{tmp_path / 'nokey.sqlite3'}")
    result = run([sys.executable, "manage.py", "check"], env)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "SECRET_KEY" in output
    # The system check says so; no module reads the key at import time and crashes first.
    assert "Traceback" not in output, output


@pytest.mark.django_db
def test_postgresql_connections_run_without_jit():
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only (CI runs the suite on both databases)")
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone() == ("off",)


@pytest.mark.django_db(transaction=True)
def test_postgresql_transactions_read_committed_whatever_the_servers_default():
    from django.db import connection, transaction

    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only (CI runs the suite on both databases)")
    database = connection.settings_dict["NAME"]
    with connection.cursor() as cursor:
        cursor.execute(
            f"ALTER DATABASE {connection.ops.quote_name(database)} "
            "SET default_transaction_isolation = 'repeatable read'"
        )
    try:
        connection.close()  # the next connection takes the database's new default
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SHOW transaction_isolation")
            assert cursor.fetchone() == ("read committed",)
    finally:
        with connection.cursor() as cursor:
            cursor.execute(
                f"ALTER DATABASE {connection.ops.quote_name(database)} "
                "RESET default_transaction_isolation"
            )
        connection.close()


def test_without_the_production_extras_every_module_imports(tmp_path):
    # gunicorn, Redis and psycopg are the prod extra's (pyproject.toml): a SQLite install
    # has none of them, so no module may import them at load time, only on their paths.
    code = (
        "import importlib, pkgutil, sys\n"
        "class NotInstalled:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.partition('.')[0] in {'psycopg', 'psycopg_binary', 'gunicorn', 'redis'}:\n"
        "            raise ModuleNotFoundError(f'No module named {name!r}', name=name)\n"
        "sys.meta_path.insert(0, NotInstalled())\n"
        "import django\n"
        "django.setup()\n"
        "count = 0\n"
        "for package in ('newsannot', 'accounts', 'articles'):\n"
        "    root = importlib.import_module(package)\n"
        "    for module in pkgutil.walk_packages(root.__path__, package + '.'):\n"
        "        importlib.import_module(module.name)\n"
        "        count += 1\n"
        "print(count)\n"
    )
    result = run([sys.executable, "-c", code], plain_sqlite_env(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert int(result.stdout.split()[-1]) > 50  # the walk found the modules


def test_a_worker_starts_without_the_libraries_of_rare_paths(tmp_path):
    # A worker's cold start (and bootstrap's) loads the settings, the models and the
    # URLconf; Parquet, CAS and feed and page reading load their libraries when first used.
    code = (
        "import sys, django\n"
        "django.setup()\n"
        "from django.urls import get_resolver\n"
        "get_resolver().url_patterns\n"
        "import newsannot.wsgi\n"
        "print(sorted({'pyarrow', 'cassis', 'trafilatura', 'feedparser'} & set(sys.modules)))\n"
    )
    result = run([sys.executable, "-c", code], plain_sqlite_env(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.split("\n")[-2] == "[]"


def test_the_dockerfile_and_compose_serve_with_the_same_gunicorn_config():
    dockerfile = (ROOT / "Dockerfile").read_text()
    cmd = re.search(r"^CMD (\[.*\])$", dockerfile, re.MULTILINE).group(1)
    assert json.loads(cmd) == [
        "gunicorn",
        "--config",
        "gunicorn.conf.py",
        "newsannot.wsgi:application",
    ]
    assert re.search(r"^HEALTHCHECK .*\n?.*/healthz", dockerfile, re.MULTILINE)


def test_gunicorn_config_threads_recycles_and_never_cuts_a_stream_at_30_s():
    config = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    assert config["worker_class"] == "gthread"
    assert config["threads"] > 1  # an export holds a thread, not a whole worker
    assert config["timeout"] >= 60
    assert config["max_requests"] > 0
    assert 0 < config["max_requests_jitter"] < config["max_requests"]
    assert config["preload_app"] is True


def test_gunicorn_config_refuses_a_bad_number_by_name(monkeypatch):
    monkeypatch.setenv("GUNICORN_WORKERS", "many")
    with pytest.raises(SystemExit, match="GUNICORN_WORKERS must be a whole number"):
        runpy.run_path(str(ROOT / "gunicorn.conf.py"))


def test_compose_runs_a_job_worker_beside_web_sharing_the_media_volume():
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    services = compose["services"]
    web, worker = services["web"], services["worker"]
    command = worker["command"]
    if isinstance(command, list):
        command = " ".join(command)
    assert re.search(r"manage\.py\s+db_worker", command)
    assert "--reload" not in command.replace("--no-reload", "")
    environment = environment_of(worker)
    assert urlsplit(compose_default(environment["DATABASE_URL"])).hostname == "db"
    assert compose_default(environment.get("TASKS_BACKEND", "database")) == "database"
    assert compose_default(environment["DEBUG"]).lower() in {"false", "0", "no", "off"}
    # The worker writes export files that web serves: one volume, mounted at MEDIA_ROOT.
    assert "media:/app/media" in web["volumes"]
    assert "media:/app/media" in worker["volumes"]
    assert "media" in compose["volumes"]
    # Migrations are web's: the worker waits until web is ready.
    assert worker["depends_on"]["web"]["condition"] == "service_healthy"
    assert "/app/media" in (ROOT / "Dockerfile").read_text()


@pytest.mark.parametrize(
    ("value", "backend"),
    [
        ("", "django_tasks_db.DatabaseBackend"),
        ("database", "django_tasks_db.DatabaseBackend"),
        ("immediate", "backends.immediate.ImmediateBackend"),
    ],
)
def test_tasks_backend_comes_from_the_environment(value, backend):
    code = "from newsannot import settings as s; print(s.TASKS['default']['BACKEND'])"
    result = run([sys.executable, "-c", code], minimal_env(TASKS_BACKEND=value))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith(backend)


def test_an_unknown_tasks_backend_refuses_to_start():
    code = "import newsannot.settings"
    result = run([sys.executable, "-c", code], minimal_env(TASKS_BACKEND="celery"))
    assert result.returncode != 0
    assert "TASKS_BACKEND must be database or immediate" in result.stderr


def _admins(database: Path) -> list[tuple[str, int]]:
    import sqlite3

    with sqlite3.connect(database) as db:
        return db.execute("SELECT username, is_superuser FROM accounts_user").fetchall()


def test_bootstrap_migrates_and_creates_the_first_admin_once(tmp_path):
    database = tmp_path / "fresh.sqlite3"
    env = minimal_env(
        DEBUG="true",
        DATABASE_URL=f"sqlite:///{database}",
        DJANGO_SUPERUSER_PASSWORD="a long and unusual passphrase",
    )
    first = run([sys.executable, "manage.py", "bootstrap", "--username", "boss"], env)
    assert first.returncode == 0, first.stdout + first.stderr
    assert "Admin 'boss' created" in first.stdout
    assert _admins(database) == [("boss", 1)]
    again = run([sys.executable, "manage.py", "bootstrap", "--username", "other"], env)
    assert again.returncode == 0, again.stdout + again.stderr
    assert "An admin exists: none created." in again.stdout
    assert _admins(database) == [("boss", 1)]


def test_bootstrap_refuses_a_weak_password_by_name_and_creates_no_one(tmp_path):
    database = tmp_path / "weak.sqlite3"
    env = minimal_env(
        DEBUG="true", DATABASE_URL=f"sqlite:///{database}", DJANGO_SUPERUSER_PASSWORD="12345678"
    )
    result = run([sys.executable, "manage.py", "bootstrap", "--username", "boss"], env)
    assert result.returncode != 0
    assert "password:" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    assert _admins(database) == []  # migrated, and no admin


def test_bootstrap_without_a_username_only_migrates(tmp_path):
    database = tmp_path / "plain.sqlite3"
    env = minimal_env(DEBUG="true", DATABASE_URL=f"sqlite:///{database}")
    result = run([sys.executable, "manage.py", "bootstrap", "--no-input"], env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No admin created" in result.stdout
    assert _admins(database) == []
