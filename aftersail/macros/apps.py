from django.apps import AppConfig


class MacrosConfig(AppConfig):
    name = "aftersail.macros"
    label = "macros"
    verbose_name = "Macros"
