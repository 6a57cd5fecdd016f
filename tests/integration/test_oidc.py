"""Single sign-on with OpenID Connect, end to end against a provider on 127.0.0.1.

The test client drives the browser's part by hand: our authenticate view redirects to the
provider, the provider redirects back with a code, and the callback, running in the test,
talks to the provider over real HTTP (token, JWKS and userinfo endpoints).
"""

import importlib
import json
import os
import secrets
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from django.conf import settings as django_settings
from django.contrib.auth import SESSION_KEY
from django.contrib.messages import get_messages
from django.test import override_settings
from django.urls import clear_url_caches, reverse
from django.utils.html import escape

from accounts.models import User
from tests.factories import UserFactory
from tests.oidc_provider import CLIENT_ID, OIDCProvider, signing_key

ROOT = Path(__file__).resolve().parents[2]
BACKEND = "accounts.oidc.OIDCBackend"


def reload_urls() -> None:
    """URLs are read once per process; SSO's exist only when it is configured."""
    importlib.reload(importlib.import_module(django_settings.ROOT_URLCONF))
    clear_url_caches()


@pytest.fixture
def provider():
    provider = OIDCProvider().start()
    yield provider
    provider.stop()


@pytest.fixture
def sso(provider):
    """Single sign-on configured for ``provider``, as settings.py sets it up."""
    backends = [*django_settings.AUTHENTICATION_BACKENDS, BACKEND]
    with override_settings(**provider.settings(), AUTHENTICATION_BACKENDS=backends):
        reload_urls()
        yield provider
    reload_urls()


def sign_in(client, provider, *, next_url=None):
    """Go through the code flow: our redirect, the provider's answer, our callback."""
    start = client.get(reverse("oidc_authentication_init"), {"next": next_url} if next_url else {})
    assert start.status_code == 302, start
    assert start["Location"].startswith(f"{provider.url}/authorize?")
    authorization = requests.get(start["Location"], allow_redirects=False, timeout=10)
    assert authorization.status_code == 302, authorization.text
    callback = urlsplit(authorization.headers["Location"])
    return client.get(f"{callback.path}?{callback.query}")


def logged_in_user(client):
    user_id = client.session.get(SESSION_KEY)
    return User.objects.get(pk=user_id) if user_id else None


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def assert_refused(client, response) -> str:
    """Back on the login page, logged in as nobody, with one message saying why."""
    assert response.status_code == 302
    assert response["Location"] == reverse("login")
    assert logged_in_user(client) is None
    [message] = messages_of(response)
    page = client.get(reverse("login"))
    assert escape(message) in page.content.decode()
    return message


# Off unless configured.


@pytest.mark.django_db
def test_without_sso_the_login_page_has_no_button_and_no_sso_urls(client):
    page = client.get(reverse("login"))
    assert page.status_code == 200
    assert b"Log in with" not in page.content
    assert b"/oidc/" not in page.content
    assert client.get("/oidc/authenticate/").status_code == 404
    assert client.get("/oidc/callback/?code=x&state=y").status_code == 404


@pytest.mark.django_db
def test_login_page_offers_the_provider_by_name_as_a_plain_link(client, sso, settings):
    settings.OIDC_PROVIDER_NAME = "Harbour University <SSO>"
    page = client.get(reverse("login"), {"next": "/projects/?a=1&b=2"})
    html = page.content.decode()
    assert "Log in with Harbour University &lt;SSO&gt;" in html
    # Not boosted: htmx must not fetch the provider's page; the next URL rides along.
    assert 'href="/oidc/authenticate/?next=/projects/%3Fa%3D1%26b%3D2"' in html
    assert 'hx-boost="false"' in html
    assert "<script>" not in html


# First login, creation and linking.


