"""No request from any role may hold a worker for long: bodies are capped (413) before they
are read, whole, into memory; an API request carries a bounded number of quotes, counted
before any is validated; the admins' article import has its own, larger cap, applied
only once the user is known to be an admin."""

import io
import json

import pytest
from django.test import Client, override_settings
from django.test.client import FakePayload
from django.urls import reverse
from rest_framework.test import APIClient

from accounts.models import ApiToken
from articles.api.parsers import RequestTooLarge, read_body
from articles.exchange.records import MAX_TEXT_BYTES
from articles.models import Article, Assignment, Quote
from tests.factories import ArticleFactory, ProjectFactory, UserFactory

pytestmark = pytest.mark.django_db

TEXT = "– Vi sier nei, sier Ola Vik."


@pytest.fixture
def world():
    project = ProjectFactory(slug="kyst")
    annotator = UserFactory(username="ann", role="annotator")
    researcher = UserFactory(username="res", role="researcher")
    admin = UserFactory(username="boss", is_staff=True, is_superuser=True)
    project.members.add(annotator, researcher)
    article = ArticleFactory(project=project, text=TEXT)
    Assignment.objects.create(article=article, annotator=annotator)
    return {
        "project": project,
        "article": article,
        "ann": annotator,
        "res": researcher,
        "admin": admin,
    }


def api(user):
    client = APIClient()
    _, token = ApiToken.objects.create(user=user, expiry=None, name="t", scope="write")
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return client


def item(fragment):
    start = TEXT.index(fragment)
    return {"start": start, "end": start + len(fragment), "text": fragment, "kind": "direct"}


def unread(declared: int, sent: bytes = b"[]") -> dict:
    """Request headers declaring a body of ``declared`` bytes while sending ``sent``: the
    test client's payload raises if anything reads past what was sent."""
    return {"CONTENT_LENGTH": str(declared), "wsgi.input": FakePayload(sent)}


# The API ---------------------------------------------------------------------------------


@override_settings(API_MAX_QUOTES_PER_REQUEST=2)
def test_a_batch_over_the_quote_limit_is_refused_before_any_quote_is_validated(world):
    url = reverse("api:article-quotes", args=[world["article"].pk])
    client = api(world["ann"])
    # Three invalid quotes: validating them would name quotes[0]; counting comes first.
    response = client.post(url, {"quotes": [{}, {}, {}]}, format="json")
    assert response.status_code == 400
    assert response.json() == {"quotes": "at most 2 a request, not 3: send the rest after"}
    response = client.post(url, {"quotes": [item("Vi sier"), item("sier Ola")]}, format="json")
    assert response.status_code == 201, response.json()
    assert Quote.objects.count() == 2


def test_the_quote_limit_defaults_to_a_thousand(world, settings):
    assert settings.API_MAX_QUOTES_PER_REQUEST == 1000
    url = reverse("api:article-quotes", args=[world["article"].pk])
    response = api(world["ann"]).post(url, {"quotes": [{}] * 1001}, format="json")
    assert response.status_code == 400
    assert "at most 1,000" in response.json()["quotes"]


def test_an_api_body_over_the_limit_is_refused_from_its_content_length_unread(world):
    url = reverse("api:article-quotes", args=[world["article"].pk])
    # The request: a 59 MiB batch. Nothing of it is read, no quote is validated.
    response = api(world["ann"]).generic(
        "POST", url, b"", content_type="application/json", **unread(59 * 2**20)
    )
    assert response.status_code == 413
    assert response.json()["detail"].startswith("The request body is larger than 4,194,304 bytes")


@override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=1000)
def test_an_api_body_one_byte_over_the_limit_is_a_413_and_at_the_limit_is_read(world):
    url = reverse("api:article-quotes", args=[world["article"].pk])
    client = api(world["ann"])
    body = json.dumps({"quotes": [item("Vi sier")], "model": ""}).encode()
    at_limit = body[:-1] + b" " * (1000 - len(body)) + b"}"
    assert len(at_limit) == 1000
    response = client.generic("POST", url, at_limit, content_type="application/json")
    assert response.status_code == 201, response.json()
    response = client.generic("POST", url, at_limit + b" ", content_type="application/json")
    assert response.status_code == 413
    assert "1,000 bytes" in response.json()["detail"]
    patch = reverse("api:quote-detail", args=[Quote.objects.get().pk])
    response = client.generic("PATCH", patch, b" " * 1001, content_type="application/json")
    assert response.status_code == 413


@override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=10)
def test_a_stream_longer_than_its_content_length_is_cut_at_the_limit():
    class Request:
        META = {"CONTENT_LENGTH": "5"}

    stream = io.BytesIO(b"x" * 1000)
    with pytest.raises(RequestTooLarge):
        read_body(stream, {"request": Request(), "view": None})
    assert stream.tell() == 11  # the limit and one byte more: never the rest


def test_the_api_takes_json_only(world):
    url = reverse("api:article-quotes", args=[world["article"].pk])
    response = api(world["ann"]).post(url, {"quotes": "x" * 100})  # multipart
    assert response.status_code == 415
    assert "Unsupported media type" in response.json()["detail"]


