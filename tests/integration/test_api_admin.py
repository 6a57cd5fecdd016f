"""The admins' API: projects, members, targets and people, as the pages do them."""

import pytest
from django.contrib.admin.models import LogEntry
from django.urls import reverse
from rest_framework.test import APIClient

from accounts.models import ApiToken, User
from articles.history.models import HistoryEvent
from articles.models import Assignment, Project, Quote
from tests.factories import ArticleFactory, ProjectFactory, UserFactory

pytestmark = pytest.mark.django_db


def client_for(user, scope=ApiToken.Scope.WRITE):
    client = APIClient()
    _, token = ApiToken.objects.create(user=user, expiry=None, name="test", scope=scope)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return client


@pytest.fixture
def boss():
    return UserFactory(username="boss", is_staff=True)


@pytest.fixture
def api(boss):
    return client_for(boss)


def test_an_admin_makes_and_changes_a_project(api, boss):
    made = api.post(
        reverse("api:project-list"),
        {
            "slug": "kyst",
            "name": "Kyst",
            "guidelines": "# Rules",
            "stance_labels": ["for", "against"],
            "annotators_per_article": 2,
            "suggest_on_import": True,
            "targets": ["Tolls"],
        },
        format="json",
    )
    assert made.status_code == 201, made.content
    body = made.json()
    assert body["slug"] == "kyst"
    assert body["suggest_on_import"] is True
    assert body["targets"] == [{"name": "Tolls", "description": ""}]
    assert body["article_count"] == 0
    changed = api.patch(
        reverse("api:project-detail", args=["kyst"]),
        {"blind": False, "researchers_suggest": True, "attribution_scope": "wide"},
        format="json",
    )
    assert changed.status_code == 200
    assert (changed.json()["blind"], changed.json()["researchers_suggest"]) == (False, True)
    assert changed.json()["attribution_scope"] == "wide"
    kinds = list(HistoryEvent.objects.values_list("kind", flat=True))
    assert kinds == ["project.created", "project.edited"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"slug": "kyst"}, "name"),
        ({"slug": "bad slug", "name": "X"}, "slug"),
        ({"slug": "new", "name": "X", "stance_labels": ["one"]}, "stance_labels"),
        ({"slug": "new", "name": "X", "stance_labels": ["a", "A"]}, "stance_labels"),
        ({"slug": "new", "name": "X", "blind": "yes"}, "blind"),
        ({"slug": "new", "name": "X", "annotators_per_article": "2"}, "annotators_per_article"),
        ({"slug": "taken", "name": "X"}, "slug"),
        ({"slug": "new", "name": "X", "targets": ["Tolls", "tolls"]}, "targets"),
        ({"slug": "new", "name": "X", "attribution_scope": "parc"}, "attribution_scope"),
    ],
)
def test_a_bad_project_is_a_400_naming_the_field(api, body, field):
    ProjectFactory(slug="taken")
    response = api.post(reverse("api:project-list"), body, format="json")
    assert response.status_code == 400
    assert field in response.json(), response.json()
    assert Project.objects.count() == 1


def test_the_slug_cannot_change(api):
    ProjectFactory(slug="kyst")
    response = api.patch(reverse("api:project-detail", args=["kyst"]), {"slug": "x"}, format="json")
    assert response.status_code == 400
    assert "slug" in response.json()


