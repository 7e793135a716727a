"""Progress kept in SQLite: the database, attempts and sessions, review, stats, export."""
