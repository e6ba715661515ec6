from django.apps import AppConfig


class LanguageConfig(AppConfig):
    name = "aftersail.language"
    label = "language"
    verbose_name = "Languages"

    def ready(self) -> None:
        from aftersail.language import steps  # noqa: F401  (registers the pipeline step)
