"""Models of the knowledge base domain."""
