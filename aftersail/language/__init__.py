"""Language detection of inbound text and translation providers."""
