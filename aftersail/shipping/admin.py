from django.contrib import admin

from aftersail.shipping.models import Shipment, ShipmentItem


class ShipmentItemInline(admin.TabularInline[ShipmentItem, Shipment]):
    model = ShipmentItem
    extra = 0
    raw_id_fields = ["order_line"]


@admin.register(Shipment)
class ShipmentAdmin(admin.ModelAdmin[Shipment]):
    list_display = ["tracking_number", "carrier", "status", "destination_country", "shipped_at"]
    list_filter = ["carrier", "status", "is_return"]
    search_fields = ["tracking_number", "order__number"]
    raw_id_fields = ["order"]
    inlines = [ShipmentItemInline]
