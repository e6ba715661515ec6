from django.apps import AppConfig


class AssignmentConfig(AppConfig):
    name = "aftersail.assignment"
    label = "assignment"
    verbose_name = "Assignment"

    def ready(self) -> None:
        from aftersail.assignment import steps  # noqa: F401  (registers the ROUTE step)
