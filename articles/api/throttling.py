from rest_framework.throttling import SimpleRateThrottle


class TokenRateThrottle(SimpleRateThrottle):
    """Throttle programs that use a token, per user; the browser's session is not."""

    scope = "token"

    def get_cache_key(self, request, view):
        if request.auth is None or not request.user.is_authenticated:
            return None
        return self.cache_format % {"scope": self.scope, "ident": request.user.pk}
