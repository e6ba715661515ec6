from aftersail.core.apps import DomainConfig


class ChatConfig(DomainConfig):
    name = "aftersail.chat"
    label = "chat"
    verbose_name = "Live chat"
