"""Progress kept in one SQLite database: profiles, sessions, attempts, review state.

Every answer is committed before ``record`` returns, so a killed process
loses nothing it acknowledged. Opening never crashes on a bad database: a
damaged file is moved aside (and the newest good backup put in its place),
an unusable one is replaced by an in-memory store for this run, and either
way ``Store.notices`` says what happened so the front end can tell the user.

No Textual here: the TUI, plain mode and the CLI all use this module.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import re
import shutil
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quiz import paths
from quiz.bank.answertext import given_text
from quiz.store import review
from quiz.store.schema import LATEST, SchemaTooNew, migrate

if TYPE_CHECKING:
    from quiz.bank.model import Bank, Question
    from quiz.play.engine import Attempt, Results
    from quiz.play.session import SessionInfo

DB_NAME = "progress.db"
BACKUP_DIR = "backups"
LOCK_DIR = "locks"
KEEP_BACKUPS = 7
# Long enough to wait out another quiz process's write (they take milliseconds)
# or its daily backup; short enough that a wedged lock is reported, not hung on.
BUSY_TIMEOUT_MS = 5000
# FULL: in WAL mode each commit fsyncs the log, so an acknowledged answer
# survives a power cut too, not only a killed process (NORMAL only promises
# the latter). One fsync per answer is nothing next to a person typing.
SYNCHRONOUS = "FULL"
MAX_PROFILE_NAME = 40
_NAME_BAD_RE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

# SQLite result codes (low byte) that say something about the file itself.
_SQLITE_PERM = 3
_SQLITE_BUSY = 5
_SQLITE_LOCKED = 6
_SQLITE_CORRUPT = 11
_SQLITE_CANTOPEN = 14
_SQLITE_NOTADB = 26

Clock = Callable[[], datetime]


def default_path() -> Path:
    return paths.data_dir() / DB_NAME


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="milliseconds")


def parse_time(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


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


@dataclass(frozen=True, kw_only=True)
class ReviewRow(review.CardState):
    """A question's review state as stored: the card and the question it belongs to."""

    bank_id: str
    question_id: str
    content_hash: str
    answer_hash: str


@dataclass(frozen=True)
class ResumePoint:
    """What a session needs to go on: its row, last snapshot and later attempts."""

    session: SessionRow
    snapshot: dict[str, Any]
    # Attempts committed after the snapshot was (a kill between an answer's
    # commit and the checkpoint that follows it): replayed on resume.
    later: list[AttemptRow]
    max_seq: int


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


# --------------------------------------------------------------------------- locks


class _SessionLock:
    """An OS file lock held while a process plays a session.

    The kernel drops it when the process dies, however it dies, so a killed
    session becomes resumable at once while a live one is never offered to a
    second process.
    """

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._fd: int | None = None

    def acquire(self) -> bool:
        if self.path is None or self._fd is not None:
            return True
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError:
            return True  # no lock without a writable folder; play on regardless
        if not _try_lock(fd):
            os.close(fd)
            return False
        self._fd = fd
        return True

    def release(self) -> None:
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._fd)  # closing drops the lock
            self._fd = None

    def remove(self) -> None:
        """Delete the lock file of a session that is over (nobody locks it again)."""
        self.release()
        if self.path is not None:
            with contextlib.suppress(OSError):
                self.path.unlink(missing_ok=True)


def _try_lock(fd: int) -> bool:
    try:
        import fcntl
    except ImportError:  # Windows
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError:
        return False


# --------------------------------------------------------------------------- the store


