"""Property-based: every API operation, fed requests generated from our own OpenAPI
schema by schemathesis, answers without a 5xx and as the schema says. Bounded so that
the suite stays quick."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import ignored_auth, positive_data_acceptance

from accounts.models import ApiToken
from articles.models import Assignment, Quote
from newsannot.wsgi import application
from tests.factories import ArticleFactory, ProjectFactory, SpeakerFactory, UserFactory

pytestmark = pytest.mark.django_db

LOGOUT = ("delete", "/api/v1/auth/token/")


@pytest.fixture
def in_process_requests():
    """Calling the WSGI app directly would close the test's database connection after
    each request; Django's test client unhooks the same signal."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def token(in_process_requests):
    project = ProjectFactory(slug="kyst")
    user = UserFactory(username="res", role="researcher")
    project.members.add(user)
    article = ArticleFactory(project=project, text="– Vi sier nei, sier Ola Vik.")
    Assignment.objects.create(article=article, annotator=user)
    speaker = SpeakerFactory(project=project, name="Ola Vik")
    Quote.objects.create(
        article=article, annotator=user, start=2, end=12, text=article.text[2:12], speaker=speaker
    )
    return ApiToken.objects.create(user=user, expiry=None, name="fuzz")[1]


def test_api_answers_generated_requests_without_server_errors(token):
    schema = schemathesis.openapi.from_wsgi("/api/schema/", application)
    operations = [result.ok() for result in schema.get_all_operations()]
    # Ending the token would leave every later operation a 401 (test_api_token has it).
    operations = [o for o in operations if (o.method.lower(), o.path) != LOGOUT]
    assert len(operations) >= 10
    headers = {"Authorization": f"Token {token}"}
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=6, deadline=None, database=None, suppress_health_check=list(HealthCheck)
        )
        def check(case):
            response = case.call(headers=headers)
            assert response.status_code < 500, (case.operation.label, response.text[:300])
            # Left out: authentication has its own tests (the permission matrix), and the
            # API is stricter than the schema can say (it refuses NUL characters, say).
            case.validate_response(
                response, excluded_checks=[ignored_auth, positive_data_acceptance]
            )

        check()
