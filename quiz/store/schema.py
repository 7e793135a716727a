"""The progress database's schema, as a list of forward migrations.

``MIGRATIONS[i]`` takes a database from ``PRAGMA user_version`` *i* to *i + 1*.
A new database runs them all; an old one runs the ones it lacks, each in its
own transaction with the version bump, so a crash mid-upgrade leaves the
previous version intact. Never edit a released migration: append a new one.
"""

from __future__ import annotations

import sqlite3

# v1: profiles, sessions and the append-only attempt log.
_V1 = """
CREATE TABLE profiles (
    id      INTEGER PRIMARY KEY,
    name    TEXT NOT NULL UNIQUE COLLATE NOCASE,
    created TEXT NOT NULL
);

CREATE TABLE sessions (
    id           INTEGER PRIMARY KEY,
    profile_id   INTEGER NOT NULL REFERENCES profiles(id),
    bank_id      TEXT NOT NULL,
    bank_title   TEXT NOT NULL DEFAULT '',
    mode         TEXT NOT NULL,
    seed         INTEGER NOT NULL,
    total        INTEGER NOT NULL,
    question_ids TEXT NOT NULL,            -- JSON list, in play order
    settings     TEXT NOT NULL,            -- JSON
    status       TEXT NOT NULL,            -- active | paused | finished | abandoned
    started      TEXT NOT NULL,            -- UTC ISO 8601
    updated      TEXT NOT NULL,
    ended        TEXT,
    score        INTEGER,
    max_score    INTEGER,
    correct      INTEGER,
    settled      INTEGER,
    snapshot     TEXT                      -- JSON engine snapshot to resume from
);
CREATE INDEX sessions_by_profile ON sessions(profile_id, status, updated);

CREATE TABLE attempts (
    session_id   INTEGER NOT NULL REFERENCES sessions(id),
    seq          INTEGER NOT NULL,         -- 1, 2, ... within the session
    profile_id   INTEGER NOT NULL REFERENCES profiles(id),
    bank_id      TEXT NOT NULL,
    question_id  TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    answer_hash  TEXT NOT NULL,
    section      TEXT NOT NULL DEFAULT '',
    mode         TEXT NOT NULL,
    position     INTEGER NOT NULL,
    try_number   INTEGER NOT NULL,
    kind         TEXT NOT NULL,            -- answer | skip | timeout
    given        TEXT,                     -- JSON
    correct      INTEGER NOT NULL,
    partial      REAL NOT NULL,
    points       INTEGER NOT NULL,
    bonus        INTEGER NOT NULL,
    hints_used   INTEGER NOT NULL,
    seconds      REAL,
    final        INTEGER NOT NULL,
    at           TEXT NOT NULL,            -- UTC ISO 8601
    PRIMARY KEY (session_id, seq)
);
CREATE INDEX attempts_by_question ON attempts(profile_id, bank_id, question_id);

-- History is never rewritten: a bug or a careless query cannot erase it.
CREATE TRIGGER attempts_no_update BEFORE UPDATE ON attempts
BEGIN SELECT RAISE(ABORT, 'attempts are append-only'); END;
CREATE TRIGGER attempts_no_delete BEFORE DELETE ON attempts
BEGIN SELECT RAISE(ABORT, 'attempts are append-only'); END;
"""

# v2: spaced review. One FSRS card per (profile, bank, question).
_V2 = """
CREATE TABLE review (
    profile_id   INTEGER NOT NULL REFERENCES profiles(id),
    bank_id      TEXT NOT NULL,
    question_id  TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    answer_hash  TEXT NOT NULL,            -- a change restarts the schedule
    card         TEXT NOT NULL,            -- JSON of fsrs.Card
    due          TEXT NOT NULL,            -- UTC ISO 8601, copied out of card for queries
    reps         INTEGER NOT NULL DEFAULT 0,
    lapses       INTEGER NOT NULL DEFAULT 0,
    last_rating  INTEGER,
    last_review  TEXT,
    PRIMARY KEY (profile_id, bank_id, question_id)
);
CREATE INDEX review_by_due ON review(profile_id, due);
"""

