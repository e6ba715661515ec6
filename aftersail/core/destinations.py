"""Where the server may send requests that someone configured: webhook receivers.

A webhook URL is typed by an administrator, and each delivery's answer is kept in the
delivery log. Aimed at ``http://127.0.0.1:6379/``, ``http://169.254.169.254/`` (a cloud's
metadata service) or a machine of the internal network, it would turn the desk into a
way of reaching and reading them (server-side request forgery). So receivers must be
public addresses unless ``WEBHOOKS_ALLOW_LOCAL_NETWORK`` says otherwise (an ERP on the
same network, tests). The host is resolved and every address it resolves to is checked,
when the URL is saved and again before each delivery, since DNS answers can change.
"""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.translation import gettext as _


class UnsafeDestination(ValueError):
    """The URL may not be called; the message says why, for the admin and the log."""


def _addresses(host: str, port: int) -> set[str]:
    try:
        infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as exc:
        message = _("The host %(host)s cannot be resolved.") % {"host": host}
        raise UnsafeDestination(message) from exc
    return {str(info[4][0]) for info in infos}


def check_destination(url: str) -> None:
    """Raises ``UnsafeDestination`` unless ``url`` is http(s) to public addresses only (or
    local addresses are allowed by the settings)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UnsafeDestination(_("Only http:// and https:// addresses can be called."))
    if parts.username or parts.password:
        raise UnsafeDestination(_("Put credentials in the signature, not in the address."))
    if settings.WEBHOOKS_ALLOW_LOCAL_NETWORK:
        return
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as exc:
        raise UnsafeDestination(_("The address has an invalid port.")) from exc
    for address in _addresses(parts.hostname, port):
        ip = ipaddress.ip_address(address.split("%")[0])
        if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
            ip = ip.ipv4_mapped
        if not ip.is_global:
            raise UnsafeDestination(
                _(
                    "%(host)s is a local or private address (%(address)s). Set "
                    "WEBHOOKS_ALLOW_LOCAL_NETWORK=true to allow receivers on your own network."
                )
                % {"host": parts.hostname, "address": ip}
            )
