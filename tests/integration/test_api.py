import hashlib
import json
from datetime import UTC, datetime

import pytest
from django.db import connection
from django.urls import reverse
from rest_framework.test import APIClient

from accounts.models import ApiToken
from articles.api.throttling import TokenRateThrottle
from articles.models import Assignment, Quote, Speaker
from tests.exports import csv_rows as exported_csv_rows
from tests.exports import records as exported_records
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


@pytest.mark.parametrize(
    ("who", "status"),
    [(None, 401), ("annotator", 403), ("outsider", 404), ("researcher", 200), ("admin", 200)],
)
def test_every_project_endpoint_answers_by_role(world, who, status):
    client = client_for(world["users"].get(who))
    for name in ("export", "manifest", "agreement"):
        response = client.get(reverse(f"api:{name}", args=["kyst"]))
        assert response.status_code == status, (name, response.content[:200])


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
    assert client.get(url, {"annotations": "silver"}).status_code == 400
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
        # Token with user and role (and last_used, the first time), the page.
        with django_assert_max_num_queries(3):
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
    records = exported_records(b"".join(response.streaming_content))
    assert [record["id"] for record in records] == [world["article"].pk]
    csv_text = b"".join(client.get(url, {"format": "csv"}).streaming_content).decode()
    assert exported_csv_rows(csv_text)[0][:3] == ["id", "external_id", "title"]
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


def quote_item(article, fragment, **extra):
    start = article.text.index(fragment)
    return {
        "start": start,
        "end": start + len(fragment),
        "text": fragment,
        "kind": "direct",
        **extra,
    }


def test_an_annotator_posts_several_quotes_at_once(world):
    article = world["article"]
    world["project"].targets.create(name="Planen")
    client = client_for(world["users"]["annotator"])
    url = reverse("api:article-quotes", args=[article.pk])
    items = [
        quote_item(
            article,
            "Vi sier",
            speaker="Kari Nes",
            stances=[{"target": "planen", "label": "against"}],
        ),
        quote_item(
            article, "sier Ola", speaker=world["mine"].speaker_id, cue={"start": 0, "end": 1}
        ),
    ]
    response = client.post(url, {"quotes": items}, format="json")
    assert response.status_code == 201, response.json()
    made = Quote.objects.filter(pk__in=response.json()["created"])
    assert sorted(q.text for q in made) == ["Vi sier", "sier Ola"]
    assert made.get(text="Vi sier").stances.get().label == "against"
    assert made.get(text="Vi sier").speaker.name == "Kari Nes"


def test_a_bad_quote_in_a_batch_saves_none_and_names_the_field(world):
    article = world["article"]
    client = client_for(world["users"]["annotator"])
    url = reverse("api:article-quotes", args=[article.pk])
    items = [quote_item(article, "Vi sier"), {**quote_item(article, "sier Ola"), "text": "x"}]
    before = Quote.objects.count()
    response = client.post(url, {"quotes": items}, format="json")
    assert response.status_code == 400
    assert "quotes[1].text" in response.json()
    bad_target = [quote_item(article, "Vi sier", stances=[{"target": "nope", "label": "favor"}])]
    response = client.post(url, {"quotes": bad_target}, format="json")
    assert "quotes[0].stances[0].target" in response.json()
    assert Quote.objects.count() == before


def test_a_batch_repeating_a_span_saves_none_and_says_where(world):
    article, mine = world["article"], world["mine"]
    client = client_for(world["users"]["annotator"])
    url = reverse("api:article-quotes", args=[article.pk])
    again = {
        "start": mine.start,
        "end": mine.end,
        "text": mine.text,
        "kind": "direct",
        "speaker": "Nobody Yet",
    }
    before = Quote.objects.count()
    for items in ([quote_item(article, "Vi sier"), again], [quote_item(article, "Vi sier")] * 2):
        response = client.post(url, {"quotes": items}, format="json")
        assert response.status_code == 400
        span = items[1]
        assert f"quote at {span['start']}–{span['end']}" in response.json()["quotes"]
    assert Quote.objects.count() == before
    assert not Speaker.objects.filter(name="Nobody Yet").exists()  # rolled back with them


def test_quote_writes_respect_roles(world):
    article = world["article"]
    url = reverse("api:article-quotes", args=[article.pk])
    body = {"quotes": [quote_item(article, "Vi sier")]}
    assert (
        client_for(world["users"]["researcher"]).post(url, body, format="json").status_code == 403
    )
    assert client_for(world["users"]["outsider"]).post(url, body, format="json").status_code == 404
    assert APIClient().post(url, body, format="json").status_code == 401


