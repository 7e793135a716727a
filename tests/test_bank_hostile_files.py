"""Banks and articles that are not regular files, or too big: refused with a message, never a hang.

Each check runs in a child process with a deadline and a memory cap, so a loader
that blocks on a FIFO or reads ``/dev/zero`` for ever fails the test instead of
hanging the suite.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from quiz.bank import article as article_mod
from tests.conftest import ROOT
from tests.test_bad_banks import SUITE, bank_text

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs and /dev")

_CHECK = """
import json, sys
from quiz.bank.load import check_bank
bank, diags = check_bank(sys.argv[1], use_cache=False)
print(json.dumps([[d.path, d.line, d.col, d.message] for d in diags]))
"""


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (2 * 2**30, 2 * 2**30))


def check_in_child(path: Path) -> list[list]:
    """The diagnostics of ``path``, from a child that must answer within 30 s."""
    try:
        result = subprocess.run([sys.executable, "-c", _CHECK, str(path)], cwd=ROOT,
                                capture_output=True, text=True, timeout=30,
                                preexec_fn=_limit_memory)
    except subprocess.TimeoutExpired:
        pytest.fail(f"checking {path.name} did not finish: the loader hangs on it")
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    shutil.copy(SUITE / "article.txt", tmp_path / "article.txt")
    return tmp_path


def test_a_fifo_bank_is_refused(folder: Path):
    os.mkfifo(folder / "bank.yaml")
    assert [d[1:] for d in check_in_child(folder / "bank.yaml")] == [
        [1, 1, "this is a named pipe (FIFO), not a regular file; a bank must be a plain "
               "text file"]]


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_bank_linked_to_a_device_is_refused(folder: Path, device: str):
    if not os.path.exists(device):
        pytest.skip(f"no {device}")
    (folder / "bank.yaml").symlink_to(device)
    assert [d[1:] for d in check_in_child(folder / "bank.yaml")] == [
        [1, 1, "this is a device, not a regular file; a bank must be a plain text file"]]


def test_a_socket_bank_is_refused(folder: Path):
    path = folder / "bank.yaml"
    if len(str(path)) > 100:
        pytest.skip("the temporary path is too long for a socket")
    with socket.socket(socket.AF_UNIX) as s:
        s.bind(str(path))
        assert [d[1:] for d in check_in_child(path)] == [
            [1, 1, "this is a socket, not a regular file; a bank must be a plain text file"]]


def test_a_fifo_article_is_refused(folder: Path):
    (folder / "article.txt").unlink()
    os.mkfifo(folder / "article.txt")
    (folder / "bank.yaml").write_text(bank_text(), encoding="utf-8")
    diags = check_in_child(folder / "bank.yaml")
    assert [(Path(d[0]).name, *d[1:]) for d in diags] == [
        ("article.txt", 1, 1, "the article is a named pipe (FIFO), not a regular file; "
                              "an article must be a plain text file")]


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_an_article_linked_to_a_device_is_refused(folder: Path, device: str):
    if not os.path.exists(device):
        pytest.skip(f"no {device}")
    (folder / "article.txt").unlink()
    (folder / "article.txt").symlink_to(device)
    (folder / "bank.yaml").write_text(bank_text(), encoding="utf-8")
    diags = check_in_child(folder / "bank.yaml")
    assert [(Path(d[0]).name, *d[1:]) for d in diags] == [
        ("article.txt", 1, 1, "the article is a device, not a regular file; an article must "
                              "be a plain text file")]


def test_an_article_over_the_size_limit_is_refused(folder: Path):
    limit = article_mod.MAX_ARTICLE_BYTES
    text = (SUITE / "article.txt").read_bytes()
    with open(folder / "article.txt", "ab") as f:
        f.write(b"Filler sentence.\n" * (limit // 17 + 1 - len(text) // 17))
    size = (folder / "article.txt").stat().st_size
    assert size > limit
    (folder / "bank.yaml").write_text(bank_text(), encoding="utf-8")
    diags = check_in_child(folder / "bank.yaml")
    assert [(Path(d[0]).name, *d[1:]) for d in diags] == [
        ("article.txt", 1, 1, f"the article is {size / 2**20:.1f} MiB, over the "
                              f"{limit // 2**20} MiB limit for an article; cut it "
                              "to the sections the bank quotes")]


def test_validate_names_a_fifo_given_on_the_command_line(folder: Path):
    os.mkfifo(folder / "pipe.yaml")
    result = subprocess.run([sys.executable, "-m", "quiz", "validate", "--no-cache",
                             str(folder / "pipe.yaml")], cwd=ROOT, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 1
    assert (f"{folder / 'pipe.yaml'}:1:1: error: this is a named pipe (FIFO), not a regular "
            "file") in result.stderr