@pytest.mark.django_db
def test_first_login_creates_a_user_with_the_mapped_role_when_allowed(client, sso, settings):
    settings.OIDC_CREATE_USERS = True
    settings.OIDC_ROLE_CLAIM = "groups"
    settings.OIDC_ROLE_MAP = {"newsroom-reviewers": "reviewer", "newsroom-annotators": "annotator"}
    sso.user = {
        "sub": "abc-123",
        "preferred_username": "jane.doe",
        "email": "jane@harbour.example",
        "email_verified": True,
        "given_name": "Jane",
        "family_name": "Doe",
        "groups": ["staff-all", "newsroom-annotators"],
    }

    response = sign_in(client, sso, next_url="/projects/")

    assert response.status_code == 302
    assert response["Location"] == "/projects/"
    user = logged_in_user(client)
    assert user.username == "jane.doe"
    assert (user.first_name, user.last_name, user.email) == ("Jane", "Doe", "jane@harbour.example")
    assert (user.oidc_issuer, user.oidc_subject) == (sso.url, "abc-123")
    assert user.role == "annotator"
    assert not user.is_staff
    assert not user.has_usable_password()
    assert client.session["_auth_user_backend"] == BACKEND
    # The flow used PKCE and a nonce, and the provider checked the verifier.
    authorize = sso.authorize_requests[-1]
    assert authorize["code_challenge_method"] == "S256"
    assert authorize["nonce"]
    assert sso.token_requests[-1]["code_verifier"]
    # The session works on the next request, role loaded with the user.
    assert client.get(reverse("articles:project-list")).status_code == 200


@pytest.mark.django_db
def test_first_login_is_refused_with_a_message_when_creation_is_off(client, sso):
    sso.user = {"sub": "new-person", "preferred_username": "newbie", "email_verified": False}

    response = sign_in(client, sso)

    assert "not linked" in assert_refused(client, response)
    assert not User.objects.filter(username="newbie").exists()
    assert not User.objects.filter(oidc_subject="new-person").exists()


@pytest.mark.django_db
def test_existing_user_is_linked_by_verified_email_and_their_role_follows_the_claim(
    client, sso, settings
):
    settings.OIDC_ROLE_CLAIM = "groups"
    settings.OIDC_ROLE_MAP = {"newsroom-reviewers": "reviewer", "newsroom-annotators": "annotator"}
    ann = UserFactory(username="ann", email="Ann@Harbour.example", role="annotator")
    sso.user = {
        "sub": "ann-sub",
        "email": "ann@harbour.example",
        "email_verified": True,
        "groups": ["newsroom-reviewers"],
    }

    sign_in(client, sso)

    assert logged_in_user(client) == ann
    ann = User.objects.get(pk=ann.pk)
    assert ann.role == "reviewer"
    assert ann.oidc_subject == "ann-sub"

    # Next time the stable subject finds her, whatever her email has become; the claim
    # still decides her role, and no claim value we know means no role.
    client.logout()
    sso.user = {"sub": "ann-sub", "email": "a.other@harbour.example", "groups": ["elsewhere"]}
    sign_in(client, sso)
    assert logged_in_user(client) == ann
    assert User.objects.get(pk=ann.pk).role == ""
    assert User.objects.count() == 1


@pytest.mark.django_db
def test_role_map_order_decides_between_two_matching_values(client, sso, settings):
    settings.OIDC_ROLE_CLAIM = "realm_access.roles"
    settings.OIDC_ROLE_MAP = {"nr-review": "reviewer", "nr-annotate": "annotator"}
    user = UserFactory(email="r@harbour.example", role="annotator")
    sso.user = {
        "sub": "r",
        "email": "r@harbour.example",
        "email_verified": True,
        "realm_access": {"roles": ["nr-annotate", "nr-review"]},
    }
    sign_in(client, sso)
    assert User.objects.get(pk=user.pk).role == "reviewer"


@pytest.mark.django_db
def test_role_is_left_alone_when_the_claim_is_absent(client, sso, settings):
    settings.OIDC_ROLE_CLAIM = "groups"
    settings.OIDC_ROLE_MAP = {"newsroom-reviewers": "reviewer"}
    user = UserFactory(email="r@harbour.example", role="researcher")
    sso.user = {"sub": "r", "email": "r@harbour.example", "email_verified": True}
    sign_in(client, sso)
    assert logged_in_user(client) == user
    assert User.objects.get(pk=user.pk).role == "researcher"


