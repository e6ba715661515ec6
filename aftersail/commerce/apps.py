from aftersail.core.apps import DomainConfig


class CommerceConfig(DomainConfig):
    name = "aftersail.commerce"
    label = "commerce"
    verbose_name = "Stores and orders"
