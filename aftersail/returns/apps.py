from django.apps import AppConfig


class ReturnsConfig(AppConfig):
    name = "aftersail.returns"
    label = "returns"
    verbose_name = "Returns and warranty"
