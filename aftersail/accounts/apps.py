from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "aftersail.accounts"
    label = "accounts"
    verbose_name = "Agents and teams"
