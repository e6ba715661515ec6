from aftersail.core.apps import DomainConfig


class ShippingConfig(DomainConfig):
    name = "aftersail.shipping"
    label = "shipping"
    verbose_name = "Shipments"
