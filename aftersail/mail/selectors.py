"""Named reads of the email channel: the token that threads a reply into its conversation."""

from __future__ import annotations

from aftersail.mail.threads import subject_token

__all__ = ["subject_token"]