@pytest.mark.django_db
def test_unverified_email_never_links_an_account(client, sso, settings):
    settings.OIDC_CREATE_USERS = True
    boss = UserFactory(username="boss", email="boss@harbour.example", is_staff=True)
    sso.user = {
        "sub": "intruder",
        "preferred_username": "boss",
        "email": "boss@harbour.example",
        "email_verified": False,
    }

    sign_in(client, sso)

    # A new, separate account (named apart from the existing one), never the admin's.
    user = logged_in_user(client)
    assert user != boss
    assert user.username == "boss-2"
    assert user.email == ""  # unverified addresses are not stored
    assert not user.is_staff
    assert User.objects.get(pk=boss.pk).oidc_subject == ""


@pytest.mark.django_db
def test_an_account_linked_to_one_subject_is_never_taken_by_another(client, sso, settings):
    settings.OIDC_CREATE_USERS = True
    UserFactory(
        username="ann", email="ann@harbour.example", oidc_issuer=sso.url, oidc_subject="ann-sub"
    )
    sso.user = {"sub": "other-sub", "email": "ann@harbour.example", "email_verified": True}

    response = sign_in(client, sso)

    assert "already linked" in assert_refused(client, response)
    assert User.objects.count() == 1


@pytest.mark.django_db
def test_two_accounts_with_the_address_are_refused_not_guessed(client, sso, settings):
    settings.OIDC_CREATE_USERS = True
    UserFactory(email="desk@harbour.example")
    UserFactory(email="Desk@harbour.example")
    sso.user = {"sub": "desk", "email": "desk@harbour.example", "email_verified": True}

    response = sign_in(client, sso)

    assert "Several accounts" in assert_refused(client, response)
    assert User.objects.count() == 2
    assert not User.objects.filter(oidc_subject="desk").exists()


@pytest.mark.django_db
def test_linking_by_username_only_when_configured(client, sso, settings):
    ann = UserFactory(username="ann")
    sso.user = {"sub": "ann-sub", "preferred_username": "ann"}

    response = sign_in(client, sso)  # by email, the default: no email, no link
    assert_refused(client, response)

    settings.OIDC_LINK_USERS_BY = "username"
    sign_in(client, sso)
    assert logged_in_user(client) == ann


@pytest.mark.django_db
def test_linking_off_admits_only_linked_accounts(client, sso, settings):
    settings.OIDC_LINK_USERS_BY = "none"
    UserFactory(email="ann@harbour.example")
    sso.user = {"sub": "ann-sub", "email": "ann@harbour.example", "email_verified": True}
    assert_refused(client, sign_in(client, sso))


@pytest.mark.django_db
def test_new_usernames_are_cleaned_and_made_unique(client, sso, settings):
    settings.OIDC_CREATE_USERS = True
    UserFactory(username="Jane_Doe")
    UserFactory(username="jane_doe-2")
    sso.user = {"sub": "j", "preferred_username": "jane_doe"}
    sign_in(client, sso)
    assert logged_in_user(client).username == "jane_doe-3"

    client.logout()
    sso.user = {"sub": "k", "preferred_username": "Kim Lee / Desk"}
    sign_in(client, sso)
    assert logged_in_user(client).username == "Kim-Lee-Desk"

    client.logout()
    sso.user = {"sub": "m"}  # no username claim at all
    sign_in(client, sso)
    assert logged_in_user(client).username == "user"


# Staff.


@pytest.mark.django_db
def test_a_claim_never_grants_staff_unless_configured(client, sso, settings):
    settings.OIDC_CREATE_USERS = True
    settings.OIDC_ROLE_CLAIM = "groups"
    settings.OIDC_ROLE_MAP = {"newsroom-annotators": "annotator"}
    sso.user = {"sub": "a", "preferred_username": "a", "groups": ["admins", "is_staff"]}
    sign_in(client, sso)
    user = logged_in_user(client)
    assert not user.is_staff
    assert not user.is_superuser


