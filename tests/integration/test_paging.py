"""Pages of a list counted only up to a limit (articles.paging): past the limit the total
is a lower bound, every page with rows is reachable, each page knows whether another
follows, and the count reads no more than the limit."""

import pytest
from django.core.paginator import EmptyPage, PageNotAnInteger

from articles.models import Article
from articles.paging import BoundedPaginator
from tests.factories import ArticleFactory, ProjectFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def articles():
    project = ProjectFactory()
    for n in range(7):
        ArticleFactory(project=project, title=f"Story {n}")
    return Article.objects.filter(project=project).order_by("title")


def titles(page):
    return [article.title for article in page]


def test_under_the_limit_it_is_a_paginator_with_its_total(articles):
    paginator = BoundedPaginator(articles, 3, limit=10)
    assert (paginator.count, paginator.exact, paginator.num_pages) == (7, True, 3)
    last = paginator.page(3)
    assert titles(last) == ["Story 6"]
    assert not last.has_next()
    assert paginator.page(2).has_next()
    with pytest.raises(EmptyPage):
        paginator.page(4)


def test_past_the_limit_the_count_stops_and_the_pages_go_on(articles, django_assert_num_queries):
    paginator = BoundedPaginator(articles, 3, limit=4)
    assert (paginator.count, paginator.exact) == (5, False)
    # Page 3 lies past the counted rows: still reachable, and the last.
    with django_assert_num_queries(1):
        last = paginator.page(3)
    assert titles(last) == ["Story 6"]
    assert (last.has_next(), last.has_previous(), last.start_index(), last.end_index()) == (
        False,
        True,
        7,
        7,
    )
    middle = paginator.page(2)
    assert middle.has_next()
    assert middle.next_page_number() == 3
    with pytest.raises(EmptyPage):
        paginator.page(4)
    with pytest.raises(PageNotAnInteger):
        paginator.page("two")
    with pytest.raises(EmptyPage):
        paginator.page(0)


def test_get_page_falls_back_to_the_first_page_past_the_last_row(articles):
    paginator = BoundedPaginator(articles, 3, limit=4)
    assert titles(paginator.get_page(99)) == ["Story 0", "Story 1", "Story 2"]
    assert titles(paginator.get_page("x")) == ["Story 0", "Story 1", "Story 2"]


def test_no_limit_counts_them_all(articles):
    paginator = BoundedPaginator(articles, 3, limit=None)
    assert (paginator.count, paginator.exact) == (7, True)


def test_an_empty_list_asks_for_no_rows(articles, django_assert_num_queries):
    paginator = BoundedPaginator(articles.filter(title="none"), 3, limit=4)
    with django_assert_num_queries(1):  # the count alone
        page = paginator.get_page(1)
    assert list(page) == []
    assert not page.has_next()
