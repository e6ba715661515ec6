from aftersail.core.apps import DomainConfig


class KnowledgeConfig(DomainConfig):
    name = "aftersail.knowledge"
    label = "knowledge"
    verbose_name = "Knowledge base"