def test_reviewers_post_model_predictions_as_suggestions(world):
    article = world["article"]
    reviewer = UserFactory(role="reviewer")
    world["project"].members.add(reviewer)
    body = {
        "origin": "suggested",
        "model": "my-bert-v2",
        "quotes": [quote_item(article, "Vi sier nei", speaker="Ola Vik")],
    }
    response = client_for(reviewer).post(
        reverse("api:article-quotes", args=[article.pk]), body, format="json"
    )
    assert response.status_code == 201
    suggestion = article.suggestions.get()
    assert (suggestion.source, suggestion.speaker.name) == ("my-bert-v2", "Ola Vik")
    # Both annotators already have a quote over that span, so nobody gets a copy.
    assert response.json() == {"suggestions": 1, "copies": 0}


def test_patch_and_delete_honour_the_version(world):
    client = client_for(world["users"]["annotator"])
    quote = world["mine"]
    url = reverse("api:quote-detail", args=[quote.pk])
    changed = client.patch(url, {"version": 1, "kind": "mixed"}, format="json")
    assert changed.status_code == 200, changed.json()
    assert (changed.json()["kind"], changed.json()["version"]) == ("mixed", 2)
    stale = client.patch(url, {"version": 1, "kind": "indirect"}, format="json")
    assert stale.status_code == 409
    assert stale.json()["current"]["kind"] == "mixed"
    assert client.patch(url, {"kind": "indirect"}, format="json").status_code == 400
    assert client.delete(url + "?version=1").status_code == 409
    assert client.delete(url + "?version=2").status_code == 204
    assert not Quote.objects.filter(pk=quote.pk).exists()
    # Someone else's quote answers as one deleted meanwhile does: nothing to tell apart.
    theirs = reverse("api:quote-detail", args=[world["theirs"].pk])
    for gone in (theirs, url):
        answer = client.delete(gone + "?version=1")
        assert (answer.status_code, answer.json()["current"]) == (409, None)
    assert Quote.objects.filter(pk=world["theirs"].pk).exists()


def test_a_researcher_changes_no_quote_through_the_api(world):
    """Researchers read only: one who annotated before their role changed keeps their
    quotes, and may no longer change them (the workspace refuses as well)."""
    from accounts.roles import set_role

    annotator = world["users"]["annotator"]
    set_role(user=annotator, role="researcher")
    client = APIClient()
    client.force_authenticate(UserFactory._meta.model.objects.get(pk=annotator.pk))
    url = reverse("api:quote-detail", args=[world["mine"].pk])
    assert client.patch(url, {"version": 1, "kind": "mixed"}, format="json").status_code == 403
    assert client.delete(url + "?version=1").status_code == 403
    quote = Quote.objects.get(pk=world["mine"].pk)
    assert (quote.kind, quote.version) == ("direct", 1)


def test_admins_import_articles_through_the_api(world):
    url = reverse("api:article-import", args=["kyst"])
    admin = client_for(world["users"]["admin"])
    body = [
        {"title": "One", "text": "First text."},
        {"title": "Two", "text": "Second text."},
        {"title": "Again", "text": "First text."},
    ]
    response = admin.post(url, body, format="json")
    assert response.status_code == 201
    assert response.json() == {
        "created": 2,
        "duplicates": 1,
        "quotes": 0,
        "quotes_present": 0,
        "assignments": 0,
        "assignments_present": 0,
        "adjudications": 0,
        "errors": 0,
    }
    lines = "\n".join(
        json.dumps(item)
        for item in [{"title": "Three", "text": "Third."}, {"title": "", "text": "No title."}]
    )
    bad = admin.generic("POST", url, lines, content_type="application/x-ndjson")
    assert bad.status_code == 400
    assert "[1].title" in bad.json()
    assert not world["project"].articles.filter(title="Three").exists()
    researcher = client_for(world["users"]["researcher"])
    assert researcher.post(url, body, format="json").status_code == 403


def test_json_lines_split_only_at_newlines_and_bad_bytes_are_a_400(world):
    admin = client_for(world["users"]["admin"])
    url = reverse("api:article-import", args=[world["project"].slug])
    # U+2028 and U+0085 end a line for str.splitlines(), not for JSON Lines.
    text = "First line\u2028still the same paragraph\u0085and this."
    body = json.dumps({"title": "Separators", "text": text}, ensure_ascii=False) + "\r\n"
    response = admin.generic("POST", url, body.encode(), content_type="application/x-ndjson")
    assert response.status_code == 201, response.json()
    assert world["project"].articles.get(title="Separators").text == text
    bad = b'{"title": "Fine", "text": "Fine."}\n{"title": "Bad", "text": "\xff"}\n'
    response = admin.generic("POST", url, bad, content_type="application/x-ndjson")
    assert response.status_code == 400
    assert "line 2" in response.json()
    assert not world["project"].articles.filter(title="Fine").exists()


def test_ids_too_large_for_the_database_are_a_4xx_not_a_500(world, client):
    api = client_for(world["users"]["researcher"])
    huge = "9" * 25
    assert api.get(reverse("api:quote-list"), {"article": huge}).status_code == 400
    assert api.get(f"/api/v1/quotes/{huge}/").status_code == 404
    client.force_login(world["users"]["annotator"])
    assert client.get(f"/articles/{huge}/").status_code == 404


