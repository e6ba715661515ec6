from aftersail.core.apps import DomainConfig


class ReturnsConfig(DomainConfig):
    name = "aftersail.returns"
    label = "returns"
    verbose_name = "Returns and warranty"
