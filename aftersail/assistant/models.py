"""Models of the assistant domain."""
