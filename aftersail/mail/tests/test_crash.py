"""Killing the mail worker in the middle of ingestion loses nothing and duplicates nothing.

A real ``aftersail mail poll`` process ingests 150 mails from dovecot into a database of its
own; it is killed with SIGKILL part-way, then run again to the end.
"""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import time
from email.utils import make_msgid
from pathlib import Path

import pytest

from aftersail.testing.mailservers import Dovecot
from aftersail.testing.processes import AFTERSAIL, isolated_environment, run

TOTAL = 150
SETUP = """
from aftersail.commerce.models import Store
from aftersail.mail.models import Mailbox
store = Store.objects.create(name="Crash", slug="crash", country="DE",
                             sender_name="Crash", sender_email="support@crash.example")
Mailbox.objects.create(store=store, name="Support", address="support@crash.example",
                       imap_host="127.0.0.1", imap_port={port}, imap_security="none",
                       imap_username="{user}", imap_password_env="CRASH_IMAP_PASSWORD")
"""
COUNT = """
import json
from aftersail.conversations.models import Conversation, Message
from aftersail.mail.models import InboundEmail
from django.db.models import Count
inbound = Message.objects.filter(kind="inbound")
print(json.dumps({
    "stored": InboundEmail.objects.count(),
    "states": dict(InboundEmail.objects.values_list("state").annotate(n=Count("id"))),
    "messages": inbound.count(),
    "distinct_ids": inbound.values("external_id").distinct().count(),
    "conversations": Conversation.objects.count(),
}))
"""


def _stored_so_far(env: dict[str, str]) -> int:
    url = env.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        import psycopg

        with psycopg.connect(url) as connection:
            row = connection.execute("SELECT count(*) FROM mail_inboundemail").fetchone()
            return int(row[0]) if row else 0
    path = Path(env["AFTERSAIL_VAR_DIR"]) / "aftersail.sqlite3"
    with sqlite3.connect(path, timeout=30) as connection:
        return int(connection.execute("SELECT count(*) FROM mail_inboundemail").fetchone()[0])


@pytest.mark.services
def test_killing_the_worker_mid_ingestion_loses_and_duplicates_nothing(
    tmp_path: Path, dovecot: Dovecot
) -> None:
    user = f"crash-{tmp_path.name[-12:]}"
    dovecot.append(
        user,
        *[
            (
                f"From: Customer {n} <c{n}@kunde.example>\r\nTo: support@crash.example\r\n"
                f"Subject: Question {n}\r\nMessage-ID: {make_msgid()}\r\n\r\nText {n}\r\n"
            ).encode()
            for n in range(TOTAL)
        ],
    )
    with isolated_environment(tmp_path) as env:
        env["CRASH_IMAP_PASSWORD"] = "secret"
        run(["migrate", "-v0"], env)
        run(["shell", "-c", SETUP.format(port=dovecot.port, user=user)], env)
        log = tmp_path / "poll.log"
        with log.open("wb") as output:
            worker = subprocess.Popen(
                [*AFTERSAIL, "mail", "poll"], env=env, stdout=output, stderr=subprocess.STDOUT
            )
            deadline = time.monotonic() + 120  # a deadline for start-up, not a timing check
            try:
                while _stored_so_far_safe(env) < 30:
                    assert worker.poll() is None, log.read_text()
                    assert time.monotonic() < deadline, "the worker did not start ingesting"
                    time.sleep(0.05)
            finally:
                worker.send_signal(signal.SIGKILL)
                worker.wait()
        stored_at_kill = _stored_so_far(env)
        assert 30 <= stored_at_kill < TOTAL, "the kill did not land mid-ingestion"
        run(["mail", "poll"], env, timeout=300)
        counts = json.loads(run(["shell", "-c", COUNT], env).strip().splitlines()[-1])
    assert counts == {
        "stored": TOTAL,
        "states": {"parsed": TOTAL},
        "messages": TOTAL,
        "distinct_ids": TOTAL,
        "conversations": TOTAL,
    }
    assert len(dovecot.uids(user, "KEYWORD $AftersailStored")) == TOTAL


def _stored_so_far_safe(env: dict[str, str]) -> int:
    try:
        return _stored_so_far(env)
    except Exception:  # the table does not exist yet, or the database is busy
        return 0
