from django.apps import AppConfig


class SlaConfig(AppConfig):
    name = "aftersail.sla"
    label = "sla"
    verbose_name = "Service levels"
