"""projects/{slug}/assignments/: the Distribute page's rules through the API."""

import pytest
import schemathesis
from django.urls import reverse
from rest_framework.test import APIClient
from schemathesis.specs.openapi.checks import ignored_auth

from accounts.models import ApiToken
from articles.models import Assignment, Project
from newsannot.wsgi import application
from tests.factories import ArticleFactory, ProjectFactory, UserFactory
from tests.integration.test_api_schemathesis import in_process_requests  # noqa: F401

pytestmark = pytest.mark.django_db


def client_for(user, scope=ApiToken.Scope.WRITE):
    client = APIClient()
    client.default_format = "json"
    _, token = ApiToken.objects.create(user=user, expiry=None, name="test", scope=scope)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return client


@pytest.fixture
def team():
    project = ProjectFactory(slug="kyst")
    articles = [ArticleFactory(project=project, title=f"A{i}") for i in range(4)]
    people = [UserFactory(username=name, role="annotator") for name in ("ann", "bob", "cem")]
    project.members.add(*people)
    return project, articles, people


@pytest.fixture
def api():
    return client_for(UserFactory(username="boss", is_staff=True))


def url(slug="kyst"):
    return reverse("api:assignments", kwargs={"slug": slug})


def test_distribute_gives_each_article_k_annotators_evenly(api, team):
    project, _, _ = team
    answer = api.post(
        url(), {"action": "distribute", "annotators": ["ann", "bob", "cem"], "per_article": 2}
    )
    assert answer.status_code == 200, answer.json()
    assert answer.json() == {
        "action": "distribute",
        "assigned": 8,
        "articles": 4,
        "loads": {"ann": 3, "bob": 3, "cem": 2},
    }
    project.refresh_from_db()
    assert project.annotators_per_article == 2
    again = api.post(
        url(), {"action": "distribute", "annotators": ["ann", "bob", "cem"], "per_article": 2}
    )
    assert again.json()["assigned"] == 0  # only unassigned or underassigned articles


def test_distribute_refuses_a_non_member_naming_the_field_and_writes_nothing(api, team):
    UserFactory(username="out", role="annotator")
    answer = api.post(
        url(), {"action": "distribute", "annotators": ["ann", "out"], "per_article": 1}
    )
    assert answer.status_code == 400
    assert "annotators[1]" in answer.json()
    assert not Assignment.objects.exists()


def test_distribute_wanting_more_people_than_chosen_is_a_400_on_per_article(api, team):
    answer = api.post(url(), {"action": "distribute", "annotators": ["ann"], "per_article": 2})
    assert answer.status_code == 400
    assert "per_article" in answer.json()
    assert not Assignment.objects.exists()


def test_assign_gives_the_named_articles_to_the_named_people(api, team):
    _, articles, _ = team
    answer = api.post(
        url(),
        {"action": "assign", "articles": [articles[0].pk, articles[2].pk], "annotators": ["bob"]},
    )
    assert answer.status_code == 200, answer.json()
    assert answer.json() == {"action": "assign", "assigned": 2, "loads": {"bob": 2}}
    assert set(Assignment.objects.values_list("article_id", flat=True)) == {
        articles[0].pk,
        articles[2].pk,
    }


def test_assign_refuses_an_article_of_another_project(api, team):
    elsewhere = ArticleFactory(project=ProjectFactory(slug="other"))
    answer = api.post(
        url(), {"action": "assign", "articles": [elsewhere.pk], "annotators": ["ann"]}
    )
    assert answer.status_code == 400
    assert answer.json() == {"articles[0]": ["no such article in this project"]}


def test_reassign_hands_on_only_unfinished_work(api, team):
    _, articles, _ = team
    api.post(
        url(), {"action": "assign", "articles": [a.pk for a in articles[:2]], "annotators": ["ann"]}
    )
    Assignment.objects.filter(article=articles[0]).update(status=Assignment.Status.DONE)
    answer = api.post(url(), {"action": "reassign", "leaving": "ann", "annotators": ["cem"]})
    assert answer.status_code == 200, answer.json()
    assert answer.json()["assigned"] == 1
    statuses = dict(
        Assignment.objects.values_list("annotator__username", "status").filter(article=articles[1])
    )
    assert statuses == {"ann": "skipped", "cem": "todo"}
    assert Assignment.objects.get(article=articles[0]).status == "done"


def test_an_unknown_action_is_a_400_naming_action(api, team):
    answer = api.post(url(), {"action": "shuffle"})
    assert answer.status_code == 400
    assert "action" in answer.json()


