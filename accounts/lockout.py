"""Login throttling around django-axes: who the client is, what a locked-out login sees,
and one log line per login attempt.

django-axes counts failures in the database and refuses a locked username or address
before any password is hashed; the policy is in settings (``AXES_*``, ``TRUSTED_PROXY_COUNT``).
"""

import ipaddress
import logging
import math

from axes.helpers import get_cool_off
from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.dispatch import receiver
from django.shortcuts import render

log = logging.getLogger("accounts.login")


def client_address(request) -> str:
    """The address that sent ``request``, the one rule for lockouts and throttles.

    ``X-Forwarded-For`` counts only with ``TRUSTED_PROXY_COUNT`` proxies configured, and then
    only the entry the outermost proxy appended (the ones left of it are the client's to
    write). An IPv6 address stands for its /64, which one host usually holds whole.
    """
    address = request.META.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        hops = [hop for hop in hops if hop]
        if len(hops) >= proxies and _parse(hops[-proxies]) is not None:
            address = hops[-proxies]
    ip = _parse(address)
    if ip is None:
        return address
    if ip.version == 6 and ip.ipv4_mapped is not None:
        return str(ip.ipv4_mapped)
    if ip.version == 6:
        return str(ipaddress.ip_network(f"{ip}/64", strict=False).network_address)
    return str(ip)


def _parse(address: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(address)
    except ValueError:
        return None


def lockout_response(request, original_response=None, credentials=None):
    """What a locked-out login gets (``AXES_LOCKOUT_CALLABLE``): a page saying so, 429,
    and Retry-After the whole cool-off (the lock may lift sooner)."""
    seconds = int(get_cool_off(request).total_seconds())
    context = {"minutes": math.ceil(seconds / 60)}
    response = render(request, "registration/lockout.html", context, status=429)
    response["Retry-After"] = str(seconds)
    return response


@receiver(user_logged_in)
def log_login(sender, request, user, **kwargs):
    log.info("login: username=%r address=%s", user.get_username(), _address_of(request))


@receiver(user_login_failed)
def log_login_failure(sender, credentials, request=None, **kwargs):
    # django-axes's receiver runs first: it counts the failure (failures_since_start) and
    # marks the request locked out, or leaves an attempt refused during a lockout uncounted.
    locked = getattr(request, "axes_locked_out", False)
    counted = getattr(request, "axes_failures_since_start", None) is not None
    if locked and not counted:
        message = "login refused, locked out: username=%r address=%s"
    elif locked:
        message = "login failed, now locked out: username=%r address=%s"
    else:
        message = "login failed: username=%r address=%s"
    log.warning(message, credentials.get("username"), _address_of(request))


def _address_of(request) -> str:
    return client_address(request) if request is not None else "-"
