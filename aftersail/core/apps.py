from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "aftersail.core"
    label = "core"
    verbose_name = "Core"
