"""Opening the progress database: connect, check, recover, back up, lock a session.

Opening never crashes on a bad file: a damaged database is moved aside (and
the newest good backup put in its place), an unusable one is replaced by an
in-memory database for this run, and either way the notices say what
happened so the front end can tell the user.
"""

from __future__ import annotations

import contextlib
import errno
import os
import random
import re
import secrets
import shutil
import sqlite3
import sys
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from quiz import paths
from quiz.store.schema import LATEST, SchemaTooNew, migrate

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

# SQLite result codes (low byte) that say something about the file itself.
_SQLITE_PERM = 3
_SQLITE_BUSY = 5
_SQLITE_LOCKED = 6
_SQLITE_CORRUPT = 11
_SQLITE_CANTOPEN = 14
_SQLITE_NOTADB = 26

# Less free space than this on the data folder's disk counts as a full disk: a few
# answers would fit, a session's would not.
MIN_FREE_BYTES = 1 << 20

# Temporary files this module leaves only when killed (group 1: the writer's pid):
# a new database being built, a backup being restored, the write test.
_DATA_TEMPS = (
    re.compile(rf"\.{re.escape(DB_NAME)}\.new-(\d+)-[0-9a-f]{{8}}(?:-wal|-shm|-journal)?"),
    re.compile(rf"\.{re.escape(DB_NAME)}\.restore-(\d+)"),
    re.compile(r"\.write-test-(\d+)-[0-9a-f]{8}"),
)
# A daily backup being written (with its rollback journal).
_BACKUP_TEMPS = (re.compile(r"\.progress-[0-9-]+\.db\.(\d+)\.tmp(?:-journal)?"),)


def default_path() -> Path:
    return paths.data_dir() / DB_NAME


@dataclass
class Opened:
    """A usable connection, the file behind it (None: in memory) and what to tell the user."""

    conn: sqlite3.Connection
    path: Path | None
    notices: list[str] = field(default_factory=list)
    # Why answers cannot be saved this time (a read-only folder, a full disk...);
    # None when they can. ``conn`` may still read the progress kept so far.
    unsaved: str | None = None


def open_database(db: Path) -> Opened:
    """Open (creating, migrating, checking) ``db``; an in-memory database if it cannot be used.

    A damaged file (an empty one too) is moved aside and replaced by the newest
    good backup (or a fresh file); a file that cannot be used at all gives an
    in-memory database. Both leave a message in ``notices``. A folder that
    cannot be written sets ``unsaved``.
    """
    try:
        db.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        return _memory_instead(f"Progress cannot be saved: {db.parent} is not writable "
                               f"({exc.strerror or exc}).")
    remove_stale_temps(db.parent)
    unsaved = folder_problem(db.parent)
    if unsaved is not None and not db.exists():
        return _memory_instead(unsaved)  # nothing kept to read, and nowhere to start
    opened = _open_file(db)
    if unsaved is not None and opened.unsaved is None:
        opened.unsaved = unsaved
        opened.notices.append(unsaved)
    return opened


def _open_file(db: Path) -> Opened:
    try:
        if _empty_file(db):
            # What a create killed before its first write, or a full disk, leaves
            # (never a database: a new one only appears once it is complete).
            raise _Damaged("the file is empty")
        if not db.exists():
            _create(db)
        return Opened(_connect_retrying(db), db)
    except SchemaTooNew as exc:
        return _memory_instead(f"{db} was written by a newer version of quiz ({exc}); it is "
                               "left untouched and progress is not saved this time.")
    except OSError as exc:
        return _memory_instead(f"The progress database {db} cannot be created "
                               f"({exc.strerror or exc}); progress is not saved this time.")
    except sqlite3.Error as exc:
        if not _damaged(db, exc):
            # Busy, read-only, disk full...: the file may be fine, so leave it be.
            return _memory_instead(f"The progress database {db} cannot be used right now "
                                   f"({exc}); progress is not saved this time.")
        notices: list[str] = []
        conn = _recover(db, exc, notices)
        if conn is None:
            return Opened(memory(), None, notices, unsaved=notices[-1])
        return Opened(conn, db, notices)


def _empty_file(db: Path) -> bool:
    try:
        return db.stat().st_size == 0
    except OSError:
        return False


