from django.contrib import admin

from aftersail.assignment.models import Shift, TeamRouting, TeamRule


@admin.register(TeamRule)
class TeamRuleAdmin(admin.ModelAdmin[TeamRule]):
    list_display = ["name", "position", "team", "countries", "languages", "channels", "is_active"]
    list_editable = ["position", "is_active"]
    list_filter = ["team", "is_active"]


@admin.register(TeamRouting)
class TeamRoutingAdmin(admin.ModelAdmin[TeamRouting]):
    list_display = ["team", "mode", "last_agent"]


@admin.register(Shift)
class ShiftAdmin(admin.ModelAdmin[Shift]):
    list_display = ["agent", "weekday", "starts", "ends"]
    list_filter = ["weekday", "agent__teams"]
