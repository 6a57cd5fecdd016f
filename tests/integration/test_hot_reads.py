"""The hot paths' reads (every request's user, a token, an assignment, a speaker's name,
a quote's write) on plain querysets: one query each, and the answers the ORM gives."""

from django.db.models import Prefetch
from rest_framework.test import APIRequestFactory

from accounts.backends import RoleAwareBackend
from accounts.models import ApiToken
from articles.api.auth import TokenAuthentication
from articles.models import Assignment, Quote, StanceLabel
from articles.permissions import assignment_of
from articles.quotes import update_quote
from articles.speakers import find_speaker
from articles.types import QuoteInput
from tests.factories import (
    ProjectFactory,
    QuoteFactory,
    SpeakerFactory,
    StanceTargetFactory,
    UserFactory,
)


def test_the_session_user_comes_with_role_and_two_factor_in_one_query(
    db, django_assert_num_queries
):
    user = UserFactory()
    role = user.role
    with django_assert_num_queries(1):
        loaded = RoleAwareBackend().get_user(user.pk)
        assert (loaded.pk, loaded.role, loaded.two_factor_enrolled) == (user.pk, role, False)
    assert RoleAwareBackend().get_user(user.pk + 1000) is None


def test_a_token_comes_with_user_and_role_in_one_query(db, django_assert_num_queries):
    user = UserFactory()
    _, secret = ApiToken.objects.create(user=user, expiry=None, name="t")
    ApiToken.objects.update(last_used=None)
    request = APIRequestFactory().get("/", HTTP_AUTHORIZATION=f"Token {secret}")
    authentication = TokenAuthentication()
    authentication.authenticate(request)  # records last_used
    role = user.role
    with django_assert_num_queries(1):
        found, token = authentication.authenticate(request)
        assert (found.pk, found.role) == (user.pk, role)
    assert token.user_id == user.pk


def test_an_assignment_comes_with_article_and_project_in_one_query(db, django_assert_num_queries):
    quote = QuoteFactory()
    assignment = Assignment.objects.create(article=quote.article, annotator=quote.annotator)
    for with_next in (False, True):
        with django_assert_num_queries(1):
            found = assignment_of(quote.annotator, quote.article_id, with_next=with_next)
            assert found.article.project.slug == quote.article.project.slug
        assert found.pk == assignment.pk
    assert assignment_of(quote.annotator, quote.article_id + 1000) is None


def test_a_speakers_name_is_no_wildcard(db):
    project = ProjectFactory()
    speakers = {name: SpeakerFactory(project=project, name=name) for name in ("a_c", "A%")}
    assert find_speaker(project, "a_c") == speakers["a_c"]
    assert find_speaker(project, "abc") is None
    assert find_speaker(project, "a%") == speakers["A%"]  # ignoring case
    assert find_speaker(project, "a") is None


def test_an_updated_quote_drops_the_stances_prefetched_before(db):
    quote = QuoteFactory()
    Assignment.objects.create(article=quote.article, annotator=quote.annotator)
    old, new = (StanceTargetFactory(project=quote.article.project) for _ in range(2))
    StanceLabel.objects.create(quote=quote, target=old, label="favor")
    quote = Quote.objects.prefetch_related(Prefetch("stances")).get(pk=quote.pk)
    assert [s.target_id for s in quote.stances.all()] == [old.pk]
    data = QuoteInput(
        start=quote.start, end=quote.end, text=quote.text, kind=quote.kind,
        stances={new: "against"},
    )  # fmt: skip
    updated = update_quote(quote=quote, version=quote.version, data=data)
    assert [(s.target_id, s.label) for s in updated.stances.all()] == [(new.pk, "against")]
