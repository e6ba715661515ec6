"""Models of the service levels domain."""
