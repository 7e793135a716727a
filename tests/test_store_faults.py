"""Damaged stores (issue 15, faults 8-11): an unwritable data folder at start, an empty
database, backups of a bad database, temporary files left by killed writers."""

from __future__ import annotations

import errno
import io
import os
import sqlite3
import subprocess
import sys
import textwrap
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from quiz import paths
from quiz.cli.main import main
from quiz.play.session import SessionInfo
from quiz.store import db as store_db
from quiz.store.progress import Store
from tests.conftest import ROOT, SEED_BANK, Clock
from tests.test_store import _attempt
from tests.test_store_safety import _damaged_files, _fill

HOUR = 3600.0


def _refuse_writes(monkeypatch: pytest.MonkeyPatch, code: int) -> None:
    """New files in the data folder fail as a read-only disk (EROFS) or a full one (ENOSPC)
    would make them fail (root ignores a read-only mode, so the call itself is made to fail)."""
    real_open = os.open
    data = str(paths.data_dir())

    def refusing(path: Any, flags: int, *args: Any, **kw: Any) -> int:
        if str(path).startswith(data) and flags & os.O_CREAT:
            raise OSError(code, os.strerror(code), str(path))
        return real_open(path, flags, *args, **kw)

    monkeypatch.setattr(store_db.os, "open", refusing)


def _unfinished_session() -> None:
    """Progress on the seed bank with a session left unfinished (as a killed game leaves)."""
    with Store.open() as s:
        rec = s.recorder("ada")
        rec.session_started(SessionInfo("inter-korean-liaison-office", "B", "practice", "ada",
                                        1, ("q1", "q2")))
        rec.save([_attempt(1, "q1")], {"seq": 1, "state": "asking"})
        rec.close()
        s.set_default_profile("ada")


# -- fault 8: a data folder that cannot be written, at start ------------------------


@pytest.mark.parametrize(("code", "words"), [(errno.EROFS, "read-only"),
                                             (errno.ENOSPC, "disk is full"),
                                             (errno.EACCES, "may not write")])
def test_an_unwritable_folder_is_found_at_open_and_progress_can_still_be_read(
        monkeypatch: pytest.MonkeyPatch, code: int, words: str) -> None:
    with Store.open() as s:
        _fill(s)
    _refuse_writes(monkeypatch, code)
    with Store.open() as s:
        assert s.unsaved is not None and words in s.unsaved
        assert s.unsaved in s.notices
        assert len(s.attempts()) == 3  # what was kept can still be shown
        copy = s.unsaved_copy()
    with copy:
        assert not copy.persistent and copy.unsaved is not None
        assert len(copy.attempts()) == 3
        _fill(copy, 2, profile="grace")  # plays on, in memory
    with Store.open() as s:
        assert len(s.attempts()) == 3  # and nothing of it reached the disk


def test_a_full_disk_is_found_by_its_free_space(monkeypatch: pytest.MonkeyPatch,
                                                clock: Clock) -> None:
    with Store.open(now=clock) as s:
        _fill(s)
    clock.tick(days=1)
    real = os.statvfs

    def full(path: Any) -> Any:
        st = real(path)
        return os.statvfs_result((st.f_bsize, st.f_frsize, st.f_blocks, 0, 0, *st[5:]))

    monkeypatch.setattr(store_db.os, "statvfs", full)
    with Store.open(now=clock) as s:
        assert s.unsaved is not None and "disk is full" in s.unsaved
        assert s.notices == [s.unsaved]  # no backup tried on a full disk
    assert len(list((paths.data_dir() / "backups").glob("progress-*.db"))) == 1


def test_a_new_database_is_not_started_where_it_cannot_be_written(
        monkeypatch: pytest.MonkeyPatch) -> None:
    _refuse_writes(monkeypatch, errno.ENOSPC)
    with Store.open() as s:
        assert not s.persistent and s.unsaved is not None
    assert not (paths.data_dir() / "progress.db").exists()  # no empty file left behind


