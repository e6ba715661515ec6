"""Team rules and agent selection (round-robin, least-loaded, capacity, shifts)."""
