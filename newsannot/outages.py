"""When the database is down: 503 with ``Retry-After``, said once in the log.

A view (or a middleware) that cannot reach the database raises ``OperationalError`` or
``InterfaceError``. Instead of Django's generic 500 page, clients get a 503 that says to
try again: JSON under ``/api/``, a short page elsewhere (htmx keeps the annotator's form
and shows the message; see workspace.js). The log gets one line when an outage starts and
one when it ends, not a traceback per request.
"""

import logging
import sys
import time

from django.db import InterfaceError, OperationalError
from django.http import JsonResponse
from django.shortcuts import render
from django.views import defaults

logger = logging.getLogger("newsannot.outages")

RETRY_AFTER_SECONDS = 5
UNAVAILABLE = (OperationalError, InterfaceError)
MESSAGE = "The database cannot be reached just now; nothing was saved. Try again in a moment."


class _Outage:
    """When this process last failed to reach the database (0: it can)."""

    since = 0.0

    @classmethod
    def begin(cls, error: BaseException) -> None:
        if not cls.since:
            cls.since = time.monotonic()
            logger.error("Database unavailable (%s: %s)", error.__class__.__name__, error)

    @classmethod
    def end(cls) -> None:
        if cls.since:
            logger.warning("Database reachable again after %.1f s", time.monotonic() - cls.since)
            cls.since = 0.0


class DatabaseOutageMiddleware:
    """Turns a view's lost database into a 503; notes when it is back."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if _Outage.since and response.status_code < 500:
            _Outage.end()
        return response

    def process_exception(self, request, exception):
        if isinstance(exception, UNAVAILABLE):
            return unavailable(request, exception)
        return None


def server_error(request):
    """Django's ``handler500``: a 503 when the failure was the database (raised before any
    view ran, in a middleware), its own page otherwise."""
    error = sys.exc_info()[1]
    if isinstance(error, UNAVAILABLE):
        return unavailable(request, error)
    return defaults.server_error(request)


def unavailable(request, error: BaseException):
    _Outage.begin(error)
    if request.path.startswith("/api/"):
        response = JsonResponse({"detail": MESSAGE}, status=503)
    else:
        # A page of its own: base.html would read the user, from the database that is down.
        response = render(request, "unavailable.html", {"message": MESSAGE}, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


class OutageLogFilter(logging.Filter):
    """Keeps Django's per-request lines ("Service Unavailable: /path", or a traceback when
    a middleware failed) out of the log while the database is down: the outage is logged
    once, by ``_Outage``."""

    def filter(self, record):
        error = record.exc_info[1] if record.exc_info else None
        return not isinstance(error, UNAVAILABLE) and getattr(record, "status_code", 0) != 503
