"""Polling IMAP mailboxes: UID-based, resumable, safe to kill at any moment.

Each poll fetches the messages above the last UID it stored (restarting from zero when the
server's UIDVALIDITY changes, RFC 3501 2.3.1.1), stores each one's raw bytes, then saves its
position and flags the message (or moves it to the processed folder). A poll killed between
those steps fetches the same bytes again next time; the store recognizes them by their
SHA-256 and nothing is duplicated.
"""

from __future__ import annotations

import contextlib
import imaplib
import logging
import os
import re
import socket
import ssl
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import close_old_connections, connection
from django.db.models import Q
from django.utils import timezone

from aftersail.mail.ingest import do_store_inbound
from aftersail.mail.models import InboundEmail, Mailbox, Security
from aftersail.mail.secrets import read_secret

log = logging.getLogger(__name__)
PROCESSED_FLAG = "$AftersailStored"
BATCH = 50
LEASE = timedelta(minutes=10)


@dataclass
class PollResult:
    mailbox: str
    fetched: int = 0
    stored: int = 0
    error: str = ""


def _connect(mailbox: Mailbox) -> imaplib.IMAP4:
    if mailbox.imap_security == Security.TLS:
        client: imaplib.IMAP4 = imaplib.IMAP4_SSL(
            mailbox.imap_host, mailbox.imap_port, ssl_context=ssl.create_default_context(),
            timeout=60,
        )  # fmt: skip
    else:
        client = imaplib.IMAP4(mailbox.imap_host, mailbox.imap_port, timeout=60)
        if mailbox.imap_security == Security.STARTTLS:
            client.starttls(ssl.create_default_context())
    client.login(mailbox.imap_username, read_secret(mailbox.imap_password_env))
    return client


def _owner() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def _dead_local_owner(owner: str) -> bool:
    """Whether the lease was taken by a process of this machine that no longer runs."""
    host, _sep, pid = owner.rpartition(":")
    if host != socket.gethostname() or not pid.isdigit() or int(pid) == os.getpid():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def _take_lease(mailbox: Mailbox) -> bool:
    """One poller per mailbox at a time, across processes (a conditional UPDATE). A lease
    expires after LEASE, or at once when its holder on this machine has died."""
    now = timezone.now()
    free = Q(imap_lease_until__isnull=True) | Q(imap_lease_until__lt=now)
    holder = Mailbox.objects.filter(id=mailbox.id).values_list("imap_lease_owner", flat=True)
    owner = holder.first() or ""
    if owner and _dead_local_owner(owner):
        free |= Q(imap_lease_owner=owner)
    return bool(
        Mailbox.objects.filter(id=mailbox.id)
        .filter(free)
        .update(imap_lease_until=now + LEASE, imap_lease_owner=_owner())
    )


def _quote(folder: str) -> str:
    return '"' + folder.replace("\\", "\\\\").replace('"', '\\"') + '"'


def poll_mailbox(
    mailbox: Mailbox, *, on_stored: Callable[[InboundEmail], None] | None = None
) -> PollResult:
    result = PollResult(mailbox.address)
    if not _take_lease(mailbox):
        result.error = "another poller holds this mailbox"
        return result
    try:
        client = _connect(mailbox)
        try:
            _poll(client, mailbox, result, on_stored)
        finally:
            with contextlib.suppress(imaplib.IMAP4.error, OSError):
                client.logout()
    except (imaplib.IMAP4.error, OSError, ValueError) as error:
        result.error = f"{type(error).__name__}: {error}"
        log.warning("polling %s failed: %s", mailbox.address, error)
    finally:
        Mailbox.objects.filter(id=mailbox.id).update(
            imap_lease_until=None,
            imap_lease_owner="",
            last_polled_at=timezone.now(),
            last_poll_error=result.error,
        )
    return result


