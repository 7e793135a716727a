"""Progress kept in one SQLite database: profiles, sessions, attempts, review state.

An answer's attempts and the session snapshot after them are committed in
one transaction before ``save`` returns, so a killed process loses nothing
it acknowledged and resumes exactly where its stored answers leave it.
Opening never crashes on a bad database (see :mod:`quiz.store.db`);
``Store.notices`` says what happened so the front end can tell the user.

No Textual here: the TUI, plain mode and the CLI all use this module.
"""

from __future__ import annotations

import contextlib
import json
import re
import sqlite3
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from quiz.store import db, export, queue, review
from quiz.textsafe import clean

if TYPE_CHECKING:
    from quiz.bank.model import Bank, Question
    from quiz.play.engine import Attempt, Results
    from quiz.play.session import SessionInfo

MAX_PROFILE_NAME = 40
_NAME_BAD_RE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

Clock = Callable[[], datetime]


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="milliseconds")


class StoreError(Exception):
    """A store operation that cannot be done (unknown session, bad profile name)."""


# --------------------------------------------------------------------------- rows


@dataclass(frozen=True)
class Profile:
    id: int
    name: str
    created: datetime


@dataclass(frozen=True)
class SessionRow:
    id: int
    profile: str
    bank_id: str
    bank_title: str
    bank_path: str
    mode: str
    status: str  # active | paused | finished | abandoned
    started: datetime
    updated: datetime
    total: int
    answered: int  # questions settled so far (final attempts)
    points: int  # points so far, from the attempts
    score: int | None  # as the session reported it when it ended
    max_score: int | None
    correct: int | None
    settled: int | None

    @property
    def unfinished(self) -> bool:
        return self.status in ("active", "paused")


@dataclass(frozen=True)
class AttemptRow:
    session_id: int
    seq: int
    profile: str
    bank_id: str
    question_id: str
    content_hash: str
    answer_hash: str
    section: str
    mode: str
    position: int
    try_number: int
    kind: str
    given: Any
    correct: bool
    partial: float
    points: int
    bonus: int
    hints_used: int
    seconds: float | None
    final: bool
    at: datetime


@dataclass(frozen=True)
class ResumePoint:
    """What a session needs to go on: its row and the snapshot saved with its last answer."""

    session: SessionRow
    snapshot: dict[str, Any]


_ATTEMPT_COLS = (
    "session_id, seq, profile_id, bank_id, question_id, content_hash, answer_hash, section, "
    "mode, position, try_number, kind, given, correct, partial, points, bonus, hints_used, "
    "seconds, final, at"
)
_SESSION_SELECT = """
SELECT s.id, p.name, s.bank_id, s.bank_title, s.bank_path, s.mode, s.status, s.started,
       s.updated, s.total,
       (SELECT COUNT(*) FROM attempts a WHERE a.session_id = s.id AND a.final),
       (SELECT COALESCE(SUM(a.points + a.bonus), 0) FROM attempts a WHERE a.session_id = s.id),
       s.score, s.max_score, s.correct, s.settled
FROM sessions s JOIN profiles p ON p.id = s.profile_id
"""


def _session_row(r: Sequence[Any]) -> SessionRow:
    return SessionRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], datetime.fromisoformat(r[7]),
                      datetime.fromisoformat(r[8]), r[9], r[10], r[11], r[12], r[13], r[14],
                      r[15])


def _attempt_row(r: Sequence[Any]) -> AttemptRow:
    return AttemptRow(
        session_id=r[0], seq=r[1], profile=r[2], bank_id=r[3], question_id=r[4],
        content_hash=r[5], answer_hash=r[6], section=r[7], mode=r[8], position=r[9],
        try_number=r[10], kind=r[11], given=json.loads(r[12]) if r[12] is not None else None,
        correct=bool(r[13]), partial=r[14], points=r[15], bonus=r[16], hints_used=r[17],
        seconds=r[18], final=bool(r[19]), at=datetime.fromisoformat(r[20]),
    )


# --------------------------------------------------------------------------- the store