# v3: a key/value table (the remembered profile, ...) and where a session's
# bank lives, so the home screen can offer "resume" without a bank argument.
_V3 = """
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
ALTER TABLE sessions ADD COLUMN bank_path TEXT NOT NULL DEFAULT '';
"""

# v4: classroom sessions run by `quiz host`: the room, its players and every
# answer, so a host that dies mid-question picks up where it was.
_V4 = """
CREATE TABLE class_sessions (
    id           INTEGER PRIMARY KEY,
    code         TEXT NOT NULL,
    bank_id      TEXT NOT NULL,
    bank_title   TEXT NOT NULL,
    bank_path    TEXT NOT NULL,
    question_ids TEXT NOT NULL,            -- JSON list, in play order
    settings     TEXT NOT NULL,            -- JSON RoomSettings
    state        TEXT NOT NULL,            -- JSON RoomState
    port         INTEGER NOT NULL,
    status       TEXT NOT NULL,            -- running | ended
    started      TEXT NOT NULL,
    updated      TEXT NOT NULL,
    ended        TEXT
);

CREATE TABLE class_players (
    id           INTEGER PRIMARY KEY,
    session_id   INTEGER NOT NULL REFERENCES class_sessions(id),
    name         TEXT NOT NULL,
    token_hash   TEXT NOT NULL,
    approved     INTEGER NOT NULL DEFAULT 1,
    kicked       INTEGER NOT NULL DEFAULT 0,
    left_room    INTEGER NOT NULL DEFAULT 0,
    joined       TEXT NOT NULL
);
CREATE INDEX class_players_by_session ON class_players(session_id);

CREATE TABLE class_answers (
    session_id   INTEGER NOT NULL REFERENCES class_sessions(id),
    player_id    INTEGER NOT NULL REFERENCES class_players(id),
    q            INTEGER NOT NULL,         -- index in play order
    question_id  TEXT NOT NULL,
    given        TEXT NOT NULL,            -- JSON, as the student sent it
    correct      INTEGER NOT NULL,
    partial      REAL NOT NULL,
    seconds      REAL NOT NULL,
    hints        INTEGER NOT NULL,
    points       INTEGER NOT NULL,
    bonus        INTEGER NOT NULL,
    at           TEXT NOT NULL,
    PRIMARY KEY (session_id, player_id, q)
);
CREATE TRIGGER class_answers_no_update BEFORE UPDATE ON class_answers
BEGIN SELECT RAISE(ABORT, 'class answers are append-only'); END;

CREATE TABLE class_hints (
    session_id   INTEGER NOT NULL,
    player_id    INTEGER NOT NULL,
    q            INTEGER NOT NULL,
    taken        INTEGER NOT NULL,
    PRIMARY KEY (session_id, player_id, q)
);
"""

MIGRATIONS: tuple[str, ...] = (_V1, _V2, _V3, _V4)
LATEST = len(MIGRATIONS)


class SchemaTooNew(Exception):
    """The database was written by a newer quiz; this one must not touch it."""


def version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, target: int = LATEST) -> int:
    """Bring ``conn`` up to ``target``; returns the version it started at.

    ``conn`` must be in autocommit mode (``isolation_level=None``) so that
    each step's ``BEGIN IMMEDIATE`` ... ``COMMIT`` is ours. Two processes
    opening an old database at once serialise on the write lock; the second
    re-reads the version inside its transaction and finds nothing to do.
    """
    start = version(conn)
    if start > LATEST:
        raise SchemaTooNew(f"progress database is schema version {start}; this quiz knows "
                           f"up to {LATEST}")
    for step in range(start, target):
        conn.execute("BEGIN IMMEDIATE")
        try:
            if version(conn) != step:  # someone else migrated meanwhile
                conn.execute("ROLLBACK")
                continue
            for statement in _statements(MIGRATIONS[step]):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {step + 1}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return start


def _statements(script: str) -> list[str]:
    """Split a migration into statements (executescript would commit on its own)."""
    out: list[str] = []
    buf = ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            stmt = buf.strip()
            if stmt:
                out.append(stmt)
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return out
