"""API token scopes: read-only tokens change nothing; suggest tokens post model
predictions and nothing else; write tokens do what the owner's role allows. A scope never
exceeds the owner's role, when the token is made nor at any request after."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from accounts.models import ApiToken
from accounts.roles import set_role
from articles.models import Assignment, Quote, Speaker, Suggestion
from tests.factories import ArticleFactory, ProjectFactory, UserFactory
from tests.logins import force_verified_login

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
    world["article"].project.researchers_suggest = True
    world["article"].project.save()
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
    world["article"].project.researchers_suggest = True
    world["article"].project.save()
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


# Roles bind tokens: suggestions come from reviewers, admins, and researchers where the
# project allows it; never from an annotator, whatever their token says.


def test_an_annotators_suggest_token_cannot_plant_quotes_in_the_other_annotators_sets(world):
    """The attack of issue 12: 403, and neither a quote nor a catalog speaker appears."""
    article, annotator = world["article"], world["annotator"]
    other = UserFactory(username="ann2", role="annotator")
    Assignment.objects.create(article=article, annotator=other)
    # Made before roles bound tokens (the tokens page no longer offers it to annotators).
    client = client_with(annotator, "suggest")
    start = TEXT.index(FRAGMENT)
    planted = {
        "start": start,
        "end": start + len(FRAGMENT),
        "text": FRAGMENT,
        "kind": "direct",
        "speaker": "Planted by annotator1",
    }
    response = client.post(
        reverse("api:article-quotes", args=[article.pk]),
        {"origin": "suggested", "quotes": [planted]},
        format="json",
    )
    assert response.status_code == 403
    assert "suggest" in response.json()["detail"]
    assert not Quote.objects.exists()
    assert not Suggestion.objects.exists()
    assert not Speaker.objects.exists()
    # Nor with a write token, nor in the browser's session.
    for other_client in (client_with(annotator, "write"), _session(annotator)):
        again = other_client.post(
            reverse("api:article-quotes", args=[article.pk]),
            {"origin": "suggested", "quotes": [planted]},
            format="json",
        )
        assert again.status_code == 403
    assert not Quote.objects.exists()
    assert not Speaker.objects.exists()


def test_a_suggest_token_stops_suggesting_when_its_owner_stops_reviewing(world):
    reviewer = UserFactory(username="rev", role="reviewer")
    world["article"].project.members.add(reviewer)
    # Assigned too, so that as an annotator they still reach the article.
    Assignment.objects.create(article=world["article"], annotator=reviewer)
    client = client_with(reviewer, "suggest")
    set_role(user=reviewer, role="annotator")
    demoted = post_quotes(client, world["article"], origin="suggested")
    assert demoted.status_code == 403
    assert not Quote.objects.exists()
    # The tokens page says so.
    page = _session(reviewer).get(reverse("accounts:tokens")).content.decode()
    assert "more than your role allows now: it does only what your role does" in page
    set_role(user=reviewer, role="reviewer")
    page = _session(reviewer).get(reverse("accounts:tokens")).content.decode()
    assert "more than your role allows now" not in page
    assert post_quotes(client, world["article"], origin="suggested").status_code == 201


def test_researchers_suggest_only_where_the_project_allows_it(world):
    article, researcher = world["article"], world["researcher"]
    client = client_with(researcher, "suggest")
    refused = post_quotes(client, article, origin="suggested")
    assert refused.status_code == 403
    assert "researchers" in refused.json()["detail"]
    assert not Quote.objects.exists()
    article.project.researchers_suggest = True
    article.project.save()
    assert post_quotes(client, article, origin="suggested").status_code == 201
    assert Quote.objects.get().annotator == world["annotator"]
    # Their session likewise; a read token never.
    assert (
        post_quotes(client_with(researcher, "read"), article, origin="suggested").status_code == 403
    )


def _session(user):
    client = APIClient()
    client.force_login(user)
    return client


def _offered_scopes(client) -> list[str]:
    form = client.get(reverse("accounts:tokens")).context["form"]
    return [value for value, _ in form.fields["scope"].choices]


def test_the_tokens_page_offers_only_the_scopes_the_role_permits(client, world):
    reviewer = UserFactory(username="rev", role="reviewer")
    admin = UserFactory(username="boss", is_staff=True)
    expected = [
        (world["annotator"], ["read", "write"]),
        (world["researcher"], ["read"]),  # researchers write nothing
        (reviewer, ["read", "write", "suggest"]),
        (admin, ["read", "write", "suggest"]),
    ]
    for user, scopes in expected:
        if user.is_staff:
            force_verified_login(client, user)  # staff pass their second factor first
        else:
            client.force_login(user)
        assert _offered_scopes(client) == scopes, user
    page = client.get(reverse("accounts:tokens")).content.decode()
    assert 'value="suggest"' in page
    client.force_login(world["annotator"])
    assert 'value="suggest"' not in client.get(reverse("accounts:tokens")).content.decode()
    # A researcher is offered "suggest" once a project of theirs allows it.
    world["article"].project.researchers_suggest = True
    world["article"].project.save()
    client.force_login(world["researcher"])
    assert _offered_scopes(client) == ["read", "suggest"]


@pytest.mark.parametrize(
    ("who", "scope"), [("annotator", "suggest"), ("researcher", "suggest"), ("researcher", "write")]
)
def test_posting_a_scope_beyond_the_role_is_a_400_naming_scope(client, world, who, scope):
    client.force_login(world[who])
    for headers in ({}, {"HX-Request": "true"}):
        response = client.post(
            reverse("accounts:tokens"),
            {"name": "sneaky", "lifetime": "90", "scope": scope},
            headers=headers,
        )
        assert response.status_code == 400
        assert f"scope: {scope} is not a scope your role allows" in response.content.decode()
    assert not ApiToken.objects.exists()


def test_the_project_admin_sets_whether_researchers_suggest(client, world):
    admin = UserFactory(username="boss", is_staff=True, is_superuser=True)
    force_verified_login(client, admin)
    project = world["article"].project
    page = client.get(reverse("admin:articles_project_change", args=[project.pk]))
    assert 'name="researchers_suggest"' in page.content.decode()
    assert project.researchers_suggest is False  # the default: researchers only read
