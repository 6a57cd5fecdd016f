"""Single sign-on with OpenID Connect: mozilla-django-oidc runs the code flow (state, nonce,
PKCE, signature); the rules here decide what it leaves to us.

- The id token must come from our issuer, for us (audience, ``azp``), and not be expired.
- An account is found by the provider's stable subject (stored on the user at the first
  login); failing that, linked by a verified email or the username when the settings say
  so; failing that, created only when ``OIDC_CREATE_USERS`` allows it.
- The role follows the configured claim at every login; staff only when
  ``OIDC_CLAIM_GRANTS_STAFF`` allows a claim to make staff, and superusers never change.
"""

import logging
import re
import unicodedata
from urllib.parse import urlencode

import jwt
import requests
from django.conf import settings
from django.contrib import auth, messages
from django.contrib.auth import views as auth_views
from django.core.exceptions import SuspiciousOperation
from django.db import IntegrityError, transaction
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, resolve_url
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext
from django_htmx.http import HttpResponseClientRedirect
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView

from accounts.backends import RoleAwareBackend
from accounts.models import User
from accounts.roles import set_role
from accounts.two_factor import LOGIN_METHOD_SESSION_KEY

log = logging.getLogger("accounts.login")

BACKEND = "accounts.oidc.OIDCBackend"
ADMIN = "admin"  # the role name in OIDC_ROLE_MAP that means staff


class SignInRefused(Exception):
    """The provider vouched for the person, but our rules keep them out; the message,
    shown on the login page, says why."""


class OIDCBackend(OIDCAuthenticationBackend):
    """mozilla-django-oidc's backend with our checks of the id token, our way of finding
    the account, and roles from a claim."""

    def authenticate(self, request, **kwargs):
        # Only the callback view passes the nonce it keeps with the state: a password login
        # whose URL happens to carry ?code=…&state=… must never reach the provider.
        if not kwargs.get("nonce"):
            return None
        return super().authenticate(request, **kwargs)

    def get_user(self, user_id):
        # The library's get_user admits deactivated users and loads no role.
        return RoleAwareBackend.get_user(self, user_id)

    def verify_token(self, token, **kwargs):
        """The library checks the signature, the algorithm and the nonce; then ours:
        issuer, audience, authorized party and expiry, which it leaves out."""
        try:
            claims = super().verify_token(token, **kwargs)
        except jwt.PyJWTError as error:  # expired, not yet valid, an unusable key…
            raise SuspiciousOperation(f"id token refused: {error}") from error
        check_issuer_and_audience(claims, id_token="nonce" in kwargs)
        return claims

    def get_userinfo(self, access_token, id_token, payload):
        """The userinfo endpoint's claims over the id token's, for the same subject only."""
        userinfo = super().get_userinfo(access_token, id_token, payload)
        if not isinstance(userinfo, dict) or userinfo.get("sub") != payload["sub"]:
            raise SuspiciousOperation("userinfo is about another subject than the id token")
        return {**payload, **userinfo}

    def get_or_create_user(self, access_token, id_token, payload):
        claims = self.get_userinfo(access_token, id_token, payload)
        with transaction.atomic():
            user = find_user(claims) or create_user(claims)
            if not user.is_active:
                raise SignInRefused("This account is deactivated: ask an administrator.")
            apply_role(user, claims)
        return user


def check_issuer_and_audience(claims: dict, *, id_token: bool) -> None:
    """Raise SuspiciousOperation unless the token was issued by our provider for us."""
    if claims.get("iss") != settings.OIDC_OP_ISSUER:
        raise SuspiciousOperation(f"token from another issuer: {claims.get('iss')!r}")
    audience = claims.get("aud")
    audience = [audience] if isinstance(audience, str) else audience
    if not isinstance(audience, list) or settings.OIDC_RP_CLIENT_ID not in audience:
        raise SuspiciousOperation(f"token meant for another audience: {claims.get('aud')!r}")
    # Core §3.1.3.7: with other audiences, the party it was issued to must be us.
    if (len(audience) > 1 or "azp" in claims) and claims.get("azp") != settings.OIDC_RP_CLIENT_ID:
        raise SuspiciousOperation(f"token issued to another party: {claims.get('azp')!r}")
    if id_token and not all(name in claims for name in ("sub", "exp", "iat")):
        raise SuspiciousOperation("id token without sub, exp or iat")


