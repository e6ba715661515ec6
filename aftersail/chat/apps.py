from django.apps import AppConfig


class ChatConfig(AppConfig):
    name = "aftersail.chat"
    label = "chat"
    verbose_name = "Live chat"
