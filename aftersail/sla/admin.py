"""Calendars and SLA policies are configured in the Django admin; saving one rebuilds the
clocks of the store's open conversations in the background."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from aftersail.core.queue import enqueue_on_commit
from aftersail.sla.models import (
    BusinessCalendar,
    CalendarClosure,
    Promise,
    SlaClock,
    SlaPolicy,
    TeamCalendar,
)
from aftersail.sla.tasks import recompute_store_clocks


class CalendarClosureInline(admin.TabularInline[CalendarClosure, BusinessCalendar]):
    model = CalendarClosure
    extra = 1


class TeamCalendarInline(admin.TabularInline[TeamCalendar, BusinessCalendar]):
    model = TeamCalendar
    extra = 1


class RecomputesClocks:
    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)  # type: ignore[misc]
        enqueue_on_commit(recompute_store_clocks, obj.store_id)


@admin.register(BusinessCalendar)
class BusinessCalendarAdmin(RecomputesClocks, admin.ModelAdmin[BusinessCalendar]):
    list_display = ["name", "store", "time_zone", "holiday_country", "is_store_default"]
    list_filter = ["store"]
    inlines = [CalendarClosureInline, TeamCalendarInline]


@admin.register(SlaPolicy)
class SlaPolicyAdmin(RecomputesClocks, admin.ModelAdmin[SlaPolicy]):
    list_display = [
        "name",
        "store",
        "position",
        "is_active",
        "first_reply_minutes",
        "next_reply_minutes",
        "resolution_minutes",
        "business_hours",
    ]
    list_filter = ["store", "is_active"]
    ordering = ["store", "position"]


@admin.register(SlaClock)
class SlaClockAdmin(admin.ModelAdmin[SlaClock]):
    list_display = ["conversation", "metric", "state", "started_at", "due_at", "stopped_at"]
    list_filter = ["metric", "state"]
    raw_id_fields = ["conversation"]


@admin.register(Promise)
class PromiseAdmin(admin.ModelAdmin[Promise]):
    list_display = ["conversation", "reply_by", "customer_zone", "language", "state"]
    list_filter = ["state", "language"]
    raw_id_fields = ["conversation", "message"]
