"""Supervisor and administrator screens: audit trail, users, backups."""
