from aftersail.core.apps import DomainConfig


class MailConfig(DomainConfig):
    name = "aftersail.mail"
    label = "mail"
    verbose_name = "Email channel"

    def ready(self) -> None:
        super().ready()
        from aftersail.mail import contact_copy, webhooks  # noqa: F401 (registers a step)
        from aftersail.mail.outbound import EmailAdapter
        from aftersail.messaging.registry import register_adapter

        register_adapter(EmailAdapter())
        webhooks.connect()