def test_members_are_listed_added_and_removed(api, django_assert_max_num_queries):
    project = ProjectFactory(slug="kyst")
    ann = UserFactory(username="ann", role="annotator", email="ann@example.org")
    UserFactory(username="rev", role="reviewer")
    url = reverse("api:members", args=["kyst"])
    added = api.post(url, {"users": ["ann", "rev"]}, format="json")
    assert added.status_code == 200
    assert added.json()["added"] == ["ann", "rev"]
    assert [(m["username"], m["role"]) for m in added.json()["members"]] == [
        ("ann", "annotator"),
        ("rev", "reviewer"),
    ]
    with django_assert_max_num_queries(4):
        listed = api.get(url)
    assert [m["username"] for m in listed.json()] == ["ann", "rev"]
    Assignment.objects.create(article=ArticleFactory(project=project), annotator=ann)
    unknown = api.post(url, {"users": ["ann", "ghost"]}, format="json")
    assert unknown.status_code == 400
    assert unknown.json() == {"users[1]": ["no such user"]}
    removed = api.delete(f"{url}?username=ann")
    assert removed.json() == {"removed": "ann", "open_assignments": 1}
    assert list(project.members.values_list("username", flat=True)) == ["rev"]
    assert api.delete(f"{url}?username=ann").status_code == 400
    assert api.delete(url).json() == {"username": "is required: whom to remove"}


def test_targets_are_read_by_members_and_added_by_admins(api):
    project = ProjectFactory(slug="kyst")
    ann = UserFactory(username="ann", role="annotator")
    project.members.add(ann)
    url = reverse("api:targets", args=["kyst"])
    made = api.post(url, {"name": "Tolls", "description": "Road tolls"}, format="json")
    assert made.status_code == 201
    assert made.json()["name"] == "Tolls"
    assert api.post(url, {"name": "TOLLS"}, format="json").json() == {
        "name": ["The project has a target with this name."]
    }
    member = client_for(ann)
    assert [t["name"] for t in member.get(url).json()] == ["Tolls"]
    assert member.post(url, {"name": "Wind"}, format="json").status_code == 403


def test_users_are_listed_a_page_at_a_time(api, django_assert_max_num_queries):
    for n in range(40):
        UserFactory(username=f"p{n:02}", role="annotator")
    with django_assert_max_num_queries(3):
        first = api.get(reverse("api:users"))
    body = first.json()
    assert len(body["results"]) == 30
    assert body["results"][1]["role"] == "annotator"
    assert {"id", "username", "email", "role", "is_active", "date_joined", "last_login"} == set(
        body["results"][0]
    )
    assert api.get(body["next"]).status_code == 200