class Store:
    """The progress database. Use :meth:`open`; it never raises for a bad file."""

    def __init__(self, conn: sqlite3.Connection, path: Path | None, *,
                 notices: list[str] | None = None, now: Clock = _utc_now) -> None:
        self.conn = conn
        self.path = path  # None for an in-memory store (nothing is kept)
        self.notices: list[str] = notices or []
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
        db = Path(path) if path is not None else default_path()
        try:
            db.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            return cls._memory([f"Progress cannot be saved: {db.parent} is not writable "
                                f"({exc.strerror or exc})."], now)
        notices: list[str] = []
        conn: sqlite3.Connection | None = None
        try:
            conn = _connect_retrying(db)
        except SchemaTooNew as exc:
            return cls._memory([f"{db} was written by a newer version of quiz ({exc}); it is "
                                "left untouched and progress is not saved this time."], now)
        except sqlite3.Error as exc:
            if not _damaged(db, exc):
                # Busy, read-only, disk full...: the file may be fine, so leave it be.
                return cls._memory([f"The progress database {db} cannot be used right now "
                                    f"({exc}); progress is not saved this time."], now)
            conn = _recover(db, exc, notices)
            if conn is None:
                return cls._memory(notices, now)
        store = cls(conn, db, notices=notices, now=now)
        if backup:
            store.backup_daily()
        return store

    @classmethod
    def memory(cls, now: Clock = _utc_now) -> Store:
        """A store that keeps nothing on disk (tests, and the fallback)."""
        return cls._memory([], now)

    @classmethod
    def _memory(cls, notices: list[str], now: Clock) -> Store:
        conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA foreign_keys = ON")
        migrate(conn)
        return cls(conn, None, notices=notices, now=now)

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
        pragma = "quick_check" if quick else "integrity_check"
        rows = [r[0] for r in self._read(f"PRAGMA {pragma}")]
        return [] if rows == ["ok"] else rows

    @property
    def backup_dir(self) -> Path | None:
        return self.path.parent / BACKUP_DIR if self.path else None

    def backup_daily(self, keep: int = KEEP_BACKUPS) -> Path | None:
        """Today's backup (made with SQLite's backup API) unless it exists; keeps ``keep``."""
        folder = self.backup_dir
        if folder is None:
            return None
        day = self.now().astimezone().date().isoformat()
        target = folder / f"progress-{day}.db"
        if target.exists():
            return None
        try:
            folder.mkdir(parents=True, exist_ok=True)
            tmp = folder / f".{target.name}.{os.getpid()}.tmp"
            dest = sqlite3.connect(tmp)
            try:
                with self._lock:
                    self.conn.backup(dest)
            finally:
                dest.close()
            os.replace(tmp, target)  # a half-written backup is never mistaken for one
            for old in sorted(folder.glob("progress-*.db"))[:-keep]:
                old.unlink(missing_ok=True)
        except (OSError, sqlite3.Error) as exc:
            self.notices.append(f"Could not write today's progress backup in {folder}: {exc}")
            return None
        return target

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

    def _lock_for(self, session_id: int) -> _SessionLock:
        return _SessionLock(self.path.parent / LOCK_DIR / f"session-{session_id}.lock"
                            if self.path else None)

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

    def _record(self, session_id: int, profile: Profile, bank_id: str, a: Attempt) -> int:
        """Insert one attempt (and move its review card) in one transaction.

        Writing the same (session, seq) twice is a no-op, so a retried or
        replayed attempt is stored once. Returns the seq it was stored under.
        """
        moment = self.now()
        given = json.dumps(a.given, ensure_ascii=False, default=str)
        with self._write() as c:
            seq = a.seq
            existing = c.execute("SELECT question_id, try_number, kind, given, correct "
                                 "FROM attempts WHERE session_id = ? AND seq = ?",
                                 (session_id, seq)).fetchone()
            if existing is not None:
                if tuple(existing) == (a.question_id, a.try_number, a.kind, given,
                                       int(a.correct)):
                    return seq  # already stored: this is a retry or a replay
                # A different answer under a taken number (two writers, or a
                # resume that could not replay): keep both rather than drop one.
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
        return seq

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

    def _checkpoint(self, session_id: int, snapshot: dict[str, Any]) -> None:
        if snapshot.get("state") == "finished" and snapshot.get("finished_early"):
            return  # a quit: keep the last snapshot that can be played on from
        data = json.dumps(snapshot, ensure_ascii=False, default=str)
        with self._write() as c:
            c.execute("UPDATE sessions SET snapshot = ?, updated = ? WHERE id = ?",
                      (data, _iso(self.now()), session_id))

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
        snapshot = json.loads(rows[0][0])
        later = self.attempts(session_id=session_id, after_seq=int(snapshot.get("seq", 0)))
        max_seq = self._read("SELECT COALESCE(MAX(seq), 0) FROM attempts WHERE session_id = ?",
                             (session_id,))[0][0]
        return ResumePoint(row, snapshot, later, max_seq)

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
                 after_seq: int | None = None, final_only: bool = False) -> list[AttemptRow]:
        """Attempts in the order they were made."""
        cols = ", ".join(f"a.{c.strip()}" if c.strip() != "profile_id" else "p.name"
                         for c in _ATTEMPT_COLS.split(","))
        where, params = [], []
        for col, value in (("p.name", profile), ("a.bank_id", bank_id),
                           ("a.question_id", question_id), ("a.session_id", session_id)):
            if value is not None:
                where.append(f"{col} = ?")
                params.append(value)
        if after_seq is not None:
            where.append("a.seq > ?")
            params.append(after_seq)
        if final_only:
            where.append("a.final")
        sql = f"SELECT {cols} FROM attempts a JOIN profiles p ON p.id = a.profile_id"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY a.at, a.session_id, a.seq"
        return [_attempt_row(r) for r in self._read(sql, params)]

    # -- review -------------------------------------------------------------

    def review_rows(self, profile: str, bank_id: str | None = None) -> dict[tuple[str, str],
                                                                          ReviewRow]:
        sql = ("SELECT r.bank_id, r.question_id, r.content_hash, r.answer_hash, r.card, r.due, "
               "r.reps, r.lapses, r.last_rating, r.last_review FROM review r "
               "JOIN profiles p ON p.id = r.profile_id WHERE p.name = ?")
        params: list[Any] = [profile]
        if bank_id is not None:
            sql += " AND r.bank_id = ?"
            params.append(bank_id)
        out = {}
        for r in self._read(sql, params):
            out[(r[0], r[1])] = ReviewRow(
                bank_id=r[0], question_id=r[1], content_hash=r[2], answer_hash=r[3], card=r[4],
                due=datetime.fromisoformat(r[5]), reps=r[6], lapses=r[7], last_rating=r[8],
                last_review=parse_time(r[9]))
        return out

    def end_of_today(self) -> datetime:
        """Midnight after today, local time: what "due today" counts up to."""
        local = self.now().astimezone()
        tomorrow = local.date() + timedelta(days=1)
        return datetime.combine(tomorrow, datetime.min.time(), tzinfo=local.tzinfo)

    def due_questions(self, profile: str, banks: Sequence[Bank], *,
                      until: datetime | None = None,
                      include_drafts: bool = False) -> list[tuple[Bank, Question]]:
        """Questions due for review by ``until`` (default: the end of today), most overdue first.

        Only questions the profile has met are scheduled; one whose answer
        changed since is due at once (its schedule restarted).
        """
        limit = until or self.end_of_today()
        rows = self.review_rows(profile)
        due: list[tuple[datetime, int, Bank, Question]] = []
        for bi, bank in enumerate(banks):
            for q in bank.playable(include_drafts):
                r = rows.get((bank.id, q.id))
                if r is None:
                    continue
                when = r.due if r.answer_hash == q.answer_hash else datetime.min.replace(
                    tzinfo=UTC)
                if when <= limit:
                    due.append((when, bi, bank, q))
        due.sort(key=lambda t: (t[0], t[1]))
        return [(b, q) for _w, _i, b, q in due]

    def weakest_first(self, profile: str, bank: Bank, *,
                      include_drafts: bool = False) -> list[Question]:
        """Every playable question of ``bank``, the ones most worth cramming first.

        Missed last time (lowest accuracy, most lapses first), then never
        seen, then answered right last time (least likely recalled first).
        """
        now = self.now()
        rows = self.review_rows(profile, bank.id)
        history: dict[str, list[bool]] = {}
        for a in self.attempts(profile=profile, bank_id=bank.id, final_only=True):
            q = bank.question(a.question_id)
            if q is not None and a.answer_hash == q.answer_hash:
                history.setdefault(a.question_id, []).append(a.correct)

        def key(item: tuple[int, Question]) -> tuple[Any, ...]:
            i, q = item
            h = history.get(q.id)
            if not h:
                return (1, 0.0, 0, i)
            accuracy = sum(h) / len(h)
            r = rows.get((bank.id, q.id))
            lapses = r.lapses if r is not None and r.answer_hash == q.answer_hash else 0
            if not h[-1]:
                return (0, accuracy, -lapses, i)
            fresh = r is not None and r.answer_hash == q.answer_hash
            recall = review.retrievability(r.card, now) if r and fresh else accuracy
            return (2, recall, -lapses, i)

        qs = list(enumerate(bank.playable(include_drafts)))
        return [q for _i, q in sorted(qs, key=key)]

    def leeches(self, profile: str) -> list[ReviewRow]:
        """Questions missed again and again (``review.LEECH_LAPSES`` or more lapses)."""
        rows = self.review_rows(profile).values()
        return sorted((r for r in rows if r.leech), key=lambda r: (-r.lapses, r.bank_id,
                                                                   r.question_id))

    # -- export -------------------------------------------------------------

    def export_csv(self, out: Any, profile: str | None = None) -> int:
        """Every attempt as CSV rows for a teacher's spreadsheet; returns the row count."""
        import csv

        writer = csv.writer(out)
        writer.writerow(["profile", "session", "bank", "question", "section", "content_hash",
                         "mode", "try", "kind", "given", "correct", "partial", "points",
                         "bonus", "hints", "seconds", "final", "time"])
        n = 0
        for a in self.attempts(profile=profile):
            writer.writerow([
                csv_cell(a.profile), a.session_id, csv_cell(a.bank_id), csv_cell(a.question_id),
                csv_cell(a.section), a.content_hash, a.mode, a.try_number, a.kind,
                csv_cell(given_text(a.given)), int(a.correct), round(a.partial, 3), a.points,
                a.bonus, a.hints_used, "" if a.seconds is None else round(a.seconds, 3),
                int(a.final), a.at.astimezone().isoformat(timespec="seconds"),
            ])
            n += 1
        return n


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
        self._lock: _SessionLock | None = None

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

    def record(self, attempt: Attempt) -> None:
        if self.session_id is None:
            raise StoreError("record() before session_started()")
        self.store._record(self.session_id, self.profile, self.bank_id, attempt)

    def checkpoint(self, snapshot: dict[str, Any]) -> None:
        if self.session_id is not None:
            self.store._checkpoint(self.session_id, snapshot)

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


