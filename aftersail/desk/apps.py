from django.apps import AppConfig


class DeskConfig(AppConfig):
    name = "aftersail.desk"
    label = "desk"
    verbose_name = "Agent desk"

    def ready(self) -> None:
        from aftersail.desk import publish  # noqa: F401  (registers the live-update reactions)
