"""Pages of a long list whose total is counted only up to a limit.

Counting every match is the slowest read of a page once a search or a filter matches most
of a large project: the rows of one page come from the first entries of an index, the
total from all of them (about 70 ms per 100,000 articles on PostgreSQL, on every page).
Past the limit a page says "more than N", offers the exact count on request, and goes on
from page to page as long as there are rows.
"""

from django.conf import settings
from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.utils.functional import cached_property


def count_limit(request) -> int | None:
    """How far a list counts its rows: ``LIST_COUNT_LIMIT``, or all when the query says
    ``count=all``."""
    return None if request.GET.get("count") == "all" else settings.LIST_COUNT_LIMIT


class BoundedPaginator(Paginator):
    """A ``Paginator`` that counts at most ``limit`` rows (``None``: all of them)."""

    def __init__(self, object_list, per_page, *, limit: int | None, known: int | None = None):
        super().__init__(object_list, per_page)
        self.limit = limit
        self.known = known

    @cached_property
    def count(self) -> int:
        """The exact total, or ``limit + 1`` when there are more (``exact`` says which);
        a total already ``known`` (stored figures, "as of") is taken as exact."""
        if self.known is not None:
            return self.known
        if self.limit is None:
            return super().count
        # COUNT(*) over a subquery with a LIMIT: the scan stops after limit + 1 rows.
        return self.object_list[: self.limit + 1].count()

    @cached_property
    def exact(self) -> bool:
        return self.known is not None or self.limit is None or self.count <= self.limit

    def validate_number(self, number):
        if self.exact:
            return super().validate_number(number)
        # Any page may hold rows when the total is unknown: page() finds out.
        try:
            if isinstance(number, float) and not number.is_integer():
                raise ValueError
            number = int(number)
        except (TypeError, ValueError):
            raise PageNotAnInteger(self.error_messages["invalid_page"]) from None
        if number < 1:
            raise EmptyPage(self.error_messages["min_page"])
        return number

    def get_page(self, number):
        try:
            return super().get_page(number)
        except EmptyPage:  # past the last row of a list counted only in part
            return self.page(1)

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        # Always a page and one row more (which tells whether a next page exists), never
        # "the rows up to the total": a LIMIT of 1 tempts PostgreSQL to walk a sort's
        # index in search of a rare word's one match.
        if self.exact and bottom >= self.count:
            rows = []  # the count said so: no need to ask (an empty filter may scan it all)
        else:
            rows = list(self.object_list[bottom : bottom + self.per_page + 1])
        if not rows and number > 1:
            raise EmptyPage(self.error_messages["no_results"])
        return OpenPage(rows[: self.per_page], number, self, more=len(rows) > self.per_page)


class OpenPage(Page):
    """A page that knows whether more rows follow, whatever its paginator counted."""

    def __init__(self, object_list, number, paginator, *, more: bool):
        super().__init__(object_list, number, paginator)
        self.more = more

    def has_next(self) -> bool:
        return self.more

    def end_index(self) -> int:
        return (self.number - 1) * self.paginator.per_page + len(self.object_list)
