import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

from articles.models import Quote
from tests.factories import ArticleFactory, ProjectFactory, QuoteFactory, UserFactory
from tests.logins import force_verified_login

pytestmark = pytest.mark.django_db


def test_anonymous_visitors_are_sent_to_login(client):
    response = client.get(reverse("articles:project-list"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_login_page_is_styled_and_logs_in(client):
    user = UserFactory(username="ann", role="annotator")
    page = client.get(reverse("login"))
    assert page.status_code == 200
    assert "css/app.css" in page.content.decode()
    response = client.post(reverse("login"), {"username": "ann", "password": "pw-for-tests"})
    assert response.status_code == 302
    assert response.url == reverse("articles:project-list")
    assert int(client.session["_auth_user_id"]) == user.pk


def test_member_sees_only_their_projects_with_counts(client):
    user = UserFactory(role="annotator")
    # Not blind: the quotes of others count (tests/integration/test_blind.py has the rest).
    mine = ProjectFactory(name="Mine", blind=False)
    mine.members.add(user)
    ProjectFactory(name="Somebody else's")
    articles = [ArticleFactory(project=mine) for _ in range(3)]
    QuoteFactory(article=articles[0])
    QuoteFactory(article=articles[1])
    client.force_login(user)
    response = client.get(reverse("articles:project-list"))
    projects = list(response.context["projects"])
    assert [p.name for p in projects] == ["Mine"]
    assert (projects[0].article_count, projects[0].quote_count) == (3, 2)
    assert "3 articles" in response.content.decode()


def test_staff_see_every_project(client, admin_user):
    ProjectFactory(name="A")
    ProjectFactory(name="B")
    force_verified_login(client, admin_user)
    response = client.get(reverse("articles:project-list"))
    assert [p.name for p in response.context["projects"]] == ["A", "B"]


def test_project_list_uses_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    user = UserFactory(role="annotator")
    for i in range(15):
        project = ProjectFactory(blind=i % 2 == 0)
        project.members.add(user)
        for article in [ArticleFactory(project=project) for _ in range(3)]:
            QuoteFactory(article=article)
    assert Quote.objects.count() == 45
    client.force_login(user)
    # session, user, the user's groups (role in the header), the projects.
    with django_assert_max_num_queries(4):
        response = client.get(reverse("articles:project-list"))
    assert len(response.context["projects"]) == 15


def test_pages_send_a_strict_content_security_policy(client):
    policy = client.get(reverse("login"))["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy


def test_htmx_comes_from_our_static_files_with_the_csrf_header(client, admin_user):
    force_verified_login(client, admin_user)
    html = client.get(reverse("articles:project-list")).content.decode()
    assert "django_htmx/htmx-2.min.js" in html
    assert finders.find("django_htmx/htmx-2.min.js")
    assert 'hx-headers=\'{"X-CSRFToken": "' in html
    assert "https://" not in html.split("<body", 1)[0]  # no CDN in the head