@pytest.mark.django_db
def test_staff_from_a_claim_when_configured_follows_it_both_ways(client, sso, settings):
    settings.OIDC_CLAIM_GRANTS_STAFF = True
    settings.OIDC_ROLE_CLAIM = "groups"
    settings.OIDC_ROLE_MAP = {"newsroom-admins": "admin", "newsroom-annotators": "annotator"}
    user = UserFactory(email="e@harbour.example", role="annotator")
    root = UserFactory(email="root@harbour.example", is_staff=True, is_superuser=True)
    sso.user = {"sub": "e", "email": "e@harbour.example", "email_verified": True}

    sso.user["groups"] = ["newsroom-admins"]
    sign_in(client, sso)
    user = User.objects.get(pk=user.pk)
    assert user.is_staff
    assert not user.is_superuser
    assert user.groups.count() == 0

    client.logout()
    sso.user["groups"] = ["newsroom-annotators"]
    sign_in(client, sso)
    user = User.objects.get(pk=user.pk)
    assert not user.is_staff
    assert user.role == "annotator"

    # A superuser is never demoted by a claim.
    client.logout()
    sso.user = {"sub": "root", "email": "root@harbour.example", "email_verified": True}
    sso.user["groups"] = ["newsroom-annotators"]
    sign_in(client, sso)
    root = User.objects.get(pk=root.pk)
    assert root.is_staff
    assert root.is_superuser


@pytest.mark.django_db
def test_staff_still_owe_a_second_factor_after_sso_unless_the_provider_is_trusted_for_it(
    client, sso, settings
):
    boss = UserFactory(username="boss", email="b@harbour.example", is_staff=True)
    sso.user = {"sub": "b", "email": "b@harbour.example", "email_verified": True}
    projects = reverse("articles:project-list")
    sign_in(client, sso)
    assert client.session["login_method"] == "oidc"
    assert client.get(projects)["Location"].startswith(reverse("accounts:two-factor-enrol"))

    settings.OIDC_SATISFIES_TWO_FACTOR = True
    assert client.get(projects).status_code == 200

    # Only for sessions that began at the provider.
    client.logout()
    client.force_login(boss, backend="accounts.backends.RoleAwareBackend")
    assert client.get(projects)["Location"].startswith(reverse("accounts:two-factor-enrol"))


# Refusals: tampered tokens, replays, stray codes.


@pytest.mark.django_db
@pytest.mark.parametrize(
    "tamper",
    [
        pytest.param({"sign_with": "other"}, id="bad-signature"),
        pytest.param({"id_token": {"aud": "someone-else"}}, id="wrong-audience"),
        pytest.param(
            {"id_token": {"aud": ["someone-else", CLIENT_ID]}}, id="several-audiences-no-azp"
        ),
        pytest.param({"id_token": {"iss": "https://evil.example"}}, id="wrong-issuer"),
        pytest.param({"id_token": {"nonce": "not-the-one-we-sent"}}, id="wrong-nonce"),
        pytest.param({"id_token": {"nonce": None}}, id="no-nonce"),
        pytest.param({"id_token": {"exp": 1_000_000_000}}, id="expired"),
        pytest.param({"id_token": {"exp": None}}, id="no-expiry"),
        pytest.param({"userinfo": {"sub": "somebody-else"}}, id="userinfo-of-another-subject"),
    ],
)
def test_a_tampered_sign_in_is_refused(client, sso, settings, tamper):
    settings.OIDC_CREATE_USERS = True
    existing = UserFactory(email="ann@harbour.example")
    sso.user = {"sub": "ann-sub", "email": "ann@harbour.example", "email_verified": True}
    if tamper.get("sign_with"):
        sso.sign_with = signing_key("attacker")
    sso.id_token_changes = tamper.get("id_token", {})
    sso.userinfo_changes = tamper.get("userinfo", {})

    response = sign_in(client, sso)

    assert "did not work" in assert_refused(client, response)
    assert User.objects.count() == 1
    assert User.objects.get(pk=existing.pk).oidc_subject == ""


