from django.apps import AppConfig


class ShippingConfig(AppConfig):
    name = "aftersail.shipping"
    label = "shipping"
    verbose_name = "Shipments"
