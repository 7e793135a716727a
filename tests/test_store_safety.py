"""The store under stress: migrations, damaged files, backups, two processes at once."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from datetime import timedelta
from pathlib import Path

import pytest

from quiz import paths
from quiz.play.session import SessionInfo
from quiz.store import schema as store_schema
from quiz.store.db import KEEP_BACKUPS
from quiz.store.progress import Store
from tests.conftest import ROOT, Clock
from tests.test_store import _attempt


def _fill(s: Store, n: int = 3, profile: str = "ada") -> None:
    rec = s.recorder(profile)
    rec.session_started(SessionInfo("b", "B", "practice", profile, 1, ("q1",)))
    for i in range(1, n + 1):
        rec.save([_attempt(i, f"q{i}")])
    rec.close()


def _schema(conn: sqlite3.Connection) -> dict[str, object]:
    """Tables with their columns, indexes and triggers: what a migration must produce."""
    out: dict[str, object] = {}
    for kind, name in conn.execute("SELECT type, name FROM sqlite_master "
                                   "WHERE name NOT LIKE 'sqlite_%' ORDER BY name"):
        if kind == "table":
            out[name] = [tuple(r[1:]) for r in conn.execute(f"PRAGMA table_info({name})")]
        else:
            out[name] = kind
    return out


# -- migrations ----------------------------------------------------------------


def _seed_version(conn: sqlite3.Connection, version: int) -> None:
    """Rows such a database would hold, written with that version's columns."""
    if version >= 1:
        conn.execute("INSERT INTO profiles (name, created) VALUES ('ada', '2026-01-01T00:00Z')")
        conn.execute(
            "INSERT INTO sessions (profile_id, bank_id, bank_title, mode, seed, total, "
            "question_ids, settings, status, started, updated, snapshot) VALUES "
            "(1, 'b', 'B', 'practice', 7, 2, '[\"q1\",\"q2\"]', '{}', 'paused', "
            "'2026-01-01T00:00:00.000+00:00', '2026-01-01T00:00:00.000+00:00', '{}')")
        conn.execute(
            "INSERT INTO attempts VALUES (1, 1, 1, 'b', 'q1', 'c1', 'a1', 'Intro', 'practice', "
            "0, 1, 'answer', '\"x\"', 1, 1.0, 100, 0, 0, 2.0, 1, "
            "'2026-01-01T00:00:01.000+00:00')")
    if version >= 2:
        conn.execute("INSERT INTO review VALUES (1, 'b', 'q1', 'c1', 'a1', '{}', "
                     "'2026-01-03T00:00:00.000+00:00', 1, 0, 3, "
                     "'2026-01-01T00:00:01.000+00:00')")


@pytest.mark.parametrize("start", range(store_schema.LATEST))
def test_every_earlier_version_migrates_forward(tmp_path: Path, start: int) -> None:
    old = tmp_path / "old.db"
    conn = sqlite3.connect(old, isolation_level=None)
    # A version 0 database has its header but no tables (an empty file is damaged).
    conn.execute("PRAGMA user_version = 0")
    store_schema.migrate(conn, target=start)
    assert store_schema.version(conn) == start
    _seed_version(conn, start)
    conn.close()

    with Store.open(old, backup=False) as s:
        assert s.notices == []
        assert store_schema.version(s.conn) == store_schema.LATEST
        fresh = sqlite3.connect(tmp_path / "fresh.db", isolation_level=None)
        store_schema.migrate(fresh)
        assert _schema(s.conn) == _schema(fresh)
        fresh.close()
        if start >= 1:  # nothing that was there is lost
            (row,) = s.sessions("ada")
            assert (row.bank_id, row.status, row.answered, row.bank_path) == ("b", "paused",
                                                                              1, "")
            assert s.attempts()[0].question_id == "q1"
        if start >= 2:
            assert s.review_rows("ada")[("b", "q1")].reps == 1
        _fill(s, profile="grace")  # and the upgraded file works
        assert len(s.attempts(profile="grace")) == 3


def test_a_failed_migration_step_leaves_the_previous_version(tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch
                                                            ) -> None:
    conn = sqlite3.connect(tmp_path / "p.db", isolation_level=None)
    store_schema.migrate(conn, target=1)
    broken = (*store_schema.MIGRATIONS[:1], "CREATE TABLE review (x);\nSELECT nonsense;")
    monkeypatch.setattr(store_schema, "MIGRATIONS", broken)
    with pytest.raises(sqlite3.OperationalError):
        store_schema.migrate(conn, target=2)
    assert store_schema.version(conn) == 1
    assert "review" not in _schema(conn)


def test_a_database_from_a_newer_quiz_is_left_alone(tmp_path: Path) -> None:
    db = paths.data_dir() / "progress.db"
    db.parent.mkdir(parents=True)
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version = {store_schema.LATEST + 1}")
    conn.close()
    before = db.read_bytes()
    with Store.open() as s:
        assert not s.persistent
        assert "newer version" in s.notices[0]
        _fill(s)  # play still works, in memory
    assert db.read_bytes() == before


# -- damaged files ---------------------------------------------------------------


def _damaged_files(db: Path) -> list[Path]:
    return sorted(db.parent.glob(db.name + ".damaged-*"))