def find_user(claims: dict) -> User | None:
    """The account of the provider's subject, linking an existing account to it at the
    first login when OIDC_LINK_USERS_BY says how. Call inside transaction.atomic()."""
    identity = {"oidc_issuer": settings.OIDC_OP_ISSUER, "oidc_subject": claims["sub"]}
    user = User.objects.filter(**identity).first()
    if user is not None:
        return user
    candidates = list(link_candidates(claims).select_for_update()[:2])
    if not candidates:
        return None
    if len(candidates) > 1:
        raise SignInRefused(
            f"Several accounts match your {settings.OIDC_PROVIDER_NAME} account: ask an "
            "administrator to link the right one."
        )
    [user] = candidates
    if user.oidc_subject:
        raise SignInRefused(
            "The matching account is already linked to another "
            f"{settings.OIDC_PROVIDER_NAME} account: ask an administrator."
        )
    user.oidc_issuer, user.oidc_subject = identity["oidc_issuer"], identity["oidc_subject"]
    user.save(update_fields=["oidc_issuer", "oidc_subject"])
    log.info("single sign-on: linked username=%r to subject %r", user.username, claims["sub"])
    return user


def link_candidates(claims: dict):
    """Existing accounts that may be linked to a subject seen for the first time.

    An email counts only when the provider verified it: otherwise anyone could claim an
    admin's address at the provider and take the admin's account here.
    """
    if settings.OIDC_LINK_USERS_BY == "email" and verified_email(claims):
        return User.objects.filter(email__iexact=verified_email(claims))
    username = claims.get(settings.OIDC_USERNAME_CLAIM)
    if settings.OIDC_LINK_USERS_BY == "username" and isinstance(username, str) and username:
        return User.objects.filter(username=username)
    return User.objects.none()


def verified_email(claims: dict) -> str:
    email = claims.get("email")
    verified = claims.get("email_verified") in (True, "true")
    return email if verified and isinstance(email, str) else ""


def create_user(claims: dict) -> User:
    """A new account for the subject, when OIDC_CREATE_USERS allows it; its username from
    OIDC_USERNAME_CLAIM, never one an account already has (in any letter case)."""
    if not settings.OIDC_CREATE_USERS:
        raise SignInRefused(
            f"Your {settings.OIDC_PROVIDER_NAME} account is not linked to an account here, "
            "and new accounts are not created automatically: ask an administrator for one."
        )
    identity = {"oidc_issuer": settings.OIDC_OP_ISSUER, "oidc_subject": claims["sub"]}
    fields = {
        "email": verified_email(claims),
        "first_name": str(claims.get("given_name") or "")[:150],
        "last_name": str(claims.get("family_name") or "")[:150],
        **identity,
    }
    for username in username_candidates(username_base(claims)):
        if User.objects.filter(username__iexact=username).exists():
            continue
        try:
            with transaction.atomic():
                user = User.objects.create_user(username, **fields)  # no usable password
        except IntegrityError:
            # Someone took the name meanwhile, or this subject's other tab created it.
            if (twin := User.objects.filter(**identity).first()) is not None:
                return twin
            continue
        log.info("single sign-on: created username=%r for subject %r", username, claims["sub"])
        return user
    raise SignInRefused("No free username was found for you: ask an administrator.")