def holds_schedule(db: Path) -> bool | None:
    """Whether ``db`` holds any review schedule, read without opening it for use.

    False when there is no database yet; None when this cannot be told by a
    read-only look (a damaged or locked file...): then open it properly, which
    checks and recovers it. Nothing in the database is written here (SQLite may
    add its empty -wal and -shm files), so it is still checked and recovered by
    :func:`open_database` before its first write.
    """
    if not db.exists():
        return False
    try:
        conn = sqlite3.connect(f"{db.absolute().as_uri()}?mode=ro", uri=True,
                               timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            found = conn.execute("PRAGMA user_version").fetchone()[0]
            if not 0 < found <= LATEST:
                return None
            return bool(conn.execute("SELECT EXISTS (SELECT 1 FROM review)").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return None


def folder_problem(folder: Path) -> str | None:
    """Why nothing can be saved in ``folder`` (read-only, full, not ours), or None.

    A small file is written and removed: the one test that is true for every
    way a folder refuses (mount options, permissions, quotas, a full disk).
    """
    try:
        st = os.statvfs(folder)
        if st.f_bavail * st.f_frsize < MIN_FREE_BYTES:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        probe = folder / f".write-test-{os.getpid()}-{secrets.token_hex(4)}"
        fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            os.write(fd, b"\0" * 4096)
        finally:
            os.close(fd)
            with contextlib.suppress(OSError):
                probe.unlink()
    except AttributeError:
        return None  # no statvfs (Windows): the database's own errors will tell
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            why = "the disk is full"
        elif exc.errno == errno.EROFS:
            why = "it is on a read-only disk"
        elif exc.errno in (errno.EACCES, errno.EPERM):
            why = "you may not write there"
        else:
            why = exc.strerror or str(exc)
        return f"Progress cannot be saved in {folder}: {why}."
    return None


def remove_stale_temps(folder: Path) -> list[Path]:
    """Remove what killed writers left in the data folder and its backups."""
    removed = paths.remove_stale_temps(folder, (*_DATA_TEMPS, paths.temp_pattern()))
    return removed + paths.remove_stale_temps(folder / BACKUP_DIR, _BACKUP_TEMPS)


def _create(db: Path) -> None:
    """Build a new database beside ``db`` and only then give it its name.

    A kill or a full disk half-way leaves a temporary file (removed on a later
    start), never a ``db`` without its tables. Another process creating it at
    the same moment wins; its database is then used.
    """
    tmp = db.with_name(f".{db.name}.new-{os.getpid()}-{secrets.token_hex(4)}")
    try:
        conn = _connect(tmp)
        try:
            migrate(conn)
        finally:
            conn.close()  # the last connection folds the log into the file
        try:
            os.link(tmp, db)  # fails if another process got there first
        except FileExistsError:
            pass
        except OSError:
            if not db.exists():  # a file system without hard links
                os.replace(tmp, db)
    finally:
        for suffix in ("", "-wal", "-shm", "-journal"):
            with contextlib.suppress(OSError):
                os.unlink(f"{tmp}{suffix}")


def memory() -> sqlite3.Connection:
    """A migrated database that keeps nothing on disk (tests, and the fallback)."""
    conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA foreign_keys = ON")
    migrate(conn)
    return conn


def _memory_instead(notice: str) -> Opened:
    return Opened(memory(), None, [notice], unsaved=notice)


def memory_copy(conn: sqlite3.Connection) -> sqlite3.Connection:
    """An in-memory copy of ``conn``'s database: the progress so far, kept nowhere."""
    copy = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    conn.backup(copy)
    copy.execute("PRAGMA foreign_keys = ON")
    return copy


def integrity_problems(conn: sqlite3.Connection, quick: bool = False) -> list[str]:
    """Problems SQLite finds in the file ([] when it is sound)."""
    pragma = "quick_check" if quick else "integrity_check"
    rows = [r[0] for r in conn.execute(f"PRAGMA {pragma}").fetchall()]
    return [] if rows == ["ok"] else rows


class BackupRefused(Exception):
    """Today's backup would push a good one out with a worse copy."""


def backup_once(conn: sqlite3.Connection, folder: Path, day: str,
                keep: int = KEEP_BACKUPS) -> Path | None:
    """The backup of ``day`` (SQLite's backup API) unless it exists; keeps the newest ``keep``.

    Raises OSError or sqlite3.Error when it cannot be written, and
    BackupRefused when the database fails its integrity check or holds less
    than half the rows of the newest backup: the backups then stay as they
    are, and the good ones are not aged out by copies of a damaged file.
    """
    target = folder / f"progress-{day}.db"
    if target.exists():
        return None
    problems = integrity_problems(conn, quick=True)
    if problems:
        raise BackupRefused("the database fails its integrity check ("
                            + "; ".join(problems[:3]) + ")")
    newest = max(folder.glob("progress-*.db"), default=None)
    if newest is not None:
        kept, now = _rows(newest), _rows(conn)
        if kept is not None and (now is None or now * 2 < kept):
            raise BackupRefused(f"the database holds {now} rows of history, the backup of "
                                f"{newest.stem.removeprefix('progress-')} {kept}")
    folder.mkdir(parents=True, exist_ok=True)
    tmp = folder / f".{target.name}.{os.getpid()}.tmp"
    try:
        dest = sqlite3.connect(tmp)
        try:
            conn.backup(dest)
        finally:
            dest.close()
        os.replace(tmp, target)  # a half-written backup is never mistaken for one
    except BaseException:
        for suffix in ("", "-journal"):  # a full disk must not keep a half copy
            with contextlib.suppress(OSError):
                os.unlink(f"{tmp}{suffix}")
        raise
    for old in sorted(folder.glob("progress-*.db"))[:-keep]:
        old.unlink(missing_ok=True)
    return target


def _rows(source: sqlite3.Connection | Path) -> int | None:
    """Rows of history (sessions and attempts) in a database; None if it cannot be read."""
    # immutable: a backup is never written once named, and reading it must not leave
    # -wal and -shm files beside it.
    conn = (sqlite3.connect(f"{source.absolute().as_uri()}?mode=ro&immutable=1", uri=True)
            if isinstance(source, Path) else source)
    try:
        return sum(conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
                   for table in ("sessions", "attempts"))
    except sqlite3.Error:
        return None
    finally:
        if isinstance(source, Path):
            conn.close()


# --------------------------------------------------------------------------- connecting


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
        problems = integrity_problems(conn, quick=True)
        if problems:
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


# --------------------------------------------------------------------------- recovery


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
                if integrity_problems(src, quick=True):
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


# --------------------------------------------------------------------------- session locks


class SessionLock:
    """An OS file lock held while a process plays a session.

    The kernel drops it when the process dies, however it dies, so a killed
    session becomes resumable at once while a live one is never offered to a
    second process.
    """

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._fd: int | None = None

    @classmethod
    def for_session(cls, db: Path | None, session_id: int) -> SessionLock:
        """The lock of one session of database ``db`` (a no-op lock for an in-memory one)."""
        return cls(db.parent / LOCK_DIR / f"session-{session_id}.lock" if db else None)

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
        if sys.platform == "win32":  # no fcntl there
            import msvcrt

            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True
