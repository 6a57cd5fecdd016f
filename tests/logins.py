"""Logging in for tests, second factor included."""

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice


def force_verified_login(client, user):
    """Log ``user`` in with a session that passed two-factor verification, as after
    entering a code: staff must have one (TWO_FACTOR_REQUIRED_FOR_STAFF)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="tests", confirmed=True)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return device


def totp_code(device, steps_ahead=0) -> str:
    """The code the authenticator app of ``device`` shows, ``steps_ahead`` periods on
    (a code is accepted once: the next login needs a later one)."""
    code = totp(device.bin_key, device.step, device.t0 - steps_ahead * device.step, device.digits)
    return f"{code:0{device.digits}d}"
