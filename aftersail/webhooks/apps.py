from django.apps import AppConfig


class WebhooksConfig(AppConfig):
    name = "aftersail.webhooks"
    label = "webhooks"
    verbose_name = "Webhooks"

    def ready(self) -> None:
        from aftersail.webhooks import reactions  # noqa: F401  (registers the reaction)
