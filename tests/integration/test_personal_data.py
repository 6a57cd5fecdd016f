"""Personal data: an admin exports all the system holds about a user, and deactivates or
anonymises a departed one without changing exports or agreement beyond the name."""

import json
from io import StringIO

import pytest
from axes.models import AccessAttempt, AccessLog
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.core.management import CommandError, call_command
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import personal_data
from accounts.models import ApiToken, User
from articles.models import Assignment, Quote, RejectedSuggestion, StanceLabel
from articles.review import adjudication
from articles.review.team import project_agreement
from tests.exports import records as exported_records
from tests.factories import (
    ArticleFactory,
    ProjectFactory,
    SpeakerFactory,
    StanceTargetFactory,
    UserFactory,
)
from tests.logins import force_verified_login

pytestmark = pytest.mark.django_db

TEXT = (
    "– The stock is close to collapse, says Hilde Brekke.\n\n"
    "Union leader Ola Straumsvik believes that the cuts will hit the fleet hardest.\n"
)
STOCK = "The stock is close to collapse"
CUTS = "the cuts will hit the fleet hardest"
CUTS_SHORT = "the cuts will hit the fleet"


def quote(article, annotator, text, *, speaker=None, kind="direct", stances=None):
    start = article.text.index(text)
    made = Quote.objects.create(
        article=article,
        annotator=annotator,
        start=start,
        end=start + len(text),
        text=text,
        kind=kind,
        speaker=speaker,
    )
    for target, label in (stances or {}).items():
        StanceLabel.objects.create(quote=made, target=target, label=label)
    return made


@pytest.fixture
def team():
    project = ProjectFactory(slug="cod", annotators_per_article=2)
    ana = UserFactory(username="ana", role="annotator")
    ben = UserFactory(
        username="ben",
        role="annotator",
        first_name="Ben",
        last_name="Berg",
        email="ben@example.org",
    )
    rev = UserFactory(username="rev", role="reviewer")
    project.members.add(ana, ben, rev)
    quotas = StanceTargetFactory(project=project, name="Cod quotas")
    brekke = SpeakerFactory(project=project, name="Hilde Brekke")
    straumsvik = SpeakerFactory(project=project, name="Ola Straumsvik")
    article = ArticleFactory(project=project, text=TEXT, title="Cod")
    for person in (ana, ben):
        Assignment.objects.create(article=article, annotator=person, status="done")
    quote(article, ana, STOCK, speaker=brekke, stances={quotas: "favor"})
    ben_stock = quote(article, ben, STOCK, speaker=brekke, stances={quotas: "against"})
    quote(article, ana, CUTS, speaker=straumsvik, kind="indirect")
    quote(article, ben, CUTS_SHORT, speaker=straumsvik, kind="indirect")
    RejectedSuggestion.objects.create(article=article, annotator=ben, start=0, end=1)
    adjudication.take_version(article=article, reviewer=rev, quote_id=ben_stock.pk)
    return {"project": project, "article": article, "ana": ana, "ben": ben, "rev": rev}


def export(slug, annotations="all") -> str:
    out = StringIO()
    call_command("export_project", slug, "--annotations", annotations, stdout=out)
    return out.getvalue()


def with_name(value, old: str, new: str):
    """``value`` (JSON-able) with every string equal to ``old`` replaced by ``new``."""
    return json.loads(json.dumps(value).replace(json.dumps(old), json.dumps(new)))


# Export


