"""Workspace latency: quote saves and article opens against gunicorn and PostgreSQL.

Usage: python bench/workspace.py [--saves 550] [--edits 300] [--opens 300]
       [--database postgres://postgres@127.0.0.1:5432/newsannot_bench]
       [--redis redis://127.0.0.1:6379/0 | --redis ""]

It (re)creates the benchmark database, fills it, starts gunicorn on a free loopback port
with production settings (DEBUG off, database connections kept as in production), and times
requests from this process, a new TCP connection each, as a browser's htmx would send
them. Sessions are cached in Redis (``REDIS_URL``) as in production, unless ``--redis ""``.
Prints p50/p95/max per scenario. Nothing outside 127.0.0.1 is touched.
"""

import argparse
import http.client
import os
import secrets
import socket
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def recreate_database(url: str) -> None:
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')


def production_env(database: str, **extra: str) -> dict[str, str]:
    """Production settings over plain HTTP on loopback, as gunicorn gets them."""
    return {
        "DJANGO_SETTINGS_MODULE": "newsannot.settings",
        "DATABASE_URL": database,
        "SECRET_KEY": secrets.token_urlsafe(50),
        "DEBUG": "false",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "SESSION_COOKIE_SECURE": "false",
        "CSRF_COOKIE_SECURE": "false",
        "LOG_LEVEL": "WARNING",
        **extra,
    }


def start_gunicorn(env: dict, port: int, workers: int | None = None) -> subprocess.Popen:
    """gunicorn serving newsannot on 127.0.0.1:port with production's settings
    (gunicorn.conf.py; ``workers`` instead of its number), returned once it accepts."""
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--config", "gunicorn.conf.py",
         "newsannot.wsgi:application", "--bind", f"127.0.0.1:{port}",
         *(["--workers", str(workers)] if workers else []),
         "--access-logfile", "/dev/null", "--log-level", "warning"],
        cwd=ROOT, env={**os.environ, **env},
    )  # fmt: skip
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return server
        except OSError:
            time.sleep(0.1)
    server.terminate()
    raise SystemExit("gunicorn did not start")


def sentences(n: int, start: int = 0) -> str:
    return " ".join(
        f"– Sentence {i:05d} about “the harbour” 🐟 and Zoe\u0301, says Ola Berg."
        for i in range(start, start + n)
    )


def fill(env: dict) -> dict:
    """Create the data through the ORM, in this process, with the bench settings."""
    os.environ.update(env)
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.contrib.sessions.backends.db import SessionStore
    from django.core.management import call_command

    from accounts.roles import set_role
    from articles.models import Article, Assignment, Project, Quote, StanceLabel, text_sha256

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)  # DEBUG off: manifest
    user = get_user_model().objects.create_user("bench", password="unused-bench-password")
    set_role(user=user, role="annotator")
    project = Project.objects.create(name="Bench", slug="bench")
    project.members.add(user)
    targets = [project.targets.create(name=name) for name in ("Harbour", "Wind")]
    speakers = [project.speakers.create(name=f"Speaker {i}") for i in range(40)]

    def article(text, title):
        return Article.objects.create(
            project=project, title=title, text=text, text_sha256=text_sha256(text)
        )

    save_articles = [article(sentences(70, 1000 * i)[:5000], f"Save {i}") for i in range(60)]
    ordinary = article(sentences(70, 90_000)[:5000], "Ordinary")
    big = article(sentences(300, 200_000)[:20000], "Big")
    for a in [*save_articles, ordinary, big]:
        Assignment.objects.create(article=a, annotator=user)

    def quotes(a, count):
        stride = len(a.text) // count
        made = [
            Quote(
                article=a,
                annotator=user,
                start=i * stride,
                end=i * stride + 30,
                text=a.text[i * stride : i * stride + 30],
                speaker=speakers[i % 40],
                cue_start=i * stride + 31,
                cue_end=i * stride + 35,
            )
            for i in range(count)
        ]
        Quote.objects.bulk_create(made)
        StanceLabel.objects.bulk_create(
            StanceLabel(quote=q, target=t, label="favor") for q in made for t in targets
        )

    quotes(ordinary, 10)
    quotes(big, 300)
    # Suggestions to accept, 10 to an article as the engine would leave them.
    suggested = [article(sentences(70, 500_000 + 1000 * i)[:5000], f"Sug {i}") for i in range(30)]
    for a in suggested:
        Assignment.objects.create(article=a, annotator=user)
        Quote.objects.bulk_create(
            Quote(
                article=a,
                annotator=user,
                start=i * 400,
                end=i * 400 + 50,
                text=a.text[i * 400 : i * 400 + 50],
                speaker=speakers[i],
                origin="suggested",
            )
            for i in range(10)
        )
    session = SessionStore()
    session["_auth_user_id"] = str(user.pk)
    # Not AUTHENTICATION_BACKENDS[0]: axes' backend comes first and loads no users.
    session["_auth_user_backend"] = "accounts.backends.RoleAwareBackend"
    session["_auth_user_hash"] = user.get_session_auth_hash()
    session.create()
    return {
        "session": session.session_key,
        "save_articles": [(a.pk, a.text) for a in save_articles],
        "ordinary": ordinary.pk,
        "big": big.pk,
        "targets": [t.pk for t in targets],
        "speakers": [s.pk for s in speakers],
        "suggestions": list(
            Quote.objects.filter(origin="suggested").order_by("pk").values_list("article", "pk")
        ),
    }


