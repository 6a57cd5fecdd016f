"""Load: N annotators saving, editing and reading quotes with think time, for a bounded
time, against gunicorn (gunicorn.conf.py) and PostgreSQL, while a researcher downloads a
large JSONL export over and over; then every acknowledged write is checked in the
database.

Usage: python bench/load.py [--annotators 50] [--seconds 120] [--export-articles 20000]
       [--database postgres://postgres@127.0.0.1:5432/newsannot_load]
       [--redis redis://127.0.0.1:6379/0 | --redis ""]

Each annotator is a thread with its own session: it waits 2–5 s, then saves a new quote
(half the time), edits one of its own (a quarter) or opens one of its articles. A save is
acknowledged by a 201, an edit by a 200. Afterwards each acknowledged save must be stored
exactly once (its request id, once) and each quote's version must be one more than its
acknowledged edits. Prints throughput, p50/p95/p99 per action, errors, the exports
completed (each checked against its final line), the workers' RSS before, at most and
after, and how long gunicorn took to answer its first request. The target: no error, p95
save under 100 ms. It (re)creates the database; nothing outside 127.0.0.1 is touched.
"""

import argparse
import hashlib
import http.client
import os
import random
import secrets
import statistics
import sys
import threading
import time
import uuid
from collections import Counter, defaultdict
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.workspace import (
    free_port,
    production_env,
    recreate_database,
    sentences,
    start_gunicorn,
)

ARTICLES_EACH = 3
SPAN = 60  # characters per saved quote; saves take consecutive slots


def fill(env: dict, annotators: int, export_articles: int) -> dict:
    """Users, sessions, assigned articles, and a large project to export (in SQL)."""
    os.environ.update(env)
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.contrib.sessions.backends.db import SessionStore
    from django.core.management import call_command
    from django.db import connection

    from accounts.roles import set_role
    from articles.models import Article, Assignment, Project, text_sha256

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)  # DEBUG off: manifest
    project = Project.objects.create(name="Load", slug="load")
    target = project.targets.create(name="Harbour")
    speakers = [project.speakers.create(name=f"Speaker {i}") for i in range(20)]

    def session_of(user) -> str:
        session = SessionStore()
        session["_auth_user_id"] = str(user.pk)
        session["_auth_user_backend"] = "accounts.backends.RoleAwareBackend"
        session["_auth_user_hash"] = user.get_session_auth_hash()
        session.create()
        return session.session_key

    people = []
    for n in range(annotators):
        user = get_user_model().objects.create_user(f"ann{n}", password=secrets.token_hex(8))
        set_role(user=user, role="annotator")
        project.members.add(user)
        articles = []
        for k in range(ARTICLES_EACH):
            text = sentences(70, 100_000 * n + 1000 * k)[:5000]
            article = Article.objects.create(
                project=project, title=f"A{n}-{k}", text=text, text_sha256=text_sha256(text)
            )
            Assignment.objects.create(article=article, annotator=user)
            articles.append((article.pk, text))
        people.append({"session": session_of(user), "user": user.pk, "articles": articles})
    researcher = get_user_model().objects.create_user("researcher", password=secrets.token_hex(8))
    set_role(user=researcher, role="researcher")
    big = Project.objects.create(name="Export", slug="export")
    big.members.add(researcher)
    with connection.cursor() as cursor:
        cursor.execute(
            """INSERT INTO articles_article (project_id, title, text, text_sha256, outlet, url,
                 author, language, external_id, metadata, created_at)
               SELECT %s, 'Article ' || g, t, encode(sha256(convert_to(t, 'UTF8')), 'hex'),
                 '', '', '', '', '', '{}', now()
               FROM generate_series(1, %s) g,
                 LATERAL (SELECT g || ' ' || repeat(%s, 60) AS t) x""",
            [big.pk, export_articles, "– The harbour must stay open, says Odd Vik 🐟. "],
        )
    return {
        "people": people,
        "researcher": session_of(researcher),
        "target": target.pk,
        "speakers": [s.pk for s in speakers],
    }


