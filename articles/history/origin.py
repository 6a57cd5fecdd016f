"""Where a change came from: the request, the API token and the background job that a
history event names.

This is provenance, not the request: the request-id middleware, the token authentication
and a job runner set it (``during``), and ``record`` reads it. The actor is never taken
from here; the services name it explicitly.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Origin:
    request_id: str = ""
    token: str = ""  # the API token's name, if one authenticated the request
    job_id: str = ""  # a background job's id (articles/jobs), as text


_NOWHERE = Origin()
_current: ContextVar[Origin] = ContextVar("newsannot_history_origin", default=_NOWHERE)


def current() -> Origin:
    return _current.get()


@contextmanager
def during(**fields: str) -> Iterator[Origin]:
    """Name the request, token or job (``job_id=str(job.pk)``) behind the writes inside."""
    reset = _current.set(replace(_current.get(), **fields))
    try:
        yield _current.get()
    finally:
        _current.reset(reset)


def note_token(name: str) -> None:
    """The API token that authenticated this request; ``during`` of the request-id
    middleware puts the origin back as it was when the request ends."""
    _current.set(replace(_current.get(), token=name))
