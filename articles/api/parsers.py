"""The API's request bodies: JSON (read by orjson, which refuses nesting deeper than 1,024
levels), JSON lines and ZIP archives, never longer than the view allows.

DRF reads a body for its own JSONParser (and subclasses) through ``request.body``, where
Django checks DATA_UPLOAD_MAX_MEMORY_SIZE for every view alike and answers a bare 400.
These parsers are not its subclasses: DRF hands them the stream, and each view's own limit
is enforced here, from the Content-Length before a byte is read, as a 413 with a detail.
"""

import orjson
from django.conf import settings
from rest_framework import parsers, status
from rest_framework.exceptions import APIException, ParseError, ValidationError


class RequestTooLarge(APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_code = "request_too_large"


def body_limit(view) -> int | None:
    """The most bytes a body sent to ``view`` may have: the setting its ``body_limit_setting``
    names, else DATA_UPLOAD_MAX_MEMORY_SIZE (None: no limit, as in Django)."""
    name = getattr(view, "body_limit_setting", "DATA_UPLOAD_MAX_MEMORY_SIZE")
    return getattr(settings, name)


def read_body(stream, parser_context) -> bytes:
    """The whole body, or a 413 if it is longer than the view's limit."""
    if stream is None:
        return b""
    limit = body_limit(parser_context.get("view"))
    if limit is None:
        return stream.read()
    meta = parser_context["request"].META
    try:
        declared = int(meta.get("CONTENT_LENGTH") or 0)
    except ValueError:
        declared = 0
    # Refused before reading when the header says so; the bounded read covers a stream
    # longer than it said (a WSGI server cuts it there anyway).
    if declared > limit:
        raise RequestTooLarge(_too_large(limit))
    body = stream.read(limit + 1)
    if len(body) > limit:
        raise RequestTooLarge(_too_large(limit))
    return body


def _too_large(limit: int) -> str:
    return (
        f"The request body is larger than {limit:,} bytes ({limit / 2**20:g} MiB); "
        "nothing was saved. Send it in smaller requests, or upload the file on the "
        "project's Upload page, where a larger file is imported as a background job."
    )


class JSONParser(parsers.BaseParser):
    """``application/json``, read by orjson: a bulk import's tens of megabytes parse in a
    fraction of the time (invalid JSON, NaN and nesting deeper than 1,024 included, is a 400)."""

    media_type = "application/json"

    def parse(self, stream, media_type=None, parser_context=None):
        try:
            return orjson.loads(read_body(stream, parser_context))
        except orjson.JSONDecodeError as error:
            raise ParseError(f"JSON parse error - {error}") from None


class JSONLinesParser(parsers.BaseParser):
    """``application/x-ndjson``: one JSON object a line."""

    media_type = "application/x-ndjson"

    def parse(self, stream, media_type=None, parser_context=None):
        # Split on newlines only: str.splitlines() would also break lines at U+2028 and
        # the like, which JSON strings (and our exports) carry raw.
        items = []
        body = read_body(stream, parser_context)
        for number, line in enumerate(body.split(b"\n"), start=1):
            if line.strip():
                try:
                    items.append(orjson.loads(line))
                except orjson.JSONDecodeError as error:  # invalid UTF-8 included
                    raise ValidationError({f"line {number}": error.msg}) from None
        return items


class ZipBody(bytes):
    """A ZIP archive sent as the body (another tool's files, ``api.tool_imports``)."""


class ZipParser(parsers.BaseParser):
    """``application/zip``: the archive's bytes, within the view's body limit."""

    media_type = "application/zip"

    def parse(self, stream, media_type=None, parser_context=None):
        return ZipBody(read_body(stream, parser_context))