def test_changes_are_for_admins_and_write_tokens(team):
    project, _, _ = team
    reviewer = UserFactory(username="rev", role="reviewer")
    project.members.add(reviewer)
    body = {"action": "distribute", "annotators": ["ann"], "per_article": 1}
    assert client_for(reviewer).post(url(), body).status_code == 403
    boss = UserFactory(username="boss2", is_staff=True)
    assert client_for(boss, scope=ApiToken.Scope.READ).post(url(), body).status_code == 403
    assert not Assignment.objects.exists()


def test_listing_filters_and_counts(api, team, django_assert_max_num_queries):
    api.post(url(), {"action": "distribute", "annotators": ["ann", "bob", "cem"], "per_article": 2})
    with django_assert_max_num_queries(5):
        page = api.get(url(), {"annotator": "ann", "count": "true", "page_size": 2}).json()
    assert page["count"] == 3
    assert len(page["results"]) == 2
    assert {row["annotator"] for row in page["results"]} == {"ann"}
    assert set(page["results"][0]) >= {"id", "article", "article_title", "status"}
    rest = api.get(page["next"]).json()
    assert rest["count"] == 3
    assert len(rest["results"]) == 1
    assert api.get(url(), {"status": "done"}).json()["results"] == []
    assert "count" not in api.get(url()).json()
    assert api.get(url(), {"count": "yes"}).status_code == 400


def test_an_annotator_lists_only_their_own(team):
    _, _, people = team
    boss = client_for(UserFactory(username="boss", is_staff=True))
    boss.post(url(), {"action": "distribute", "annotators": ["ann", "bob"], "per_article": 2})
    mine = client_for(people[0], scope=ApiToken.Scope.READ).get(url(), {"count": "true"}).json()
    assert mine["count"] == 4
    assert {row["annotator"] for row in mine["results"]} == {"ann"}


def test_a_project_one_cannot_see_is_a_404(team):
    stranger = UserFactory(username="zed", role="annotator")
    assert client_for(stranger).get(url()).status_code == 404
    assert Project.objects.filter(slug="kyst").exists()


def test_article_list_counts_on_request(api, team):
    page = api.get(reverse("api:article-list"), {"count": "true", "page_size": 1}).json()
    assert page["count"] == 4
    assert len(page["results"]) == 1


def test_real_answers_of_the_new_endpoints_match_the_schema(team, settings, in_process_requests):  # noqa: F811
    """The generated requests of the schemathesis tests rarely name a real project: here
    each new operation's real success answer is checked against the schema."""
    settings.TWO_FACTOR_REQUIRED_FOR_STAFF = False
    _, articles, _ = team
    boss = UserFactory(username="boss", is_staff=True, password="pw-for-tests")
    _, secret = ApiToken.objects.create(user=boss, expiry=None, name="fuzz")
    headers = {"Authorization": f"Token {secret}"}
    schema = schemathesis.openapi.from_wsgi("/api/schema/", application)
    calls = [
        ("/api/v1/", "GET", {}, None),
        ("/api/v1/auth/token/", "POST", {}, {"username": "boss", "password": "pw-for-tests",
                                            "name": "s", "expiry_days": 3}),
        ("/api/v1/projects/{slug}/assignments/", "POST", {"slug": "kyst"},
         {"action": "distribute", "annotators": ["ann", "bob"], "per_article": 1}),
        ("/api/v1/projects/{slug}/assignments/", "POST", {"slug": "kyst"},
         {"action": "assign", "articles": [articles[0].pk], "annotators": ["cem"]}),
        ("/api/v1/projects/{slug}/assignments/", "POST", {"slug": "kyst"},
         {"action": "reassign", "leaving": "cem", "annotators": ["ann", "bob"]}),
        ("/api/v1/projects/{slug}/assignments/", "GET", {"slug": "kyst"}, None),
        ("/api/v1/articles/{article_id}/adjudication/", "POST", {"article_id": articles[0].pk},
         {"action": "take_unanimous"}),
    ]  # fmt: skip
    for path, method, where, body in calls:
        operation = schema[path][method]
        kwargs = {"path_parameters": where}
        if body is not None:
            kwargs.update(body=body, media_type="application/json")
        case = operation.Case(**kwargs)
        response = case.call(headers=headers)
        assert response.status_code < 400 or path.endswith("adjudication/"), (
            path,
            response.text[:300],
        )
        case.validate_response(response, excluded_checks=[ignored_auth])


@pytest.mark.parametrize("articles", [4, 40])
def test_distribute_takes_the_same_queries_for_ten_times_the_articles(
    api, articles, django_assert_max_num_queries
):
    project = ProjectFactory(slug="kyst")
    ArticleFactory.create_batch(articles, project=project)
    people = [UserFactory(username=name, role="annotator") for name in ("ann", "bob")]
    project.members.add(*people)
    body = {"action": "distribute", "annotators": ["ann", "bob"], "per_article": 2}
    with django_assert_max_num_queries(18):
        assert api.post(url(), body).json()["assigned"] == 2 * articles
