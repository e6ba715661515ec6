"""What the email app registers at start: its channel adapter, the provider webhooks'
inbound signal, and the contact form's copy step of the inbound pipeline."""

from aftersail.mail import contact_copy, webhooks  # noqa: F401  (contact_copy registers a step)
from aftersail.mail.outbound import EmailAdapter
from aftersail.messaging.registry import register_adapter

register_adapter(EmailAdapter())
webhooks.connect()
