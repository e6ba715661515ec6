from aftersail.core.apps import DomainConfig


class MessagingConfig(DomainConfig):
    name = "aftersail.messaging"
    label = "messaging"
    verbose_name = "Channels"
