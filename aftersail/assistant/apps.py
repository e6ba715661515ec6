from aftersail.core.apps import DomainConfig


class AssistantConfig(DomainConfig):
    name = "aftersail.assistant"
    label = "assistant"
    verbose_name = "Assistant"

    def ready(self) -> None:
        super().ready()
        from aftersail.assistant import triage  # noqa: F401  (registers the pipeline step)
