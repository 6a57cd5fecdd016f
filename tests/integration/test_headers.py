"""Headers on every answer: a deny-all Permissions-Policy; Vary: HX-Request wherever htmx
gets a different answer than a full page; the tokens page never cached."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from accounts.models import ApiToken
from articles.jobs.models import ProjectJob
from articles.models import Assignment
from tests.factories import ArticleFactory, ProjectFactory, UserFactory
from tests.routes import answers_htmx_differently, named_routes

pytestmark = pytest.mark.django_db


@pytest.fixture
def reviewer():
    """A reviewer of the project with an article assigned: every route answers them
    without a 404 (and, not being staff, without a second factor)."""
    user = UserFactory(username="rev", role="reviewer")
    project = ProjectFactory(slug="kyst")
    project.members.add(user)
    article = ArticleFactory(project=project)
    Assignment.objects.create(article=article, annotator=user)
    return user, article


def test_every_view_that_answers_htmx_differently_varies_on_hx_request(client, reviewer):
    user, article = reviewer
    job = ProjectJob.objects.create(project=article.project, kind="export", status="done")
    args = {
        "articles:article": [article.pk],
        "articles:article-status": [article.pk],
        "articles:adjudicate-finish": [article.pk],
        "articles:job": [job.pk],
        "articles:job-start": [job.pk],
        "articles:job-cancel": [job.pk],
        "articles:articles": ["kyst"],
        "articles:speakers": ["kyst"],
    }
    aware = sorted({name for name, view in named_routes() if answers_htmx_differently(view)})
    # The walk finds them by their source; these at least must be among them.
    assert {
        "accounts:tokens",
        "articles:article",
        "articles:article-status",
        "articles:adjudicate-finish",
    } <= set(aware)
    client.force_login(user)
    for name in aware:
        url = reverse(name, args=args.get(name, []))  # a new route with arguments: add it
        for headers in ({}, {"HX-Request": "true"}):
            response = client.get(url, headers=headers)
            if response.status_code == 405:  # a write: sent so that it changes nothing
                response = client.post(url, {}, headers=headers)
            assert response.status_code < 500, (name, response.status_code)
            vary = {value.strip() for value in response.get("Vary", "").split(",")}
            assert "HX-Request" in vary, (name, headers, response.get("Vary"))


def test_the_admins_htmx_answers_vary_on_hx_request(client, reviewer):
    # Their views answer htmx through a helper, which the source walk above cannot see.
    from tests.logins import force_verified_login

    user, article = reviewer
    boss = UserFactory(username="boss", is_staff=True)
    force_verified_login(client, boss)
    targets = iter([article.project.targets.create(name=f"Target {n}") for n in range(2)])
    routes = [
        ("articles:target-add", lambda: ["kyst"], {"name": "Wind"}),
        ("articles:target-remove", lambda: ["kyst", next(targets).pk], {}),
        ("accounts:person-role", lambda: [user.pk], {"role": "reviewer"}),
        ("accounts:person-active", lambda: [user.pk], {"active": "1"}),
        ("accounts:person-password", lambda: [user.pk], {}),
    ]
    for name, args, data in routes:
        for headers in ({}, {"HX-Request": "true"}):
            response = client.post(reverse(name, args=args()), data, headers=headers)
            assert response.status_code < 500, (name, response.status_code)
            vary = {value.strip() for value in response.get("Vary", "").split(",")}
            assert "HX-Request" in vary, (name, headers)


def test_the_tokens_page_is_never_cached_and_varies_on_htmx_and_the_session(client, reviewer):
    user, _ = reviewer
    client.force_login(user)
    made = client.post(
        reverse("accounts:tokens"),
        {"name": "laptop", "lifetime": "30"},
        headers={"HX-Request": "true"},
    )
    assert 'id="new-token">na_' in made.content.decode()  # the secret, shown once
    token = ApiToken.objects.get(name="laptop")
    answers = [
        made,
        client.get(reverse("accounts:tokens")),
        client.get(reverse("accounts:tokens"), headers={"HX-Request": "true"}),
        client.post(reverse("accounts:tokens"), {"name": ""}),  # a 400
        client.post(reverse("accounts:revoke-token", args=[token.token_key])),
    ]
    for response in answers:
        assert "no-store" in response["Cache-Control"], response.request["PATH_INFO"]
        assert "private" in response["Cache-Control"]
        vary = {value.strip() for value in response["Vary"].split(",")}
        assert {"HX-Request", "Cookie"} <= vary


def test_every_answer_carries_a_deny_all_permissions_policy(client, reviewer):
    user, article = reviewer
    _, secret = ApiToken.objects.create(user=user, expiry=None, name="api")
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {secret}")
    answers = [
        client.get(reverse("articles:project-list")),  # a redirect to the login page
        client.get(reverse("login")),
        client.get("/no/such/page/"),
        APIClient().get(reverse("api:project-list")),  # a 401
        api.get(reverse("api:project-list")),
        api.get(reverse("api:export", args=["kyst"])),  # streamed
    ]
    client.force_login(user)
    answers += [
        client.get(reverse("articles:article", args=[article.pk])),
        client.get(reverse("admin:index")),
    ]
    for response in answers:
        policy = response["Permissions-Policy"]
        features = dict(item.strip().split("=") for item in policy.split(","))
        for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
            assert features[feature] == "()", (response.status_code, feature)