class Annotator(threading.Thread):
    """One annotator's session: think, then save, edit or read, until ``stop``."""

    def __init__(self, port: int, person: dict, data: dict, stop: float, seed: int):
        super().__init__(daemon=True)
        self.port, self.person, self.data, self.stop = port, person, data, stop
        self.rng = random.Random(seed)
        self.csrf = secrets.token_hex(16)
        self.timings: dict[str, list[float]] = defaultdict(list)
        self.errors: list[str] = []
        self.saved: list[str] = []  # acknowledged saves' request ids
        self.edited: Counter = Counter()  # quote id -> acknowledged edits
        self.quotes: dict[int, tuple] = {}  # quote id -> (article id, version, start, text)
        self.slot = 0

    def request(self, method: str, path: str, body: str | None = None):
        headers = {
            "Cookie": f"sessionid={self.person['session']}; csrftoken={self.csrf}",
            "X-CSRFToken": self.csrf,
            "HX-Request": "true",
            "Content-Type": "application/x-www-form-urlencoded",
            "Referer": f"http://127.0.0.1:{self.port}/",
        }
        started = time.perf_counter()
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            payload = response.read()
            return time.perf_counter() - started, response.status, response, payload
        finally:
            connection.close()

    def run(self) -> None:
        while True:
            time.sleep(self.rng.uniform(2, 5))
            if time.monotonic() >= self.stop:
                return
            roll = self.rng.random()
            try:
                if roll < 0.5 or not self.quotes:
                    self.save()
                elif roll < 0.75:
                    self.edit()
                else:
                    self.read()
            except OSError as error:
                self.errors.append(f"{type(error).__name__}: {error}")

    def save(self) -> None:
        articles = self.person["articles"]
        article_id, text = articles[self.slot % len(articles)]
        start = (self.slot // len(articles)) * (SPAN + 2) + 1
        self.slot += 1
        request_id = str(uuid.uuid4())
        body = urlencode(
            {
                "start": start,
                "end": start + SPAN,
                "text": text[start : start + SPAN],
                "kind": "direct",
                "speaker": self.rng.choice(self.data["speakers"]),
                f"stance-{self.data['target']}": "favor",
                "request_id": request_id,
            }
        )
        elapsed, status, _, _ = self.request("POST", f"/articles/{article_id}/quotes/", body)
        self.timings["save"].append(elapsed)
        if status != 201:
            self.errors.append(f"save {status}")
            return
        self.saved.append(request_id)
        self.quotes[request_id] = (article_id, start, text[start : start + SPAN])

    def edit(self) -> None:
        request_id = self.rng.choice(list(self.quotes))
        article_id, start, text = self.quotes[request_id]
        # The id as the page the annotator has open holds it; the version follows from
        # the acknowledged writes (one annotator's quotes, one request at a time).
        pk = self.data["ids"].of(request_id)
        version = 1 + self.edited[pk]
        body = urlencode(
            {
                "start": start,
                "end": start + SPAN,
                "text": text,
                "kind": self.rng.choice(["direct", "indirect"]),
                "speaker": self.rng.choice(self.data["speakers"]),
                f"stance-{self.data['target']}": self.rng.choice(["favor", "against"]),
                "version": version,
            }
        )
        elapsed, status, _, _ = self.request("POST", f"/articles/{article_id}/quotes/{pk}/", body)
        self.timings["edit"].append(elapsed)
        if status != 200:
            self.errors.append(f"edit {status}")
            return
        self.edited[pk] += 1

    def read(self) -> None:
        article_id, _ = self.rng.choice(self.person["articles"])
        elapsed, status, _, _ = self.request("GET", f"/articles/{article_id}/")
        self.timings["read"].append(elapsed)
        if status != 200:
            self.errors.append(f"read {status}")


class QuoteIds:
    """Quote ids by request id, read on one connection that the threads share."""

    def __init__(self, database: str):
        import psycopg

        self.connection = psycopg.connect(database, autocommit=True)
        self.lock = threading.Lock()

    def of(self, request_id: str) -> int:
        with self.lock:
            row = self.connection.execute(
                "SELECT id FROM articles_quote WHERE request_id = %s", [request_id]
            ).fetchone()
        return row[0]


class Exporter(threading.Thread):
    """A researcher downloading the large project's JSONL export again and again."""

    def __init__(self, port: int, session: str, stop: float):
        super().__init__(daemon=True)
        self.port, self.session, self.stop = port, session, stop
        self.done: list[tuple[float, int]] = []  # (seconds, bytes) of complete exports
        self.errors: list[str] = []

    def run(self) -> None:
        from articles.exchange import trailer

        while time.monotonic() < self.stop:
            started = time.perf_counter()
            connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=600)
            try:
                connection.request(
                    "GET",
                    "/api/v1/projects/export/export/?format=jsonl",
                    headers={"Cookie": f"sessionid={self.session}"},
                )
                response = connection.getresponse()
                digest, last, size = hashlib.sha256(), b"", 0
                while chunk := response.read(1 << 20):
                    digest.update(chunk)
                    last = (last + chunk)[-4096:]
                    size += len(chunk)
                if response.status != 200:
                    self.errors.append(f"export {response.status}")
                    continue
                summary = trailer.split(last)[1]
                if summary is None:
                    self.errors.append("export cut short: no final line")
                    continue
                self.done.append((time.perf_counter() - started, size))
            except OSError as error:
                self.errors.append(f"export {type(error).__name__}: {error}")
            finally:
                connection.close()


