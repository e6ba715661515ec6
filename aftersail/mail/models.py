"""Models of the email channel domain."""
