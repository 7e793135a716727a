"""``quiz curate``: the curation app, its screens and widgets."""
