"""Models of the returns and warranty domain."""
