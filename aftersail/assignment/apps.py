from django.apps import AppConfig


class AssignmentConfig(AppConfig):
    name = "aftersail.assignment"
    label = "assignment"
    verbose_name = "Assignment"
