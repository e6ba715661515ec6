from django.apps import AppConfig


class WebhooksConfig(AppConfig):
    name = "aftersail.webhooks"
    label = "webhooks"
    verbose_name = "Webhooks"
