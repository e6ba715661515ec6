"""Property-based run of the whole API against its own OpenAPI schema (schemathesis),
in-process through the WSGI app, with an API key holding every scope: no 5xx, and every
response matches the schema."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import (
    positive_data_acceptance,
    status_code_conformance,
)

from aftersail.api.keys import do_create_api_key
from aftersail.api.models import Scope
from aftersail.testing import factories as f

# The operations endpoints are for agents' sessions only (see test_ops_api).
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application()).exclude(
    path_regex="^/api/v1/ops/"
)


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    """The WSGI app closes database connections after each request, as a server should;
    the test's transaction lives on that connection (Django's test client does the same)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def token(cast):
    order = f.make_order(cast.customer, number="NL-1001", external_id="shop-1")
    f.make_shipment(order, tracking_number="00340434161094042557")
    _key, token = do_create_api_key(name="Fuzz", store=cast.store, scopes=Scope.values)
    return token


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    derandomize=True,
)
def test_api_keeps_its_schema(case, token):
    # Error statuses (401/403/404/422) are documented in docs/api.md, not per operation;
    # and a request that fits the schema may still break a domain rule (an unknown time
    # zone, a customer of another store), which is a 422, not a schema violation.
    case.call_and_validate(
        headers={"Authorization": f"Bearer {token}"},
        excluded_checks=[status_code_conformance, positive_data_acceptance],
    )
