from django.apps import AppConfig


class MailConfig(AppConfig):
    name = "aftersail.mail"
    label = "mail"
    verbose_name = "Email channel"
