from aftersail.core.apps import DomainConfig


class MacrosConfig(DomainConfig):
    name = "aftersail.macros"
    label = "macros"
    verbose_name = "Macros"