def test_the_export_holds_everything_about_the_user_and_no_secret(team, client):
    ben = team["ben"]
    _, secret = ApiToken.objects.create(user=ben, expiry=None, name="laptop", scope="read")
    TOTPDevice.objects.create(user=ben, name="phone", confirmed=True)
    AccessAttempt.objects.create(
        username="ben",
        ip_address="192.0.2.7",
        user_agent="Firefox",
        http_accept="*/*",
        path_info="/accounts/login/",
        get_data="",
        post_data="username=ben",
        failures_since_start=2,
    )
    AccessLog.objects.create(
        username="ben",
        ip_address="192.0.2.8",
        user_agent="Firefox",
        http_accept="*/*",
        path_info="/accounts/login/",
    )
    client.force_login(ben)

    data = personal_data.user_data(ben)

    user = data["user"]
    assert (user["username"], user["email"], user["first_name"]) == (
        "ben",
        "ben@example.org",
        "Ben",
    )
    assert user["role"] == "annotator"
    assert "password" not in user
    assert user["has_usable_password"] is True
    assert [p["slug"] for p in data["projects"]] == ["cod"]
    assert [(a["article_title"], a["status"]) for a in data["assignments"]] == [("Cod", "done")]
    assert sorted((q["text"], q["origin"]) for q in data["quotes"]) == [
        (STOCK, "human"),
        (CUTS_SHORT, "human"),
    ]
    stock = next(q for q in data["quotes"] if q["text"] == STOCK)
    assert stock["speaker"] == "Hilde Brekke"
    assert stock["stances"] == [{"target": "Cod quotas", "label": "against"}]
    assert data["rejected_suggestions"][0]["start"] == 0
    assert data["adjudications"] == []
    assert [(t["name"], t["scope"]) for t in data["api_tokens"]] == [("laptop", "read")]
    assert len(data["sessions"]) == 1
    assert data["two_factor_devices"][0]["name"] == "phone"
    assert data["login_attempts"]["failed"][0]["ip_address"] == "192.0.2.7"
    assert data["login_attempts"]["logins"][0]["ip_address"] == "192.0.2.8"

    text = json.dumps(data)
    token = ApiToken.objects.get(user=ben)
    device = TOTPDevice.objects.get(user=ben)
    session_key = Session.objects.get().session_key
    for secret_value in (secret, token.digest, token.token_key, device.key, session_key):
        assert secret_value not in text
    assert "digest" not in text
    assert ben.password not in text


def test_a_reviewers_export_holds_their_adjudications_and_gold_quotes(team):
    data = personal_data.user_data(team["rev"])
    assert [(a["article_title"], a["status"]) for a in data["adjudications"]] == [
        ("Cod", "in_progress")
    ]
    assert [q["origin"] for q in data["quotes"]] == ["gold"]


def test_the_command_writes_the_json_to_a_file_or_standard_output(team, tmp_path):
    out = StringIO()
    call_command("export_user_data", "ben", stdout=out)
    assert json.loads(out.getvalue())["user"]["username"] == "ben"
    path = tmp_path / "ben.json"
    out = StringIO()
    call_command("export_user_data", "ben", "--output", str(path), stdout=out)
    assert json.loads(path.read_text(encoding="utf-8"))["user"]["email"] == "ben@example.org"
    assert str(path) in out.getvalue()
    with pytest.raises(CommandError, match="username: no user 'nobody'"):
        call_command("export_user_data", "nobody")


