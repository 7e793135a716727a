"""Classroom sessions: one host, many students, over the local network."""
