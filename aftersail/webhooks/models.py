"""Models of the webhooks domain."""
