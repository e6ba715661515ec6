from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "aftersail.demo"
    label = "demo"
    verbose_name = "Demo store"
