"""Question interchange with other tools (GIFT, Moodle XML, Aiken, CSV, Anki)."""
