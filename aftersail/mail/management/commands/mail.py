"""``aftersail mail poll`` fetches and parses new mail; ``aftersail mail process`` parses
what was stored but not parsed yet (after a crash, or a reprocess)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from aftersail.mail import imap
from aftersail.mail.ingest import do_process_inbound, pending_ids
from aftersail.mail.models import InboundEmail, Mailbox


def _process_pending() -> int:
    done = 0
    while batch := pending_ids(limit=500):
        for inbound_id in batch:
            do_process_inbound(inbound_id)
            done += 1
    return done


class Command(BaseCommand):
    help = "Poll IMAP mailboxes and parse stored mail."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["poll", "process"])
        parser.add_argument("--mailbox", action="append", help="Only this address (repeatable).")
        parser.add_argument(
            "--store-only", action="store_true", help="Store raw mail; parse it later."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        recovered = _process_pending()
        if recovered:
            self.stdout.write(f"parsed {recovered} mail(s) left over from an earlier run")
        if options["action"] == "process":
            return

        def parse_now(row: InboundEmail) -> None:
            if not options["store_only"] and row.state == InboundEmail.State.RECEIVED:
                do_process_inbound(row.id)

        mailboxes = imap.pollable_mailboxes()
        if options["mailbox"]:
            wanted = {a.lower() for a in options["mailbox"]}
            mailboxes = [m for m in mailboxes if m.address.lower() in wanted]
        for result in imap.poll_all(mailboxes, on_stored=parse_now):
            line = f"{result.mailbox}: fetched {result.fetched}, new {result.stored}"
            self.stdout.write(line + (f", error: {result.error}" if result.error else ""))
        if not Mailbox.objects.exists():
            self.stdout.write("no mailboxes configured")
