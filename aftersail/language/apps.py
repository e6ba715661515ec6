from aftersail.core.apps import DomainConfig


class LanguageConfig(DomainConfig):
    name = "aftersail.language"
    label = "language"
    verbose_name = "Languages"
