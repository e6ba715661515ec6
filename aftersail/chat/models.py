"""Models of the live chat domain."""
