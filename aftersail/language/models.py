"""Models of the languages domain."""
