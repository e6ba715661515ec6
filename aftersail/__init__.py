"""Aftersail: a self-hosted after-sales customer-service desk for cross-border shops."""

__version__ = "0.1.0"
