"""A running job's line to its record: progress written, and the cancel flag read, each in
a statement of its own that the pages see at once, even while the job's work sits inside
a transaction (an import's atomic block, an export's read snapshot)."""

from __future__ import annotations

import time

from django.db import DEFAULT_DB_ALIAS, connections
from django.utils import timezone

from articles.jobs.models import ProjectJob

# Progress is written at most this often (seconds): a poll a second needs no more.
EVERY = 0.5


class Cancelled(Exception):
    """Someone asked the job to stop: whatever it wrote is rolled back."""


class Progress:
    """Writes ``done``/``total``/``phase`` of one job and reads its cancel flag.

    Outside a transaction (a worker) it uses a connection of its own, in autocommit, so
    that it neither joins nor waits for the job's transaction; inside one (the immediate
    backend within a test's transaction) it uses the job's, the only one that sees the row.
    Call ``close()`` when done."""

    def __init__(self, job_id: int, *, using: str = DEFAULT_DB_ALIAS):
        self.job_id = job_id
        main = connections[using]
        self._own = None if main.in_atomic_block else connections.create_connection(using)
        self._connection = self._own or main
        self._last = 0.0
        self._update, self._cancel = _statements(self._connection.ops.quote_name)

    def report(self, done: int, total: int | None, phase: str, *, force: bool = False) -> None:
        """Write the progress, unless it was written less than ``EVERY`` seconds ago."""
        now = time.monotonic()
        if not force and now - self._last < EVERY:
            return
        self._last = now
        if total is not None:
            done = min(done, total)
        with self._connection.cursor() as cursor:
            cursor.execute(self._update, [done, total, phase[:100], timezone.now(), self.job_id])

    def check(self) -> None:
        """Raise ``Cancelled`` if someone asked the job to stop."""
        with self._connection.cursor() as cursor:
            cursor.execute(self._cancel, [self.job_id])
            row = cursor.fetchone()
        if row is None or row[0]:
            raise Cancelled

    def close(self) -> None:
        if self._own is not None:
            self._own.close()


def _statements(quote) -> tuple[str, str]:
    """The progress UPDATE and the cancel flag's SELECT, named from the model (values are
    always parameters)."""
    meta = ProjectJob._meta
    table = quote(meta.db_table)
    done, total, phase, beat, flag, pk = (
        quote(meta.get_field(name).column)
        for name in ("done", "total", "phase", "heartbeat_at", "cancel_requested", "id")
    )
    update = (
        f"UPDATE {table} SET {done} = %s, {total} = %s, {phase} = %s, {beat} = %s"  # noqa: S608
        f" WHERE {pk} = %s"
    )
    select = f"SELECT {flag} FROM {table} WHERE {pk} = %s"  # noqa: S608
    return update, select