def _plain(argv: list[str], stdin: str, tty: bool, monkeypatch: pytest.MonkeyPatch,
           capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    class Input(io.StringIO):
        def isatty(self) -> bool:
            return tty

    monkeypatch.setattr(sys, "stdin", Input(stdin))
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_plain_mode_on_an_unwritable_folder_asks_and_can_quit(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    _unfinished_session()
    _refuse_writes(monkeypatch, errno.ENOSPC)
    code, out, err = _plain(["play", str(SEED_BANK), "--plain"], "q\n", True, monkeypatch,
                            capsys)
    assert code == 0
    assert "disk is full" in err and "Traceback" not in err
    assert "without saving progress, or quit?" in out
    assert "Question 1" not in out


def test_plain_mode_on_a_full_disk_plays_without_saving_when_told(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    _unfinished_session()
    _refuse_writes(monkeypatch, errno.ENOSPC)
    # Starting over sets the old session aside: a write, which used to crash here.
    code, out, err = _plain(["play", str(SEED_BANK), "--plain"], "p\nn\ns\nq\n", True,
                            monkeypatch, capsys)
    assert code == 0, err
    assert "Traceback" not in err and "error" not in err
    assert "Resume it?" in out and "Skipped." in out
    with Store.open() as s:  # nothing reached the disk: the old session is still there
        assert [r.status for r in s.sessions()] == ["active"]


def test_plain_mode_from_a_pipe_says_so_and_plays_without_saving(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    _refuse_writes(monkeypatch, errno.EROFS)
    code, out, err = _plain(["play", str(SEED_BANK), "--plain"], "s\nq\n", False,
                            monkeypatch, capsys)
    assert code == 0, err
    assert "read-only" in err and "not a terminal" in err and "without saving" in err
    assert "or quit?" not in out
    assert "Skipped." in out


@pytest.mark.parametrize("argv", [["stats"], ["progress", "export", "--csv"]])
def test_stats_and_export_on_an_unwritable_folder_say_so_and_show_what_is_kept(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        argv: list[str]) -> None:
    _unfinished_session()
    _refuse_writes(monkeypatch, errno.EROFS)
    code, out, err = _plain(argv, "", False, monkeypatch, capsys)
    assert code == 0, err
    assert "Progress cannot be saved" in err and "Traceback" not in err
    assert "ada" in out


def test_host_on_an_unwritable_folder_can_quit(monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    _refuse_writes(monkeypatch, errno.ENOSPC)
    code, out, err = _plain(["host", str(SEED_BANK), "--plain"], "q\n", True, monkeypatch,
                            capsys)
    assert code == 0
    assert "disk is full" in err and "Traceback" not in err
    assert "Host without saving progress, or quit?" in out


# -- fault 9: an empty database, and backups of a bad one --------------------------------


def test_an_empty_database_is_moved_aside_and_the_backup_restored(clock: Clock) -> None:
    with Store.open(now=clock) as s:
        _fill(s, 2)
    clock.tick(days=1)
    Store.open(now=clock).close()  # today's backup holds those 2 answers
    db = paths.data_dir() / "progress.db"
    db.write_bytes(b"")
    with Store.open(now=clock) as s:
        assert s.persistent and s.unsaved is None
        assert len(_damaged_files(db)) == 1
        assert "the file is empty" in s.notices[0]
        assert "restored from the backup of" in s.notices[0]
        assert len(s.attempts()) == 2
        clock.tick(days=1)
        assert s.backup_daily() is not None  # the restored progress is backed up again


def test_a_database_that_lost_most_of_its_rows_is_not_backed_up(clock: Clock) -> None:
    with Store.open(now=clock) as s:
        _fill(s, 6)
    clock.tick(days=1)
    Store.open(now=clock).close()  # today's backup: 1 session, 6 answers
    db = paths.data_dir() / "progress.db"
    db.unlink()  # history gone (a copy from somewhere else put in its place, say)
    clock.tick(days=1)
    with Store.open(now=clock) as s:
        assert s.attempts() == []
        assert any("backup was not made" in n and "0 rows" in n for n in s.notices)
        _fill(s, 1)
        clock.tick(days=1)
        assert s.backup_daily() is None  # 2 rows against 7: still not
    backups = sorted((paths.data_dir() / "backups").glob("progress-*.db"))
    assert len(backups) == 2  # the good ones stay, never pushed out by poor copies


def test_a_database_failing_its_check_is_not_backed_up(clock: Clock,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    with Store.open(now=clock) as s:
        _fill(s, 2)
        clock.tick(days=1)
        monkeypatch.setattr(store_db, "integrity_problems", lambda *a, **k: ["page 7: bad"])
        assert s.backup_daily() is None
        assert "integrity check" in s.notices[-1] and "page 7" in s.notices[-1]
    assert len(list((paths.data_dir() / "backups").glob("progress-*.db"))) == 1


# -- fault 10: temporary files of killed writers -----------------------------------------


def _dead_pid() -> int:
    proc = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    return int(proc.stdout)


def _aged(path: Path, seconds: float, data: bytes = b"") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    then = time.time() - seconds
    os.utime(path, (then, then))
    return path


def test_old_temporary_files_are_removed_at_open_and_in_flight_ones_kept() -> None:
    data = paths.data_dir()
    dead, me = _dead_pid(), os.getpid()
    stale = [
        _aged(data / "backups" / f".progress-2026-01-01.db.{dead}.tmp", 120),  # failed backup
        _aged(data / f".progress.db.restore-{dead}", 120),
        _aged(data / f".progress.db.new-{dead}-0badc0de", 120),
        _aged(data / f".tokens.json.{dead}-0badc0de.tmp", 120),
        _aged(data / ".tokens.json.0badc0de.tmp", 2 * HOUR),  # an older writer: no pid
        _aged(data / f".progress.db.restore-{me}", 2 * HOUR),
    ]
    kept = [
        _aged(data / f".tokens.json.{me}-0badc0de.tmp", 120),  # a live writer's
        _aged(data / f".tokens.json.{dead}-1badc0de.tmp", 10),  # dead, but only just
        _aged(data / ".tokens.json.2badc0de.tmp", 120),  # no pid, not an hour old
        _aged(data / "notes.tmp", 2 * HOUR),  # not ours
        _aged(data / ".progress.db.restore-x", 2 * HOUR),
    ]
    with Store.open() as s:
        assert s.persistent
    assert [p for p in stale if p.exists()] == []
    assert [p for p in kept if not p.exists()] == []


def test_a_killed_bank_save_is_cleaned_up_when_the_bank_is_curated_again(
        tmp_path: Path) -> None:
    import shutil

    from quiz.bank.curation import Curation

    bank = tmp_path / "bank"
    shutil.copytree(SEED_BANK, bank)
    dead = _dead_pid()
    stale = [_aged(bank / ".bank-k3y_9abc.yaml", 2 * HOUR, b"x" * 1000),  # earlier versions
             _aged(bank / f".bank.yaml.{dead}-0badc0de.tmp", 120, b"x" * 1000)]
    fresh = _aged(bank / ".bank-abcdefgh.yaml", 60, b"x")  # might be another's, in flight
    Curation.open(bank)
    assert [p for p in stale if p.exists()] == []
    assert fresh.exists()


def test_stale_cache_temporary_files_are_removed_when_the_cache_is_written() -> None:
    from quiz.bank.load import load_bank

    folder = paths.cache_dir() / "banks"
    stale = _aged(folder / f".abc.pickle.{_dead_pid()}-0badc0de.tmp", 120)
    load_bank(SEED_BANK / "bank.yaml")  # writes its cache entry
    assert any(folder.glob("*.pickle")), "the cache was not written"
    assert not stale.exists()


def test_write_atomic_names_its_writer_in_the_temporary_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[str] = []
    real = os.replace

    def spy(src: Any, dst: Any) -> None:
        seen.append(Path(src).name)
        real(src, dst)

    monkeypatch.setattr(paths.os, "replace", spy)
    paths.write_atomic(tmp_path / "a.txt", "x")
    (name,) = seen
    match = paths.temp_pattern("a.txt").fullmatch(name)
    assert match is not None and match.group(1) == str(os.getpid())


# -- fault 11: a kill while the database is being created ---------------------------------

_KILLED_IN_CREATE = textwrap.dedent("""
    import os
    from quiz.store import db, schema

    def die(*a, **k):
        os._exit(9)  # as SIGKILL would: no cleanup at all

    db.migrate = die
    db.open_database(db.default_path())
""")


def test_a_kill_while_the_database_is_created_leaves_no_half_database(quiz_home: Path) -> None:
    env = {**os.environ, "QUIZ_HOME": str(quiz_home), "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-c", _KILLED_IN_CREATE], env=env, cwd=ROOT)
    assert proc.returncode == 9
    data = paths.data_dir()
    assert not (data / "progress.db").exists()  # a database appears only once complete
    (left,) = data.glob(".progress.db.new-*")
    then = time.time() - 2 * HOUR
    os.utime(left, (then, then))
    with Store.open() as s:
        assert s.persistent and s.notices == []
        _fill(s)
    assert not left.exists()


def test_the_kill_harness_reads_a_database_caught_half_created(tmp_path: Path) -> None:
    from tests.test_kill_harness import _harness

    kh = _harness()
    db = tmp_path / "progress.db"
    sqlite3.connect(db).execute("PRAGMA user_version = 0").connection.close()  # no tables
    assert kh._latest_unfinished(db) is None
    report = kh.Report()
    kh._verify(db, Counter(), report)
    assert report.ok and report.lost == 0
    kh._verify(db, Counter({("q1", True): 1}), report)
    assert report.lost == 1


def test_a_failed_backup_leaves_no_temporary_file(tmp_path: Path) -> None:
    class FullDisk:
        """A database whose copy fails half-way, as on a full disk."""

        def __init__(self) -> None:
            self.real = store_db.memory()

        def execute(self, *args: Any) -> Any:
            return self.real.execute(*args)

        def backup(self, dest: sqlite3.Connection) -> None:
            dest.execute("CREATE TABLE half (x)")
            raise sqlite3.OperationalError("database or disk is full")

    with pytest.raises(sqlite3.OperationalError):
        store_db.backup_once(FullDisk(), tmp_path, "2026-01-01")  # type: ignore[arg-type]
    assert list(tmp_path.iterdir()) == []
