from django.contrib import admin

from aftersail.returns.models import (
    Refund,
    ReturnDestination,
    ReturnItem,
    ReturnPolicy,
    ReturnRequest,
    WarrantyClaim,
)


class ReturnDestinationInline(admin.TabularInline):
    model = ReturnDestination
    extra = 0


@admin.register(ReturnPolicy)
class ReturnPolicyAdmin(admin.ModelAdmin):
    list_display = ["name", "store", "markets", "window_days", "window_start", "auto_approve"]
    list_filter = ["store"]
    inlines = [ReturnDestinationInline]


class ReturnItemInline(admin.TabularInline):
    model = ReturnItem
    extra = 0
    readonly_fields = ["refunded_amount", "refunded_at"]
    raw_id_fields = ["order_line"]


@admin.register(ReturnRequest)
class ReturnRequestAdmin(admin.ModelAdmin):
    """Read-mostly: changes go through the desk so that they reach the timeline."""

    list_display = ["number", "order", "customer", "status", "outcome", "refund_due_at"]
    list_filter = ["status", "outcome"]
    search_fields = ["number", "order__number"]
    readonly_fields = ["status", "refunded_at", "refund_due_at"]
    raw_id_fields = ["order", "customer", "conversation", "return_shipment"]
    inlines = [ReturnItemInline]


@admin.register(Refund)
class RefundAdmin(admin.ModelAdmin):
    list_display = ["rma", "kind", "amount", "currency", "created_at"]

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False


@admin.register(WarrantyClaim)
class WarrantyClaimAdmin(admin.ModelAdmin):
    list_display = ["number", "customer", "basis", "covered_until", "outcome"]
    raw_id_fields = ["order_line", "customer", "conversation"]
