from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from aftersail.accounts.models import Agent, Team, User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "full_name", "is_staff", "is_active", "last_login"]
    search_fields = ["email", "full_name"]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        ("Profile", {"fields": ("full_name",)}),
        ("Permissions", {"fields": ("is_active", "is_staff", "is_superuser", "groups")}),
        ("Dates", {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "password1", "password2")}),)
    filter_horizontal = ["groups"]
    list_filter = ["is_staff", "is_active"]


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin[Team]):
    list_display = ["name", "kind", "time_zone", "languages"]
    list_filter = ["kind"]


@admin.register(Agent)
class AgentAdmin(admin.ModelAdmin[Agent]):
    list_display = ["user", "role", "time_zone", "languages", "capacity"]
    list_filter = ["role", "teams"]
    filter_horizontal = ["teams"]
    search_fields = ["user__email", "user__full_name"]
    autocomplete_fields = ["user"]
