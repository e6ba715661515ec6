"""What other apps may ask of the channels: send an automatic mail from the store (an
acknowledgement, a notification, a return form), or try delivering a pending reply now.
A reply added to a conversation needs nothing from here: ``messaging.reactions`` queues it."""

from __future__ import annotations

from aftersail.messaging.delivery import deliver
from aftersail.messaging.notify import send_customer_email, store_sender

__all__ = ["deliver", "send_customer_email", "store_sender"]
