from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path

from aftersail.commerce.models import Store
from aftersail.core.secrets_admin import HTTPS_URLS, write_only_secret_form
from aftersail.shipping.imports import do_import_tracking
from aftersail.shipping.models import (
    DeliveryEstimate,
    LaneThreshold,
    NotificationSettings,
    RawTrackingPayload,
    Shipment,
    ShipmentChange,
    ShipmentIncident,
    ShipmentItem,
    ShipmentNotification,
    TrackingAccount,
    TrackingEvent,
)


class ShipmentItemInline(admin.TabularInline[ShipmentItem, Shipment]):
    model = ShipmentItem
    extra = 0
    raw_id_fields = ["order_line"]


class TrackingEventInline(admin.TabularInline[TrackingEvent, Shipment]):
    model = TrackingEvent
    extra = 0
    fields = ("occurred_at", "utc_offset_minutes", "status", "carrier_text", "location",
              "provider")  # fmt: skip
    readonly_fields = ("occurred_at", "utc_offset_minutes", "status", "carrier_text",
                       "location", "provider")  # fmt: skip
    can_delete = False


class ShipmentChangeInline(admin.TabularInline[ShipmentChange, Shipment]):
    """The shipment's timeline (status changes and delays), read-only like every event."""

    model = ShipmentChange
    extra = 0
    fields = readonly_fields = ("created_at", "kind_label", "data")
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Shipment | None = None) -> bool:
        return False


class ImportForm(forms.Form):
    store = forms.ModelChoiceField(queryset=Store.objects.all())
    file = forms.FileField(help_text="CSV or JSON, columns as in docs/tracking.md")


@admin.register(Shipment)
class ShipmentAdmin(admin.ModelAdmin[Shipment]):
    list_display = ["tracking_number", "carrier", "status", "delay_reason",
                    "destination_country", "shipped_at", "estimated_delivery"]  # fmt: skip
    list_filter = ["carrier", "status", "delay_reason", "is_return"]
    search_fields = ["tracking_number", "order__number"]
    raw_id_fields = ["order"]
    inlines = [ShipmentItemInline, TrackingEventInline, ShipmentChangeInline]
    change_list_template = "admin/shipping/shipment/change_list.html"

    def get_urls(self) -> list[URLPattern]:
        upload = path(
            "import-tracking/",
            self.admin_site.admin_view(self.import_tracking),
            name="shipping_import_tracking",
        )
        return [upload, *super().get_urls()]

    def import_tracking(self, request: HttpRequest) -> HttpResponse:
        if not request.user.has_perm("shipping.add_trackingevent"):
            return redirect("admin:index")
        form = ImportForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            upload = form.cleaned_data["file"]
            fmt = "json" if upload.name.lower().endswith(".json") else "csv"
            result = do_import_tracking(form.cleaned_data["store"], upload.read(), fmt)
            if result.errors:
                for error in result.errors[:20]:
                    messages.error(request, error)
            else:
                messages.success(request, f"{result.events} events read.")
                if result.unknown:
                    messages.warning(request, f"Unknown: {', '.join(sorted(result.unknown))}")
                return redirect("admin:shipping_shipment_changelist")
        context = {**self.admin_site.each_context(request), "form": form,
                   "title": "Import tracking events"}  # fmt: skip
        return render(request, "admin/shipping/import_tracking.html", context)


@admin.register(RawTrackingPayload)
class RawTrackingPayloadAdmin(admin.ModelAdmin[RawTrackingPayload]):
    list_display = ["created_at", "provider", "signature_valid", "state", "error"]
    list_filter = ["provider", "state", "signature_valid"]
    readonly_fields = ["account", "provider", "body", "headers", "signature_valid", "state",
                       "error", "processed_at"]  # fmt: skip


@admin.register(TrackingAccount)
class TrackingAccountAdmin(admin.ModelAdmin[TrackingAccount]):
    form = write_only_secret_form(["webhook_secret", "api_key"])
    formfield_overrides = HTTPS_URLS
    list_display = ["store", "provider", "is_active", "public_id"]
    list_filter = ["provider", "is_active"]
    readonly_fields = ["public_id"]


@admin.register(ShipmentNotification)
class ShipmentNotificationAdmin(admin.ModelAdmin[ShipmentNotification]):
    list_display = ["shipment", "status", "state", "language", "send_after", "sent_at", "reason"]
    list_filter = ["status", "state"]
    raw_id_fields = ["shipment"]


admin.site.register(NotificationSettings)
admin.site.register(LaneThreshold)
admin.site.register(DeliveryEstimate)
admin.site.register(ShipmentIncident)
