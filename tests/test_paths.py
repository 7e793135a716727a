"""The one file writer: whole files, durable, with the permissions a user expects."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from quiz.paths import write_atomic


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_text_and_bytes_are_written_exactly(tmp_path: Path) -> None:
    text = tmp_path / "a.yaml"
    assert write_atomic(text, "é line\r\nnext\n") is True
    assert text.read_bytes() == "é line\r\nnext\n".encode()  # no newline translation
    blob = tmp_path / "deeper" / "b.bin"  # missing folders are made
    write_atomic(blob, b"\x00\xff")
    assert blob.read_bytes() == b"\x00\xff"
    write_atomic(blob, b"new")
    assert blob.read_bytes() == b"new"
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["a.yaml", "b.bin", "deeper"]


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_a_new_file_follows_the_umask(tmp_path: Path, umask_022: None) -> None:
    path = tmp_path / "bank.yaml"
    write_atomic(path, "x")
    assert mode(path) == 0o644  # not mkstemp's 0600: others on the machine may read a bank


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_an_existing_file_keeps_its_mode(tmp_path: Path, umask_022: None) -> None:
    path = tmp_path / "bank.yaml"
    path.write_text("old")
    os.chmod(path, 0o664)
    write_atomic(path, "new")
    assert path.read_text() == "new" and mode(path) == 0o664


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_a_private_file_is_the_users_only(tmp_path: Path, umask_022: None) -> None:
    path = tmp_path / "tokens.json"
    write_atomic(path, "{}", private=True)
    assert mode(path) == 0o600
    os.chmod(path, 0o644)  # even one someone opened up is closed again
    write_atomic(path, "{}", private=True)
    assert mode(path) == 0o600


def test_a_failed_rename_leaves_the_old_file_and_no_temporary(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "bank.yaml"
    path.write_text("old")

    def refuse(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError, match="No space"):
        write_atomic(path, "new")
    assert path.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["bank.yaml"]


def test_a_failed_write_leaves_no_temporary(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(fd: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", refuse)
    with pytest.raises(OSError, match="Input/output"):
        write_atomic(tmp_path / "new.yaml", "text")
    assert list(tmp_path.iterdir()) == []


def test_the_data_reaches_the_disk_before_the_rename(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    events: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        events.append("dir" if stat.S_ISDIR(os.fstat(fd).st_mode) else "file")
        real_fsync(fd)

    def replace(src: str, dst: str) -> None:
        events.append("rename")
        real_replace(src, dst)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    write_atomic(tmp_path / "bank.yaml", "x")
    expected = ["file", "rename", "dir"] if os.name == "posix" else ["file", "rename"]
    assert events == expected


def test_a_check_that_says_no_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "bank.yaml"
    path.write_text("old")
    seen: list[str] = []

    def check(tmp: Path) -> bool:
        seen.append(tmp.read_text())  # the new text is complete on disk when checked
        return False

    assert write_atomic(path, "new", check=check) is False
    assert seen == ["new"] and path.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["bank.yaml"]
    assert write_atomic(path, "new", check=lambda tmp: True) is True
    assert path.read_text() == "new"

