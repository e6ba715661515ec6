"""Named reads of the language app for other apps: whether machine translation is set up."""

from __future__ import annotations

from aftersail.language.translation import is_configured

__all__ = ["is_configured"]
