"""Two-factor authentication: who must verify, and the writes to their devices.

A user verifies a session with a 6-digit code from an authenticator app (a django-otp
TOTP device) or a single-use recovery code (the codes of a static device). The rule in
``requires_verification`` and ``pending_step`` is the only one: the middleware, the
API's session authentication and the admin site all ask ``pending_step``.
"""

import io
import logging
import math
from base64 import b32encode, b64encode
from typing import Literal

import segno
from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

log = logging.getLogger("accounts.login")  # beside the password logins' lines

RECOVERY_CODES = 10
# The session key another login (OpenID Connect) sets to say how the user logged in.
LOGIN_METHOD_SESSION_KEY = "login_method"


def enrolled_annotation() -> Exists:
    """Whether the user of the outer query has a confirmed authenticator app, for
    ``annotate(two_factor_enrolled=...)``: saves a query on every request."""
    return Exists(TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True))


def is_enrolled(user) -> bool:
    """Whether ``user`` has confirmed an authenticator app."""
    known = getattr(user, "two_factor_enrolled", None)  # annotated by RoleAwareBackend
    if known is None:
        known = TOTPDevice.objects.devices_for_user(user, confirmed=True).exists()
    return known


def required_by_role(user) -> bool:
    """Staff must use a second factor (unless TWO_FACTOR_REQUIRED_FOR_STAFF is off)."""
    return user.is_staff and settings.TWO_FACTOR_REQUIRED_FOR_STAFF


def requires_verification(user) -> bool:
    """Whether each session of ``user`` must pass a second factor: staff, and everyone
    who set one up."""
    return user.is_authenticated and (required_by_role(user) or is_enrolled(user))


def session_is_verified(request, user=None) -> bool:
    """A code was entered in this session, or it began with a single sign-on that the
    settings trust to have checked a second factor. ``user``: the request's, if given."""
    user = request.user if user is None else user
    if user.is_verified():  # django_otp.middleware.OTPMiddleware
        return True
    return (
        settings.OIDC_SATISFIES_TWO_FACTOR
        and request.session.get(LOGIN_METHOD_SESSION_KEY) == "oidc"
    )


def pending_step(request, user=None) -> Literal["enrol", "verify"] | None:
    """What this session must do before anything else, or None. ``user``: the request's
    user when the caller has it already (DRF's authentication, where ``request.user``
    would authenticate again)."""
    user = request.user if user is None else user
    if not requires_verification(user) or session_is_verified(request, user):
        return None
    return "verify" if is_enrolled(user) else "enrol"


class CodeRefused(Exception):
    """A code that did not verify; the message says why, for the form."""

    def __init__(self, message: str, *, throttled: bool = False):
        super().__init__(message)
        self.throttled = throttled


def _normalized(code: str) -> str:
    return "".join(code.split()).replace("-", "").lower()


def check_code(*, user, code: str, device: Device | None = None) -> Device:
    """The device of ``user`` that accepts ``code`` (digits: the authenticator app's;
    otherwise a recovery code, used up), or raise CodeRefused.

    Wrong codes count towards django-otp's throttle (a wait of 1, 2, 4, 8… seconds);
    ``device`` names the one to check, e.g. an app being confirmed.
    """
    code = _normalized(code)
    if device is None:
        model = TOTPDevice if code.isdigit() else StaticDevice
        candidates = model.objects.devices_for_user(user, confirmed=True)
    else:
        model, candidates = type(device), type(device).objects.filter(pk=device.pk, user=user)
    # The failure count must be committed: refuse after the transaction, not inside it.
    with transaction.atomic():
        found = candidates.select_for_update().first()
        if found is None:
            refusal = CodeRefused(
                "You have no recovery codes left."
                if model is StaticDevice
                else "You have no authenticator app set up."
            )
        else:
            refusal = _refusal(found, code)
    kind = "recovery code" if model is StaticDevice else "app code"
    if refusal is not None:
        log.warning("two-factor %s refused: username=%r (%s)", kind, user.get_username(), refusal)
        raise refusal
    log.info("two-factor %s accepted: username=%r", kind, user.get_username())
    return found


def _refusal(device: Device, code: str) -> CodeRefused | None:
    allowed, extra = device.verify_is_allowed()
    if not allowed:
        wait = math.ceil((extra["locked_until"] - timezone.now()).total_seconds())
        return CodeRefused(
            f"Too many wrong codes: try again in {max(wait, 1)} seconds.", throttled=True
        )
    if device.verify_token(code):
        return None
    if isinstance(device, StaticDevice):
        return CodeRefused("Wrong or already used recovery code.")
    return CodeRefused("Wrong code, or one already used: enter the 6 digits your app shows now.")


def start_enrolment(user) -> TOTPDevice:
    """The authenticator app ``user`` is setting up: the unconfirmed one they began
    (so that reloading the page keeps the secret they scanned), else a new one."""
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)


def confirm_enrolment(*, user, device: TOTPDevice, code: str) -> list[str]:
    """Confirm ``device`` with a code it made and return new recovery codes; raise
    CodeRefused if the code is wrong."""
    check_code(user=user, code=code, device=device)
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        return new_recovery_codes(user)


def new_recovery_codes(user) -> list[str]:
    """Replace the recovery codes of ``user`` with RECOVERY_CODES new ones, returned
    once. The device stays, so a session verified by one of its codes stays verified."""
    with transaction.atomic():
        device, _ = StaticDevice.objects.get_or_create(
            user=user, defaults={"name": "Recovery codes", "confirmed": True}
        )
        device.token_set.all().delete()
        codes = []
        while len(codes) < RECOVERY_CODES:
            code = StaticToken.random_token()
            # An all-digit code would be read as an app's code (odds ~1 in 700,000).
            if not code.isdigit() and code not in codes:
                codes.append(code)
        StaticToken.objects.bulk_create(StaticToken(device=device, token=c) for c in codes)
    return codes


def renew_recovery_codes(*, user, code: str) -> list[str]:
    """New recovery codes for a current code (the old ones stop working); raise
    CodeRefused if the code is wrong."""
    check_code(user=user, code=code)
    return new_recovery_codes(user)


def recovery_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def turn_off(*, user, code: str) -> None:
    """Remove every second factor of ``user`` for a current code; raise CodeRefused if
    the code is wrong. Staff who must keep them get a ValueError."""
    if required_by_role(user):
        raise ValueError("staff cannot turn off two-factor authentication")
    check_code(user=user, code=code)
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        StaticDevice.objects.filter(user=user).delete()


def secret_of(device: TOTPDevice) -> str:
    """The secret in base32, as authenticator apps take it typed, in groups of four."""
    secret = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_code_data_uri(device: TOTPDevice) -> str:
    """The device's otpauth:// URI as a QR code: an SVG in a data: URI, which our CSP
    allows as an image (no inline script or style needed)."""
    buffer = io.BytesIO()
    segno.make(device.config_url, error="m").save(
        buffer, kind="svg", scale=5, border=4, xmldecl=False
    )
    return "data:image/svg+xml;base64," + b64encode(buffer.getvalue()).decode()