def test_the_largest_valid_quote_fits_under_the_default_limits(world):
    # 1 MiB of text (the most an article holds), each character escaped to six bytes.
    text = "ø" * (MAX_TEXT_BYTES // 2)
    article = ArticleFactory(project=world["project"], text=text)
    Assignment.objects.create(article=article, annotator=world["ann"])
    quote = {"start": 0, "end": len(text), "text": text, "kind": "direct"}
    body = json.dumps({"quotes": [quote]}).encode()  # ASCII only: \u00f8 for each ø
    assert len(body) > 3 * 2**20
    url = reverse("api:article-quotes", args=[article.pk])
    response = api(world["ann"]).generic("POST", url, body, content_type="application/json")
    assert response.status_code == 201, response.content[:300]
    Quote.objects.filter(article=article).delete()
    browser = Client()
    browser.force_login(world["ann"])
    response = browser.post(
        reverse("articles:quote-create", args=[article.pk]), quote, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 201, response.content[:300]
    assert Quote.objects.filter(article=article).count() == 1


# The admins' article import ------------------------------------------------------------


def test_the_import_checks_the_role_before_reading_the_body(world):
    url = reverse("api:article-import", args=["kyst"])
    response = api(world["res"]).generic(
        "POST", url, b"", content_type="application/json", **unread(60 * 2**20)
    )
    assert response.status_code == 403
    assert response.json()["detail"] == "Only admins add articles."


@override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=1000, ARTICLE_IMPORT_MAX_BYTES=10_000)
def test_the_import_has_its_own_larger_limit(world):
    url = reverse("api:article-import", args=["kyst"])
    admin = api(world["admin"])
    articles = [{"title": f"Long {i}", "text": f"Words {i}. " * 100} for i in range(5)]
    body = json.dumps(articles).encode()
    assert 1000 < len(body) < 10_000
    response = admin.generic("POST", url, body, content_type="application/json")
    assert response.status_code == 201, response.json()
    assert response.json()["created"] == 5
    lines = b"\n".join(json.dumps(a).encode() for a in articles * 4)
    assert len(lines) > 10_000
    response = admin.generic("POST", url, lines, content_type="application/x-ndjson")
    assert response.status_code == 413
    assert "10,000 bytes" in response.json()["detail"]
    response = admin.generic("POST", url, b"", content_type="application/json", **unread(10_001))
    assert response.status_code == 413
    assert Article.objects.filter(title__startswith="Long").count() == 5


def test_the_import_limit_defaults_to_64_mib(settings):
    assert settings.ARTICLE_IMPORT_MAX_BYTES == 64 * 2**20
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE == 4 * 2**20


# Form and htmx posts ---------------------------------------------------------------------


@pytest.fixture
def browser(world):
    client = Client()
    client.force_login(world["ann"])
    return client


@override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=1000)
def test_an_htmx_post_over_the_limit_gets_a_413_with_a_message_atop_the_page(world, browser):
    url = reverse("articles:quote-create", args=[world["article"].pk])
    response = browser.post(url, {**item("Vi sier"), "text": "x" * 1000}, HTTP_HX_REQUEST="true")
    assert response.status_code == 413
    assert response.content.decode() == (
        '<ul class="messages" role="alert"><li class="message error">The request is larger '
        "than 1,000 bytes (0.000953674 MiB); nothing was saved.</li></ul>"
    )
    assert response["HX-Retarget"] == "#main"
    assert response["HX-Reswap"] == "afterbegin"
    assert "HX-Request" in response["Vary"]
    assert not Quote.objects.exists()


def test_a_form_post_over_the_limit_is_refused_from_its_content_length_unread(world, browser):
    url = reverse("articles:quote-create", args=[world["article"].pk])
    response = browser.generic(
        "POST",
        url,
        b"",
        # Django's client sets the type only with a body.
        CONTENT_TYPE="application/x-www-form-urlencoded",
        **unread(59 * 2**20, b"start=2"),
    )
    assert response.status_code == 413
    assert "The request is larger than 4,194,304 bytes (4 MiB)" in response.content.decode()
    assert '<main id="main"' in response.content.decode()  # a whole page, not htmx's


def test_a_form_with_too_many_fields_gets_a_400_saying_so(world, browser):
    url = reverse("articles:quote-create", args=[world["article"].pk])
    fields = {f"stance-{i}": "favor" for i in range(1001)}
    response = browser.post(url, {**item("Vi sier"), **fields}, HTTP_HX_REQUEST="true")
    assert response.status_code == 400
    assert "The form sends more than 1,000 fields; nothing was saved." in response.content.decode()
    assert not Quote.objects.exists()


def test_a_form_with_too_many_files_gets_a_400_saying_so(world, browser):
    url = reverse("articles:quote-create", args=[world["article"].pk])
    files = {f"f{i}": io.BytesIO(b"x") for i in range(101)}
    response = browser.post(url, {**item("Vi sier"), **files}, HTTP_HX_REQUEST="true")
    assert response.status_code == 400
    assert "The form sends more than 100 files; nothing was saved." in response.content.decode()


def test_other_bad_requests_keep_djangos_page(world, browser):
    response = browser.get("/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert "nothing was saved" not in response.content.decode()
