import hashlib

from rest_framework.throttling import SimpleRateThrottle

from accounts.lockout import client_address


class TokenRateThrottle(SimpleRateThrottle):
    """Throttle programs that use a token, per user (sessions: ``SessionRateThrottle``)."""

    scope = "token"

    def get_cache_key(self, request, view):
        if request.auth is None or not request.user.is_authenticated:
            return None
        return self.cache_format % {"scope": self.scope, "ident": request.user.pk}


class SessionRateThrottle(SimpleRateThrottle):
    """Throttle the browser's session calls to the API, per user."""

    scope = "session"

    def get_cache_key(self, request, view):
        if request.auth is not None or not request.user.is_authenticated:
            return None
        return self.cache_format % {"scope": self.scope, "ident": request.user.pk}


class FailedTokenThrottle(SimpleRateThrottle):
    """Invalid tokens per client address. Only failures count (``record_failure``); past
    the rate every token from that address is refused until the oldest failure ages out."""

    scope = "failed_token"

    def get_ident(self, request):
        return client_address(request)

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}

    def allow_request(self, request, view):
        """Whether the address may try a token now; counts nothing."""
        self.key = self.get_cache_key(request, view)
        self.now = self.timer()
        self.history = [t for t in self.cache.get(self.key, []) if t > self.now - self.duration]
        return len(self.history) < self.num_requests

    def record_failure(self):
        """Count a failed token; call after ``allow_request``."""
        self.history.insert(0, self.now)
        self.cache.set(self.key, self.history, self.duration)

    def wait(self):
        # Until enough failures age out of the window to leave room for one more.
        return self.history[self.num_requests - 1] + self.duration - self.now


class TokenLoginThrottle(SimpleRateThrottle):
    """Password logins for a token (``auth/token/``), per client address and username
    asked for: every attempt counts, right or wrong. The rate is
    ``DEFAULT_THROTTLE_RATES["token_login"]``, 5 a minute unless set."""

    scope = "token_login"
    default_rate = "5/min"

    def get_rate(self):
        return self.THROTTLE_RATES.get(self.scope) or self.default_rate

    def get_cache_key(self, request, view):
        data = request.data if isinstance(request.data, dict) else {}
        username = data.get("username")
        username = username.casefold() if isinstance(username, str) else ""
        # Hashed: a username may hold any character, which some caches refuse in a key.
        named = hashlib.sha256(username.encode("utf-8", "replace")).hexdigest()[:32]
        ident = f"{client_address(request)}|{named}"
        return self.cache_format % {"scope": self.scope, "ident": ident}
