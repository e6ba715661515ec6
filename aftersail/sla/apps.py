"""Business calendars, SLA policies and clocks, reply-by promises, coverage and reports."""

from django.apps import AppConfig


class SlaConfig(AppConfig):
    name = "aftersail.sla"
    label = "sla"
    verbose_name = "Service levels"

    def ready(self) -> None:
        from aftersail.sla import hooks  # noqa: F401  (registers the step and reactions)
