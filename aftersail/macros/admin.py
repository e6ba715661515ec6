from django.contrib import admin

from aftersail.macros.models import Macro, MacroVariant


class MacroVariantInline(admin.StackedInline[MacroVariant, Macro]):
    model = MacroVariant
    extra = 0


@admin.register(Macro)
class MacroAdmin(admin.ModelAdmin[Macro]):
    list_display = ["name", "slug", "store", "set_status", "set_category", "is_active"]
    list_filter = ["store", "is_active", "set_category"]
    search_fields = ["name", "slug", "variants__body"]
    inlines = [MacroVariantInline]
