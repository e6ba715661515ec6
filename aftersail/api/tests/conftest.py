import pytest
from django.test import Client

from aftersail.api.keys import do_create_api_key
from aftersail.api.models import Scope


@pytest.fixture
def bearer(cast):
    """``bearer(scopes=..., teams=...)`` returns a client authenticated with a new API key."""

    def _bearer(scopes=tuple(Scope.values), teams=(), store=None):
        key, token = do_create_api_key(
            name="Shop sync", store=store or cast.store, scopes=scopes, teams=teams
        )
        client = Client(HTTP_AUTHORIZATION=f"Bearer {token}")
        client.key = key
        return client

    return _bearer
