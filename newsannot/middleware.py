"""Response headers Django's SecurityMiddleware does not set, and the request id."""

import re
import uuid

from articles.history import origin

# Browser features no page of ours uses, denied to the page and to any frame in it (an
# injected script gets no camera, no payment sheet, no cross-site interest tracking).
# Each name is one Chromium recognises: an unknown one costs a console warning per page.
DENIED_FEATURES = (
    "accelerometer",
    "autoplay",
    "browsing-topics",
    "camera",
    "display-capture",
    "encrypted-media",
    "gamepad",
    "geolocation",
    "gyroscope",
    "hid",
    "identity-credentials-get",
    "idle-detection",
    "interest-cohort",
    "local-fonts",
    "magnetometer",
    "microphone",
    "midi",
    "otp-credentials",
    "payment",
    "picture-in-picture",
    "screen-wake-lock",
    "serial",
    "usb",
    "window-management",
    "xr-spatial-tracking",
)
PERMISSIONS_POLICY = ", ".join(f"{feature}=()" for feature in DENIED_FEATURES)


class PermissionsPolicyMiddleware:
    """Send ``Permissions-Policy`` (deny-all for ``DENIED_FEATURES``) on every response,
    unless a view set its own."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response


# A request id a proxy or client sent is kept if it looks like one; else we make one.
_REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{1,64}")


class RequestIdMiddleware:
    """Give every request an id (the ``X-Request-ID`` it came with, if well formed, else a
    new one), answer with it, and name it in the history events the request writes."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        given = request.headers.get("X-Request-ID", "")
        request_id = given if _REQUEST_ID.fullmatch(given) else uuid.uuid4().hex
        with origin.during(request_id=request_id, token=""):
            response = self.get_response(request)
        response.headers.setdefault("X-Request-ID", request_id)
        return response
