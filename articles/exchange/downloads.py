"""Responses that hand a file back (an export, an upload, a stored raw page): always a
download, never a page of our origin that a browser would render or sniff."""

from django.http import HttpResponse
from django.http.response import HttpResponseBase
from django.utils.http import content_disposition_header

from articles.exchange.uploads import Kind, sniff

# Markup (HTML, SVG) and anything unknown go out as bytes, whatever the file's name says.
_CONTENT_TYPES = {Kind.TEXT: "text/plain; charset=utf-8", Kind.ZIP: "application/zip"}


def attachment(response: HttpResponseBase, filename: str) -> HttpResponseBase:
    """Make ``response`` a download saved as ``filename`` that no browser sniffs."""
    response["Content-Disposition"] = content_disposition_header(True, filename)
    response["X-Content-Type-Options"] = "nosniff"
    return response


def file_response(data: bytes, *, filename: str) -> HttpResponse:
    """An uploaded or stored file as a download, typed by its content; if it is ever
    opened in place, the sandbox policy keeps it from running script on our origin."""
    response = HttpResponse(
        data, content_type=_CONTENT_TYPES.get(sniff(data), "application/octet-stream")
    )
    # Set here, so the site-wide policy (django-csp) leaves it as it is.
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    return attachment(response, filename)
