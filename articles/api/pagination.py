from rest_framework.pagination import CursorPagination


class IdCursorPagination(CursorPagination):
    """Stable order by id; a cursor stays right while rows are added; up to 1,000 a page."""

    ordering = "id"
    page_size = 30
    page_size_query_param = "page_size"
    max_page_size = 1000
