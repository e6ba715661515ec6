from aftersail.core.apps import DomainConfig


class ConversationsConfig(DomainConfig):
    name = "aftersail.conversations"
    label = "conversations"
    verbose_name = "Conversations"
