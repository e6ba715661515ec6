from django.apps import AppConfig


class AssistantConfig(AppConfig):
    name = "aftersail.assistant"
    label = "assistant"
    verbose_name = "Assistant"

    def ready(self) -> None:
        from aftersail.assistant import triage  # noqa: F401  (registers the pipeline step)