class Store:
    """The progress database. Use :meth:`open`; it never raises for a bad file."""

    def __init__(self, conn: sqlite3.Connection, path: Path | None, *,
                 notices: list[str] | None = None, now: Clock = _utc_now,
                 unsaved: str | None = None) -> None:
        self.conn = conn
        self.path = path  # None for an in-memory store (nothing is kept)
        self.notices: list[str] = notices or []
        # Why answers cannot be saved (a read-only folder, a full disk, a damaged
        # file that could not be replaced...); None when they can.
        self.unsaved = unsaved
        self.now = now
        self._lock = threading.RLock()  # the TUI may write from a worker thread

    @property
    def persistent(self) -> bool:
        return self.path is not None

    # -- opening ------------------------------------------------------------

    @classmethod
    def open(cls, path: Path | str | None = None, *, now: Clock = _utc_now,
             backup: bool = True) -> Store:
        """Open (creating, migrating, checking, backing up) the progress database.

        A damaged database is moved aside and replaced by the newest good
        backup (or a fresh file); a database that cannot be used at all
        gives an in-memory store. Both leave a message in ``notices``.
        """
        opened = db.open_database(Path(path) if path is not None else db.default_path())
        store = cls(opened.conn, opened.path, notices=opened.notices, now=now,
                    unsaved=opened.unsaved)
        if backup and store.unsaved is None:
            store.backup_daily()
        return store

    def unsaved_copy(self) -> Store:
        """This store's progress in memory, to play on without saving (this one is closed).

        The profiles and the schedule are all there; nothing played is kept.
        """
        with self._lock:
            try:
                conn = db.memory_copy(self.conn)
            except sqlite3.Error:
                conn = db.memory()
            self.conn.close()
        return Store(conn, None, notices=self.notices, now=self.now, unsaved=self.unsaved)

    @classmethod
    def memory(cls, now: Clock = _utc_now) -> Store:
        """A store that keeps nothing on disk (tests, and the fallback)."""
        return cls(db.memory(), None, now=now)

    def close(self) -> None:
        with self._lock:
            self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, committed on exit.

        IMMEDIATE takes the write lock up front: a read-then-write (the review
        card) can then never lose an update to a second quiz process or fail
        half-way with SQLITE_BUSY; it waits up to the busy timeout instead.
        """
        with self._lock:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.conn
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")

    def _read(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        with self._lock:
            return self.conn.execute(sql, params).fetchall()

    def transaction(self) -> contextlib.AbstractContextManager[sqlite3.Connection]:
        """One write transaction, for features that keep their own tables here."""
        return self._write()

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        return self._read(sql, params)

    # -- safety -------------------------------------------------------------

    def integrity_check(self, quick: bool = False) -> list[str]:
        """Problems SQLite finds in the file ([] when it is sound)."""
        with self._lock:
            return db.integrity_problems(self.conn, quick)

    @property
    def backup_dir(self) -> Path | None:
        return self.path.parent / db.BACKUP_DIR if self.path else None

    def backup_daily(self, keep: int = db.KEEP_BACKUPS) -> Path | None:
        """Today's backup unless it exists; keeps ``keep``. A failure becomes a notice."""
        folder = self.backup_dir
        if folder is None:
            return None
        day = self.now().astimezone().date().isoformat()
        try:
            with self._lock:
                return db.backup_once(self.conn, folder, day, keep)
        except db.BackupRefused as exc:
            self.notices.append(f"Today's progress backup was not made: {exc}. The earlier "
                                f"backups in {folder} are kept as they are.")
            return None
        except (OSError, sqlite3.Error) as exc:
            self.notices.append(f"Could not write today's progress backup in {folder}: {exc}")
            return None

    # -- profiles -----------------------------------------------------------

    def profiles(self) -> list[Profile]:
        rows = self._read("SELECT id, name, created FROM profiles ORDER BY name COLLATE NOCASE")
        return [Profile(r[0], r[1], datetime.fromisoformat(r[2])) for r in rows]

    def profile(self, name: str) -> Profile | None:
        rows = self._read("SELECT id, name, created FROM profiles WHERE name = ?",
                          (name.strip(),))
        return Profile(rows[0][0], rows[0][1], datetime.fromisoformat(rows[0][2])) if rows else None

    def get_or_create_profile(self, name: str) -> Profile:
        clean = check_profile_name(name)
        with self._write() as c:
            c.execute("INSERT OR IGNORE INTO profiles (name, created) VALUES (?, ?)",
                      (clean, _iso(self.now())))
        found = self.profile(clean)
        assert found is not None
        return found

    def default_profile(self) -> str | None:
        """The profile remembered from last time, if it still exists."""
        rows = self._read("SELECT value FROM meta WHERE key = 'default_profile'")
        if rows and (p := self.profile(rows[0][0])) is not None:
            return p.name
        return None

    def set_default_profile(self, name: str) -> Profile:
        p = self.get_or_create_profile(name)
        with self._write() as c:
            c.execute("INSERT INTO meta (key, value) VALUES ('default_profile', ?) "
                      "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (p.name,))
        return p

    # -- recording ----------------------------------------------------------

    def recorder(self, profile: str | Profile, *, bank_path: str | Path = "",
                 resume_id: int | None = None) -> StoreRecorder:
        """A :class:`~quiz.play.session.Recorder` that writes one session into this store."""
        p = profile if isinstance(profile, Profile) else self.get_or_create_profile(profile)
        return StoreRecorder(self, p, bank_path=str(bank_path), resume_id=resume_id)

    def _lock_for(self, session_id: int) -> db.SessionLock:
        return db.SessionLock.for_session(self.path, session_id)

    def _start_session(self, profile: Profile, info: SessionInfo, bank_path: str) -> int:
        now = _iso(self.now())
        with self._write() as c:
            cur = c.execute(
                "INSERT INTO sessions (profile_id, bank_id, bank_title, bank_path, mode, seed, "
                "total, question_ids, settings, status, started, updated) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', ?, ?)",
                (profile.id, info.bank_id, info.bank_title, bank_path, info.mode, info.seed,
                 len(info.question_ids), json.dumps(list(info.question_ids)),
                 json.dumps(info.settings, default=str), now, now))
            assert cur.lastrowid is not None
            return cur.lastrowid

    def _reopen_session(self, session_id: int) -> None:
        with self._write() as c:
            c.execute("UPDATE sessions SET status = 'active', updated = ?, ended = NULL "
                      "WHERE id = ?", (_iso(self.now()), session_id))

    def _save(self, session_id: int, profile: Profile, bank_id: str,
              attempts: Sequence[Attempt], snapshot: dict[str, Any] | None) -> None:
        """The attempts (each moving its review card) and the snapshot after them, as one commit.

        A kill leaves all of it or none of it: the snapshot in the database
        always matches the attempts stored, so resuming never has to guess.
        """
        if snapshot is not None and snapshot.get("state") == "finished" and snapshot.get(
                "finished_early"):
            snapshot = None  # a quit: keep the last snapshot that can be played on from
        if not attempts and snapshot is None:
            return
        moment = self.now()
        with self._write() as c:
            for a in attempts:
                self._insert_attempt(c, session_id, profile, bank_id, a, moment)
            if snapshot is not None:
                c.execute("UPDATE sessions SET snapshot = ?, updated = ? WHERE id = ?",
                          (json.dumps(snapshot, ensure_ascii=False, default=str),
                           _iso(moment), session_id))

    def _insert_attempt(self, c: sqlite3.Connection, session_id: int, profile: Profile,
                        bank_id: str, a: Attempt, moment: datetime) -> None:
        """Insert one attempt and move its review card (inside the caller's transaction).

        Writing the same (session, seq) twice is a no-op, so a retried save
        (or attempts a snapshot still carried) is stored once.
        """
        given = json.dumps(a.given, ensure_ascii=False, default=str)
        seq = a.seq
        existing = c.execute("SELECT question_id, try_number, kind, given, correct "
                             "FROM attempts WHERE session_id = ? AND seq = ?",
                             (session_id, seq)).fetchone()
        if existing is not None:
            if tuple(existing) == (a.question_id, a.try_number, a.kind, given, int(a.correct)):
                return  # already stored
            # A different answer under a taken number (two writers, or a session
            # saved by an older version): keep both rather than drop one.
            seq = c.execute("SELECT MAX(seq) + 1 FROM attempts WHERE session_id = ?",
                            (session_id,)).fetchone()[0]
        c.execute(
            f"INSERT INTO attempts ({_ATTEMPT_COLS}) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (session_id, seq, profile.id, bank_id, a.question_id, a.content_hash,
             a.answer_hash, a.section, a.mode, a.position, a.try_number, a.kind, given,
             int(a.correct), float(a.partial), a.points, a.bonus, a.hints_used, a.seconds,
             int(a.final), _iso(moment)))
        if a.final and a.mode in review.SCHEDULED_MODES:
            self._schedule(c, profile.id, bank_id, a, moment)

    def _schedule(self, c: sqlite3.Connection, profile_id: int, bank_id: str, a: Attempt,
                  moment: datetime) -> None:
        row = c.execute("SELECT card, answer_hash, reps, lapses FROM review "
                        "WHERE profile_id = ? AND bank_id = ? AND question_id = ?",
                        (profile_id, bank_id, a.question_id)).fetchone()
        card, reps, lapses = (None, 0, 0)
        if row is not None and row[1] == a.answer_hash:
            card, reps, lapses = row[0], row[2], row[3]
        # else: new, or its answer changed, so what was learnt no longer counts
        rating = review.rating_for(a.correct, a.try_number, a.hints_used)
        state = review.review(card, rating, moment, card_id=int(moment.timestamp() * 1000),
                              reps=reps, lapses=lapses)
        c.execute(
            "INSERT INTO review (profile_id, bank_id, question_id, content_hash, answer_hash, "
            "card, due, reps, lapses, last_rating, last_review) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(profile_id, bank_id, question_id) DO UPDATE SET "
            "content_hash = excluded.content_hash, answer_hash = excluded.answer_hash, "
            "card = excluded.card, due = excluded.due, reps = excluded.reps, "
            "lapses = excluded.lapses, last_rating = excluded.last_rating, "
            "last_review = excluded.last_review",
            (profile_id, bank_id, a.question_id, a.content_hash, a.answer_hash, state.card,
             _iso(state.due), state.reps, state.lapses, state.last_rating,
             _iso(state.last_review) if state.last_review else None))

    def _finish_session(self, session_id: int, results: Results) -> str:
        with self._write() as c:
            status = "finished"
            if results.finished_early:
                tried = c.execute("SELECT COUNT(*) FROM attempts WHERE session_id = ?",
                                  (session_id,)).fetchone()[0]
                # Quitting before any answer leaves nothing worth resuming.
                status = "paused" if tried else "abandoned"
            c.execute("UPDATE sessions SET status = ?, ended = ?, updated = ?, score = ?, "
                      "max_score = ?, correct = ?, settled = ? WHERE id = ?",
                      (status, _iso(self.now()), _iso(self.now()), results.score,
                       results.max_score, results.correct, results.settled, session_id))
        return status

    # -- sessions -----------------------------------------------------------

    def session(self, session_id: int) -> SessionRow | None:
        rows = self._read(_SESSION_SELECT + " WHERE s.id = ?", (session_id,))
        return _session_row(rows[0]) if rows else None

    def sessions(self, profile: str | None = None, limit: int | None = None) -> list[SessionRow]:
        """Sessions, newest first (of one profile, or everyone's)."""
        sql = _SESSION_SELECT
        params: list[Any] = []
        if profile is not None:
            sql += " WHERE p.name = ?"
            params.append(profile)
        sql += " ORDER BY s.started DESC, s.id DESC"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return [_session_row(r) for r in self._read(sql, params)]

    def unfinished_sessions(self, profile: str, bank_id: str | None = None) -> list[SessionRow]:
        """Sessions of ``profile`` that can be resumed, most recent first.

        A session another live process is playing right now is left out.
        """
        sql = _SESSION_SELECT + (" WHERE p.name = ? AND s.status IN ('active', 'paused') "
                                 "AND s.snapshot IS NOT NULL")
        params: list[Any] = [profile]
        if bank_id is not None:
            sql += " AND s.bank_id = ?"
            params.append(bank_id)
        sql += " ORDER BY s.updated DESC, s.id DESC"
        out = []
        for row in (_session_row(r) for r in self._read(sql, params)):
            lock = self._lock_for(row.id)
            if lock.acquire():
                lock.release()
                out.append(row)
        return out

    def resume_point(self, session_id: int) -> ResumePoint:
        rows = self._read("SELECT snapshot FROM sessions WHERE id = ?", (session_id,))
        row = self.session(session_id)
        if not rows or row is None or rows[0][0] is None:
            raise StoreError(f"no session {session_id} to resume")
        return ResumePoint(row, json.loads(rows[0][0]))

    def abandon(self, session_id: int) -> None:
        """The player chose to start over: the session is no longer offered."""
        with self._write() as c:
            c.execute("UPDATE sessions SET status = 'abandoned', ended = ?, updated = ? "
                      "WHERE id = ? AND status IN ('active', 'paused')",
                      (_iso(self.now()), _iso(self.now()), session_id))
        self._lock_for(session_id).remove()

    # -- history ------------------------------------------------------------

    def attempts(self, *, profile: str | None = None, bank_id: str | None = None,
                 question_id: str | None = None, session_id: int | None = None,
                 final_only: bool = False) -> list[AttemptRow]:
        """Attempts in the order they were made."""
        cols = ", ".join(f"a.{c.strip()}" if c.strip() != "profile_id" else "p.name"
                         for c in _ATTEMPT_COLS.split(","))
        where, params = [], []
        for col, value in (("p.name", profile), ("a.bank_id", bank_id),
                           ("a.question_id", question_id), ("a.session_id", session_id)):
            if value is not None:
                where.append(f"{col} = ?")
                params.append(value)
        if final_only:
            where.append("a.final")
        sql = f"SELECT {cols} FROM attempts a JOIN profiles p ON p.id = a.profile_id"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY a.at, a.session_id, a.seq"
        return [_attempt_row(r) for r in self._read(sql, params)]

    def export_csv(self, out: Any, profile: str | None = None) -> int:
        """Every attempt as CSV rows for a teacher's spreadsheet; returns the row count."""
        return export.export_csv(self, out, profile)

    # -- review (the queries live in quiz.store.queue) ------------------------

    def review_rows(self, profile: str,
                    bank_id: str | None = None) -> dict[tuple[str, str], queue.ReviewRow]:
        return queue.review_rows(self, profile, bank_id)

    def end_of_today(self) -> datetime:
        """Midnight after today, local time: what "due today" counts up to."""
        return queue.end_of_today(self.now())

    def due_questions(self, profile: str, banks: Sequence[Bank], *,
                      until: datetime | None = None,
                      include_drafts: bool = False) -> list[tuple[Bank, Question]]:
        """Questions due for review by ``until`` (default: the end of today), most overdue first."""
        return queue.due_questions(self, profile, banks, until=until,
                                   include_drafts=include_drafts)

    def weakest_first(self, profile: str, bank: Bank, *,
                      include_drafts: bool = False) -> list[Question]:
        """Every playable question of ``bank``, the ones most worth cramming first."""
        return queue.weakest_first(self, profile, bank, include_drafts=include_drafts)

    def leeches(self, profile: str) -> list[queue.ReviewRow]:
        """Questions missed again and again, most lapses first."""
        return queue.leeches(self, profile)


