"""Ingests N mails (default 10,000) from a private local dovecot and prints messages per
second and peak memory.

    .venv/bin/python bench/mail_ingest.py            # 10,000 mails, SQLite in a temp folder
    .venv/bin/python bench/mail_ingest.py --count 2000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/aftersail_bench .venv/bin/python \
        bench/mail_ingest.py                         # an empty PostgreSQL database

Setting up (writing the maildir, dovecot indexing it) is not timed; what is timed is the
whole path of ``aftersail mail poll``: IMAP FETCH, storing the raw bytes, parsing, customers,
conversations and messages, flagging the mail on the server. Needs dovecot (dovecot-imapd).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sys
import tempfile
import time
from email.utils import make_msgid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def mail(n: int) -> bytes:
    customer = n % 2000  # several mails per customer, as in real life
    return (
        f"From: Customer {customer} <c{customer}@kunde.example>\r\n"
        "To: support@bench.example\r\n"
        f"Subject: =?utf-8?q?Bestellung_{n}_R=C3=BCckgabe?=\r\n"
        f"Message-ID: {make_msgid(domain='kunde.example')}\r\n"
        "Date: Sat, 28 Nov 2026 09:15:00 +0100\r\nMIME-Version: 1.0\r\n"
        "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
        f"Guten Tag,\r\nich möchte Bestellung {n} zurückgeben.\r\n\r\n"
        "Am 27.11.2026 um 16:02 schrieb Support <support@bench.example>:\r\n"
        "> Vielen Dank für Ihre Bestellung.\r\n"
    ).encode()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    args = parser.parse_args()

    var = Path(tempfile.mkdtemp(prefix="aftersail-bench-"))
    os.environ["AFTERSAIL_VAR_DIR"] = str(var)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "aftersail.settings")
    os.environ["LOG_LEVEL"] = "WARNING"
    os.environ["BENCH_IMAP_PASSWORD"] = "secret"  # noqa: S105 (the private dovecot's)
    import django

    django.setup()
    from django.core.management import call_command

    from aftersail.commerce.models import Store
    from aftersail.conversations.models import Message
    from aftersail.mail import imap
    from aftersail.mail.ingest import do_process_inbound
    from aftersail.mail.models import InboundEmail, Mailbox
    from aftersail.testing.mailservers import running_dovecot

    call_command("migrate", verbosity=0)
    with running_dovecot() as dovecot:
        user = "bench"
        # mail_location is maildir:<tmp>/mail/%u: the user's folder is the maildir itself.
        new = dovecot.folder / user / "new"
        for sub in ("new", "cur", "tmp"):
            (dovecot.folder / user / sub).mkdir(parents=True, exist_ok=True)
        for n in range(args.count):
            (new / f"{1_700_000_000 + n}.M{n}P1.bench").write_bytes(mail(n))
        for path in [dovecot.folder / user, *(dovecot.folder / user).rglob("*")]:
            shutil.chown(path, "dovecot", "dovecot")
        dovecot.uids(user)  # let dovecot index the folder before the clock starts

        store = Store.objects.create(
            name="Bench",
            slug="bench",
            country="DE",
            sender_name="Bench",
            sender_email="support@bench.example",
        )
        mailbox = Mailbox.objects.create(
            store=store, name="Bench", address="support@bench.example",
            imap_host=dovecot.host, imap_port=dovecot.port, imap_security="none",
            imap_username=user, imap_password_env="BENCH_IMAP_PASSWORD",  # noqa: S106
        )  # fmt: skip
        started = time.perf_counter()
        result = imap.poll_mailbox(mailbox, on_stored=lambda row: do_process_inbound(row.id))
        elapsed = time.perf_counter() - started
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    parsed = InboundEmail.objects.filter(state="parsed").count()
    messages = Message.objects.filter(kind="inbound").count()
    print(f"database:        {django.db.connection.vendor}")
    print(f"mails fetched:   {result.fetched} (stored {result.stored}, parsed {parsed}, "
          f"messages {messages}, error {result.error or '-'})")  # fmt: skip
    print(f"elapsed:         {elapsed:.1f} s")
    print(f"messages/s:      {result.fetched / elapsed:.1f}")
    print(f"peak memory:     {peak_mib:.0f} MiB (max RSS of the process)")
    shutil.rmtree(var, ignore_errors=True)


if __name__ == "__main__":
    main()
