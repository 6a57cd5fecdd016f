"""Token authentication: django-rest-knox with our named, hashed ``ApiToken``."""

import binascii
from datetime import timedelta
from hmac import compare_digest

from django.db.models import OuterRef
from django.utils import timezone
from knox.auth import TokenAuthentication as KnoxTokenAuthentication
from knox.crypto import hash_token
from knox.settings import CONSTANTS
from rest_framework import exceptions
from rest_framework.authentication import get_authorization_header

from accounts.models import ApiToken, role_name_of
from articles.api.throttling import FailedTokenThrottle
from articles.history import origin

LAST_USED_PRECISION = timedelta(minutes=5)


class TokenAuthentication(KnoxTokenAuthentication):
    """``Authorization: Token <key>``, checked against the stored hash. One query finds
    the token, its user and the user's role; ``last_used`` is written at most every few
    minutes, so that reads stay reads. An address that sent too many invalid tokens lately
    gets 429 before its token is looked at."""

    def authenticate(self, request):
        header = get_authorization_header(request).split()
        if not header or header[0].lower() != self.authenticate_header(request).encode().lower():
            return None  # the session's, or no credentials
        throttle = FailedTokenThrottle()
        if not throttle.allow_request(request, None):
            raise exceptions.Throttled(wait=throttle.wait())
        try:
            return super().authenticate(request)
        except exceptions.AuthenticationFailed:
            throttle.record_failure()
            raise

    def authenticate_credentials(self, token):
        """knox's check (the digest compared in constant time, an expired token deleted,
        ``validate_user``) over one query that also reads the user's role. knox's own
        method reads the token with its user, then all the user's tokens (to delete
        expired ones), and the role costs a third: three queries on every API request
        where this takes one. Only knox's public pieces are used: ``hash_token``,
        ``CONSTANTS``, ``validate_user``; token expiry is checked here and tokens never
        renew themselves (``TOKEN_TTL`` is None, so knox's ``AUTO_REFRESH`` never applies)."""
        invalid = exceptions.AuthenticationFailed("Invalid token.")
        token = token.decode("utf-8")
        try:
            digest = hash_token(token)
        except (TypeError, binascii.Error):
            raise invalid from None
        for auth_token in _candidates(token[: CONSTANTS.TOKEN_KEY_LENGTH]):
            if not compare_digest(digest, auth_token.digest):
                continue
            if auth_token.expiry is not None and auth_token.expiry < timezone.now():
                auth_token.delete()
                break
            return self.validate_user(auth_token)
        raise invalid

    def validate_user(self, auth_token):
        user, token = super().validate_user(auth_token)
        origin.note_token(token.name)  # the history names the token a write came through
        now = timezone.now()
        if token.last_used is None or now - token.last_used > LAST_USED_PRECISION:
            type(token).objects.filter(pk=token.pk).update(last_used=now)
        return user, token


def _candidates(token_key: str) -> list[ApiToken]:
    """The tokens with this key, each with its user and the user's role, in one query."""
    tokens = list(
        ApiToken.objects.select_related("user")
        .annotate(role_name=role_name_of(OuterRef("user")))
        .filter(token_key=token_key)
        .order_by()
    )
    for token in tokens:
        token.user.role_name = token.role_name  # read by User.role
    return tokens
