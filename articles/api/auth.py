"""Token authentication: django-rest-knox with our named, hashed ``ApiToken``."""

from datetime import timedelta

from django.utils import timezone
from knox.auth import TokenAuthentication as KnoxTokenAuthentication

LAST_USED_PRECISION = timedelta(minutes=5)


class TokenAuthentication(KnoxTokenAuthentication):
    """``Authorization: Token <key>``. Records when a token was last used, at most every
    few minutes so that reads stay reads."""

    def validate_user(self, auth_token):
        user, token = super().validate_user(auth_token)
        now = timezone.now()
        if token.last_used is None or now - token.last_used > LAST_USED_PRECISION:
            type(token).objects.filter(pk=token.pk).update(last_used=now)
        return user, token
