"""People managed in the app: the services of ``accounts.people`` and the People page."""

import re

import pytest
from django.contrib.admin.models import LogEntry
from django.core import mail
from django.urls import reverse

from accounts import people
from accounts.models import ApiToken, User
from articles.models import Quote
from tests.factories import ArticleFactory, UserFactory
from tests.logins import force_verified_login

pytestmark = pytest.mark.django_db

LINK = people.LinkPlace(domain="annot.example.org", use_https=True)


@pytest.fixture
def boss():
    return UserFactory(username="boss", is_staff=True)


@pytest.fixture
def admin_client(client, boss):
    force_verified_login(client, boss)
    return client


def _logs_in(client, username, password) -> bool:
    """Whether the login form lets the person in (Django's login() needs a request here:
    django-axes)."""
    response = client.post(reverse("login"), {"username": username, "password": password})
    return response.status_code == 302


def _link_in(message) -> str:
    return re.search(r"https?://\S+", message.body).group(0)


# Services


def test_added_people_get_their_role_and_a_link_that_sets_a_password(
    boss, client, django_capture_on_commit_callbacks
):
    rows = people.read_people_csv(
        "username,email,role\nalice,alice@example.org,annotator\nbob,bob@example.org,admin\n"
    )
    with django_capture_on_commit_callbacks(execute=True):
        alice, bob = people.add_people(people=rows, actor=boss, link=LINK)
    alice = User.objects.with_role().get(pk=alice.pk)
    assert alice.role == "annotator"
    assert not alice.has_usable_password()
    assert User.objects.get(pk=bob.pk).is_staff
    assert [m.to for m in mail.outbox] == [["alice@example.org"], ["bob@example.org"]]
    link = _link_in(mail.outbox[0])
    assert link.startswith("https://annot.example.org/accounts/password/reset/")
    # The link works: Django's reset view sets the password.
    path = link.removeprefix("https://annot.example.org")
    form = client.get(path, follow=True)
    assert form.status_code == 200
    done = client.post(
        form.redirect_chain[-1][0],
        {"new_password1": "a long Passphrase 42", "new_password2": "a long Passphrase 42"},
    )
    assert done.status_code == 302
    assert _logs_in(client, "alice", "a long Passphrase 42")
    assert LogEntry.objects.filter(object_id=str(alice.pk), user=boss).exists()


def test_a_csv_with_a_bad_line_adds_nobody_and_names_the_line(boss, mailoutbox):
    UserFactory(username="Taken", email="taken@example.org")
    rows = people.read_people_csv(
        "username,email,role\n"
        "alice,alice@example.org,annotator\n"
        "\n"
        "taken,someone@example.org,annotator\n"
        "carl,not-an-address,wizard\n"
        "dora,ALICE@example.org,reviewer\n"
    )
    with pytest.raises(people.PeopleInvalid) as caught:
        people.add_people(people=rows, actor=boss, link=LINK)
    assert caught.value.errors == {
        "line 4.username": ["an account has this username"],
        "line 5.email": ["is not an e-mail address"],
        "line 5.role": ["must be one of annotator, reviewer, researcher, admin"],
        "line 6.email": ["repeats line 2"],
    }
    assert not User.objects.filter(username__in=["alice", "carl", "dora"]).exists()
    assert mailoutbox == []


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("", "csv"),
        ("username,email\nalice,a@example.org\n", "line 1"),
        ("username,email,role,age\n", "line 1"),
        ("username,email,role\n", "csv"),
        ("username,email,role\nalice,a@example.org\n", "line 2"),
        ('username,email,role\n"alice,a@example.org,annotator\n', "line 2"),
        ('username,email,role\n\n"al\nice",a@example.org\n', "line 3"),
    ],
)
def test_an_unreadable_csv_names_where(text, where):
    with pytest.raises(people.PeopleInvalid) as caught:
        people.read_people_csv(text)
    assert list(caught.value.errors) == [where]


def test_checking_many_people_costs_two_queries(django_assert_num_queries):
    rows = [
        people.NewPerson(username=f"p{n}", email=f"p{n}@example.org", role="annotator", line=n)
        for n in range(2, 300)
    ]
    with django_assert_num_queries(2):
        assert people.check_new_people(rows) == {}


def test_a_deactivated_user_keeps_their_quotes_and_cannot_log_in(boss, client):
    ann = UserFactory(username="ann", role="annotator")
    article = ArticleFactory()
    Quote.objects.create(article=article, annotator=ann, start=0, end=3, text=article.text[:3])
    ApiToken.objects.create(user=ann, expiry=None, name="laptop")
    client.force_login(ann)
    people.deactivate(user=ann, actor=boss)
    assert Quote.objects.filter(annotator=ann).count() == 1
    assert not ApiToken.objects.filter(user=ann).exists()
    # Their session is over, and the password no longer lets them in.
    assert client.get(reverse("articles:project-list")).status_code == 302
    assert not _logs_in(client, "ann", "pw-for-tests")
    people.reactivate(user=ann, actor=boss)
    assert _logs_in(client, "ann", "pw-for-tests")


def test_roles_change_and_admins_are_staff(boss):
    ann = UserFactory(username="ann", role="annotator")
    people.change_role(user=ann, role="admin", actor=boss)
    fresh = User.objects.with_role().get(pk=ann.pk)
    assert fresh.is_staff
    assert fresh.role == "admin"
    people.change_role(user=fresh, role="reviewer", actor=boss)
    fresh = User.objects.with_role().get(pk=ann.pk)
    assert not fresh.is_staff
    assert fresh.role == "reviewer"
    assert LogEntry.objects.filter(object_id=str(ann.pk)).count() == 2