@pytest.mark.django_db
def test_a_replayed_callback_is_refused(client, sso, settings, django_user_model):
    settings.OIDC_CREATE_USERS = True
    sso.user = {"sub": "s", "preferred_username": "sam"}
    start = client.get(reverse("oidc_authentication_init"))
    authorization = requests.get(start["Location"], allow_redirects=False, timeout=10)
    callback = urlsplit(authorization.headers["Location"])
    callback_url = f"{callback.path}?{callback.query}"
    client.get(callback_url)
    assert logged_in_user(client).username == "sam"
    tokens_fetched = len(sso.token_requests)

    # The same state again in the same browser: it was used up.
    client.logout()
    replay = client.get(callback_url)
    assert_refused(client, replay)
    # In another browser, which never started this flow.
    stranger = client.__class__()
    replay = stranger.get(callback_url)
    assert replay.status_code == 302
    assert logged_in_user(stranger) is None
    assert len(sso.token_requests) == tokens_fetched  # refused before the code was used


@pytest.mark.django_db
def test_a_state_of_another_session_is_refused(client, sso, settings):
    settings.OIDC_CREATE_USERS = True
    sso.user = {"sub": "s", "preferred_username": "sam"}
    client.get(reverse("oidc_authentication_init"))  # this browser has a state of its own
    attacker = client.__class__()
    start = attacker.get(reverse("oidc_authentication_init"))
    authorization = requests.get(start["Location"], allow_redirects=False, timeout=10)
    callback = urlsplit(authorization.headers["Location"])

    response = client.get(f"{callback.path}?{callback.query}")

    assert_refused(client, response)
    assert sso.token_requests == []


@pytest.mark.django_db
def test_a_password_login_carrying_a_code_never_reaches_the_provider(client, sso):
    UserFactory(username="ann")
    sso.user = {"sub": "s"}
    start = client.get(reverse("oidc_authentication_init"))
    authorization = requests.get(start["Location"], allow_redirects=False, timeout=10)
    query = urlsplit(authorization.headers["Location"]).query

    response = client.post(f"{reverse('login')}?{query}", {"username": "ann", "password": "wrong"})

    assert response.status_code == 200
    assert logged_in_user(client) is None
    assert sso.token_requests == []


@pytest.mark.django_db
def test_the_provider_refusing_or_down_gives_a_message_not_an_error_page(client, sso, settings):
    settings.OIDC_CREATE_USERS = True
    start = client.get(reverse("oidc_authentication_init"))
    state = parse_qs(urlsplit(start["Location"]).query)["state"][0]
    response = client.get(
        reverse("oidc_authentication_callback"), {"error": "access_denied", "state": state}
    )
    assert_refused(client, response)

    start = client.get(reverse("oidc_authentication_init"))
    authorization = requests.get(start["Location"], allow_redirects=False, timeout=10)
    callback = urlsplit(authorization.headers["Location"])
    sso.stop()
    response = client.get(f"{callback.path}?{callback.query}")
    assert_refused(client, response)
    sso.start()  # for the fixture's own stop()


@pytest.mark.django_db
def test_offsite_next_url_is_ignored(client, sso, settings):
    settings.OIDC_CREATE_USERS = True
    sso.user = {"sub": "s", "preferred_username": "sam"}
    response = sign_in(client, sso, next_url="https://evil.example/")
    assert response["Location"] == reverse(django_settings.LOGIN_REDIRECT_URL)


@pytest.mark.django_db
def test_a_deactivated_user_is_refused_and_loses_their_session(client, sso):
    user = UserFactory(email="ann@harbour.example")
    sso.user = {"sub": "ann-sub", "email": "ann@harbour.example", "email_verified": True}
    sign_in(client, sso)
    assert logged_in_user(client) == user

    User.objects.filter(pk=user.pk).update(is_active=False)
    page = client.get(reverse("articles:project-list"))
    assert page.status_code == 302  # to the login page: the session no longer counts

    client.logout()
    response = sign_in(client, sso)
    assert "deactivated" in assert_refused(client, response)


