from aftersail.core.apps import DomainConfig


class AccountsConfig(DomainConfig):
    name = "aftersail.accounts"
    label = "accounts"
    verbose_name = "Agents and teams"
