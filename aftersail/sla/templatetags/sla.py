"""Template helpers for SLA pages and the desk's conversation view."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.dates import WEEKDAYS_ABBR
from django.utils.translation import get_language

from aftersail.conversations.models import Conversation
from aftersail.core.geo import country_name as _country_name
from aftersail.sla.models import Promise, SlaClock

register = template.Library()


@register.simple_tag
def weekday_name(index: int) -> str:
    return str(WEEKDAYS_ABBR[index])


@register.simple_tag
def volume_share(messages: int, peak: int) -> str:
    return f"{messages / peak:.2f}" if peak else "0"


@register.filter
def country_name(code: str) -> str:
    return _country_name(code, get_language() or "en")


@register.filter
def get_item(mapping: dict[str, Any], key: str) -> Any:
    return mapping.get(key)


@register.filter
def duration(seconds: float | None) -> str:
    """``5400`` -> ``1:30`` (hours:minutes); empty when there is nothing to show."""
    if seconds is None:
        return "–"
    minutes = round(seconds / 60)
    return f"{minutes // 60}:{minutes % 60:02d}"


@register.filter
def percent(share: float | None) -> str:
    return "–" if share is None else f"{share * 100:.0f} %"


@register.inclusion_tag("sla/_conversation_panel.html")
def sla_panel(conversation: Conversation) -> dict[str, Any]:
    """The promise countdown and the running clocks, for the conversation view."""
    promise = Promise.objects.filter(conversation=conversation).first()
    clocks = SlaClock.objects.filter(conversation=conversation, stopped_at__isnull=True).order_by(
        "due_at", "metric"
    )
    return {"promise": promise, "clocks": list(clocks), "conversation": conversation}
