"""Models of the search domain."""
