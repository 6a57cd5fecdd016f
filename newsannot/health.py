"""``/healthz`` and ``/readyz`` for load balancers and compose healthchecks.

Answered first in the middleware chain: a probe carries no session, may name the host by
its address (no ALLOWED_HOSTS check) and must not be redirected to HTTPS or a login page.
"""

from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpResponse, JsonResponse

_migrated = False  # once every migration is applied, a process need not look again


class HealthCheckMiddleware:
    """``/healthz``: the process answers. ``/readyz``: and its database is reachable with
    every migration applied (503 otherwise, saying which)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == "/healthz":
            return HttpResponse("ok\n", content_type="text/plain")
        if request.path == "/readyz":
            return readiness()
        return self.get_response(request)


def readiness() -> HttpResponse:
    global _migrated
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        if not _migrated:
            executor = MigrationExecutor(connection)
            pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
            if pending:
                names = [f"{m.app_label}.{m.name}" for m, _ in pending]
                return JsonResponse(
                    {"ready": False, "reason": "migrations not applied", "pending": names},
                    status=503,
                    headers={"Retry-After": "5"},
                )
            _migrated = True
    except DatabaseError as error:
        connection.close()  # the next probe gets a new connection
        return JsonResponse(
            {"ready": False, "reason": f"database unreachable: {error.__class__.__name__}"},
            status=503,
            headers={"Retry-After": "5"},
        )
    return JsonResponse({"ready": True})