class StoreRecorder:
    """Writes one play session into a :class:`Store` (the Recorder protocol)."""

    def __init__(self, store: Store, profile: Profile, *, bank_path: str = "",
                 resume_id: int | None = None) -> None:
        self.store = store
        self.profile = profile
        self.bank_path = bank_path
        self.session_id: int | None = resume_id
        self.bank_id = ""
        self.status: str | None = None
        self._lock: db.SessionLock | None = None

    def session_started(self, info: SessionInfo) -> None:
        self.bank_id = info.bank_id
        if self.session_id is None:
            self.session_id = self.store._start_session(self.profile, info, self.bank_path)
        else:
            self.store._reopen_session(self.session_id)
        self._lock = self.store._lock_for(self.session_id)
        if not self._lock.acquire():
            raise StoreError("this session is being played in another window")
        self.status = "active"

    def save(self, attempts: Sequence[Attempt], snapshot: dict[str, Any] | None = None) -> None:
        """Commit ``attempts`` and the ``snapshot`` after them together (None: attempts only)."""
        if self.session_id is None:
            raise StoreError("save() before session_started()")
        self.store._save(self.session_id, self.profile, self.bank_id, attempts, snapshot)

    def session_finished(self, results: Results) -> None:
        if self.session_id is not None:
            self.status = self.store._finish_session(self.session_id, results)
        if self._lock is not None and self.status in ("finished", "abandoned"):
            self._lock.remove()
        self.close()

    def close(self) -> None:
        if self._lock is not None:
            self._lock.release()
            self._lock = None


