"""The live-chat widget, its WebSocket consumers and chat sessions."""
