"""Full-text search over conversations, messages, customers and orders."""
