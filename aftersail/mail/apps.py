from aftersail.core.apps import DomainConfig


class MailConfig(DomainConfig):
    name = "aftersail.mail"
    label = "mail"
    verbose_name = "Email channel"
