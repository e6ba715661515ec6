from django.contrib import admin

from aftersail.customers.models import Customer, CustomerIdentity


class IdentityInline(admin.TabularInline[CustomerIdentity, Customer]):
    model = CustomerIdentity
    extra = 0
    fields = ["kind", "value", "is_primary", "undeliverable_since", "store"]


@admin.register(Customer)
class CustomerAdmin(admin.ModelAdmin[Customer]):
    list_display = ["name", "country", "language", "time_zone", "store"]
    list_filter = ["store", "country", "language"]
    search_fields = ["name", "identities__value"]
    raw_id_fields = ["user"]
    inlines = [IdentityInline]
