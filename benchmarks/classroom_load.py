"""A class of simulated students against a real ``quiz host --plain`` on loopback.

Prints the answer-acknowledgement latency (p50/p99: from sending an answer to
its ``ack``, which the host sends only once the answer is committed to disk),
the reveal fan-out (the host's own time to hand the reveal to every socket,
and the spread between the first and last student receiving it), and lost
answers (acknowledged but not in the host's database afterwards).

The reference, in the same run: the same students against a bare websockets
server that acknowledges every answer at once, with no checks and no disk.

    python benchmarks/classroom_load.py                  # 60 students
    python benchmarks/classroom_load.py --students 200   # the stress run
    python benchmarks/classroom_load.py --kill           # kill -9 the host mid-question

Everything binds to 127.0.0.1 and stops by itself (--deadline seconds).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import re
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake

ROOT = Path(__file__).resolve().parent.parent
BANK = ROOT / "questions" / "inter-korean-liaison-office"
MAX_STUDENTS = 2000


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def pct(samples: list[float], p: float) -> float:
    if not samples:
        return float("nan")
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(p * (len(ordered) - 1)))]


# -- the host under test -------------------------------------------------------------


class Host:
    """``quiz host --plain`` in a subprocess, driven through its stdin."""

    def __init__(self, home: Path, port: int, questions: int, students: int) -> None:
        self.home, self.port, self.questions = home, port, questions
        self.students = students
        self.proc: subprocess.Popen[str] | None = None
        self.code = ""
        self.session = 0
        self.fanouts: list[float] = []
        self.lines: asyncio.Queue[str] = asyncio.Queue()

    async def start(self, resume: bool = False) -> float:
        # Every simulated student comes from 127.0.0.1: no per-address limit.
        args = [sys.executable, "-m", "quiz", "host", "--plain", "--bind", "127.0.0.1",
                "--port", str(self.port), "--per-address", "0",
                "--max-players", str(max(self.students, 1))]
        args += ["--resume", str(self.session)] if resume else [
            str(BANK), "--limit", str(self.questions), "--in-order", "--seed", "7"]
        env = {**os.environ, "QUIZ_HOME": str(self.home), "PYTHONUNBUFFERED": "1"}
        started = time.perf_counter()
        self._loop = asyncio.get_running_loop()
        self.proc = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT, text=True, env=env, cwd=ROOT)
        self._loop.run_in_executor(None, self._pump, self.proc)
        while True:
            line = await asyncio.wait_for(self.lines.get(), 30)
            m = re.search(r"session (\d+) (?:started|resumed).*code (\d{6})", line)
            if m:
                self.session, self.code = int(m.group(1)), m.group(2)
            if line.startswith("students open"):
                return time.perf_counter() - started

    def _pump(self, proc: subprocess.Popen[str]) -> None:
        assert proc.stdout is not None
        loop = self._loop
        for line in proc.stdout:
            m = re.search(r"fan-out ([\d.]+) ms", line)
            if m:
                self.fanouts.append(float(m.group(1)))
            loop.call_soon_threadsafe(self.lines.put_nowait, line.rstrip("\n"))

    def send(self, command: str) -> None:
        assert self.proc is not None and self.proc.stdin is not None
        self.proc.stdin.write(command + "\n")
        self.proc.stdin.flush()

    def kill(self) -> None:
        assert self.proc is not None
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            try:
                self.send("quit")
                self.proc.wait(10)
            except (OSError, subprocess.TimeoutExpired):
                self.proc.kill()
                self.proc.wait()


# -- students ----------------------------------------------------------------------


@dataclass
class Stats:
    acks: list[float] = field(default_factory=list)  # seconds
    acked: set[tuple[str, int]] = field(default_factory=set)  # (name, q)
    reveal_at: dict[int, list[float]] = field(default_factory=dict)
    results: dict[int, int] = field(default_factory=dict)
    reconnects: int = 0
    errors: list[str] = field(default_factory=list)


class Student:
    def __init__(self, name: str, port: int, code: str, stats: Stats, think: float,
                 rng: random.Random) -> None:
        self.name, self.port, self.code, self.stats = name, port, code, stats
        self.think, self.rng = think, rng
        self.token: str | None = None
        self.sent: dict[int, float] = {}
        self.done = False
        self.pending: set[asyncio.Future[None]] = set()

    async def run(self) -> None:
        while not self.done:
            try:
                async with connect(f"ws://127.0.0.1:{self.port}/ws", open_timeout=10,
                                   max_size=2**20) as ws:
                    hello = {"type": "hello", "v": 1, "code": self.code}
                    hello.update({"token": self.token} if self.token else {"name": self.name})
                    await ws.send(json.dumps(hello))
                    async for raw in ws:
                        await self.on_message(ws, json.loads(raw))
                        if self.done:
                            return
            except (OSError, ConnectionClosed, InvalidHandshake, TimeoutError):
                self.stats.reconnects += 1
                await asyncio.sleep(0.2)

    async def on_message(self, ws: ClientConnection, msg: dict) -> None:
        kind = msg["type"]
        if kind == "welcome":
            self.token = msg["token"]
        elif kind == "question":
            q = msg["q"]
            if msg.get("answered") is not None:
                if q in self.sent:  # committed before the host died; the ack was lost
                    self.stats.acked.add((self.name, q))
                return
            task = asyncio.ensure_future(self.answer(ws, msg))
            self.pending.add(task)  # keep a reference until it is done
            task.add_done_callback(self.pending.discard)
        elif kind == "ack":
            q = msg["q"]
            if (self.name, q) not in self.stats.acked:
                self.stats.acked.add((self.name, q))
                self.stats.acks.append(time.perf_counter() - self.sent[q])
        elif kind == "reveal":
            self.stats.reveal_at.setdefault(msg["q"], []).append(time.perf_counter())
        elif kind == "result":
            self.stats.results[msg["q"]] = self.stats.results.get(msg["q"], 0) + 1
        elif kind == "end":
            self.done = True
        elif kind in ("refused", "error"):
            self.stats.errors.append(f"{self.name}: {msg}")

    async def answer(self, ws: ClientConnection, msg: dict) -> None:
        await asyncio.sleep(self.rng.uniform(0, self.think))
        options = msg["options"]
        value: object = {"truefalse": self.rng.random() < 0.5, "multi": options[:2],
                         "order": options}.get(msg["qtype"], self.rng.choice(options)
                                               if options else "Kaesong")
        self.sent[msg["q"]] = time.perf_counter()
        # If the host went away, the question comes again on reconnect.
        with contextlib.suppress(ConnectionClosed):
            await ws.send(json.dumps({"type": "answer", "q": msg["q"], "value": value}))


async def run_host_load(n: int, questions: int, think: float, kill: bool,
                        deadline: float) -> dict:
    rng = random.Random(1)
    with tempfile.TemporaryDirectory() as tmp:
        host = Host(Path(tmp), free_port(), questions, n)
        await host.start()
        stats = Stats()
        students = [Student(f"student{i:03d}", host.port, host.code, stats, think, rng)
                    for i in range(n)]
        tasks = [asyncio.ensure_future(s.run()) for s in students]
        restart_s = None
        try:
            await wait_for(lambda: all(s.token for s in students), deadline,
                           "joining", stats)
            for q in range(questions):
                host.send("next")
                if kill and q == questions // 2:
                    await wait_for(lambda q=q: sum(1 for _, i in stats.acked if i == q) >= n // 2,
                                   deadline, "half the answers")
                    host.kill()
                    restart_s = await host.start(resume=True)
                await wait_for(lambda q=q: stats.results.get(q, 0) >= n, deadline,
                               f"results of question {q + 1}")
            host.send("end")
            await wait_for(lambda: all(s.done for s in students), deadline, "the end")
        finally:
            host.stop()
            for t in tasks:
                t.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
        stored = stored_answers(Path(tmp), host.session)
    lost = {a for a in stats.acked if a not in stored}
    spreads = [(max(t) - min(t)) * 1000 for t in stats.reveal_at.values() if t]
    return {"acks": stats.acks, "acked": len(stats.acked), "stored": len(stored),
            "lost": len(lost), "fanout": host.fanouts, "spread": spreads,
            "restart": restart_s, "reconnects": stats.reconnects, "errors": stats.errors}


def stored_answers(home: Path, session: int) -> set[tuple[str, int]]:
    db = next(home.rglob("progress.db"))
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute("SELECT p.name, a.q FROM class_answers a JOIN class_players p"
                            " ON p.id = a.player_id WHERE a.session_id = ?",
                            (session,)).fetchall()
    finally:
        conn.close()
    return {(name, q) for name, q in rows}


async def wait_for(cond, deadline: float, what: str, stats: Stats | None = None) -> None:
    end = time.monotonic() + deadline
    while not cond():
        if time.monotonic() > end:
            seen = f"; first error: {stats.errors[0]}" if stats and stats.errors else ""
            raise TimeoutError(f"gave up waiting for {what}{seen}")
        await asyncio.sleep(0.01)


# -- the reference: acknowledge at once, nothing else --------------------------------


REFERENCE_SERVER = """
import asyncio, json, sys
from websockets.asyncio.server import serve
async def handle(ws):
    async for raw in ws:
        msg = json.loads(raw)
        if msg["type"] == "answer":
            await ws.send(json.dumps({"type": "ack", "q": msg["q"]}))
