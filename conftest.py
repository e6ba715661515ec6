"""Fixtures shared by every app's tests."""

from __future__ import annotations

import ipaddress
import os
import socket
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client

from aftersail.accounts.models import User
from aftersail.testing.cast import Cast, build_cast

_real_connect = socket.socket.connect


def _loopback_only(sock: socket.socket, address: Any) -> Any:
    """Tests are hermetic: only loopback and Unix sockets may be reached."""
    if sock.family in (socket.AF_INET, socket.AF_INET6):
        host = address[0]
        try:
            allowed = ipaddress.ip_address(host).is_loopback
        except ValueError:
            allowed = host == "localhost"
        if not allowed:
            raise OSError(f"tests may not connect to {host}: only loopback is allowed")
    return _real_connect(sock, address)


def pytest_configure(config: pytest.Config) -> None:
    socket.socket.connect = _loopback_only  # type: ignore[method-assign]


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """With AFTERSAIL_FORBID_SKIPS set (as .ci/run does), a skipped test fails the run:
    CI installs every system package, so nothing may silently go untested there."""
    if not os.environ.get("AFTERSAIL_FORBID_SKIPS"):
        return
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter else []
    if skipped:
        reporter.write_line(
            f"{len(skipped)} test(s) were skipped; skips are not allowed here", red=True
        )
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.fixture(autouse=True)
def _fresh_cache() -> Iterator[None]:
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def cast(db: None) -> Cast:
    return build_cast()


@pytest.fixture
def login() -> Any:
    """``login(user)`` returns a test client logged in as ``user`` (None: anonymous)."""

    def _login(user: User | None) -> Client:
        client = Client()
        if user is not None:
            client.force_login(user)
        return client

    return _login


@pytest.fixture
def bearer(cast: Cast) -> Any:
    """``bearer(scopes=..., teams=...)`` returns a client that calls the API with a new API
    key of the cast's store (every scope unless told otherwise); ``client.key`` is the key."""
    from aftersail.api.keys import do_create_api_key
    from aftersail.api.models import Scope

    def _bearer(scopes: Any = tuple(Scope.values), teams: Any = (), store: Any = None) -> Client:
        key, token = do_create_api_key(
            name="Shop sync", store=store or cast.store, scopes=scopes, teams=teams
        )
        client = Client(HTTP_AUTHORIZATION=f"Bearer {token}")
        client.key = key  # type: ignore[attr-defined]
        return client

    return _bearer
