"""Mailboxes, inbound MIME ingestion (IMAP, provider webhooks), threading and outbound mail."""
