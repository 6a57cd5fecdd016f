"""Redis, and what to do when it is down: a cache that keeps the site up.

With Redis unreachable every cache call would raise, and every request would be a 500.
``RedisWithFallback`` answers from a stand-in instead (local memory for the default cache,
nothing for the sessions' copy, which then come from the database alone), logs a warning
when the outage begins and when it ends, and tries Redis again every few seconds rather
than paying a connection timeout on every call.
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger("newsannot.cache")

RETRY_SECONDS = 5.0
STAND_INS = {"locmem": LocMemCache, "none": DummyCache}


class RedisWithFallback(BaseCache):
    """Django's ``RedisCache``, with a stand-in (``"FALLBACK": "locmem"`` or ``"none"``)
    while Redis cannot be reached."""

    def __init__(self, location, params):
        super().__init__(params)
        # Imported here: redis is the production extra's, and this module is read only
        # where REDIS_URL names it.
        from redis.exceptions import RedisError

        self.errors = RedisError
        self.redis = RedisCache(location, params)
        stand_in = STAND_INS[params.get("FALLBACK", "locmem")]
        self.stand_in = stand_in(f"fallback-{location}", params)
        self.down_since = 0.0
        self.next_try = 0.0

    def _call(self, method: str, *args, **kwargs):
        now = time.monotonic()
        if now >= self.next_try:
            try:
                result = getattr(self.redis, method)(*args, **kwargs)
            except self.errors as error:
                if not self.down_since:
                    self.down_since = now
                    logger.warning(
                        "Redis unavailable (%s); the cache falls back to %s",
                        error,
                        type(self.stand_in).__name__,
                    )
                self.next_try = now + RETRY_SECONDS
            else:
                if self.down_since:
                    logger.warning("Redis back after %.1f s", now - self.down_since)
                    self.down_since = 0.0
                return result
        return getattr(self.stand_in, method)(*args, **kwargs)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("add", key, value, timeout, version=version)

    def get(self, key, default=None, version=None):
        return self._call("get", key, default, version=version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set", key, value, timeout, version=version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("touch", key, timeout, version=version)

    def delete(self, key, version=None):
        return self._call("delete", key, version=version)

    def get_many(self, keys, version=None):
        return self._call("get_many", keys, version=version)

    def has_key(self, key, version=None):
        return self._call("has_key", key, version=version)

    def incr(self, key, delta=1, version=None):
        return self._call("incr", key, delta, version=version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set_many", data, timeout, version=version)

    def delete_many(self, keys, version=None):
        return self._call("delete_many", keys, version=version)

    def clear(self):
        return self._call("clear")

    def close(self, **kwargs):
        self.redis.close(**kwargs)
