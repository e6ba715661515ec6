from django.apps import AppConfig


class KnowledgeConfig(AppConfig):
    name = "aftersail.knowledge"
    label = "knowledge"
    verbose_name = "Knowledge base"
