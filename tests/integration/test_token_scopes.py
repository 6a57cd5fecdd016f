"""API token scopes: read-only tokens change nothing; suggest tokens post model
predictions and nothing else; write tokens do what the owner's role allows."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from accounts.models import ApiToken
from articles.models import Assignment, Quote, Suggestion
from tests.factories import ArticleFactory, ProjectFactory, UserFactory

pytestmark = pytest.mark.django_db

TEXT = "– The bridge must be rebuilt before winter, says engineer Kari Holm."
FRAGMENT = "The bridge must be rebuilt before winter"


@pytest.fixture
def world():
    project = ProjectFactory(slug="bridge")
    article = ArticleFactory(project=project, text=TEXT)
    annotator = UserFactory(username="ann", role="annotator")
    researcher = UserFactory(username="res", role="researcher")
    project.members.add(annotator, researcher)
    Assignment.objects.create(article=article, annotator=annotator)
    return {"article": article, "annotator": annotator, "researcher": researcher}


def client_with(user, scope):
    client = APIClient()
    _, secret = ApiToken.objects.create(user=user, expiry=None, name=scope, scope=scope)
    client.credentials(HTTP_AUTHORIZATION=f"Token {secret}")
    return client


def post_quotes(client, article, **body):
    start = TEXT.index(FRAGMENT)
    item = {"start": start, "end": start + len(FRAGMENT), "text": FRAGMENT, "kind": "direct"}
    return client.post(
        reverse("api:article-quotes", args=[article.pk]), {"quotes": [item], **body}, format="json"
    )


def test_a_read_token_reads_and_changes_nothing(world):
    client = client_with(world["annotator"], "read")
    assert client.get(reverse("api:article-detail", args=[world["article"].pk])).status_code == 200
    response = post_quotes(client, world["article"])
    assert response.status_code == 403
    assert "read-only" in response.json()["detail"]
    assert not Quote.objects.exists()


def test_a_write_token_does_what_the_role_allows(world):
    assert (
        post_quotes(client_with(world["annotator"], "write"), world["article"]).status_code == 201
    )
    assert Quote.objects.get().annotator == world["annotator"]
    # A researcher's write token still cannot post suggestions: the role decides.
    response = post_quotes(
        client_with(world["researcher"], "write"), world["article"], origin="suggested"
    )
    assert response.status_code == 403


def test_a_suggest_token_posts_model_predictions_and_nothing_else(world):
    client = client_with(world["researcher"], "suggest")
    response = post_quotes(client, world["article"], origin="suggested", model="bridge-bert")
    assert response.status_code == 201
    assert Suggestion.objects.get().source == "bridge-bert"
    # The assigned annotator gets a copy to judge.
    assert Quote.objects.get().origin == "suggested"
    annotators_token = client_with(world["annotator"], "suggest")
    own = post_quotes(annotators_token, world["article"])
    assert own.status_code == 403
    assert "only post suggestions" in own.json()["detail"]
    quote = Quote.objects.get()
    patch = annotators_token.patch(
        reverse("api:quote-detail", args=[quote.pk]), {"version": 1, "kind": "mixed"}
    )
    assert patch.status_code == 403


def test_the_tokens_page_makes_read_only_tokens_unless_asked(client, world):
    client.force_login(world["researcher"])
    page = client.get(reverse("accounts:tokens"))
    assert 'value="read" selected' in page.content.decode()
    client.post(
        reverse("accounts:tokens"), {"name": "pipeline", "lifetime": "90", "scope": "suggest"}
    )
    assert ApiToken.objects.get(name="pipeline").scope == "suggest"
    client.post(reverse("accounts:tokens"), {"name": "unsaid", "lifetime": "30"})
    assert ApiToken.objects.get(name="unsaid").scope == "read"
    bad = client.post(reverse("accounts:tokens"), {"name": "x", "lifetime": "90", "scope": "all"})
    assert bad.status_code == 400
    assert "scope" in bad.content.decode()
