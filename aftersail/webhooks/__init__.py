"""Outbound signed webhooks with retries and a delivery log."""
