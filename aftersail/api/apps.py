from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "aftersail.api"
    label = "api"
    verbose_name = "REST API"
