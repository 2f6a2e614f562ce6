"""The OpenAPI schema, checked against the API itself by schemathesis: every operation, with and
without a token, answers no 5xx and only what its schema says (status codes, content type, body)."""

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from styrkort.wsgi import application

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("swedish")]


# Loaded when the module is collected (the schema needs no database); schemathesis's lazy
# from_fixture does not run on pytest 9.
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)


@pytest.fixture(autouse=True)
def in_the_tests_transaction(region):
    """Requests go to the WSGI application itself, not through Django's test client: keep Django from
    closing the connection at the end of each request, as the test client does, so every request
    runs in the test's transaction and sees the region."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


EXAMPLES = settings(
    max_examples=8,
    deadline=None,
    derandomize=True,  # the same examples every run: a failure here is reproducible
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
    ],
)


SLOW = pytest.mark.slow(
    reason="schemathesis: up to 8 examples of each of the API's 11 operations, about 1 s each"
)


@SLOW
@schema.parametrize()
@EXAMPLES
def test_every_operation_keeps_to_its_schema_anonymously(case):
    case.call_and_validate()


@SLOW
@schema.parametrize()
@EXAMPLES
def test_every_operation_keeps_to_its_schema_with_a_reporters_token(case, reporters_token):
    case.call_and_validate(headers=reporters_token)


@pytest.fixture
def reporters_token(bearer):
    return bearer("reporter", "FH")
