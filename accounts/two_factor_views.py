"""Pages of two-factor authentication: set it up, verify a session, renew recovery
codes, turn it off. The rules live in ``accounts.two_factor``."""

from functools import partial

import django_otp
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseForbidden
from django.shortcuts import redirect, render, resolve_url
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from accounts import two_factor


class CodeForm(forms.Form):
    code = forms.CharField(
        max_length=64,
        strip=True,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True}),
        help_text=_("The 6 digits your authenticator app shows, or one of your recovery codes."),
    )


class AppCodeForm(CodeForm):
    """The code of an app being set up (there are no recovery codes yet)."""

    code = forms.CharField(
        max_length=64,
        strip=True,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True}),
        help_text=_("The 6 digits your authenticator app shows now."),
    )


def _next_url(request) -> str:
    """Where to go once done: the page asked for, if it is one of ours."""
    target = request.POST.get("next") or request.GET.get("next", "")
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return resolve_url(settings.LOGIN_REDIRECT_URL)


def _submit(form, action):
    """Call ``action(code=...)`` for a valid form: (True, its result), or (False, the
    status to answer with) after putting a refused code on the field."""
    if not form.is_valid():
        return False, 400
    try:
        return True, action(code=form.cleaned_data["code"])
    except two_factor.CodeRefused as refusal:
        form.add_error("code", str(refusal))
        return False, 429 if refusal.throttled else 400


def _verified(request, device) -> None:
    django_otp.login(request, device)
    # A session that gains a privilege gets a new key, as at login.
    request.session.cycle_key()


def _codes_page(request, codes):
    context = {"codes": codes, "next": _next_url(request)}
    return render(request, "accounts/two_factor_codes.html", context)


@never_cache
@login_required
def verify(request):
    """Ask for a code (or a recovery code) before anything else."""
    step = two_factor.pending_step(request)
    if step != "verify":
        return redirect("accounts:two-factor-enrol" if step == "enrol" else _next_url(request))
    form = CodeForm(request.POST or None)
    status = 200
    if request.method == "POST":
        ok, outcome = _submit(form, partial(two_factor.check_code, user=request.user))
        if ok:
            _verified(request, outcome)
            return redirect(_next_url(request))
        status = outcome
    context = {"form": form, "next": _next_url(request)}
    return render(request, "accounts/two_factor_verify.html", context, status=status)


@never_cache
@login_required
def enrol(request):
    """Set up an authenticator app: scan the QR code (or type the secret), confirm with
    a code from the app, then see the recovery codes once."""
    if two_factor.is_enrolled(request.user):
        step = two_factor.pending_step(request)
        return redirect("accounts:two-factor-verify" if step else "accounts:two-factor")
    device = two_factor.start_enrolment(request.user)
    form = AppCodeForm(request.POST or None)
    status = 200
    if request.method == "POST":
        confirm = partial(two_factor.confirm_enrolment, user=request.user, device=device)
        ok, outcome = _submit(form, confirm)
        if ok:
            _verified(request, device)
            return _codes_page(request, outcome)
        status = outcome
    context = {
        "form": form,
        "qr_code": two_factor.qr_code_data_uri(device),
        "secret": two_factor.secret_of(device),
        "required": two_factor.required_by_role(request.user),
        "next": _next_url(request),
    }
    return render(request, "accounts/two_factor_enrol.html", context, status=status)


def _overview(request, *, regenerate=None, turn_off=None, status=200):
    user = request.user
    context = {
        "enrolled": two_factor.is_enrolled(user),
        "required": two_factor.required_by_role(user),
        "codes_left": two_factor.recovery_codes_left(user),
        "regenerate_form": regenerate or CodeForm(auto_id="regenerate_%s"),
        "turn_off_form": turn_off or CodeForm(auto_id="turn_off_%s"),
    }
    return render(request, "accounts/two_factor_settings.html", context, status=status)


@never_cache
@login_required
def overview(request):
    """Whether two-factor authentication is on, and what can be done about it."""
    return _overview(request)


@never_cache
@login_required
@require_POST
def regenerate_codes(request):
    """New recovery codes (the old ones stop working), shown once; needs a current code."""
    if not two_factor.is_enrolled(request.user):
        return redirect("accounts:two-factor")
    form = CodeForm(request.POST, auto_id="regenerate_%s")
    ok, outcome = _submit(form, partial(two_factor.renew_recovery_codes, user=request.user))
    if not ok:
        return _overview(request, regenerate=form, status=outcome)
    return _codes_page(request, outcome)


@never_cache
@login_required
@require_POST
def turn_off(request):
    """Remove the app and the recovery codes; refused to staff, who must keep them."""
    if two_factor.required_by_role(request.user):
        return HttpResponseForbidden("Staff must keep two-factor authentication on.")
    form = CodeForm(request.POST, auto_id="turn_off_%s")
    ok, outcome = _submit(form, partial(two_factor.turn_off, user=request.user))
    if not ok:
        return _overview(request, turn_off=form, status=outcome)
    messages.success(request, gettext("Two-factor authentication is off."))
    return redirect("accounts:two-factor")