def test_an_admin_adds_a_person_changes_their_role_and_deactivates_them(
    api, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        made = api.post(
            reverse("api:users"),
            {"username": "eve", "email": "eve@example.org", "role": "researcher"},
            format="json",
        )
    assert made.status_code == 201
    eve = made.json()
    assert (eve["role"], eve["is_active"]) == ("researcher", True)
    assert mailoutbox[0].to == ["eve@example.org"]
    url = reverse("api:user", args=[eve["id"]])
    changed = api.patch(url, {"role": "reviewer", "is_active": False}, format="json")
    assert changed.status_code == 200
    assert (changed.json()["role"], changed.json()["is_active"]) == ("reviewer", False)
    refused = api.post(reverse("api:user-password-link", args=[eve["id"]]))
    assert refused.status_code == 400
    api.patch(url, {"is_active": True}, format="json")
    with django_capture_on_commit_callbacks(execute=True):
        sent = api.post(reverse("api:user-password-link", args=[eve["id"]]))
    assert sent.status_code == 202
    assert len(mailoutbox) == 2
    assert api.patch(url, {}, format="json").status_code == 400
    assert api.patch(url, {"role": "king"}, format="json").json() == {
        "role": '"king" is not a valid choice.'
    }


def test_an_admin_cannot_demote_themselves(api, boss):
    response = api.patch(reverse("api:user", args=[boss.pk]), {"role": "annotator"}, format="json")
    assert response.status_code == 400
    assert "role" in response.json()
    assert User.objects.get(pk=boss.pk).is_staff


def test_bulk_csv_with_a_bad_line_writes_nothing_and_names_the_line(api, mailoutbox):
    text = "username,email,role\nalice,alice@example.org,annotator\nbob,bob@example.org,boss\n"
    for dry_run in (True, False):
        response = api.post(
            reverse("api:users-bulk"), {"csv": text, "dry_run": dry_run}, format="json"
        )
        assert response.status_code == 400
        assert response.json() == {
            "line 3.role": ["must be one of annotator, reviewer, researcher, admin"]
        }
    assert not User.objects.filter(username__in=["alice", "bob"]).exists()
    assert mailoutbox == []
    assert not LogEntry.objects.exists()


def test_bulk_csv_dry_run_then_the_real_thing(api, django_capture_on_commit_callbacks, mailoutbox):
    text = "email,username,role\nalice@example.org,alice,annotator\nbob@example.org,bob,admin\n"
    checked = api.post(reverse("api:users-bulk"), {"csv": text, "dry_run": True}, format="json")
    assert checked.status_code == 200
    assert checked.json()["lines"][1] == {
        "line": 3,
        "username": "bob",
        "email": "bob@example.org",
        "role": "admin",
    }
    assert checked.json()["created"] == []
    assert not User.objects.filter(username="alice").exists()
    with django_capture_on_commit_callbacks(execute=True):
        done = api.post(reverse("api:users-bulk"), {"csv": text}, format="json")
    assert done.status_code == 201
    assert [(p["username"], p["role"]) for p in done.json()["created"]] == [
        ("alice", "annotator"),
        ("bob", "admin"),
    ]
    assert len(mailoutbox) == 2


def test_a_deactivated_user_keeps_their_quotes_and_their_token_stops(api):
    ann = UserFactory(username="ann", role="annotator")
    article = ArticleFactory()
    Quote.objects.create(article=article, annotator=ann, start=0, end=3, text=article.text[:3])
    theirs = client_for(ann)
    assert theirs.get(reverse("api:project-list")).status_code == 200
    api.patch(reverse("api:user", args=[ann.pk]), {"is_active": False}, format="json")
    assert theirs.get(reverse("api:project-list")).status_code == 401
    assert Quote.objects.filter(annotator=ann).count() == 1


def _admin_calls(project_slug, user_id):
    return [
        ("post", reverse("api:project-list"), {"slug": "mine", "name": "Mine"}),
        ("patch", reverse("api:project-detail", args=[project_slug]), {"name": "Taken"}),
        ("get", reverse("api:members", args=[project_slug]), None),
        ("post", reverse("api:members", args=[project_slug]), {"users": ["res"]}),
        ("delete", reverse("api:members", args=[project_slug]) + "?username=res", None),
        ("post", reverse("api:targets", args=[project_slug]), {"name": "Mine"}),
        ("get", reverse("api:users"), None),
        ("post", reverse("api:users"), {"username": "x", "email": "x@x.org", "role": "admin"}),
        ("get", reverse("api:user", args=[user_id]), None),
        ("patch", reverse("api:user", args=[user_id]), {"role": "admin"}),
        ("post", reverse("api:user-password-link", args=[user_id]), None),
        ("post", reverse("api:users-bulk"), {"csv": "username,email,role\nx,x@x.org,admin\n"}),
    ]


@pytest.mark.parametrize("who", ["researcher", "reviewer", "annotator"])
def test_no_one_but_admins_calls_the_admin_endpoints(who):
    project = ProjectFactory(slug="kyst", name="Kyst")
    user = UserFactory(username="res", role=who)
    project.members.add(user)
    client = client_for(user)
    for method, url, body in _admin_calls("kyst", user.pk):
        response = getattr(client, method)(url, body, format="json")
        assert response.status_code == 403, (method, url, response.content)
    assert Project.objects.get().name == "Kyst"
    assert User.objects.get(pk=user.pk).role == who
    assert not User.objects.filter(username="x").exists()


def test_a_read_token_of_an_admin_writes_nothing(boss):
    ProjectFactory(slug="kyst", name="Kyst")
    UserFactory(username="res", role="researcher")
    client = client_for(boss, scope=ApiToken.Scope.READ)
    for method, url, body in _admin_calls("kyst", boss.pk):
        response = getattr(client, method)(url, body, format="json")
        assert response.status_code == (200 if method == "get" else 403), (method, url)
    assert Project.objects.get().name == "Kyst"
