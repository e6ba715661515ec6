from django.apps import AppConfig


class MessagingConfig(AppConfig):
    name = "aftersail.messaging"
    label = "messaging"
    verbose_name = "Channels"
