"""What an API token's scope lets it do: the scope narrows what its owner's role allows
at the time of the request, never widens it.

A ``read`` token only reads; a ``write`` token does what the owner could do in the
browser; a ``suggest`` token reads and posts model predictions as suggestions (for a
reviewer's or a researcher's pre-annotation pipeline), nothing else. Browser sessions
are not scoped.
"""

from rest_framework.permissions import SAFE_METHODS, BasePermission

from accounts.models import ApiToken
from accounts.roles import suggests


def token_scope(request) -> str | None:
    """The scope of the token that authenticated the request, or None for a session."""
    return request.auth.scope if isinstance(request.auth, ApiToken) else None


class TokenScopePermission(BasePermission):
    """Refuses writes a token's scope does not cover (suggestions are checked where they
    are written, since only the request body says a write is one)."""

    message = "This token is read-only: make one with the write scope to change data."

    def has_permission(self, request, view) -> bool:
        scope = token_scope(request)
        if request.method in SAFE_METHODS or scope in (None, ApiToken.Scope.WRITE):
            return True
        return scope == ApiToken.Scope.SUGGEST and getattr(view, "takes_suggestions", False)


def may_suggest(request, project) -> bool:
    """The owner's role, as it is now, must allow suggestions in ``project``
    (``roles.suggests``); a ``read`` token never posts them, whoever holds it."""
    return token_scope(request) != ApiToken.Scope.READ and suggests(request.user, project)


def may_annotate(request) -> bool:
    """A ``suggest`` token writes suggestions only, never the owner's own annotations."""
    return token_scope(request) != ApiToken.Scope.SUGGEST
