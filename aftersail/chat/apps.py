from aftersail.core.apps import DomainConfig


class ChatConfig(DomainConfig):
    name = "aftersail.chat"
    label = "chat"
    verbose_name = "Live chat"

    def ready(self) -> None:
        super().ready()
        from aftersail.chat.adapter import ChatAdapter
        from aftersail.messaging.registry import register_adapter

        register_adapter(ChatAdapter())
