"""Models of the macros domain."""
