"""Where the two-factor rule (``accounts.two_factor.pending_step``) is enforced: pages,
the API's session authentication and the admin site."""

from urllib.parse import urlencode

from django.contrib.admin import AdminSite
from django.shortcuts import redirect
from django.urls import reverse
from django_htmx.http import HttpResponseClientRedirect
from drf_spectacular.authentication import SessionScheme
from rest_framework import exceptions
from rest_framework.authentication import SessionAuthentication

from accounts.two_factor import pending_step

# Pages a session that owes a second factor may still open: the way out, the way
# through, and other ways of logging in (mozilla-django-oidc's).
OPEN_VIEWS = {
    "logout",
    "accounts:two-factor-enrol",
    "accounts:two-factor-verify",
    "oidc_authentication_init",
    "oidc_authentication_callback",
    "oidc_logout",
}


def _answers_json(match) -> bool:
    # The API answers for itself (VerifiedSessionAuthentication): a 403 with a detail.
    return match.namespace == "api" or match.view_name == "schema"


class TwoFactorMiddleware:
    """Send a session that owes a second factor to enrolment or verification before
    any other page. Goes after django_otp's OTPMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match.view_name in OPEN_VIEWS or _answers_json(match):
            return None
        step = pending_step(request)
        if step is None:
            return None
        url = reverse(f"accounts:two-factor-{step}")
        if request.method == "GET":
            url += "?" + urlencode({"next": request.get_full_path()})
        # htmx would swap the page into a fragment's place: have it load the page instead.
        if request.headers.get("HX-Request") == "true":
            return HttpResponseClientRedirect(url)
        return redirect(url)


class VerifiedSessionAuthentication(SessionAuthentication):
    """DRF's session authentication, refusing a session that owes a second factor.
    Token requests are not sessions: they pass as before."""

    def authenticate(self, request):
        result = super().authenticate(request)
        step = pending_step(request, user=result[0]) if result is not None else None
        if step == "enrol":
            raise exceptions.PermissionDenied(
                "Two-factor authentication required: set up an authenticator app at "
                f"{reverse('accounts:two-factor-enrol')} before using the API with this "
                "session (or use an API token)."
            )
        if step == "verify":
            raise exceptions.PermissionDenied(
                "Two-factor verification required: enter a code from your authenticator "
                f"app at {reverse('accounts:two-factor-verify')} before using the API with "
                "this session (or use an API token)."
            )
        return result


class VerifiedSessionScheme(SessionScheme):
    """The OpenAPI schema describes it as the session cookie it is."""

    target_class = "accounts.two_factor_guards.VerifiedSessionAuthentication"


class TwoFactorAdminSite(AdminSite):
    """The admin, open only to sessions that owe no second factor (as django-otp's
    OTPAdminSite, under our rule)."""

    def has_permission(self, request):
        return super().has_permission(request) and pending_step(request) is None
