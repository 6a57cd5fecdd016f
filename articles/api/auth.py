"""Token authentication: django-rest-knox with our named, hashed ``ApiToken``."""

import binascii
from datetime import timedelta
from hmac import compare_digest

from django.contrib.auth.models import Group
from django.db.models import OuterRef, Subquery
from django.utils import timezone
from knox.auth import TokenAuthentication as KnoxTokenAuthentication
from knox.crypto import hash_token
from knox.settings import CONSTANTS
from rest_framework import exceptions

from accounts.models import ApiToken
from accounts.roles import Role

LAST_USED_PRECISION = timedelta(minutes=5)


class TokenAuthentication(KnoxTokenAuthentication):
    """``Authorization: Token <key>``, checked against the stored hash. One query finds
    the token, its user and the user's role; ``last_used`` is written at most every few
    minutes, so that reads stay reads."""

    def authenticate_credentials(self, token):
        invalid = exceptions.AuthenticationFailed("Invalid token.")
        token = token.decode("utf-8")
        roles = Group.objects.filter(user=OuterRef("user_id"), name__in=Role.values)
        candidates = (
            ApiToken.objects.filter(token_key=token[: CONSTANTS.TOKEN_KEY_LENGTH])
            .select_related("user")
            .annotate(role_name=Subquery(roles.values("name")[:1]))
        )
        try:
            digest = hash_token(token)
        except (TypeError, binascii.Error):
            raise invalid from None
        for auth_token in candidates:
            if not compare_digest(digest, auth_token.digest):
                continue
            if auth_token.expiry is not None and auth_token.expiry < timezone.now():
                auth_token.delete()
                break
            auth_token.user.role_name = auth_token.role_name  # read by User.role
            return self.validate_user(auth_token)
        raise invalid

    def validate_user(self, auth_token):
        user, token = super().validate_user(auth_token)
        now = timezone.now()
        if token.last_used is None or now - token.last_used > LAST_USED_PRECISION:
            type(token).objects.filter(pk=token.pk).update(last_used=now)
        return user, token
