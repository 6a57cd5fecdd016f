"""Property-based, as an admin: the admins' operations (projects' writes, members, targets,
people), fed requests generated from the OpenAPI schema, answer without a 5xx and as the
schema says. (The suite's other schemathesis test calls them as a researcher: 403s.)"""

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import ignored_auth, positive_data_acceptance

from accounts.models import ApiToken
from newsannot.wsgi import application
from tests.factories import ProjectFactory, StanceTargetFactory, UserFactory
from tests.integration.test_api_schemathesis import in_process_requests  # noqa: F401

pytestmark = pytest.mark.django_db

ADMIN_PATHS = ("/members/", "/targets/", "/api/v1/users/", "/assignments/", "/adjudication/")


@pytest.fixture
def token(in_process_requests):  # noqa: F811
    project = ProjectFactory(slug="kyst")
    StanceTargetFactory(project=project, name="Tolls")
    admin = UserFactory(username="boss", is_staff=True)
    member = UserFactory(username="ann", role="annotator", email="ann@example.org")
    project.members.add(member)
    return ApiToken.objects.create(user=admin, expiry=None, name="fuzz")[1]


def _admins(operation) -> bool:
    path, method = operation.path, operation.method.lower()
    if any(part in path for part in ADMIN_PATHS):
        return True
    return path.startswith("/api/v1/projects/") and method in ("post", "patch")


def test_admin_operations_answer_generated_requests_without_server_errors(token):
    schema = schemathesis.openapi.from_wsgi("/api/schema/", application)
    operations = [result.ok() for result in schema.get_all_operations()]
    operations = [operation for operation in operations if _admins(operation)]
    assert len(operations) >= 10
    headers = {"Authorization": f"Token {token}"}
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=8, deadline=None, database=None, suppress_health_check=list(HealthCheck)
        )
        def check(case):
            response = case.call(headers=headers)
            assert response.status_code < 500, (case.operation.label, response.text[:300])
            case.validate_response(
                response, excluded_checks=[ignored_auth, positive_data_acceptance]
            )

        check()