# Local accounts and logout.


@pytest.mark.django_db
def test_an_address_locked_out_by_django_axes_cannot_sign_in_through_sso_either(
    client, sso, settings
):
    settings.AXES_FAILURE_LIMIT = 3
    UserFactory(email="ann@harbour.example")
    for attempt in range(3):
        client.post(reverse("login"), {"username": f"guess{attempt}", "password": "wrong"})
    sso.user = {"sub": "ann-sub", "email": "ann@harbour.example", "email_verified": True}

    response = sign_in(client, sso)

    assert response.status_code == 429
    assert logged_in_user(client) is None
    assert sso.token_requests == []  # refused before the code was redeemed


@pytest.mark.django_db
def test_local_password_login_still_works_with_sso_on(client, sso):
    ann = UserFactory(username="ann", role="annotator")
    response = client.post(reverse("login"), {"username": "ann", "password": "pw-for-tests"})
    assert response.status_code == 302
    assert logged_in_user(client) == ann
    assert client.session["_auth_user_backend"] == "accounts.backends.RoleAwareBackend"
    assert sso.token_requests == []


@pytest.mark.django_db
def test_logout_is_local_without_an_end_session_endpoint(client, sso):
    UserFactory(email="ann@harbour.example")
    sso.user = {"sub": "ann-sub", "email": "ann@harbour.example", "email_verified": True}
    sign_in(client, sso)
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert response["Location"] == reverse("login")
    assert logged_in_user(client) is None


@pytest.mark.django_db
def test_logout_ends_the_providers_session_too_when_configured(client, sso, settings):
    settings.OIDC_OP_LOGOUT_ENDPOINT = f"{sso.url}/logout"
    settings.OIDC_STORE_ID_TOKEN = True
    ann = UserFactory(username="ann", email="ann@harbour.example")
    sso.user = {"sub": "ann-sub", "email": "ann@harbour.example", "email_verified": True}
    sign_in(client, sso)
    id_token = client.session["oidc_id_token"]

    response = client.post(reverse("logout"))

    assert logged_in_user(client) is None
    assert response.status_code == 302
    location = urlsplit(response["Location"])
    assert f"{location.scheme}://{location.netloc}{location.path}" == f"{sso.url}/logout"
    assert parse_qs(location.query) == {
        "id_token_hint": [id_token],
        "client_id": [CLIENT_ID],
        "post_logout_redirect_uri": ["http://testserver/accounts/login/"],
    }

    # From the boosted logout form, htmx is told to leave the page for the provider's.
    sign_in(client, sso)
    response = client.post(reverse("logout"), headers={"HX-Request": "true"})
    assert response.headers["HX-Redirect"].startswith(f"{sso.url}/logout?")
    assert "HX-Request" in response.headers["Vary"]
    assert logged_in_user(client) is None

    # A local login logs out locally only.
    client.force_login(ann, backend="accounts.backends.RoleAwareBackend")
    response = client.post(reverse("logout"))
    assert response["Location"] == reverse("login")


# Settings, read from the environment in a fresh process.


def run_settings(**env: str) -> subprocess.CompletedProcess:
    base = {name: os.environ[name] for name in ("PATH", "HOME") if name in os.environ}
    code = (
        "import json\n"
        "from newsannot import settings as s\n"
        "print(json.dumps({\n"
        "    'enabled': s.OIDC_ENABLED,\n"
        "    'backends': s.AUTHENTICATION_BACKENDS,\n"
        "    'role_map': s.OIDC_ROLE_MAP,\n"
        "    'form_action': s.CONTENT_SECURITY_POLICY['DIRECTIVES']['form-action'],\n"
        "    'store_id_token': s.OIDC_STORE_ID_TOKEN,\n"
        "}))\n"
    )
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


