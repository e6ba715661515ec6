from aftersail.core.apps import DomainConfig


class CustomersConfig(DomainConfig):
    name = "aftersail.customers"
    label = "customers"
    verbose_name = "Customers"
