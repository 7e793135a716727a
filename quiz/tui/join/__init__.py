"""``quiz join``: the student's terminal client and its screens."""
