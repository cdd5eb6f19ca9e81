"""The sync screen (supervisors and administrators)."""
