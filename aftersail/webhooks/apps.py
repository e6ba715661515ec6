from aftersail.core.apps import DomainConfig


class WebhooksConfig(DomainConfig):
    name = "aftersail.webhooks"
    label = "webhooks"
    verbose_name = "Webhooks"
