"""Every link and plain form inside <div id="page" hx-boost="true"> is boosted: htmx
fetches the page with HX-Request and HX-Boosted and puts the whole answer in place of the
page. A view that answers htmx with a fragment must therefore tell its own htmx requests
from boosted ones, or a boosted link shows a bare fragment (no header, no title)."""

import pytest
from django.urls import reverse

from articles.jobs.models import ProjectJob
from articles.models import Assignment
from tests.factories import ArticleFactory, ProjectFactory, UserFactory
from tests.routes import answers_htmx_differently, named_routes

pytestmark = pytest.mark.django_db

BOOSTED = {"HX-Request": "true", "HX-Boosted": "true", "HX-Current-URL": "http://testserver/"}


def _is_whole_page(response) -> bool:
    html = response.content.decode()
    return "<html" in html and 'class="site-header"' in html and "Log out" in html


def test_a_boosted_get_of_every_htmx_aware_page_answers_the_whole_page(client):
    user = UserFactory(username="rev", role="reviewer")
    project = ProjectFactory(slug="kyst")
    project.members.add(user)
    article = ArticleFactory(project=project)
    Assignment.objects.create(article=article, annotator=user)
    job = ProjectJob.objects.create(project=project, kind="export", status="done")
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
    client.force_login(user)
    aware = sorted({name for name, view in named_routes() if answers_htmx_differently(view)})
    assert {"accounts:tokens", "articles:article", "articles:job"} <= set(aware)
    for name in aware:
        url = reverse(name, args=args.get(name, []))
        response = client.get(url, headers=BOOSTED, follow=True)
        if response.status_code == 405:  # a write: its forms post with hx-post, unboosted
            continue
        assert response.status_code == 200, (name, response.status_code)
        assert _is_whole_page(response), name


def test_the_tokens_page_answers_a_boosted_link_whole_and_its_own_form_with_the_panel(client):
    client.force_login(UserFactory(username="ann", role="annotator"))
    url = reverse("accounts:tokens")
    assert _is_whole_page(client.get(url, headers=BOOSTED))
    panel = client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert panel.lstrip().startswith('<div id="token-panel">')
    made = client.post(url, {"name": "laptop", "lifetime": "30"}, headers={"HX-Request": "true"})
    assert made.content.decode().lstrip().startswith('<div id="token-panel">')
    assert 'id="new-token">na_' in made.content.decode()
