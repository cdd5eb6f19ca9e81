"""Sign-in, password change and the screen lock."""
