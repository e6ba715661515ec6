from aftersail.core.apps import DomainConfig


class AssistantConfig(DomainConfig):
    name = "aftersail.assistant"
    label = "assistant"
    verbose_name = "Assistant"
