"""Channel adapters: how a public reply leaves the desk on each channel.

Each channel package registers one adapter from its ``AppConfig.ready()``::

    register_adapter(EmailAdapter())

An adapter's ``send`` delivers one message and returns the channel's id for it (e.g. the
email Message-ID), or raises :class:`DeliveryError`; ``temporary=True`` asks for a retry.
"""

from __future__ import annotations

from typing import Protocol

from aftersail.conversations.models import Message


class DeliveryError(Exception):
    def __init__(self, reason: str, *, temporary: bool) -> None:
        super().__init__(reason)
        self.reason = reason
        self.temporary = temporary


class ChannelAdapter(Protocol):
    channel: str

    def send(self, message: Message) -> str: ...


_adapters: dict[str, ChannelAdapter] = {}


def register_adapter(adapter: ChannelAdapter) -> None:
    _adapters[adapter.channel] = adapter


def unregister_adapter(channel: str) -> None:
    _adapters.pop(channel, None)


def adapter_for(channel: str) -> ChannelAdapter | None:
    return _adapters.get(channel)
