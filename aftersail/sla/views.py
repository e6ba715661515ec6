"""Desk pages of the SLA app: coverage heat map and SLA reports (supervisors and admins)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from functools import wraps
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from aftersail.accounts.access import agent_required
from aftersail.accounts.models import Agent
from aftersail.conversations.selectors import visible_conversations
from aftersail.core.localization import zone_or_utc
from aftersail.sla.coverage import market_coverage
from aftersail.sla.reports import DIMENSIONS, TIMED, date_range, sla_report

DEFAULT_DAYS = 28
MAX_DAYS = 366


def check_may_see_reports(agent: Agent) -> None:
    if not (agent.is_admin or agent.is_supervisor):
        raise PermissionDenied("Reports are for supervisors and administrators.")


def supervisor_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @agent_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        check_may_see_reports(request.agent)  # type: ignore[attr-defined]
        return view(request, *args, **kwargs)

    return wrapper


EARLIEST, LATEST = date(2000, 1, 1), date(2100, 12, 31)


def _parse_date(text: str | None, fallback: date) -> date:
    try:
        parsed = date.fromisoformat(text or "")
    except ValueError:
        return fallback
    return min(max(parsed, EARLIEST), LATEST)


def _period(request: HttpRequest, agent: Agent) -> tuple[date, date]:
    today = timezone.now().astimezone(zone_or_utc(agent.time_zone)).date()
    last = _parse_date(request.GET.get("to"), today)
    first = _parse_date(request.GET.get("from"), last - timedelta(days=DEFAULT_DAYS - 1))
    if first > last:
        first, last = last, first
    first = max(first, last - timedelta(days=MAX_DAYS - 1))
    return first, last


@supervisor_required
def coverage(request: HttpRequest) -> HttpResponse:
    agent = request.agent  # type: ignore[attr-defined]
    first, last = _period(request, agent)
    start, end = date_range(first, last, agent.time_zone)
    markets = market_coverage(visible_conversations(agent), start, end)
    context = {"agent": agent, "markets": markets, "first": first, "last": last, "hours": range(24)}
    return render(request, "sla/coverage.html", context)


@supervisor_required
def reports(request: HttpRequest) -> HttpResponse:
    agent = request.agent  # type: ignore[attr-defined]
    by = request.GET.get("by", "team")
    if by not in DIMENSIONS:
        by = "team"
    first, last = _period(request, agent)
    start, end = date_range(first, last, agent.time_zone)
    rows = sla_report(visible_conversations(agent), by, start, end)
    context = {
        "agent": agent,
        "rows": rows,
        "by": by,
        "dimensions": list(DIMENSIONS),
        "metrics": TIMED,
        "first": first,
        "last": last,
    }
    return render(request, "sla/reports.html", context)