def csv_cell(text: str) -> str:
    """Spreadsheets run a cell starting with = + - @ as a formula; a student could type one."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


class _Damaged(sqlite3.DatabaseError):
    """The quick integrity check found problems."""


def _damaged(db: Path, exc: sqlite3.Error) -> bool:
    """Whether ``exc`` means the file is corrupt or unreadable (so it should be moved aside)."""
    if isinstance(exc, _Damaged):
        return True
    code = int(getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF
    if code in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
        return True
    if code in (_SQLITE_PERM, _SQLITE_CANTOPEN) and db.is_file():
        return not os.access(db, os.R_OK | os.W_OK)
    return False


def _connect(db: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(db, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000,
                           check_same_thread=False)
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        found = conn.execute("PRAGMA user_version").fetchone()[0]
        if found > LATEST:  # before WAL is switched on, which would rewrite the header
            raise SchemaTooNew(f"it is schema version {found}; this quiz knows up to {LATEST}")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute(f"PRAGMA synchronous = {SYNCHRONOUS}")
        conn.execute("PRAGMA foreign_keys = ON")
    except BaseException:
        conn.close()
        raise
    return conn


def _connect_checked(db: Path) -> sqlite3.Connection:
    """Connect, run the quick integrity check and migrate; raise DatabaseError if damaged."""
    conn = _connect(db)
    try:
        problems = [r[0] for r in conn.execute("PRAGMA quick_check").fetchall()]
        if problems != ["ok"]:
            raise _Damaged("integrity check failed: " + "; ".join(problems[:3]))
        migrate(conn)
    except BaseException:
        conn.close()
        raise
    return conn


def _connect_retrying(db: Path) -> sqlite3.Connection:
    """``_connect_checked``, waiting out another process that is opening the file too.

    Switching to WAL and the first schema read can report SQLITE_BUSY at once,
    without the busy handler, while a second quiz starts at the same moment
    (a classroom starting together); that is a wait, not a failure.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            return _connect_checked(db)
        except sqlite3.OperationalError as exc:
            code = int(getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF
            if code not in (_SQLITE_BUSY, _SQLITE_LOCKED) or time.monotonic() > deadline:
                raise
            time.sleep(random.uniform(0.005, 0.03))


def _recover(db: Path, exc: sqlite3.Error, notices: list[str]) -> sqlite3.Connection | None:
    """Move a damaged ``db`` aside, put the newest good backup in its place, reopen."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = db.with_name(f"{db.name}.damaged-{stamp}")
    moved = False
    try:
        if db.exists():
            db.rename(aside)
            moved = True
        for suffix in ("-wal", "-shm"):  # the log belongs with its database
            side = db.with_name(db.name + suffix)
            if side.exists():
                side.rename(aside.with_name(aside.name + suffix))
    except FileNotFoundError:
        pass  # another quiz process moved it first
    except OSError as err:
        notices.append(f"The progress database {db} cannot be read ({exc}) and could not be "
                       f"moved aside ({err.strerror or err}); progress is not saved this time.")
        return None
    message = f"The progress database could not be read ({exc})."
    if moved:
        message += f" It was moved to {aside}; nothing in it was deleted."
    restored = _restore_backup(db)
    if restored is not None:
        message += (f" Your progress was restored from the backup of {restored}; answers "
                    "after that are only in the moved file.")
    elif moved:
        message += " A new, empty progress database was started."
    notices.append(message)
    try:
        return _connect_checked(db)
    except (sqlite3.Error, SchemaTooNew) as err:
        notices.append(f"A new progress database could not be started either ({err}); "
                       "progress is not saved this time.")
        return None


def _restore_backup(db: Path) -> str | None:
    """Copy the newest backup that passes the integrity check to ``db``; its day, or None."""
    folder = db.parent / BACKUP_DIR
    for candidate in sorted(folder.glob("progress-*.db"), reverse=True):
        try:
            src = sqlite3.connect(f"file:{candidate}?mode=ro", uri=True)
            try:
                if [r[0] for r in src.execute("PRAGMA quick_check")] != ["ok"]:
                    continue
                if src.execute("PRAGMA user_version").fetchone()[0] > LATEST:
                    continue
            finally:
                src.close()
            tmp = db.with_name(f".{db.name}.restore-{os.getpid()}")
            shutil.copyfile(candidate, tmp)
            try:
                os.link(tmp, db)  # fails if another process already put a file there
            except FileExistsError:
                return None
            except OSError:
                if db.exists():
                    return None
                os.replace(tmp, db)
            finally:
                tmp.unlink(missing_ok=True)
            return candidate.stem.removeprefix("progress-")
        except (sqlite3.Error, OSError):
            continue
    return None


def local_day(moment: datetime) -> date:
    return moment.astimezone().date()
