from django.apps import AppConfig


class CommerceConfig(AppConfig):
    name = "aftersail.commerce"
    label = "commerce"
    verbose_name = "Stores and orders"