def _poll(
    client: imaplib.IMAP4,
    mailbox: Mailbox,
    result: PollResult,
    on_stored: Callable[[InboundEmail], None] | None,
) -> None:
    status, _data = client.select(_quote(mailbox.imap_folder))
    if status != "OK":
        raise imaplib.IMAP4.error(f"cannot open folder {mailbox.imap_folder}")
    uidvalidity = int((client.response("UIDVALIDITY")[1] or [b"0"])[0] or 0)
    if mailbox.imap_uidvalidity != uidvalidity:
        mailbox.imap_uidvalidity, mailbox.imap_last_uid = uidvalidity, 0
        Mailbox.objects.filter(id=mailbox.id).update(imap_uidvalidity=uidvalidity, imap_last_uid=0)
    if mailbox.imap_last_uid:
        # Mail stored by a poll that died before flagging (or moving) it.
        _mark(client, mailbox, f"1:{mailbox.imap_last_uid}")
    status, data = client.uid("SEARCH", f"UID {mailbox.imap_last_uid + 1}:*")
    uids = sorted(int(u) for u in (data[0] or b"").split() if int(u) > mailbox.imap_last_uid)
    for start in range(0, len(uids), BATCH):
        chunk = uids[start : start + BATCH]
        for uid, raw in _fetch(client, chunk):
            result.fetched += 1
            row, created = do_store_inbound(
                store=mailbox.store,
                raw=raw,
                source=InboundEmail.Source.IMAP,
                mailbox=mailbox,
                source_ref=f"{uidvalidity}:{uid}",
            )
            result.stored += int(created)
            Mailbox.objects.filter(id=mailbox.id).update(imap_last_uid=uid)
            if on_stored is not None:
                on_stored(row)
        _mark(client, mailbox, ",".join(map(str, chunk)))


_FETCH_UID = re.compile(rb"UID (\d+)")


def _fetch(client: imaplib.IMAP4, uids: list[int]) -> Iterable[tuple[int, bytes]]:
    status, data = client.uid("FETCH", ",".join(map(str, uids)), "(UID BODY.PEEK[])")
    if status != "OK":
        raise imaplib.IMAP4.error(f"FETCH failed: {data!r}")
    found = []
    for item in data:
        if isinstance(item, tuple) and len(item) == 2:
            match = _FETCH_UID.search(item[0])
            if match:
                found.append((int(match.group(1)), bytes(item[1])))
    return sorted(found)


def _mark(client: imaplib.IMAP4, mailbox: Mailbox, uid_set: str) -> None:
    if mailbox.imap_processed_folder:
        status, _ = client.uid("MOVE", uid_set, _quote(mailbox.imap_processed_folder))
        if status == "OK":
            return
        client.uid("COPY", uid_set, _quote(mailbox.imap_processed_folder))
        client.uid("STORE", uid_set, "+FLAGS.SILENT", "(\\Deleted)")
        client.expunge()
        return
    client.uid("STORE", uid_set, "+FLAGS.SILENT", f"(\\Seen {PROCESSED_FLAG})")


def pollable_mailboxes() -> list[Mailbox]:
    return list(
        Mailbox.objects.filter(is_active=True).exclude(imap_host="").select_related("store")
    )


def poll_all(
    mailboxes: list[Mailbox] | None = None,
    *,
    on_stored: Callable[[InboundEmail], None] | None = None,
) -> list[PollResult]:
    """Polls several mailboxes at once, one thread (and database connection) each."""
    targets = pollable_mailboxes() if mailboxes is None else mailboxes
    # An in-memory SQLite database (the tests') locks whole tables across threads.
    in_memory = connection.vendor == "sqlite" and connection.is_in_memory_db()  # type: ignore[attr-defined]
    if len(targets) <= 1 or in_memory or connection.in_atomic_block:
        return [poll_mailbox(m, on_stored=on_stored) for m in targets]

    def one(mailbox: Mailbox) -> PollResult:
        try:
            return poll_mailbox(mailbox, on_stored=on_stored)
        finally:
            close_old_connections()
            connection.close()

    with ThreadPoolExecutor(max_workers=settings.MAIL_POLL_CONCURRENCY) as pool:
        return list(pool.map(one, targets))
