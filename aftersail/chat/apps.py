from django.apps import AppConfig


class ChatConfig(AppConfig):
    name = "aftersail.chat"
    label = "chat"
    verbose_name = "Live chat"

    def ready(self) -> None:
        from aftersail.chat.adapter import ChatAdapter
        from aftersail.messaging.registry import register_adapter

        register_adapter(ChatAdapter())
