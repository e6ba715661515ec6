"""Models of the assignment domain."""
