from aftersail.core.apps import DomainConfig


class DeskConfig(DomainConfig):
    name = "aftersail.desk"
    label = "desk"
    verbose_name = "Agent desk"
