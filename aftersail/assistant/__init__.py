"""Intent triage, entity recognition and automatic answers with hand-over."""