def saved_quotes(article_ids) -> list[tuple]:
    """The quotes the saves made: (article, id, version, start, end, text)."""
    from articles.models import Quote

    return list(
        Quote.objects.filter(article__in=article_ids)
        .order_by("pk")
        .values_list("article", "pk", "version", "start", "end", "text")
    )


def request(port, method, path, cookies, body=None, headers=None):
    started = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port)
    connection.request(
        method,
        path,
        body=body,
        headers={"Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items()), **(headers or {})},
    )
    response = connection.getresponse()
    payload = response.read()
    connection.close()
    return time.perf_counter() - started, response.status, payload


def timed(port, method, path, cookies, expect, body=None, headers=None):
    """``request``'s time and payload; exits naming the request if its status is not
    ``expect``."""
    elapsed, status, payload = request(port, method, path, cookies, body, headers)
    if status != expect:
        raise SystemExit(f"{method} {path} answered {status}, not {expect}")
    return elapsed, payload


def report(name, timings):
    ms = sorted(t * 1000 for t in timings)
    p95 = ms[int(len(ms) * 0.95) - 1]
    print(
        f"{name:<44} n={len(ms):<4} p50={statistics.median(ms):6.2f} ms  "
        f"p95={p95:6.2f} ms  max={ms[-1]:6.2f} ms"
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--saves", type=int, default=550)
    parser.add_argument("--opens", type=int, default=300)
    parser.add_argument("--edits", type=int, default=300)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--database", default="postgres://postgres@127.0.0.1:5432/newsannot_bench")
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/0", help='"" for none')
    options = parser.parse_args()

    if options.redis:
        import redis

        try:
            redis.Redis.from_url(options.redis, socket_connect_timeout=1).ping()
        except redis.ConnectionError:
            raise SystemExit(f'no Redis at {options.redis} (--redis "" for none)') from None
    recreate_database(options.database)
    port = free_port()
    cache = {"REDIS_URL": options.redis} if options.redis else {}
    env = production_env(options.database, **cache)
    data = fill(env)
    server = start_gunicorn(env, port, options.workers)
    try:
        csrf = secrets.token_hex(16)  # a 32-character secret, as Django's cookie holds
        cookies = {"sessionid": data["session"], "csrftoken": csrf}
        headers = {
            "X-CSRFToken": csrf,
            "HX-Request": "true",
            "Content-Type": "application/x-www-form-urlencoded",
            "Referer": f"http://127.0.0.1:{port}/",
        }

        for article in (data["ordinary"], data["big"]):  # warm up both workers
            for _ in range(10):
                request(port, "GET", f"/articles/{article}/", cookies)

        saves = []
        per_article = -(-options.saves // len(data["save_articles"]))
        for n in range(options.saves):
            article_id, text = data["save_articles"][n // per_article]
            start = (n % per_article) * 400 + 2
            body = urlencode(
                {
                    "start": start,
                    "end": start + 60,
                    "text": text[start : start + 60],
                    "kind": "direct",
                    "speaker": data["speakers"][n % 40],
                    "cue_start": start + 61,
                    "cue_end": start + 65,
                    f"stance-{data['targets'][0]}": "favor",
                    f"stance-{data['targets'][1]}": "against",
                    "request_id": str(uuid.uuid4()),
                }
            )
            path = f"/articles/{article_id}/quotes/"
            saves.append(timed(port, "POST", path, cookies, 201, body, headers)[0])

        edits = []
        for n, (article_id, pk, version, start, end, text) in enumerate(
            saved_quotes([a for a, _ in data["save_articles"]])[: options.edits]
        ):
            body = urlencode(
                {
                    "start": start,
                    "end": end,
                    "text": text,
                    "kind": "indirect",
                    "speaker": data["speakers"][(n + 1) % 40],
                    f"stance-{data['targets'][0]}": "against",
                    "version": version,
                }
            )
            path = f"/articles/{article_id}/quotes/{pk}/"
            edits.append(timed(port, "POST", path, cookies, 200, body, headers)[0])

        accepts = []
        for article_id, pk in data["suggestions"]:
            path = f"/articles/{article_id}/quotes/{pk}/accept/"
            accepts.append(timed(port, "POST", path, cookies, 200, "version=1", headers)[0])

        opens = {}
        for label, article in (("ordinary", data["ordinary"]), ("big", data["big"])):
            timings = []
            for _ in range(options.opens):
                elapsed, payload = timed(port, "GET", f"/articles/{article}/", cookies, 200)
                timings.append(elapsed)
            opens[label] = (timings, len(payload))
    finally:
        server.terminate()
        server.wait(timeout=10)

    print(
        f"gunicorn.conf.py with {options.workers} workers, PostgreSQL, a new HTTP connection per "
        "request, database connections kept (CONN_MAX_AGE), sessions "
        + ("cached in Redis" if options.redis else "in the database only")
    )
    report("save quote + speaker + 2 stances (htmx)", saves)
    report("edit a quote: kind, speaker, stances", edits)
    report("accept a suggestion (key a)", accepts)
    report(
        f"open article 5,000 chars, 10 quotes ({opens['ordinary'][1] // 1024} KiB)",
        opens["ordinary"][0],
    )
    report(
        f"open article 20,000 chars, 300 quotes ({opens['big'][1] // 1024} KiB)", opens["big"][0]
    )


if __name__ == "__main__":
    main()
