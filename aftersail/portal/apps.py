from aftersail.core.apps import DomainConfig


class PortalConfig(DomainConfig):
    name = "aftersail.portal"
    label = "portal"
    verbose_name = "Customer portal"
