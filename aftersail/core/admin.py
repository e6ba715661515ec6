from django.contrib import admin

from aftersail.core.models import WorkerPing


@admin.register(WorkerPing)
class WorkerPingAdmin(admin.ModelAdmin[WorkerPing]):
    list_display = ["kind", "created_at", "completed_at", "worker_host", "worker_pid"]
    list_filter = ["kind"]
    readonly_fields = ["kind", "completed_at", "worker_host", "worker_pid"]
