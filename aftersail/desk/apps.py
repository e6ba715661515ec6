from django.apps import AppConfig


class DeskConfig(AppConfig):
    name = "aftersail.desk"
    label = "desk"
    verbose_name = "Agent desk"
