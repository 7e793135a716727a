"""``quiz host``: the teacher's app and its screens."""