# --------------------------------------------------------------------------- helpers


def profile_to_show(store: Store, requested: str | None = None) -> str | None:
    """Whose progress to show without asking anyone: the one asked for, else the
    remembered one, else the only one there is; None when that is no one."""
    if requested:
        return requested
    remembered = store.default_profile()
    if remembered:
        return remembered
    profiles = store.profiles()
    return profiles[0].name if len(profiles) == 1 else None


def open_with_notices(err: TextIO | None = None) -> Store:
    """:meth:`Store.open`, telling the user on ``err`` (stderr) what it had to do to open
    (a damaged database moved aside, a backup restored)."""
    store = Store.open()
    for notice in store.notices:
        print(f"quiz: {clean(notice)}", file=err or sys.stderr)
    return store


def check_profile_name(name: str) -> str:
    """``name`` trimmed, or StoreError saying what is wrong with it."""
    clean = " ".join(name.split())
    if not clean:
        raise StoreError("a profile name cannot be empty")
    if len(clean) > MAX_PROFILE_NAME:
        raise StoreError(f"a profile name has at most {MAX_PROFILE_NAME} characters")
    if _NAME_BAD_RE.search(clean):
        raise StoreError("a profile name cannot hold control characters")
    return clean




def local_day(moment: datetime) -> date:
    return moment.astimezone().date()
