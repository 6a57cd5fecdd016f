"""Files handed back (uploads, stored raw HTML, exports) are downloads: attachment and
nosniff always, and markup is never served as a page of our origin."""

import pytest
from django.test import override_settings
from django.urls import path, reverse
from rest_framework.test import APIClient

from accounts.models import ApiToken
from articles.exchange.downloads import attachment, file_response
from tests.factories import ArticleFactory, ProjectFactory, UserFactory

PAGE = b"<!DOCTYPE html>\n<script>fetch('/api/v1/projects/')</script>"


def serve_page(request):
    return file_response(PAGE, filename="article.html")


urlpatterns = [path("stored/", serve_page)]


@pytest.mark.parametrize(
    ("data", "content_type"),
    [
        (PAGE, "application/octet-stream"),
        (
            b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>",
            "application/octet-stream",
        ),
        (b"\x89PNG\r\n\x1a\n\x00", "application/octet-stream"),
        ("– Hei, says Åse.\n".encode(), "text/plain; charset=utf-8"),
        (b'{"title": "<script>"}\n', "text/plain; charset=utf-8"),
    ],
)
def test_a_stored_file_is_an_attachment_typed_by_its_content(data, content_type):
    response = file_response(data, filename="file.txt")
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"] == 'attachment; filename="file.txt"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "sandbox; default-src 'none'"
    assert response.content == data


def test_a_filename_cannot_break_out_of_its_header():
    response = file_response(b"x", filename='a"; inline\r\nX-Evil: 1.txt')
    assert response["Content-Disposition"].startswith("attachment; filename*=utf-8''a%22%3B")
    assert "X-Evil" not in response
    response = file_response(b"x", filename="Åse.txt")
    assert response["Content-Disposition"] == "attachment; filename*=utf-8''%C3%85se.txt"


@pytest.mark.urls(__name__)
@override_settings(SECURE_CONTENT_TYPE_NOSNIFF=False)
def test_the_middleware_keeps_the_download_headers(client):
    response = client.get("/stored/")
    assert response["Content-Disposition"] == 'attachment; filename="article.html"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Security-Policy"] == "sandbox; default-src 'none'"


def test_attachment_marks_any_response_a_download():
    from django.http import StreamingHttpResponse

    response = attachment(StreamingHttpResponse(iter([b"a"])), "x.jsonl")
    assert response["Content-Disposition"] == 'attachment; filename="x.jsonl"'
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
@override_settings(SECURE_CONTENT_TYPE_NOSNIFF=False)
@pytest.mark.parametrize("kind", ["jsonl", "csv"])
def test_exports_are_attachments_with_nosniff_whatever_the_middleware_does(kind):
    researcher = UserFactory(username="res", role="researcher")
    project = ProjectFactory(slug="kyst")
    project.members.add(researcher)
    ArticleFactory(project=project)
    _, secret = ApiToken.objects.create(user=researcher, expiry=None, name="t", scope="read")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {secret}")
    response = client.get(reverse("api:export", args=["kyst"]), {"format": kind})
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="kyst-')
    assert response["Content-Disposition"].endswith(f'.{kind}"')
    assert response["X-Content-Type-Options"] == "nosniff"
