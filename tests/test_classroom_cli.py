"""`quiz host --plain`, `quiz join` and `quiz report` as a teacher and students run them."""

from __future__ import annotations

import asyncio
import csv
import io
import json
import os
import re
import socket
import subprocess
import sys
import time

import pytest
from websockets.asyncio.client import connect

from tests.conftest import ROOT, SEED_BANK


def quiz(*args: str, stdin: str | None = None, timeout: float = 30) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "quiz", *args], input=stdin, text=True,
                          capture_output=True, timeout=timeout, cwd=ROOT, env=os.environ)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize("args, code, words", [
    (["host"], 2, "name the bank"),
    (["host", "no-such-bank", "--plain"], 1, "no-such-bank"),
    (["host", "x", "--timer", "3"], 2, "5 to 240"),
    (["host", "x", "--port", "http"], 2, "port"),
    (["host", "--resume", "--plain"], 1, "no unfinished classroom session"),
    (["host", "--resume", "42", "--plain"], 1, "no classroom session 42"),
    (["join", "host:port", "--code", "123456", "--name", "Ana"], 2, "port must be a number"),
    (["join", "127.0.0.1", "--code", "12", "--name", "Ana"], 2, "6 digits"),
    (["join", "127.0.0.1", "--code", "123456", "--name", " "], 2, "empty"),
    (["report", "42"], 1, "no classroom session 42"),
    (["host", "x", "--max-players", "2001"], 2, "1 to 2000 players"),
    (["host", "x", "--max-players", "0"], 2, "1 to 2000 players"),
    (["host", "x", "--per-address", "-1"], 2, "whole number"),
])
def test_mistakes_get_a_message_not_a_traceback(args: list[str], code: int,
                                                words: str) -> None:
    result = quiz(*args)
    assert result.returncode == code, result.stderr
    assert words in result.stderr and "Traceback" not in result.stderr


def test_host_help_names_the_limits() -> None:
    result = quiz("host", "--help")
    assert result.returncode == 0
    for flag in ("--max-players", "--per-address", "--allow-host"):
        assert flag in result.stdout


def test_report_with_no_sessions_says_how_to_start() -> None:
    result = quiz("report")
    assert result.returncode == 0 and "quiz host BANK" in result.stdout


def test_a_taken_port_is_reported() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        result = quiz("host", str(SEED_BANK), "--plain", "--bind", "127.0.0.1", "--port",
                      str(port), stdin="")
    assert result.returncode == 1
    assert f"port {port} is already in use" in result.stderr and "--port" in result.stderr
    assert "Traceback" not in result.stderr
    # Nothing half-made is left to resume.
    assert "no unfinished" in quiz("host", "--resume", "--plain").stderr


class PlainHost:
    def __init__(self, *args: str) -> None:
        self.port = free_port()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "quiz", "host", "--plain", "--bind", "127.0.0.1",
             "--port", str(self.port), *args],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            cwd=ROOT, env={**os.environ, "PYTHONUNBUFFERED": "1"})
        self.out: list[str] = []
        banner = self.wait_for("students open")
        self.code = re.search(r"code (\d{6})", "\n".join(self.out)).group(1)  # type: ignore[union-attr]
        self.session = int(re.search(r"session (\d+)", "\n".join(self.out)).group(1))  # type: ignore[union-attr]
        assert f"127.0.0.1:{self.port}/?code={self.code}" in banner

    def wait_for(self, text: str, timeout: float = 20) -> str:
        assert self.proc.stdout is not None
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            line = self.proc.stdout.readline()
            if not line:
                break
            self.out.append(line.rstrip("\n"))
            if text in line:
                return line
        raise AssertionError(f"{text!r} not printed; got:\n" + "\n".join(self.out))

    def send(self, command: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(command + "\n")
        self.proc.stdin.flush()

    def close(self) -> int:
        if self.proc.poll() is None:
            self.send("quit")
        try:
            return self.proc.wait(15)
        finally:
            if self.proc.poll() is None:
                self.proc.kill()


async def recv(ws, kind: str) -> dict:
    while True:
        msg = json.loads(await asyncio.wait_for(ws.recv(), 10))
        if msg["type"] == kind:
            return msg


def test_a_plain_session_and_its_report_match_what_was_played() -> None:
    host = PlainHost(str(SEED_BANK), "--limit", "3", "--in-order")
    played: dict[tuple[str, int], tuple[object, bool, int]] = {}

    async def students() -> None:
        ana = await connect(f"ws://127.0.0.1:{host.port}/ws")
        bo = await connect(f"ws://127.0.0.1:{host.port}/ws")
        for ws, name in ((ana, "Ana"), (bo, "Bo, \"the =1+1\"")):
            await ws.send(json.dumps({"type": "hello", "v": 1, "code": host.code,
                                      "name": name}))
            await recv(ws, "welcome")
        await asyncio.to_thread(host.wait_for, "players: 2 connected of 2")
        for q in range(3):
            host.send("next")
            question = await recv(ana, "question")
            await recv(bo, "question")
            options = question["options"]
            picks = {"truefalse": (True, False), "order": (options, options[::-1])}.get(
                question["qtype"], (options[0], options[-1]) if options else ("Kaesong", "x"))
            for ws, value in ((ana, picks[0]), (bo, picks[1])):
                await ws.send(json.dumps({"type": "answer", "q": q, "value": value}))
                await recv(ws, "ack")
            for ws, name in ((ana, "Ana"), (bo, "Bo")):
                result = await recv(ws, "result")
                played[(name, q + 1)] = (result["given"], result["correct"], result["points"])
        host.send("end")
        await recv(ana, "end")
        await ana.close()
        await bo.close()

    try:
        asyncio.run(students())
        host.wait_for("report: quiz report")
    finally:
        assert host.close() == 0
    text = "\n".join(host.out)
    assert "question 1/3 open" in text and "revealed question 3" in text and "passage" in text

    report = quiz("report", str(host.session), "--csv")
    assert report.returncode == 0, report.stderr
    rows = list(csv.DictReader(io.StringIO(report.stdout)))
    assert len(rows) == 6
    for row in rows:
        name = "Ana" if row["student"] == "Ana" else "Bo"
        given, correct, points = played[(name, int(row["number"]))]
        assert row["correct"] == str(int(correct)) and int(row["points"]) == points
        expected = (" | ".join(given) if isinstance(given, list)
                    else str(given).lower() if isinstance(given, bool) else str(given))
        assert row["answer"] == expected
    # A name that a spreadsheet would run as a formula is kept as text.
    assert any(r["student"].startswith("Bo, ") for r in rows)

    summary = quiz("report", str(host.session))
    assert "2 students, 3 of 3 questions asked" in summary.stdout
    assert "Mastery by section" in summary.stdout
    sections = list(csv.DictReader(io.StringIO(quiz("report", str(host.session),
                                                    "--sections").stdout)))
    assert sum(int(s["questions"]) for s in sections) == 3
    assert sum(int(s["correct"]) for s in sections) == sum(c for _, c, _ in played.values())
    listing = quiz("report")
    assert re.search(rf"^\s*{host.session}\s.*ended\s+2 students", listing.stdout, re.M)


def test_the_load_benchmark_loses_nothing_when_the_host_is_killed() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "classroom_load.py"), "--students", "8",
         "--questions", "3", "--think", "0.3", "--kill", "--deadline", "20"],
        capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    m = re.search(r"acknowledged (\d+), in the database (\d+), lost (\d+)", result.stdout)
    assert m and m.group(1) == "24" and m.group(3) == "0", result.stdout
    assert "restarted with --resume" in result.stdout
