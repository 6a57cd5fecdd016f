"""``articles.permissions`` against the real database: ``article_access`` and
``can_adjudicate`` branch by branch, by role, and ``assignment_of`` that feeds them."""

import pytest
from django.contrib.auth.models import AnonymousUser

from articles.models import Assignment
from articles.permissions import ArticleAccess, article_access, assignment_of, can_adjudicate
from tests.factories import ArticleFactory, ProjectFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def blind_article():
    return ArticleFactory(project=ProjectFactory(blind=True))


@pytest.fixture
def open_article():
    return ArticleFactory(project=ProjectFactory(blind=False))


def access(user, article):
    return article_access(user, article, assignment=assignment_of(user, article.pk))


def member(role, article, **fields):
    user = UserFactory(role=role, **fields)
    article.project.members.add(user)
    return user


def assigned(role, article, status=Assignment.Status.TODO):
    user = member(role, article)
    Assignment.objects.create(article=article, annotator=user, status=status)
    return user


# article_access


def test_an_anonymous_visitor_may_do_nothing(blind_article):
    assert article_access(AnonymousUser(), blind_article, assignment=None) == ArticleAccess(
        can_view=False, can_see_others=False, assignment=None, read_only_role=True
    )


def test_staff_see_every_article_and_everyones_quotes_without_being_members(blind_article):
    staff = UserFactory(is_staff=True)
    got = access(staff, blind_article)
    assert (got.can_view, got.can_see_others, got.read_only_role) == (True, True, False)
    assert (got.is_assigned, got.can_annotate) == (False, False)


def test_staff_with_the_researcher_role_still_may_write_their_own_assignment(blind_article):
    staff = UserFactory(is_staff=True, role="researcher")
    Assignment.objects.create(article=blind_article, annotator=staff)
    got = access(staff, blind_article)
    assert (got.read_only_role, got.is_assigned, got.can_annotate) == (False, True, True)


def test_a_reviewer_member_sees_the_article_and_everyones_quotes_in_a_blind_project(
    blind_article,
):
    reviewer = member("reviewer", blind_article)
    got = access(reviewer, blind_article)
    assert (got.can_view, got.can_see_others, got.read_only_role) == (True, True, False)
    assert got.assignment is None
    assert not got.can_annotate


def test_a_reviewer_who_is_not_a_member_sees_nothing(blind_article):
    reviewer = UserFactory(role="reviewer")
    got = access(reviewer, blind_article)
    assert (got.can_view, got.can_see_others) == (False, False)


def test_a_researcher_member_reads_everything_but_writes_nothing(blind_article):
    researcher = member("researcher", blind_article)
    got = access(researcher, blind_article)
    assert (got.can_view, got.can_see_others, got.read_only_role) == (True, True, True)
    assert not got.can_annotate


def test_a_researcher_with_an_assignment_still_may_not_annotate(open_article):
    researcher = assigned("researcher", open_article)
    got = access(researcher, open_article)
    assert got.assignment is not None
    assert (got.can_view, got.is_assigned, got.can_annotate) == (True, False, False)


def test_a_researcher_who_is_not_a_member_sees_nothing(open_article):
    got = access(UserFactory(role="researcher"), open_article)
    assert (got.can_view, got.can_see_others) == (False, False)


def test_an_assigned_annotator_writes_but_sees_only_their_own_quotes_in_a_blind_project(
    blind_article,
):
    annotator = assigned("annotator", blind_article)
    got = access(annotator, blind_article)
    assert (got.can_view, got.can_see_others, got.read_only_role) == (True, False, False)
    assert (got.is_assigned, got.can_annotate) == (True, True)


def test_an_assigned_annotator_sees_colleagues_quotes_in_an_open_project(open_article):
    annotator = assigned("annotator", open_article, status=Assignment.Status.IN_PROGRESS)
    got = access(annotator, open_article)
    assert (got.can_view, got.can_see_others, got.can_annotate) == (True, True, True)


def test_an_annotator_member_without_an_assignment_sees_nothing(open_article):
    annotator = member("annotator", open_article)
    got = access(annotator, open_article)
    assert (got.can_view, got.can_see_others, got.is_assigned) == (False, False, False)


@pytest.mark.parametrize("status", [Assignment.Status.DONE, Assignment.Status.SKIPPED])
def test_an_annotator_with_a_closed_assignment_reads_but_no_longer_writes(open_article, status):
    annotator = assigned("annotator", open_article, status=status)
    got = access(annotator, open_article)
    assert (got.can_view, got.is_assigned, got.can_annotate) == (True, True, False)


def test_a_user_without_a_role_is_treated_as_an_annotator(blind_article):
    nobody = member("", blind_article)
    assert not access(nobody, blind_article).can_view
    Assignment.objects.create(article=blind_article, annotator=nobody)
    got = access(nobody, blind_article)
    assert (got.can_view, got.can_see_others, got.can_annotate) == (True, False, True)


# assignment_of


def test_assignment_of_finds_only_the_users_own_assignment_with_article_and_project(
    open_article, django_assert_num_queries
):
    mine = assigned("annotator", open_article)
    other = UserFactory(role="annotator")
    with django_assert_num_queries(1):
        found = assignment_of(mine, open_article.pk)
        assert found.article.project.pk == open_article.project.pk
    assert found.annotator_id == mine.pk
    assert assignment_of(other, open_article.pk) is None
    assert assignment_of(AnonymousUser(), open_article.pk) is None


def test_assignment_of_with_next_names_the_first_open_article_in_the_project(open_article):
    annotator = assigned("annotator", open_article, status=Assignment.Status.DONE)
    later = ArticleFactory(project=open_article.project)
    Assignment.objects.create(article=later, annotator=annotator)
    found = assignment_of(annotator, open_article.pk, with_next=True)
    assert found.next_open_article_id == later.pk


# can_adjudicate


def test_a_reviewer_member_may_adjudicate(open_article):
    assert can_adjudicate(member("reviewer", open_article), open_article.project)


def test_a_reviewer_who_is_not_a_member_may_not_adjudicate(open_article):
    assert not can_adjudicate(UserFactory(role="reviewer"), open_article.project)


def test_staff_may_adjudicate_any_project(open_article):
    assert can_adjudicate(UserFactory(is_staff=True), open_article.project)


@pytest.mark.parametrize("role", ["researcher", "annotator", ""])
def test_members_who_do_not_review_may_not_adjudicate(open_article, role):
    assert not can_adjudicate(assigned(role, open_article), open_article.project)


def test_an_anonymous_visitor_may_not_adjudicate(open_article):
    assert not can_adjudicate(AnonymousUser(), open_article.project)
