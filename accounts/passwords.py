"""Passwords: reset by e-mail and change when logged in, with Django's views, forms and
validators and our templates. Reset requests are throttled per client address and per
e-mail address asked for; API tokens outlive a new password (the pages say so)."""

import hashlib
import math

from axes.utils import reset as reset_login_failures
from django.conf import settings
from django.contrib.auth import views as auth_views
from django.db.models import Q
from django.utils import timezone
from rest_framework.throttling import SimpleRateThrottle

from accounts.lockout import client_address


class ResetRequestThrottle(SimpleRateThrottle):
    """Password-reset requests for one key (a client address, an e-mail address), at
    ``PASSWORD_RESET_RATE``; counted in the cache like the API's throttles."""

    scope = "password_reset"

    def __init__(self, ident: str):
        self.rate = settings.PASSWORD_RESET_RATE
        self.ident = ident
        super().__init__()

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": self.ident}


class BadInputIs400:
    """A form that does not validate is answered 400, its errors naming the fields."""

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)


class PasswordResetView(BadInputIs400, auth_views.PasswordResetView):
    email_template_name = "registration/password_reset_email.txt"
    subject_template_name = "registration/password_reset_subject.txt"

    def form_valid(self, form):
        email = form.cleaned_data["email"].casefold()
        throttles = [
            ResetRequestThrottle(f"address:{client_address(self.request)}"),
            ResetRequestThrottle(f"email:{hashlib.sha256(email.encode()).hexdigest()}"),
        ]
        refused = next((t for t in throttles if not t.allow_request(self.request, self)), None)
        if refused is None:
            return super().form_valid(form)
        seconds = math.ceil(refused.wait() or refused.duration)
        minutes = math.ceil(seconds / 60)
        form.add_error(
            None,
            "Too many reset requests from here or for this address. "
            f"Try again in {minutes} minute{'' if minutes == 1 else 's'}.",
        )
        response = self.render_to_response(self.get_context_data(form=form), status=429)
        response["Retry-After"] = str(seconds)
        return response


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    def get_context_data(self, **kwargs):
        hours = math.ceil(settings.PASSWORD_RESET_TIMEOUT / 3600)
        return super().get_context_data(hours=hours, **kwargs)


class PasswordResetConfirmView(BadInputIs400, auth_views.PasswordResetConfirmView):
    def form_valid(self, form):
        response = super().form_valid(form)
        # Whoever reads the user's e-mail may lift a login lockout on their username.
        reset_login_failures(username=self.user.get_username())
        return response


class PasswordChangeView(BadInputIs400, auth_views.PasswordChangeView):
    """Django's: the session stays logged in, the user's other sessions end."""

    template_name = "registration/change_password.html"


class PasswordChangeDoneView(auth_views.PasswordChangeDoneView):
    template_name = "registration/change_password_done.html"

    def get_context_data(self, **kwargs):
        live = Q(expiry__isnull=True) | Q(expiry__gt=timezone.now())
        tokens = self.request.user.auth_token_set.filter(live).count()
        return super().get_context_data(tokens=tokens, **kwargs)
