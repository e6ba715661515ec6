from django.apps import AppConfig


class CustomersConfig(AppConfig):
    name = "aftersail.customers"
    label = "customers"
    verbose_name = "Customers"
