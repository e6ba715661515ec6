"""Translating messages for agents and replies for customers.

The original is always kept: an inbound message keeps its text and gets a ``Translation``
row per agent language; a translated reply carries the agent's original in
``channel_metadata["original"]``. With no provider configured every function says so
(``NotConfigured``) and the desk simply shows the original.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from django.db import IntegrityError, transaction

from aftersail.accounts.models import Agent
from aftersail.commerce.models import Store
from aftersail.conversations.actions import NewMessage, do_add_message
from aftersail.conversations.models import Conversation, Message
from aftersail.core.localization import customer_language
from aftersail.language.detection import detect_language
from aftersail.language.models import Translation, TranslationSettings
from aftersail.language.providers import (
    Argos,
    DeepL,
    LibreTranslate,
    NotConfigured,
    Provider,
    TranslationError,
)

log = logging.getLogger(__name__)

MAX_CHARS = 20_000
_TOKEN = re.compile(r"\[\[\s*(\d+)\s*\]\]")


def store_settings(store: Store) -> TranslationSettings | None:
    return TranslationSettings.objects.filter(store=store).exclude(provider="").first()


def is_configured(store: Store) -> bool:
    return store_settings(store) is not None


def provider_for(store: Store) -> tuple[Provider, TranslationSettings]:
    settings = store_settings(store)
    if settings is None:
        raise NotConfigured("no translation provider is configured for this store")
    if settings.provider == "deepl":
        return DeepL(settings.api_url or "https://api-free.deepl.com", settings.api_key), settings
    if settings.provider == "libretranslate":
        if not settings.api_url:
            raise NotConfigured("LibreTranslate needs the server's address")
        return LibreTranslate(settings.api_url, settings.api_key), settings
    return Argos(), settings


def protect(text: str, terms: list[str]) -> tuple[str, list[str]]:
    """Replaces every glossary term with a numbered token ``[[n]]`` that translation
    engines pass through; returns the text and the original spellings by number."""
    if not terms:
        return text, []
    found: list[str] = []
    pattern = re.compile("|".join(rf"(?<!\w){re.escape(t)}(?!\w)" for t in terms), re.IGNORECASE)

    def keep(match: re.Match[str]) -> str:
        found.append(match.group())
        return f"[[{len(found) - 1}]]"

    return pattern.sub(keep, text), found


def restore(text: str, found: list[str]) -> str:
    def put_back(match: re.Match[str]) -> str:
        index = int(match.group(1))
        return found[index] if index < len(found) else match.group()

    return _TOKEN.sub(put_back, text)


def translate_text(store: Store, text: str, source: str, target: str) -> tuple[str, str]:
    """``text`` in ``target`` with the glossary kept; returns (translation, provider name)."""
    provider, settings = provider_for(store)
    protected, found = protect(text[:MAX_CHARS], settings.glossary_terms())
    translated = provider.translate([protected], source, target)[0]
    return restore(translated, found), provider.name


def agent_language(agent: Agent) -> str:
    return (agent.display_language or (agent.languages or ["en"])[0]).split("-")[0]


def translate_for_agent(message: Message, agent: Agent) -> Translation | None:
    """The message in the agent's language (stored once per language); None when it is
    already in that language. Raises NotConfigured or TranslationError."""
    target = agent_language(agent)
    source = message.language or detect_language(message.body_text)
    if source == target:
        return None
    existing = Translation.objects.filter(message=message, target_language=target).first()
    if existing is not None:
        return existing
    text, provider = translate_text(message.conversation.store, message.body_text, source, target)
    try:
        with transaction.atomic():
            return Translation.objects.create(
                message=message,
                source_language=source,
                target_language=target,
                text=text,
                provider=provider,
            )
    except IntegrityError:  # a concurrent request stored it first
        return Translation.objects.get(message=message, target_language=target)


@dataclass(frozen=True)
class TranslatedReply:
    text: str  # what the customer receives
    original: str  # what the agent wrote
    source_language: str
    target_language: str
    provider: str


def translate_reply_for_customer(
    conversation: Conversation, text: str, agent: Agent
) -> TranslatedReply:
    """The agent's reply in the customer's language; raises NotConfigured/TranslationError."""
    source = agent_language(agent)
    target = conversation.language or customer_language(conversation.customer, conversation.store)
    if source == target:
        return TranslatedReply(text, text, source, target, "")
    translated, provider = translate_text(conversation.store, text, source, target)
    return TranslatedReply(translated, text, source, target, provider)


def do_send_translated_reply(conversation: Conversation, agent: Agent, text: str) -> Message:
    """Sends the reply translated into the customer's language, keeping the original."""
    reply = translate_reply_for_customer(conversation, text, agent)
    metadata = {}
    if reply.provider:
        metadata["original"] = {
            "text": reply.original,
            "language": reply.source_language,
            "provider": reply.provider,
        }
    return do_add_message(
        conversation,
        NewMessage(
            kind=Message.Kind.REPLY,
            author_kind=Message.AuthorKind.AGENT,
            author_agent=agent,
            text=reply.text,
            language=reply.target_language,
            metadata=metadata,
        ),
    )


__all__ = [
    "NotConfigured",
    "TranslationError",
    "do_send_translated_reply",
    "is_configured",
    "translate_for_agent",
    "translate_reply_for_customer",
]
