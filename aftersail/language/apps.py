from django.apps import AppConfig


class LanguageConfig(AppConfig):
    name = "aftersail.language"
    label = "language"
    verbose_name = "Languages"
