"""Deliver: email a pack (settings -> message -> SMTP)."""
