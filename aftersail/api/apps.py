from aftersail.core.apps import DomainConfig


class ApiConfig(DomainConfig):
    name = "aftersail.api"
    label = "api"
    verbose_name = "REST API"