def test_no_admin_changes_their_own_account_nor_a_staff_one_a_superuser(boss):
    root = UserFactory(username="root", is_staff=True, is_superuser=True)
    with pytest.raises(people.PeopleInvalid):
        people.change_role(user=boss, role="annotator", actor=boss)
    with pytest.raises(people.PeopleInvalid):
        people.deactivate(user=boss, actor=boss)
    with pytest.raises(people.PeopleInvalid):
        people.deactivate(user=root, actor=boss)
    assert User.objects.get(pk=root.pk).is_active


def test_a_password_link_is_refused_to_a_deactivated_account(boss, mailoutbox):
    gone = UserFactory(username="gone", email="gone@example.org", is_active=False)
    with pytest.raises(people.PeopleInvalid):
        people.send_password_link(user=gone, actor=boss, link=LINK)
    assert mailoutbox == []


# The People page


def test_the_people_page_lists_everyone_in_bounded_queries(
    admin_client, django_assert_max_num_queries
):
    for n in range(30):
        UserFactory(username=f"p{n:02}", role=["annotator", "reviewer", "researcher"][n % 3])
    admin_client.get(reverse("accounts:people"))
    with django_assert_max_num_queries(10):
        page = admin_client.get(reverse("accounts:people"))
    body = page.content.decode()
    assert body.count('data-testid="person"') == 31
    assert "researcher" in body


def test_the_people_page_adds_one_person(admin_client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("accounts:person-add"),
            {"username": "eve", "email": "eve@example.org", "role": "researcher"},
            follow=True,
        )
    assert "Added eve (researcher)" in response.content.decode()
    assert User.objects.with_role().get(username="eve").role == "researcher"
    assert mail.outbox[0].to == ["eve@example.org"]
    again = admin_client.post(
        reverse("accounts:person-add"),
        {"username": "EVE", "email": "other@example.org", "role": "researcher"},
    )
    assert again.status_code == 400
    assert "username: an account has this username" in again.content.decode()


def _csv(text: str, name="people.csv"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, text.encode(), content_type="text/csv")


def test_the_csv_dry_run_reports_each_line_and_adds_nobody(admin_client):
    text = "username,email,role\nalice,alice@example.org,annotator\nbob,bob@,annotator\n"
    response = admin_client.post(reverse("accounts:people-bulk"), {"file": _csv(text)})
    assert response.status_code == 400
    body = response.content.decode()
    assert "line 3: email: is not an e-mail address" in body
    assert "Nobody was added" in body
    assert "Add these" not in body
    assert not User.objects.filter(username__in=["alice", "bob"]).exists()


def test_the_csv_is_checked_then_added_on_confirmation(
    admin_client, django_capture_on_commit_callbacks
):
    text = "username,email,role\nalice,alice@example.org,annotator\nbob,bob@example.org,reviewer\n"
    checked = admin_client.post(reverse("accounts:people-bulk"), {"file": _csv(text)})
    assert checked.status_code == 200
    assert "Add these 2 people" in checked.content.decode()
    assert not User.objects.filter(username="alice").exists()
    with django_capture_on_commit_callbacks(execute=True):
        done = admin_client.post(
            reverse("accounts:people-bulk"),
            {"csv_text": checked.context["report"]["text"], "confirm": "on"},
            follow=True,
        )
    assert "Added 2 people" in done.content.decode()
    assert sorted(m.to[0] for m in mail.outbox) == ["alice@example.org", "bob@example.org"]


def test_row_actions_answer_htmx_with_the_row(admin_client, mailoutbox):
    ann = UserFactory(username="ann", email="ann@example.org", role="annotator")
    htmx = {"HX-Request": "true"}
    changed = admin_client.post(
        reverse("accounts:person-role", args=[ann.pk]), {"role": "reviewer"}, headers=htmx
    )
    assert changed.status_code == 200
    assert "HX-Request" in changed["Vary"]
    assert f'id="person-{ann.pk}"' in changed.content.decode()
    assert User.objects.with_role().get(pk=ann.pk).role == "reviewer"
    off = admin_client.post(
        reverse("accounts:person-active", args=[ann.pk]), {"active": "0"}, headers=htmx
    )
    assert "deactivated" in off.content.decode()
    assert not User.objects.get(pk=ann.pk).is_active
    refused = admin_client.post(reverse("accounts:person-password", args=[ann.pk]), headers=htmx)
    assert refused.status_code == 400
    assert "reactivate it first" in refused.content.decode()
    admin_client.post(reverse("accounts:person-active", args=[ann.pk]), {"active": "1"})
    sent = admin_client.post(reverse("accounts:person-password", args=[ann.pk]), headers=htmx)
    assert sent.status_code == 200


PEOPLE_PAGES = [
    ("get", "accounts:people", []),
    ("post", "accounts:person-add", []),
    ("post", "accounts:people-bulk", []),
    ("post", "accounts:person-role", [1]),
    ("post", "accounts:person-active", [1]),
    ("post", "accounts:person-password", [1]),
]


@pytest.mark.parametrize(("method", "name", "args"), PEOPLE_PAGES)
def test_no_one_but_admins_opens_the_people_pages(client, method, name, args):
    reviewer = UserFactory(username="rev", role="reviewer")
    client.force_login(reviewer)
    data = {"username": "x", "email": "x@example.org", "role": "admin", "active": "0"}
    response = getattr(client, method)(reverse(name, args=args), data)
    assert response.status_code == 403
    assert not User.objects.filter(username="x").exists()
    assert not LogEntry.objects.exists()