def test_reading_an_article_with_a_token_takes_a_fixed_few_queries(
    world, django_assert_max_num_queries
):
    client = client_for(world["users"]["researcher"])
    url = reverse("api:article-detail", args=[world["article"].pk])
    client.get(url)  # the first use also records last_used
    # Token with user and role, then on PostgreSQL the article with its quotes, speakers
    # and stances in one query; elsewhere article, quotes, aliases, stances.
    with django_assert_max_num_queries(2 if connection.vendor == "postgresql" else 5):
        assert client.get(url).status_code == 200


def test_an_article_reads_as_the_export_writes_it(world):
    from articles.exchange import streams
    from articles.exchange.export import article_record
    from articles.models import StanceLabel

    article, mine = world["article"], world["mine"]
    for name, label in (("Wind", "favor"), ("Bro", "against")):
        target = world["project"].targets.create(name=name)
        StanceLabel.objects.create(quote=mine, target=target, label=label)
    Quote.objects.filter(pk=mine.pk).update(cue_start=0, cue_end=1)
    url = reverse("api:article-detail", args=[article.pk])
    clients = {who: client_for(world["users"][who]) for who in ("researcher", "annotator", "admin")}
    for who, annotations in (("researcher", "all"), ("annotator", "all"), ("admin", "gold")):
        user = world["users"][who]
        selection = streams.Selection.parse(annotations)
        quotes = selection.quotes(article.project) & Quote.objects.visible_to(user)
        values = {name: getattr(article, name) for name in streams.ARTICLE_VALUES}
        by_article = streams.quotes_by_article(quotes, [article.pk])
        record = article_record(values, by_article.get(article.pk, []))
        expected = json.loads(json.dumps({"project": "kyst", **record}))
        got = clients[who].get(url, {"annotations": annotations}).json()
        assert got == expected, who
        assert list(got) == list(expected)
    got = clients["annotator"].get(url).json()
    assert [s["target"] for s in got["quotes"][0]["stances"]] == ["Bro", "Wind"]
    assert got["quotes"][0]["cue"] == {"start": 0, "end": 1, "text": "–"}


def test_a_page_of_articles_is_what_the_serializer_says(world):
    from articles.api.serializers import ArticleListSerializer
    from articles.models import Article

    world["article"].published_at = datetime(2026, 2, 10, 8, 15, 0, 120000, tzinfo=UTC)
    world["article"].save()
    page = client_for(world["users"]["researcher"]).get(reverse("api:article-list")).json()
    article = Article.objects.get(pk=world["article"].pk)
    article.quote_count = 2
    assert page["results"] == [ArticleListSerializer(article).data]


def test_a_batch_repeating_a_span_saves_nothing(world):
    article = world["article"]
    client = client_for(world["users"]["annotator"])
    url = reverse("api:article-quotes", args=[article.pk])
    item = quote_item(article, "Vi sier")
    response = client.post(url, {"quotes": [item, item]}, format="json")
    assert response.status_code == 400
    assert "repeats" in response.json()["quotes"]
    clash = quote_item(article, world["mine"].text)
    assert client.post(url, {"quotes": [clash]}, format="json").status_code == 400
    assert not Quote.objects.filter(text="Vi sier").exists()


def test_a_bulk_import_writes_every_field(world):
    from articles.exchange.fast_paths import ARTICLE_COLUMNS as _ARTICLE_COLUMNS
    from articles.models import Article

    # The bulk writer names its columns (PostgreSQL's COPY): none may be forgotten.
    columns = {field.column for field in Article._meta.concrete_fields if not field.primary_key}
    assert set(_ARTICLE_COLUMNS) == columns
    item = {
        "title": "Full",
        "text": "Vi sier nei 🙅.\r\nTab\there.",
        "url": "https://example.org/x",
        "outlet": "Kyst",
        "author": "Kari",
        "published_at": "2026-02-10T08:15:00.5+01:00",
        "language": "nb",
        "external_id": 42,
        "metadata": {"section": "Økonomi", "tags": ["a", 1, None]},
    }
    admin = client_for(world["users"]["admin"])
    response = admin.post(reverse("api:article-import", args=["kyst"]), [item], format="json")
    assert response.status_code == 201, response.json()
    article = Article.objects.get(title="Full")
    assert article.text == item["text"]
    assert article.text_sha256 == hashlib.sha256(item["text"].encode()).hexdigest()
    assert (article.url, article.outlet, article.author, article.language) == (
        "https://example.org/x",
        "Kyst",
        "Kari",
        "nb",
    )
    assert article.external_id == "42"
    assert article.metadata == item["metadata"]
    assert article.published_at == datetime(2026, 2, 10, 7, 15, 0, 500000, tzinfo=UTC)
    assert article.created_at is not None
    bad = admin.generic(
        "POST", reverse("api:article-import", args=["kyst"]), b"[{", content_type="application/json"
    )
    assert bad.status_code == 400
    assert "JSON parse error" in bad.json()["detail"]
