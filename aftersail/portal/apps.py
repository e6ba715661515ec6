from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "aftersail.portal"
    label = "portal"
    verbose_name = "Customer portal"