def worker_rss(server_pid: int) -> dict[int, float]:
    """MiB resident per gunicorn worker (the master's children), read from /proc."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":\t", 1) for line in status.splitlines() if ":\t" in line)
        if fields.get("PPid", "").strip() == str(server_pid) and "VmRSS" in fields:
            found[int(entry.name)] = int(fields["VmRSS"].split()[0]) / 1024
    return found


def percentiles(timings: list[float]) -> str:
    if not timings:
        return "n=0"
    ms = sorted(t * 1000 for t in timings)

    def at(share: float) -> float:
        return ms[min(len(ms) - 1, int(len(ms) * share))]

    return (
        f"n={len(ms):<5} p50={statistics.median(ms):7.1f} ms  p95={at(0.95):7.1f} ms  "
        f"p99={at(0.99):7.1f} ms  max={ms[-1]:7.1f} ms"
    )


def verify(annotators: list[Annotator]) -> list[str]:
    """Problems with the acknowledged writes as the database holds them."""
    from articles.models import Quote

    problems = []
    saved = [request_id for a in annotators for request_id in a.saved]
    stored = Counter(
        str(r)
        for r in Quote.objects.filter(request_id__in=saved).values_list("request_id", flat=True)
    )
    missing = [r for r in saved if stored[r] != 1]
    if missing:
        problems.append(f"{len(missing)} acknowledged saves not stored exactly once")
    edited = Counter()
    for a in annotators:
        edited.update(a.edited)
    versions = dict(Quote.objects.filter(pk__in=edited).values_list("pk", "version"))
    wrong = [pk for pk, n in edited.items() if versions.get(pk) != 1 + n]
    if wrong:
        problems.append(f"{len(wrong)} edited quotes whose version is not 1 + acknowledged edits")
    return problems


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--annotators", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--export-articles", type=int, default=20_000)
    parser.add_argument("--database", default="postgres://postgres@127.0.0.1:5432/newsannot_load")
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/0", help='"" for none')
    options = parser.parse_args()

    recreate_database(options.database)
    env = production_env(
        options.database, **({"REDIS_URL": options.redis} if options.redis else {})
    )
    data = fill(env, options.annotators, options.export_articles)
    data["ids"] = QuoteIds(options.database)
    port = free_port()
    started = time.perf_counter()
    server = start_gunicorn(env, port)
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", "/healthz")
    assert connection.getresponse().status == 200
    first_answer = time.perf_counter() - started
    connection.close()
    rss: dict[int, list[float]] = defaultdict(list)
    try:
        for _ in range(50):  # every worker forked
            if len(worker_rss(server.pid)) >= int(os.environ.get("GUNICORN_WORKERS", 3)):
                break
            time.sleep(0.1)
        before = worker_rss(server.pid)
        stop = time.monotonic() + options.seconds
        exporter = Exporter(port, data["researcher"], stop)
        annotators = [
            Annotator(port, person, data, stop, seed) for seed, person in enumerate(data["people"])
        ]
        began = time.perf_counter()
        exporter.start()
        for annotator in annotators:
            annotator.start()
        while any(a.is_alive() for a in annotators):
            for pid, mib in worker_rss(server.pid).items():
                rss[pid].append(mib)
            time.sleep(1)
        elapsed = time.perf_counter() - began
        exporter.join()
        after = worker_rss(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=30)

    timings: dict[str, list[float]] = defaultdict(list)
    errors: list[str] = list(exporter.errors)
    for annotator in annotators:
        for kind, values in annotator.timings.items():
            timings[kind] += values
        errors += annotator.errors
    problems = verify(annotators)
    requests = sum(len(v) for v in timings.values())
    print(
        f"gunicorn.conf.py ({os.environ.get('GUNICORN_WORKERS', 3)} gthread workers), "
        f"PostgreSQL, {'Redis' if options.redis else 'no Redis'}; {options.annotators} "
        f"annotators, think time 2–5 s, {elapsed:.0f} s"
    )
    print(f"first answer    {first_answer:.2f} s after gunicorn was started")
    print(
        f"throughput      {requests / elapsed:.1f} requests/s, "
        f"{len(timings['save']) / elapsed:.1f} saves/s"
    )
    for kind in ("save", "edit", "read"):
        print(f"{kind:<15} {percentiles(timings[kind])}")
    mb = sum(size for _, size in exporter.done) / 1e6
    print(
        f"exports         {len(exporter.done)} complete (checked against their final line), "
        f"{mb:.0f} MB, {statistics.median([t for t, _ in exporter.done] or [0]):.2f} s each"
    )
    peak = max((max(v) for v in rss.values()), default=0)
    print(
        "worker RSS      before "
        + ", ".join(f"{v:.0f}" for v in before.values())
        + f" MiB; at most {peak:.0f} MiB; after "
        + ", ".join(f"{v:.0f}" for v in after.values())
        + " MiB"
    )
    print(
        f"errors          {len(errors)}" + (f": {Counter(errors).most_common(5)}" if errors else "")
    )
    print(
        "writes          "
        + ("; ".join(problems) if problems else "every acknowledged write stored exactly once")
    )


if __name__ == "__main__":
    main()
