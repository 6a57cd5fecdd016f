import json

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from accounts.models import ApiToken
from articles.api.throttling import TokenRateThrottle
from articles.models import Assignment, Quote
from tests.factories import ArticleFactory, ProjectFactory, SpeakerFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    project = ProjectFactory(slug="kyst")
    other_project = ProjectFactory(slug="elsewhere")
    annotator = UserFactory(username="ann", role="annotator")
    colleague = UserFactory(username="col", role="annotator")
    researcher = UserFactory(username="res", role="researcher")
    outsider = UserFactory(username="out", role="researcher")
    admin = UserFactory(username="boss", is_staff=True, is_superuser=True)
    project.members.add(annotator, colleague, researcher)
    other_project.members.add(outsider)
    article = ArticleFactory(project=project, text="– Vi sier nei 🙅, sier Ola Vik.")
    hidden = ArticleFactory(project=other_project, text="Secret words here.")
    for person in (annotator, colleague):
        Assignment.objects.create(article=article, annotator=person)
    speaker = SpeakerFactory(project=project, name="Ola Vik")
    speaker.aliases.create(name="Vik")
    mine = Quote.objects.create(
        article=article,
        annotator=annotator,
        start=2,
        end=13,
        text=article.text[2:13],
        speaker=speaker,
    )
    theirs = Quote.objects.create(
        article=article, annotator=colleague, start=2, end=12, text=article.text[2:12]
    )
    Quote.objects.create(article=hidden, annotator=admin, start=0, end=6, text="Secret")
    return {
        "project": project,
        "article": article,
        "hidden": hidden,
        "mine": mine,
        "theirs": theirs,
        "users": {
            "annotator": annotator,
            "researcher": researcher,
            "outsider": outsider,
            "admin": admin,
        },
    }


def client_for(user):
    client = APIClient()
    if user is not None:
        _, token = ApiToken.objects.create(user=user, expiry=None, name="test")
        client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return client


def ids(response):
    return sorted(row["id"] for row in response.json()["results"])


@pytest.mark.parametrize(
    ("who", "status"),
    [(None, 401), ("annotator", 200), ("outsider", 200), ("researcher", 200), ("admin", 200)],
)
def test_every_list_answers_by_role_and_leaks_nothing(world, who, status):
    client = client_for(world["users"].get(who))
    for name in ("project", "article", "quote", "speaker", "target"):
        response = client.get(reverse(f"api:{name}-list"))
        assert response.status_code == status, (name, response.content)
    if who is None:
        return
    projects = [p["slug"] for p in client.get(reverse("api:project-list")).json()["results"]]
    articles = ids(client.get(reverse("api:article-list")))
    quotes = ids(client.get(reverse("api:quote-list")))
    expected = {
        "annotator": (["kyst"], [world["article"].pk], [world["mine"].pk]),
        "outsider": (
            ["elsewhere"],
            [world["hidden"].pk],
            sorted(Quote.objects.filter(article=world["hidden"]).values_list("pk", flat=True)),
        ),
        "researcher": (
            ["kyst"],
            [world["article"].pk],
            sorted([world["mine"].pk, world["theirs"].pk]),
        ),
    }
    if who in expected:
        assert (projects, articles, quotes) == expected[who]
    else:
        assert sorted(projects) == ["elsewhere", "kyst"]


def test_guessing_another_projects_ids_finds_nothing(world):
    client = client_for(world["users"]["researcher"])
    assert client.get(reverse("api:article-detail", args=[world["hidden"].pk])).status_code == 404
    assert client.get(reverse("api:project-detail", args=["elsewhere"])).status_code == 404
    hidden_quote = Quote.objects.get(article=world["hidden"])
    assert client.get(reverse("api:quote-detail", args=[hidden_quote.pk])).status_code == 404


def test_article_detail_has_quotes_in_the_export_format(world):
    client = client_for(world["users"]["researcher"])
    url = reverse("api:article-detail", args=[world["article"].pk])
    record = client.get(url).json()
    assert record["offset_unit"] == "codepoint"
    assert {q["annotator"] for q in record["quotes"]} == {"ann", "col"}
    only = client.get(url, {"annotations": "annotator:ann"}).json()
    assert [q["id"] for q in only["quotes"]] == [world["mine"].pk]
    assert only["quotes"][0]["speaker"]["aliases"] == ["Vik"]
    assert client.get(url, {"annotations": "gold"}).status_code == 400
    annotator_view = client_for(world["users"]["annotator"]).get(url).json()
    assert [q["annotator"] for q in annotator_view["quotes"]] == ["ann"]


def test_unknown_parameters_and_cross_table_lookups_are_400(world):
    client = client_for(world["users"]["researcher"])
    for params in (
        {"ordering": "-annotator__password"},
        {"text__contains": "x"},
        {"annotator__password": "x"},
    ):
        response = client.get(reverse("api:quote-list"), params)
        assert response.status_code == 400
        assert next(iter(params)) in response.json()
    assert client.get(reverse("api:quote-list"), {"kind": "rumour"}).status_code == 400


