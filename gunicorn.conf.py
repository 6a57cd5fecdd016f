"""gunicorn's settings for newsannot, used by the Dockerfile and docker-compose.yml alike.

Threads, not only processes: a streamed export occupies one thread of a worker while the
other threads keep answering annotators. With the threaded worker, ``timeout`` is how long
a worker may stop answering gunicorn's heartbeat before it is restarted, not a limit on a
request: a long export is never cut at 30 s and reported as a success.
"""

import os


def _int(name: str, default: int) -> int:
    value = os.environ.get(name) or str(default)
    if not value.isdigit():
        raise SystemExit(f"{name} must be a whole number, not {value!r}")
    return int(value)


bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = _int("GUNICORN_WORKERS", 3)
worker_class = "gthread"
threads = _int("GUNICORN_THREADS", 4)
# Seconds a silent worker lives (a deadlocked one is replaced), and for a restart to
# finish the requests in flight.
timeout = _int("GUNICORN_TIMEOUT", 60)
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 30)
keepalive = 5
# Recycle workers now and then, at different moments, so that no slow growth of memory
# (a large import's objects, fragmentation) lasts.
max_requests = _int("GUNICORN_MAX_REQUESTS", 1000)
max_requests_jitter = _int("GUNICORN_MAX_REQUESTS_JITTER", 100)
# The app is imported once, before forking: workers share its pages and start at once.
# Settings do no I/O at import and connections open on first use, so nothing is shared
# that must not be.
preload_app = True
# The heartbeat file in memory: a container's overlay disk can stall it. Only gunicorn
# writes there, a file per worker it creates itself.
SHARED_MEMORY = "/dev/shm"  # noqa: S108
worker_tmp_dir = SHARED_MEMORY if os.path.isdir(SHARED_MEMORY) else None
accesslog = "-"
