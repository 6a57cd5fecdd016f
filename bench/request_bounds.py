"""What the lowest role's largest requests cost a gunicorn worker: the issue's 59 MiB batch
of 1.3 million quotes, a batch one quote over the limit, and the largest accepted batch.

Usage: python bench/request_bounds.py [--database postgres://…/newsannot_bench]
Recreates the database, starts gunicorn (one sync worker, so that its memory can be read)
on a free loopback port, and prints each request's time, status and the worker's growth.
"""

import argparse
import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from api import rss_mb  # noqa: E402
from workspace import free_port, production_env, recreate_database, start_gunicorn  # noqa: E402

TEXT = "– Vi sier nei til planen, sier Ola Berg. " * 1000  # 41 characters each


def fill(env) -> dict:
    os.environ.update(env)
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from accounts.models import ApiToken
    from accounts.roles import set_role
    from articles.models import Article, Assignment, Project, text_sha256

    call_command("migrate", verbosity=0)
    annotator = get_user_model().objects.create_user("ann")
    set_role(user=annotator, role="annotator")
    project = Project.objects.create(name="Bench", slug="bench")
    project.members.add(annotator)
    article = Article.objects.create(
        project=project, title="A", text=TEXT, text_sha256=text_sha256(TEXT)
    )
    Assignment.objects.create(article=article, annotator=annotator)
    token = ApiToken.objects.create(user=annotator, expiry=None, name="b", scope="write")[1]
    return {"token": token, "article": article.pk}


def post(port, path, token, body: bytes) -> tuple[float, int]:
    """Send the headers and as much of the body as the server takes before it answers;
    return the seconds to the answer and its status."""
    started = time.perf_counter()
    with socket.create_connection(("127.0.0.1", port), timeout=600) as sock:
        head = (
            f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Token {token}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n"
            "Connection: close\r\n\r\n"
        )
        sock.sendall(head.encode())
        sock.settimeout(0.001)
        answer, sent = b"", 0
        while b"\r\n" not in answer:
            if sent < len(body):
                try:
                    sent += sock.send(body[sent : sent + (1 << 20)])
                except (BlockingIOError, TimeoutError):
                    pass
                except (BrokenPipeError, ConnectionResetError):  # answered and closed
                    sent = len(body)
            else:
                sock.settimeout(600)
            try:
                answer += sock.recv(65536)
            except (BlockingIOError, TimeoutError):
                continue
    return time.perf_counter() - started, int(answer.split()[1])


def batch(n: int) -> bytes:
    """``n`` quotes of "Vi sier", each at another place (valid for the first 1,000)."""
    items = [
        {"start": 2 + 41 * i, "end": 9 + 41 * i, "text": "Vi sier", "kind": "direct"}
        for i in range(n)
    ]
    return json.dumps({"quotes": items}).encode()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--database", default="postgres://postgres@127.0.0.1:5432/newsannot_bench")
    options = parser.parse_args()
    recreate_database(options.database)
    port = free_port()
    env = production_env(options.database, API_TOKEN_RATE="1000000/min")
    data = fill(env)
    server = start_gunicorn(env, port, 1)
    path = f"/api/v1/articles/{data['article']}/quotes/"
    try:
        worker = int(subprocess.check_output(["pgrep", "-P", str(server.pid)]).split()[0])
        item = b'{"start": 2, "end": 9, "text": "Vi sier", "kind": "direct"}'
        huge = b'{"quotes": [' + b", ".join([item] * 1_300_000) + b"]}"
        cases = [
            (f"1,300,000 quotes, {len(huge) / 2**20:.0f} MiB (the issue's)", huge),
            ("1,001 quotes (one over the count)", batch(1001)),
            ("1,000 quotes, accepted", batch(1000)),
        ]
        post(port, path, data["token"], b'{"quotes": [{}]}')  # loads the code, writes nothing
        for name, body in cases:
            before = rss_mb(worker)
            elapsed, status = post(port, path, data["token"], body)
            print(
                f"{name}: {status} in {elapsed * 1000:.1f} ms, "
                f"worker +{rss_mb(worker) - before:.0f} MB"
            )
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
