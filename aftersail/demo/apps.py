from aftersail.core.apps import DomainConfig


class DemoConfig(DomainConfig):
    name = "aftersail.demo"
    label = "demo"
    verbose_name = "Demo store"