def username_base(claims: dict) -> str:
    """The configured claim (else a verified email's local part) in the characters Django
    allows in usernames; ``user`` when nothing is left."""
    value = claims.get(settings.OIDC_USERNAME_CLAIM)
    if not isinstance(value, str) or not value.strip():
        value = verified_email(claims).partition("@")[0]
    value = re.sub(r"[^\w.@+-]+", "-", unicodedata.normalize("NFKC", value)).strip("-.")
    return value[:140] or "user"


def username_candidates(base: str):
    yield base
    for number in range(2, 100):
        yield f"{base}-{number}"


def role_claim(claims: dict):
    """The value of OIDC_ROLE_CLAIM: a top-level claim of that name, else a dotted path
    into nested claims (Keycloak's ``realm_access.roles``); None when absent."""
    name = settings.OIDC_ROLE_CLAIM
    if name in claims:
        return claims[name]
    value = claims
    for part in name.split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return value


def apply_role(user: User, claims: dict) -> None:
    """Make the user's role what the claim says (none when it names no mapped value);
    when the claim is absent, leave it as it is."""
    if not settings.OIDC_ROLE_CLAIM:
        return
    value = role_claim(claims)
    if value is None:
        return
    values = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    role = next((role for name, role in settings.OIDC_ROLE_MAP.items() if name in values), "")
    staff = role == ADMIN
    if settings.OIDC_CLAIM_GRANTS_STAFF and not user.is_superuser and user.is_staff != staff:
        user.is_staff = staff
        user.save(update_fields=["is_staff"])
    set_role(user=user, role="" if staff else role)


class CallbackView(OIDCAuthenticationCallbackView):
    """The library's callback (state, nonce and PKCE checked there), answering every
    refusal on the login page with a message rather than an error page."""

    def get(self, request):
        try:
            return super().get(request)
        except SignInRefused as refusal:
            log.warning("single sign-on refused: %s", refusal)
            messages.error(request, str(refusal))
            return redirect(settings.LOGIN_URL)
        except (SuspiciousOperation, requests.RequestException) as error:
            log.warning("single sign-on failed: %s", error)
            return self.login_failure()

    def login_failure(self):
        messages.error(
            self.request,
            gettext("Logging in with %(provider)s did not work. Please try again.")
            % {"provider": settings.OIDC_PROVIDER_NAME},
        )
        return redirect(settings.LOGIN_URL)

    def login_success(self):
        response = super().login_success()
        # Read by the two-factor check (OIDC_SATISFIES_TWO_FACTOR).
        self.request.session[LOGIN_METHOD_SESSION_KEY] = "oidc"
        return response


def provider_logout_url(request) -> str | None:
    """The provider's end-session URL for a session that logged in through it, when
    OIDC_OP_LOGOUT_ENDPOINT is configured; else None."""
    id_token = request.session.get("oidc_id_token")
    if not settings.OIDC_OP_LOGOUT_ENDPOINT or not id_token:
        return None
    if request.session.get(auth.BACKEND_SESSION_KEY) != BACKEND:
        return None
    query = urlencode(
        {
            "id_token_hint": id_token,
            "client_id": settings.OIDC_RP_CLIENT_ID,
            "post_logout_redirect_uri": request.build_absolute_uri(
                resolve_url(settings.LOGOUT_REDIRECT_URL)
            ),
        }
    )
    separator = "&" if "?" in settings.OIDC_OP_LOGOUT_ENDPOINT else "?"
    return f"{settings.OIDC_OP_LOGOUT_ENDPOINT}{separator}{query}"


class LogoutView(auth_views.LogoutView):
    """Django's logout; after a single sign-on, then on to the provider's logout."""

    def post(self, request, *args, **kwargs):
        provider_url = provider_logout_url(request)  # before logout() empties the session
        response = super().post(request, *args, **kwargs)
        if provider_url is not None:
            # The logout form is boosted: htmx must leave the page, not fetch the provider's.
            response = (
                HttpResponseClientRedirect(provider_url)
                if request.htmx
                else HttpResponseRedirect(provider_url)
            )
        patch_vary_headers(response, ["HX-Request"])
        return response
