from django.apps import AppConfig


class AssistantConfig(AppConfig):
    name = "aftersail.assistant"
    label = "assistant"
    verbose_name = "Assistant"
