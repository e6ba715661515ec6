"""Run real ``aftersail`` processes in tests, each set against a database of its own.

On SQLite the database is a file in a temporary folder; with ``DATABASE_URL`` pointing at
PostgreSQL a fresh database is created on that server and dropped afterwards, and with
``REDIS_URL`` the task queue gets a name of its own.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import httpx

AFTERSAIL = [sys.executable, "-m", "aftersail"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def isolated_environment(tmp_path: Path) -> Iterator[dict[str, str]]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST_"))}
    env.update(
        AFTERSAIL_VAR_DIR=str(tmp_path / "var"),
        DJANGO_SETTINGS_MODULE="aftersail.settings",
        TASK_QUEUE_NAME=f"aftersail-test-{uuid.uuid4().hex[:10]}",
        LOG_LEVEL="warning",
        PYTHONUNBUFFERED="1",
    )
    database_url = os.environ.get("DATABASE_URL", "")
    if not database_url.startswith(("postgres://", "postgresql://")):
        env.pop("DATABASE_URL", None)
        yield env
        return
    import psycopg

    name = f"aftersail_e2e_{uuid.uuid4().hex[:12]}"
    parts = urlsplit(database_url)
    admin_url = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    env["DATABASE_URL"] = urlunsplit(parts._replace(path=f"/{name}"))
    try:
        yield env
    finally:
        with psycopg.connect(admin_url, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def run(args: list[str], env: dict[str, str], timeout: float = 120) -> str:
    """Runs an ``aftersail`` command to completion; its output, or an error with it."""
    result = subprocess.run(
        [*AFTERSAIL, *args], env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    if result.returncode != 0:
        raise AssertionError(
            f"aftersail {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}"
        )
    return result.stdout


@contextmanager
def running(args: list[str], env: dict[str, str], log: Path) -> Iterator[subprocess.Popen[bytes]]:
    """Starts a long-running ``aftersail`` command; stops it (SIGINT, then SIGKILL) at exit."""
    with log.open("wb") as output:
        process = subprocess.Popen(
            [*AFTERSAIL, *args], env=env, stdout=output, stderr=subprocess.STDOUT
        )
        try:
            yield process
        finally:
            if process.poll() is None:
                process.send_signal(signal.SIGINT)
                try:
                    process.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()


def wait_until_serving(
    url: str, process: subprocess.Popen[bytes], log: Path, timeout: float = 60
) -> None:
    """Polls ``url`` until it answers: a start-up deadline, not a timing assertion."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"process exited early:\n{log.read_text(errors='replace')}")
        try:
            httpx.get(url, timeout=2)
            return
        except httpx.TransportError:
            time.sleep(0.2)
    raise AssertionError(f"{url} did not answer in {timeout} s:\n{log.read_text(errors='replace')}")


def desk_login(base_url: str, email: str, password: str) -> httpx.Client:
    """An HTTP client logged in to the desk through the real login form."""
    client = httpx.Client(base_url=base_url, timeout=10, follow_redirects=False)
    client.get("/desk/login/")
    token = client.cookies["csrftoken"]
    response = client.post(
        "/desk/login/", data={"username": email, "password": password, "csrfmiddlewaretoken": token}
    )
    if response.status_code != 302:
        raise AssertionError(f"login failed with {response.status_code}")
    client.headers["X-CSRFToken"] = client.cookies["csrftoken"]
    return client
