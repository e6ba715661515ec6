"""Publishing timeline events to open desk pages and telling mentioned agents.

Reactions run after the change has committed (see :mod:`aftersail.core.events`), so a page
that reloads on the signal always sees the new state.
"""

from __future__ import annotations

import logging
from typing import Any

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from aftersail.accounts.models import Agent
from aftersail.conversations import events as conversation_events
from aftersail.conversations.models import ConversationEvent
from aftersail.core import events
from aftersail.desk.live import ADMIN_GROUP, agent_group, conversation_group, team_group

log = logging.getLogger(__name__)
LIVE_KINDS = (
    conversation_events.MESSAGE_ADDED,
    conversation_events.ASSIGNED,
    conversation_events.STATUS_CHANGED,
    conversation_events.MERGED,
    conversation_events.SPLIT,
    conversation_events.WOKE_UP,
)


def _send(groups: list[str], payload: dict[str, Any]) -> None:
    layer = get_channel_layer()
    if layer is None:
        return
    for group in dict.fromkeys(groups):
        async_to_sync(layer.group_send)(group, payload)


@events.reaction(*LIVE_KINDS)
def publish_change(event: ConversationEvent) -> None:
    conversation = event.conversation
    payload = {
        "type": "conversation.changed",
        "conversation": conversation.id,
        "event": event.kind,
        "message_kind": event.data.get("message_kind", ""),
    }
    groups = [conversation_group(conversation.id), ADMIN_GROUP]
    if conversation.team_id:
        groups.append(team_group(conversation.team_id))
    if conversation.assignee_id:
        groups.append(agent_group(conversation.assignee_id))
    _send(groups, payload)


@events.reaction(conversation_events.MENTIONED)
def tell_mentioned_agents(event: ConversationEvent) -> None:
    conversation = event.conversation
    author = event.actor_agent.name if event.actor_agent else _("A colleague")
    link = settings.SITE_URL.rstrip("/") + reverse("desk:conversation", args=[conversation.id])
    agents = Agent.objects.select_related("user").filter(
        id__in=event.data.get("agents", []), user__is_active=True
    )
    for agent in agents:
        _send(
            [agent_group(agent.id)],
            {"type": "mention", "conversation": conversation.id, "by": author},
        )
        with translation.override(agent.display_language or "en"):
            subject = _("%(author)s mentioned you on conversation #%(number)d") % {
                "author": author,
                "number": conversation.id,
            }
            body = _("%(author)s mentioned you in an internal note:\n\n%(link)s") % {
                "author": author,
                "link": link,
            }
        send_mail(subject, body, None, [agent.user.email])
