"""Business calendars, SLA policies and clocks, reply-by promises, coverage and reports."""

from aftersail.core.apps import DomainConfig


class SlaConfig(DomainConfig):
    name = "aftersail.sla"
    label = "sla"
    verbose_name = "Service levels"
