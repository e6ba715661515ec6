from django.contrib import admin

from aftersail.commerce.models import Order, OrderLine, Product, Store


@admin.register(Store)
class StoreAdmin(admin.ModelAdmin[Store]):
    list_display = ["name", "slug", "country", "default_language", "currency"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Product)
class ProductAdmin(admin.ModelAdmin[Product]):
    list_display = ["sku", "name", "category", "price", "store"]
    list_filter = ["store", "category"]
    search_fields = ["sku", "name"]


class OrderLineInline(admin.TabularInline[OrderLine, Order]):
    model = OrderLine
    extra = 0
    raw_id_fields = ["product"]


@admin.register(Order)
class OrderAdmin(admin.ModelAdmin[Order]):
    list_display = [
        "number",
        "customer",
        "status",
        "payment_status",
        "total",
        "currency",
        "placed_at",
    ]
    list_filter = ["store", "status", "payment_status", "ship_to_country"]
    search_fields = ["number", "customer__name"]
    raw_id_fields = ["customer"]
    date_hierarchy = "placed_at"
    inlines = [OrderLineInline]
