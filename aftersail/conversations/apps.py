from django.apps import AppConfig


class ConversationsConfig(AppConfig):
    name = "aftersail.conversations"
    label = "conversations"
    verbose_name = "Conversations"