async def main():
    async with serve(handle, "127.0.0.1", int(sys.argv[1]), compression=None):
        print("ready", flush=True)
        await asyncio.Future()
asyncio.run(main())
"""


async def run_reference(n: int, questions: int, think: float) -> list[float]:
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-c", REFERENCE_SERVER, str(port)],
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    proc.stdout.readline()
    rng = random.Random(1)
    acks: list[float] = []

    async def student() -> None:
        async with connect(f"ws://127.0.0.1:{port}/ws", compression=None) as ws:
            for q in range(questions):
                await asyncio.sleep(rng.uniform(0, think))
                sent = time.perf_counter()
                await ws.send(json.dumps({"type": "answer", "q": q, "value": "x"}))
                await ws.recv()
                acks.append(time.perf_counter() - sent)

    try:
        await asyncio.gather(*(student() for _ in range(n)))
    finally:
        proc.kill()
        proc.wait()
    return acks


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--students", type=int, default=60)
    ap.add_argument("--questions", type=int, default=6)
    ap.add_argument("--think", type=float, default=2.0,
                    help="students answer at a random moment within this many seconds")
    ap.add_argument("--kill", action="store_true",
                    help="kill -9 the host half-way through the middle question, restart it "
                    "with --resume, and check nothing acknowledged was lost")
    ap.add_argument("--deadline", type=float, default=60.0,
                    help="seconds to wait for any one step before giving up")
    args = ap.parse_args()
    n = max(1, min(args.students, MAX_STUDENTS))
    print(f"{n} students, {args.questions} questions, answers spread over {args.think:g} s"
          + (", host killed mid-question" if args.kill else ""))
    ref = asyncio.run(run_reference(n, args.questions, args.think))
    res = asyncio.run(run_host_load(n, args.questions, args.think, args.kill, args.deadline))
    p50, p99 = pct(res["acks"], 0.5) * 1000, pct(res["acks"], 0.99) * 1000
    r50, r99 = pct(ref, 0.5) * 1000, pct(ref, 0.99) * 1000
    print(f"answer ack (committed to disk)  p50 {p50:6.2f} ms   p99 {p99:6.2f} ms   "
          f"({len(res['acks'])} answers)")
    print(f"reference ack (no checks, no disk) p50 {r50:6.2f} ms   p99 {r99:6.2f} ms")
    print(f"ratio to the reference           p50 {p50 / r50:6.2f}x    p99 {p99 / r99:6.2f}x")
    fan = res["fanout"]
    print(f"reveal fan-out (host, all sockets) median {statistics.median(fan):.2f} ms, "
          f"max {max(fan):.2f} ms over {len(fan)} reveals")
    spread = res["spread"]
    print(f"reveal received, first to last student: median {statistics.median(spread):.1f} ms, "
          f"max {max(spread):.1f} ms")
    print(f"acknowledged {res['acked']}, in the database {res['stored']}, "
          f"lost {res['lost']}")
    if res["restart"] is not None:
        print(f"host restarted with --resume in {res['restart']:.2f} s; "
              f"{res['reconnects']} reconnects")
    if res["errors"]:
        print(f"{len(res['errors'])} errors, e.g. {res['errors'][0]}")
    return 1 if res["lost"] else 0


if __name__ == "__main__":
    sys.exit(main())
