"""The solo game's Textual app and its screens."""
