"""Canned replies with per-language variants, placeholders and actions."""