def test_a_file_that_is_not_a_database_is_moved_aside_and_play_goes_on() -> None:
    db = paths.data_dir() / "progress.db"
    db.parent.mkdir(parents=True)
    db.write_bytes(b"this is not sqlite at all\n" * 100)
    with Store.open() as s:
        assert s.persistent
        (aside,) = _damaged_files(db)
        assert aside.read_bytes() == b"this is not sqlite at all\n" * 100  # nothing discarded
        assert str(aside) in s.notices[0] and "could not be read" in s.notices[0]
        assert "new, empty" in s.notices[0]
        _fill(s)
        assert len(s.attempts()) == 3
        assert s.integrity_check() == []


def test_a_damaged_page_is_found_by_the_check_and_the_backup_restored(clock: Clock) -> None:
    with Store.open(now=clock) as s:
        _fill(s, 2)
    clock.tick(days=1)
    with Store.open(now=clock) as s:  # today's backup holds those 2 answers
        assert s.backup_daily() is None  # already made on open
        _fill(s, 300, profile="grace")
    db = paths.data_dir() / "progress.db"
    size = db.stat().st_size
    assert size > 8 * 4096
    with db.open("r+b") as fh:  # scribble over a page in the middle
        fh.seek(4096 * (size // 4096 // 2))
        fh.write(b"\xff" * 300)
    with Store.open(now=clock) as s:
        assert _damaged_files(db)
        assert "restored from the backup of" in s.notices[0]
        assert [a.profile for a in s.attempts()] == ["ada", "ada"]
        assert s.integrity_check() == []


def test_an_unusable_data_folder_gives_an_in_memory_store(quiz_home: Path) -> None:
    (quiz_home / "data").write_text("a file where the folder should be")
    with Store.open() as s:
        assert not s.persistent
        assert "cannot be saved" in s.notices[0]
        _fill(s)
        assert len(s.attempts()) == 3


def test_a_busy_database_is_not_mistaken_for_a_damaged_one(monkeypatch: pytest.MonkeyPatch
                                                           ) -> None:
    import quiz.store.db as store_db

    with Store.open() as s:
        _fill(s)
        path = s.path
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    monkeypatch.setattr(store_db, "BUSY_TIMEOUT_MS", 100)
    try:
        with Store.open() as s:
            assert not s.persistent
            assert "cannot be used right now" in s.notices[0]
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert _damaged_files(path) == []
    with Store.open() as s:
        assert len(s.attempts()) == 3


# -- backups -------------------------------------------------------------------


def test_backups_are_daily_and_only_the_newest_are_kept(clock: Clock) -> None:
    made = []
    for day in range(10):
        with Store.open(now=clock) as s:
            _fill(s, 1, profile=f"p{day}")
            assert s.backup_daily() is None  # once a day
            made.append(clock.t.astimezone().date().isoformat())
        clock.tick(days=1)
    folder = paths.data_dir() / "backups"
    names = sorted(p.name for p in folder.iterdir())
    assert names == [f"progress-{d}.db" for d in made[-KEEP_BACKUPS:]]
    # A backup is a complete database as it was when that day's first store opened.
    last = sqlite3.connect(folder / names[-1])
    assert last.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert last.execute("SELECT COUNT(*) FROM profiles").fetchone()[0] == 9
    last.close()


# -- two processes ---------------------------------------------------------------

_WRITER = textwrap.dedent("""
    import sys
    from quiz.play.session import SessionInfo
    from quiz.store.progress import Store
    from tests.test_store import _attempt

    n = int(sys.argv[1])
    with Store.open() as s:
        assert s.persistent, s.notices  # starting together is a wait, never a fallback
        rec = s.recorder("ada")
        rec.session_started(SessionInfo("b", "B", "practice", "ada", 1, ()))
        for i in range(1, n + 1):
            rec.save([_attempt(i, f"q{i % 5}", correct=i % 3 != 0)],
                     {"seq": i, "state": "asking"})
    print("done")
""")


def test_processes_starting_together_on_one_profile_corrupt_nothing(quiz_home: Path) -> None:
    env = {**os.environ, "QUIZ_HOME": str(quiz_home), "PYTHONPATH": str(ROOT)}
    n = 150
    procs = [subprocess.Popen([sys.executable, "-c", _WRITER, str(n)], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(3)]
    for p in procs:
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
        assert out.strip() == "done"
    with Store.open(backup=False) as s:
        assert s.integrity_check() == []
        sessions = s.sessions("ada")
        assert len(sessions) == 3 and all(r.answered == n for r in sessions)
        assert len(s.attempts()) == 3 * n
        rows = s.review_rows("ada")
        # Every answer moved its card exactly once: no update was lost between processes.
        assert sum(r.reps for r in rows.values()) == 3 * n


def test_the_store_never_imports_textual() -> None:
    code = ("import sys, quiz.store.progress, quiz.store.db, quiz.store.queue, quiz.store.export, "
            "quiz.store.review, quiz.store.stats, "
            "quiz.play.resume, quiz.cli.progress; "
            "print(any(m.split('.')[0] == 'textual' for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=ROOT)
    assert out.stdout.strip() == "False"


def test_day_boundaries_use_local_time(clock: Clock) -> None:
    with Store.open(now=clock) as s:
        end = s.end_of_today()
        assert end - clock.t <= timedelta(days=1) and end > clock.t
        assert end.astimezone().hour == 0
