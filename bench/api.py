"""API figures against gunicorn and PostgreSQL: export, bulk import, reads, quote posts.

Usage: python bench/api.py [--articles 10000] [--quotes-per-article 10]
Recreates the benchmark database, fills it through the ORM, starts gunicorn (one sync
worker, so that its memory can be read) on a free loopback port, and times requests
from this process with a new connection each. Prints its figures.
"""

import argparse
import http.client
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from workspace import (  # noqa: E402
    free_port,
    production_env,
    recreate_database,
    sentences,
    start_gunicorn,
)


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def fill(env, articles: int, per_article: int) -> dict:
    os.environ.update(env)
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from accounts.models import ApiToken
    from accounts.roles import set_role
    from articles.models import Article, Assignment, Project, Quote, StanceLabel, text_sha256

    call_command("migrate", verbosity=0)
    User = get_user_model()
    admin = User.objects.create_user("admin", is_staff=True, is_superuser=True)
    annotator = User.objects.create_user("ann")
    set_role(user=annotator, role="annotator")
    project = Project.objects.create(name="Bench", slug="bench")
    project.members.add(annotator)
    target = project.targets.create(name="Harbour")
    speaker = project.speakers.create(name="Ola Berg")
    rows = []
    for i in range(articles):
        text = sentences(70, i * 100)[:5000]
        rows.append(
            Article(project=project, title=f"A {i}", text=text, text_sha256=text_sha256(text))
        )
    Article.objects.bulk_create(rows, batch_size=1000)
    made = Article.objects.filter(project=project).order_by("pk")
    quotes = []
    for article in made.iterator(chunk_size=2000):
        step = len(article.text) // per_article
        quotes.extend(
            Quote(
                article=article,
                annotator=annotator,
                start=k * step,
                end=k * step + 40,
                text=article.text[k * step : k * step + 40],
                speaker=speaker,
            )
            for k in range(per_article)
        )
        if len(quotes) >= 20000:
            Quote.objects.bulk_create(quotes, batch_size=5000)
            quotes = []
    Quote.objects.bulk_create(quotes, batch_size=5000)
    StanceLabel.objects.bulk_create(
        (
            StanceLabel(quote_id=pk, target=target, label="favor")
            for pk in Quote.objects.values_list("pk", flat=True).iterator()
        ),
        batch_size=5000,
    )
    # What autovacuum does within a minute of a bulk write: without statistics the planner
    # takes the project's 10,000 articles for a handful, and sorts them all for a page.
    # Done here, it does not compete with the timed requests for the machine's two cores.
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    spare_text = sentences(400, 9_000_000)[:20000]
    spare = Article.objects.create(
        project=project, title="Spare", text=spare_text, text_sha256=text_sha256(spare_text)
    )
    Assignment.objects.create(article=spare, annotator=annotator)
    return {
        "admin": ApiToken.objects.create(user=admin, expiry=None, name="b")[1],
        "annotator": ApiToken.objects.create(user=annotator, expiry=None, name="b")[1],
        "article": made.first().pk,
        "spare": spare.pk,
        "spare_text": spare.text,
        "quotes": Quote.objects.count(),
    }


def request(port, method, path, token, body=None, content_type="application/json"):
    started = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
    headers = {"Authorization": f"Token {token}"}
    if body is not None:
        headers["Content-Type"] = content_type
    connection.request(method, path, body=body, headers=headers)
    response = connection.getresponse()
    size = 0
    while chunk := response.read(1 << 20):
        size += len(chunk)
    connection.close()
    return time.perf_counter() - started, response.status, size


def p50(timings):
    return statistics.median(timings) * 1000


def spread(timings) -> str:
    p95 = statistics.quantiles(timings, n=20)[-1] * 1000
    return f"p50 {p50(timings):.2f} ms, p95 {p95:.2f} ms"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--quotes-per-article", type=int, default=10)
    parser.add_argument("--database", default="postgres://postgres@127.0.0.1:5432/newsannot_bench")
    options = parser.parse_args()
    recreate_database(options.database)
    port = free_port()
    env = production_env(options.database, API_TOKEN_RATE="1000000/min")
    data = fill(env, options.articles, options.quotes_per_article)
    server = start_gunicorn(env, port, 1)
    try:
        worker = int(subprocess.check_output(["pgrep", "-P", str(server.pid)]).split()[0])
        admin, annotator = data["admin"], data["annotator"]
        for _ in range(20):
            request(port, "GET", f"/api/v1/articles/{data['article']}/", admin)
        reads = [
            request(port, "GET", f"/api/v1/articles/{data['article']}/", admin)[0]
            for _ in range(300)
        ]
        first = [
            request(port, "GET", "/api/v1/articles/?project=bench", admin)[0] for _ in range(200)
        ]
        # The last page: follow cursors once, then time that page.
        path = "/api/v1/articles/?project=bench&page_size=1000"
        while True:
            connection = http.client.HTTPConnection("127.0.0.1", port)
            connection.request("GET", path, headers={"Authorization": f"Token {admin}"})
            page = json.loads(connection.getresponse().read())
            if not page["next"]:
                break
            path = page["next"].split("127.0.0.1", 1)[-1].split(f":{port}", 1)[-1]
        last_page = path.replace("page_size=1000", "page_size=30")
        last = [request(port, "GET", last_page, admin)[0] for _ in range(200)]
        before = rss_mb(worker)
        elapsed, status, size = request(port, "GET", "/api/v1/projects/bench/export/", admin)
        grown = rss_mb(worker) - before
        assert status == 200, status
        posts = []
        text = data["spare_text"]
        for n in range(300):  # 1,800 quotes of 8 characters, 10 apart, in 20,000
            items = []
            for k in range(6):
                start = (n * 6 + k) * 10
                items.append(
                    {
                        "start": start,
                        "end": start + 8,
                        "text": text[start : start + 8],
                        "kind": "direct",
                        "speaker": "Ola Berg",
                        "stances": [{"target": "Harbour", "label": "favor"}],
                    }
                )
            t, status_code, _ = request(
                port,
                "POST",
                f"/api/v1/articles/{data['spare']}/quotes/",
                annotator,
                json.dumps({"quotes": items}),
            )
            assert status_code == 201, status_code
            posts.append(t)
        body = json.dumps(
            [
                {"title": f"New {i}", "text": sentences(70, 50_000_000 + i * 100)[:5000]}
                for i in range(options.articles)
            ],
            ensure_ascii=False,
        ).encode("utf-8")
        imported, status_code, _ = request(
            port, "POST", "/api/v1/projects/bench/articles/", admin, body
        )
        assert status_code == 201, status_code
    finally:
        server.terminate()
        server.wait(timeout=30)

    print(
        f"gunicorn 1 sync worker, PostgreSQL; {options.articles} articles of ~5,000 chars, "
        f"{data['quotes']} quotes"
    )
    print(
        f"export JSONL, all articles:      {elapsed:.2f} s, {size / 1e6:.0f} MB, "
        f"{data['quotes'] / elapsed:,.0f} quotes/s, worker RSS {grown:+.0f} MB"
    )
    print(
        f"import through the API:          {imported:.2f} s, "
        f"{options.articles / imported:,.0f} articles/s"
    )
    print(f"read one annotated article:      {spread(reads)}")
    print(f"list page of 30, first page:     {spread(first)}")
    print(f"list page of 30, last page:      {spread(last)}")
    print(f"post 6 quotes in one request:    {spread(posts)}")


if __name__ == "__main__":
    main()