SSO_ENV = {
    "OIDC_RP_CLIENT_ID": "newsannot",
    "OIDC_RP_CLIENT_SECRET": "s3cret",
    "OIDC_OP_ISSUER": "https://id.harbour.example/realms/news",
    "OIDC_OP_AUTHORIZATION_ENDPOINT": "https://id.harbour.example/auth",
    "OIDC_OP_TOKEN_ENDPOINT": "https://id.harbour.example/token",
    "OIDC_OP_USER_ENDPOINT": "https://id.harbour.example/userinfo",
    "OIDC_OP_JWKS_ENDPOINT": "https://id.harbour.example/certs",
}


def settings_values(**env: str) -> dict:
    result = run_settings(**env)
    assert result.returncode == 0, result.stdout + result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_settings_leave_sso_off_unless_configured():
    values = settings_values()
    assert values["enabled"] is False
    assert values["backends"] == [
        "axes.backends.AxesStandaloneBackend",
        "accounts.backends.RoleAwareBackend",
    ]


def test_settings_with_sso_append_its_backend_after_the_others():
    values = settings_values(
        **SSO_ENV,
        OIDC_ROLE_CLAIM="groups",
        OIDC_ROLE_MAP="newsroom-annotators=annotator, newsroom-reviewers=reviewer",
        OIDC_OP_LOGOUT_ENDPOINT="https://id.harbour.example/logout",
    )
    assert values["enabled"] is True
    assert values["backends"] == [
        "axes.backends.AxesStandaloneBackend",
        "accounts.backends.RoleAwareBackend",
        BACKEND,
    ]
    assert values["role_map"] == {
        "newsroom-annotators": "annotator",
        "newsroom-reviewers": "reviewer",
    }
    # A logout form may be sent on to the provider's end-session page.
    assert "https://id.harbour.example" in values["form_action"]
    assert values["store_id_token"] is True


@pytest.mark.parametrize(
    ("change", "complaint"),
    [
        ({"OIDC_OP_JWKS_ENDPOINT": ""}, "OIDC_OP_JWKS_ENDPOINT"),
        ({"OIDC_OP_ISSUER": ""}, "OIDC_OP_ISSUER"),
        ({"OIDC_RP_CLIENT_SECRET": ""}, "OIDC_RP_CLIENT_SECRET"),
        ({"OIDC_OP_TOKEN_ENDPOINT": "http://id.harbour.example/token"}, "https"),
        ({"OIDC_RP_SIGN_ALGO": "HS256"}, "OIDC_RP_SIGN_ALGO"),
        ({"OIDC_LINK_USERS_BY": "name"}, "OIDC_LINK_USERS_BY"),
        ({"OIDC_ROLE_CLAIM": "groups", "OIDC_ROLE_MAP": "x=editor"}, "editor"),
        ({"OIDC_ROLE_CLAIM": "groups", "OIDC_ROLE_MAP": "annotators"}, "OIDC_ROLE_MAP"),
        ({"OIDC_ROLE_CLAIM": "groups", "OIDC_ROLE_MAP": "boss=admin"}, "OIDC_CLAIM_GRANTS_STAFF"),
        ({"OIDC_ROLE_MAP": "a=annotator"}, "OIDC_ROLE_CLAIM"),
    ],
)
def test_settings_refuse_an_incomplete_or_unsafe_sso_configuration(change, complaint):
    result = run_settings(**{**SSO_ENV, **change})
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert complaint in result.stderr


def test_settings_accept_staff_from_a_claim_only_when_told():
    values = settings_values(
        **SSO_ENV,
        OIDC_ROLE_CLAIM="groups",
        OIDC_ROLE_MAP="boss=admin",
        OIDC_CLAIM_GRANTS_STAFF="true",
    )
    assert values["role_map"] == {"boss": "admin"}


def test_check_deploy_passes_with_sso_configured(tmp_path):
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env={
            **{name: os.environ[name] for name in ("PATH", "HOME") if name in os.environ},
            **SSO_ENV,
            "DJANGO_SETTINGS_MODULE": "newsannot.settings",
            "DEBUG": "false",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "annotate.example.org",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'deploy.sqlite3'}",
        },
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