def test_the_admin_action_downloads_the_json_as_an_attachment(team, client, admin_user):
    force_verified_login(client, admin_user)
    response = client.post(
        reverse("admin:accounts_user_changelist"),
        {"action": "export_personal_data", ACTION_CHECKBOX_NAME: [team["ben"].pk]},
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"] == 'attachment; filename="personal-data-ben.json"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert json.loads(response.content)["user"]["username"] == "ben"
    both = client.post(
        reverse("admin:accounts_user_changelist"),
        {"action": "export_personal_data", ACTION_CHECKBOX_NAME: [team["ben"].pk, team["ana"].pk]},
    )
    assert [u["user"]["username"] for u in json.loads(both.content)["users"]] == ["ana", "ben"]


# Anonymise and deactivate


def test_anonymising_replaces_the_name_with_a_stable_pseudonym_and_clears_the_person(team, client):
    ben = team["ben"]
    ApiToken.objects.create(user=ben, expiry=None, name="laptop", scope="read")
    TOTPDevice.objects.create(user=ben, name="phone", confirmed=True)
    StaticDevice.objects.create(user=ben, name="backup").token_set.create(token="abc123")
    AccessLog.objects.create(
        username="ben", ip_address="192.0.2.8", user_agent="UA", http_accept="*/*", path_info="/"
    )
    LogEntry.objects.create(
        user=team["rev"],
        content_type=ContentType.objects.get_for_model(User),
        object_id=str(ben.pk),
        object_repr="ben",
        action_flag=CHANGE,
    )
    client.force_login(ben)
    expected = personal_data.pseudonym(ben)
    assert expected.startswith("annotator-")
    assert len(expected) == len("annotator-") + 8

    name = personal_data.anonymise_user(user=ben)

    ben.refresh_from_db()
    assert name == ben.username == expected
    assert (ben.first_name, ben.last_name, ben.email) == ("", "", "")
    assert not ben.has_usable_password()
    assert not ben.is_active
    assert ben.last_login is None
    assert not ApiToken.objects.filter(user=ben).exists()
    assert not TOTPDevice.objects.filter(user=ben).exists()
    assert not StaticDevice.objects.filter(user=ben).exists()
    assert not AccessLog.objects.filter(username="ben").exists()
    assert LogEntry.objects.get().object_repr == expected
    assert not Session.objects.exists()
    assert client.get(reverse("articles:project-list")).status_code == 302
    assert Quote.objects.filter(annotator=ben).count() == 2
    # Stable: asked again, the same name; run again, nothing changes.
    assert personal_data.pseudonym(ben) == expected
    assert personal_data.anonymise_user(user=ben) == expected


def test_pseudonyms_are_unique_even_when_the_short_one_is_taken(team):
    ben = team["ben"]
    short = personal_data.pseudonym(ben)
    User.objects.create(username=short)
    name = personal_data.anonymise_user(user=ben)
    assert name != short
    assert name.startswith(short)
    assert personal_data.anonymise_user(user=ben) == name


def test_agreement_and_exports_differ_only_in_the_name_after_anonymising(team):
    project = team["project"]
    before = {
        "agreement": project_agreement(project).as_dict(),
        "all": exported_records(export("cod")),
        "gold": exported_records(export("cod", "gold")),
    }
    assert "ben" in json.dumps(before["agreement"])
    assert "ben" in json.dumps(before["all"])

    name = personal_data.anonymise_user(user=team["ben"])
    rev_name = personal_data.anonymise_user(user=team["rev"])

    after = {
        "agreement": project_agreement(project).as_dict(),
        "all": exported_records(export("cod")),
        "gold": exported_records(export("cod", "gold")),
    }
    assert after == with_name(with_name(before, "ben", name), "rev", rev_name)
    assert '"ben"' not in json.dumps(after)
    assert '"rev"' not in json.dumps(after)


def test_deactivating_keeps_the_name_and_ends_access(team, client):
    ben = team["ben"]
    ApiToken.objects.create(user=ben, expiry=None, name="laptop", scope="read")
    client.force_login(ben)
    personal_data.deactivate_user(user=ben)
    ben.refresh_from_db()
    assert (ben.username, ben.email, ben.is_active) == ("ben", "ben@example.org", False)
    assert not ApiToken.objects.filter(user=ben).exists()
    assert not Session.objects.exists()


def test_the_command_anonymises_and_says_the_new_name(team):
    out = StringIO()
    call_command("anonymise_user", "ben", stdout=out)
    name = personal_data.pseudonym(team["ben"])
    assert f"ben is now {name}" in out.getvalue()
    assert User.objects.filter(username=name, is_active=False).exists()
    with pytest.raises(CommandError, match="username: no user 'ben'"):
        call_command("anonymise_user", "ben")


def test_the_admin_actions_ask_first_then_anonymise_or_deactivate(team, client, admin_user):
    force_verified_login(client, admin_user)
    url = reverse("admin:accounts_user_changelist")
    ben = team["ben"]
    asked = client.post(url, {"action": "anonymise_users", ACTION_CHECKBOX_NAME: [ben.pk]})
    assert asked.status_code == 200
    assert b"ben" in asked.content
    ben.refresh_from_db()
    assert ben.username == "ben"
    done = client.post(
        url, {"action": "anonymise_users", ACTION_CHECKBOX_NAME: [ben.pk], "apply": "Anonymise"}
    )
    assert done.status_code == 302
    ben.refresh_from_db()
    assert ben.username == personal_data.pseudonym(ben)

    ana = team["ana"]
    client.post(url, {"action": "deactivate_users", ACTION_CHECKBOX_NAME: [ana.pk]})
    ana.refresh_from_db()
    assert not ana.is_active


def test_an_admin_cannot_anonymise_or_deactivate_themselves(team, client, admin_user):
    force_verified_login(client, admin_user)
    url = reverse("admin:accounts_user_changelist")
    for action in ("anonymise_users", "deactivate_users"):
        response = client.post(
            url,
            {"action": action, ACTION_CHECKBOX_NAME: [admin_user.pk], "apply": "Anonymise"},
            follow=True,
        )
        assert b"not your own account" in response.content
    admin_user.refresh_from_db()
    assert admin_user.is_active
    assert admin_user.username == "boss"