def test_filters_narrow_the_lists(world):
    client = client_for(world["users"]["researcher"])
    url = reverse("api:quote-list")
    assert ids(client.get(url, {"annotator": "col"})) == [world["theirs"].pk]
    assert ids(client.get(url, {"speaker": world["mine"].speaker_id})) == [world["mine"].pk]
    assert ids(client.get(reverse("api:article-list"), {"has_quotes": "true"})) == [
        world["article"].pk
    ]
    speakers = client.get(reverse("api:speaker-list"), {"search": "vik"}).json()["results"]
    assert [(s["name"], s["aliases"], s["quote_count"]) for s in speakers] == [
        ("Ola Vik", ["Vik"], 1)
    ]


def test_cursor_pages_are_stable_and_bounded(world, django_assert_max_num_queries):
    project = world["project"]
    for _ in range(45):
        ArticleFactory(project=project)
    client = client_for(world["users"]["researcher"])
    seen, url, pages = [], reverse("api:article-list") + "?page_size=20", 0
    while url:
        with django_assert_max_num_queries(6):
            page = client.get(url).json()
        seen += [row["id"] for row in page["results"]]
        url, pages = page["next"], pages + 1
    assert pages == 3
    assert seen == sorted(seen)
    assert len(seen) == len(set(seen)) == 46
    assert client.get(reverse("api:article-list"), {"page_size": 5000}).json()["results"]


def test_revoking_a_token_takes_effect_at_once(world):
    user = world["users"]["researcher"]
    client = APIClient()
    _, secret = ApiToken.objects.create(user=user, expiry=None, name="laptop")
    client.credentials(HTTP_AUTHORIZATION=f"Token {secret}")
    assert client.get(reverse("api:project-list")).status_code == 200
    browser = APIClient()
    browser.force_login(user)
    token = ApiToken.objects.get(name="laptop")
    assert token.last_used is not None
    browser.post(reverse("accounts:revoke-token", args=[token.token_key]))
    assert client.get(reverse("api:project-list")).status_code == 401


def test_tokens_are_stored_hashed_and_shown_once(world, client):
    user = world["users"]["researcher"]
    client.force_login(user)
    page = client.post(reverse("accounts:tokens"), {"name": "analysis", "lifetime": "30"})
    secret = page.context["secret"]
    assert secret.startswith("na_")
    token = ApiToken.objects.get(name="analysis")
    assert secret not in token.digest
    assert token.expiry is not None
    again = client.get(reverse("accounts:tokens"))
    assert secret not in again.content.decode()
    duplicate = client.post(reverse("accounts:tokens"), {"name": "Analysis", "lifetime": "30"})
    assert duplicate.status_code == 400
    assert "already have a token" in duplicate.content.decode()


def test_expired_tokens_are_refused(world):
    from datetime import timedelta

    _, secret = ApiToken.objects.create(
        user=world["users"]["researcher"], expiry=timedelta(seconds=-1), name="old"
    )
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {secret}")
    assert client.get(reverse("api:project-list")).status_code == 401


def test_no_token_in_the_url(world):
    _, secret = ApiToken.objects.create(user=world["users"]["researcher"], expiry=None, name="url")
    response = APIClient().get(reverse("api:project-list"), {"token": secret})
    assert response.status_code == 401


def test_export_streams_jsonl_and_csv_for_researchers_only(world):
    client = client_for(world["users"]["researcher"])
    url = reverse("api:export", args=["kyst"])
    response = client.get(url)
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Disposition"].startswith('attachment; filename="kyst-')
    lines = b"".join(response.streaming_content).decode().splitlines()
    assert [json.loads(line)["id"] for line in lines] == [world["article"].pk]
    csv_text = b"".join(client.get(url, {"format": "csv"}).streaming_content).decode()
    assert csv_text.splitlines()[0].startswith("id,external_id,title")
    assert client.get(url, {"format": "xml"}).status_code == 400
    assert client.get(url, {"bogus": "1"}).status_code == 400
    assert client_for(world["users"]["annotator"]).get(url).status_code == 403
    assert client_for(world["users"]["outsider"]).get(url).status_code == 404
    manifest = client.get(reverse("api:manifest", args=["kyst"])).json()
    assert manifest["counts"]["quotes"] == 2


def test_token_clients_are_throttled_with_retry_after(world, monkeypatch):
    monkeypatch.setattr(TokenRateThrottle, "THROTTLE_RATES", {"token": "3/min"})
    client = client_for(world["users"]["researcher"])
    statuses = [client.get(reverse("api:target-list")).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    assert int(client.get(reverse("api:target-list"))["Retry-After"]) > 0


def test_schema_and_docs_are_served_without_a_cdn(world, client):
    schema = client.get(reverse("schema"), HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert schema.status_code == 200
    client.force_login(world["users"]["researcher"])
    docs = client.get(reverse("api-docs")).content.decode()
    assert "swagger" in docs.lower()
    assert "cdn" not in docs.lower()
    assert "https://" not in docs


def test_browsable_api_is_off_without_debug(world):
    client = client_for(world["users"]["researcher"])
    response = client.get(reverse("api:project-list"), HTTP_ACCEPT="text/html")
    assert response.status_code == 406
