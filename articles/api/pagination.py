from django.utils.translation import gettext as _
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import CursorPagination

from articles.api.filters import MAX_ID


class IdCursorPagination(CursorPagination):
    """Stable order by id; a cursor stays right while rows are added; up to 1,000 a page
    (a larger page_size is cut to 1,000). A cursor we did not make, or a page_size that is
    not a whole number from 1, is a 400 naming it (DRF answers 404, or a 500 for a cursor
    whose position is not an id)."""

    ordering = "id"
    page_size = 30
    page_size_query_param = "page_size"
    max_page_size = 1000
    invalid_cursor_message = "is not a cursor of ours: follow a page's next or previous link"
    count_query_param = "count"

    def paginate_queryset(self, queryset, request, view=None):
        # The total is asked for, not given by default: counting costs a second query
        # over the whole filtered set, which most clients (walking the pages) never need.
        self.count = queryset.count() if wants_count(request, self.count_query_param) else None
        return super().paginate_queryset(queryset, request, view)

    def get_paginated_response(self, data):
        response = super().get_paginated_response(data)
        if self.count is not None:
            response.data = {"count": self.count, **response.data}
        return response

    def get_paginated_response_schema(self, schema):
        body = super().get_paginated_response_schema(schema)
        body["properties"] = {
            "count": {
                "type": "integer",
                "minimum": 0,
                "description": "How many match the filters, on every page; only with count=true.",
            },
            **body["properties"],
        }
        return body

    def get_schema_operation_parameters(self, view):
        return [
            *super().get_schema_operation_parameters(view),
            {
                "name": self.count_query_param,
                "required": False,
                "in": "query",
                "description": "true: the answer gives the total (count) that match the filters.",
                "schema": {"type": "boolean"},
            },
        ]

    def get_page_size(self, request):
        given = request.query_params.get(self.page_size_query_param)
        if given is None:
            return self.page_size
        digits = given.lstrip("0")
        if not (given.isascii() and given.isdigit() and digits):
            raise ValidationError(
                {
                    self.page_size_query_param: "must be a whole number from 1 "
                    f"(at most {self.max_page_size:,} are given)"
                }
            )
        # Compared by length first: int() refuses strings of more than 4,300 digits.
        if len(digits) > len(str(self.max_page_size)):
            return self.max_page_size
        return min(int(digits), self.max_page_size)

    def decode_cursor(self, request):
        try:
            cursor = super().decode_cursor(request)
        except NotFound:
            cursor, valid = None, False
        else:
            # The position is the id a page starts after: the query compares ids with it.
            valid = cursor is None or cursor.position is None or _is_id(cursor.position)
        if not valid:
            raise ValidationError({self.cursor_query_param: self.invalid_cursor_message})
        return cursor


def _is_id(text: str) -> bool:
    # Length first: int() refuses strings of more than 4,300 digits.
    return (
        text.isascii() and text.isdigit() and len(text) <= len(str(MAX_ID)) and int(text) <= MAX_ID
    )


def wants_count(request, name: str = "count") -> bool:
    """Whether ``?count=true`` asks for the total; anything but true or false is a 400."""
    given = request.query_params.get(name, "false")
    if given not in ("true", "false"):
        raise ValidationError({name: _("must be true or false")})
    return given == "true"
