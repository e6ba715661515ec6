"""Real mail servers for tests and benchmarks: a private dovecot (IMAP) and aiosmtpd (SMTP).

dovecot runs from its own configuration file in a temporary folder, never as a system
service; any user name logs in with the password ``secret``.
"""

from __future__ import annotations

import imaplib
import os
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import message_from_bytes
from email.message import Message
from email.policy import compat32
from pathlib import Path
from typing import Any

from aftersail.testing.processes import free_port

DOVECOT = shutil.which("dovecot") or "/usr/sbin/dovecot"
IMAP_PASSWORD = "secret"


def dovecot_available() -> bool:
    return Path(DOVECOT).exists()


_CONFIG = """
protocols = imap
listen = 127.0.0.1
base_dir = {tmp}/run
state_dir = {tmp}/run
log_path = {tmp}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:{tmp}/mail/%u
default_internal_user = dovecot
default_login_user = dovenull
first_valid_uid = 1
mail_max_userip_connections = 50
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
}}
passdb {{
  driver = static
  args = password={password}
}}
userdb {{
  driver = static
  args = uid=dovecot gid=dovecot home={tmp}/mail/%u
}}
"""


@dataclass
class Dovecot:
    host: str
    port: int
    folder: Path

    def client(self, user: str) -> imaplib.IMAP4:
        client = imaplib.IMAP4(self.host, self.port, timeout=30)
        client.login(user, IMAP_PASSWORD)
        return client

    def append(self, user: str, *messages: bytes, folder: str = "INBOX") -> None:
        client = self.client(user)
        try:
            for raw in messages:
                status, data = client.append(folder, None, None, raw)
                if status != "OK":
                    raise AssertionError(f"APPEND failed: {data!r}")
        finally:
            client.logout()

    def uids(self, user: str, criteria: str = "ALL", folder: str = "INBOX") -> list[int]:
        client = self.client(user)
        try:
            client.create(folder)
            client.select(folder)
            _status, data = client.uid("SEARCH", criteria)
            return [int(uid) for uid in (data[0] or b"").split()]
        finally:
            client.logout()


@contextmanager
def running_dovecot() -> Iterator[Dovecot]:
    # Its own folder, readable by the dovecot user (pytest's tmp_path is private to root).
    tmp = Path(tempfile.mkdtemp(prefix="aftersail-dovecot-"))
    tmp.chmod(0o755)
    (tmp / "run").mkdir()
    (tmp / "mail").mkdir()
    port = free_port()
    config = tmp / "dovecot.conf"
    config.write_text(_CONFIG.format(tmp=tmp, port=port, password=IMAP_PASSWORD))
    if os.geteuid() == 0:
        shutil.chown(tmp / "mail", user="dovecot", group="dovecot")
    # dovecot forks into the background: its output must not be a pipe we wait on.
    subprocess.run(
        [DOVECOT, "-c", str(config)],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    server = Dovecot("127.0.0.1", port, tmp / "mail")
    deadline = time.monotonic() + 30  # a start-up deadline, not a timing assertion
    while True:
        try:
            server.client("probe").logout()
            break
        except (OSError, imaplib.IMAP4.error):
            if time.monotonic() > deadline:
                log = (tmp / "dovecot.log").read_text(errors="replace")
                raise AssertionError(f"dovecot did not start:\n{log}") from None
            time.sleep(0.1)
    try:
        yield server
    finally:
        pid_file = tmp / "run" / "master.pid"
        if pid_file.exists():
            pid = int(pid_file.read_text().strip())
            os.kill(pid, signal.SIGTERM)
            deadline = time.monotonic() + 15
            while time.monotonic() < deadline:
                try:
                    os.kill(pid, 0)
                except ProcessLookupError:
                    break
                time.sleep(0.05)
        shutil.rmtree(tmp, ignore_errors=True)


@dataclass
class SmtpSink:
    host: str
    port: int
    received: list[tuple[str, list[str], bytes]] = field(default_factory=list)
    refuse_next: list[str] = field(default_factory=list)  # SMTP replies to give instead

    def messages(self) -> list[Message]:
        return [message_from_bytes(data, policy=compat32) for _f, _t, data in self.received]


class _Handler:
    def __init__(self, sink: SmtpSink) -> None:
        self.sink = sink

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if self.sink.refuse_next:
            return self.sink.refuse_next.pop(0)
        self.sink.received.append(
            (envelope.mail_from, list(envelope.rcpt_tos), bytes(envelope.original_content))
        )
        return "250 OK"


@contextmanager
def running_smtp() -> Iterator[SmtpSink]:
    from aiosmtpd.controller import Controller

    sink = SmtpSink("127.0.0.1", free_port())
    controller = Controller(_Handler(sink), hostname=sink.host, port=sink.port)
    controller.start()
    try:
        yield sink
    finally:
        controller.stop()
