"""Kill harness: SIGKILL ``quiz play --plain`` at random moments and check nothing is lost.

Each round starts ``quiz play BANK --plain --resume`` in a subprocess with
its stdin and stdout on pipes, plays it (mostly right answers, some wrong
ones, skips and hints; each typed only once the game prompts for it) and
SIGKILLs it at a random moment: either at a random time after its first
prompt (so a slow start on a busy machine does not eat the round), or a few
microseconds to milliseconds after an answer was sent, so that kills land
inside the write. After every kill:

* ``PRAGMA integrity_check`` must pass on the progress database;
* every answer the process acknowledged on stdout ("Right!", "Wrong.",
  "Not quite.", "Skipped." ...) must be in the database (counted per
  question and verdict: the database may hold more, never fewer);
* when the next round resumes, the question it resumes at and the score it
  announces must match what the database holds for that session.

    python benchmarks/kill_harness.py --kills 200 [--seed N] [--json]

Exit status 0 when every check passed, 1 otherwise.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quiz.bank.load import load_bank  # noqa: E402
from quiz.bank.model import Bank, Question  # noqa: E402
from quiz.textsafe import clean  # noqa: E402

PROFILE = "harness"
DEFAULT_BANK = ROOT / "questions" / "inter-korean-liaison-office"

_HEADER_RE = re.compile(r"^Question (\d+) of (\d+)")
_OPTION_RE = re.compile(r"^  (\d+)\. (.*)$")
_RESUME_RE = re.compile(r"^Resuming \S.*'s session: (?:question (\d+) of \d+|all questions "
                        r"are answered)(?:, score so far (\d+))?")
# What the game prints once an answer is in the store, and the verdict it implies.
_ACKS = (
    (re.compile(r"^Right!"), True),
    (re.compile(r"^Wrong\."), False),
    (re.compile(r"^Partly right\."), False),
    (re.compile(r"^Not quite\."), False),
    (re.compile(r"^Skipped\."), False),
    (re.compile(r"^Out of time\."), False),
)


@dataclass
class Report:
    kills: int = 0
    rounds: int = 0
    acknowledged: int = 0
    lost: int = 0
    corrupt: int = 0
    resumes: int = 0
    resume_mismatches: int = 0
    sessions_completed: int = 0
    answers_in_db: int = 0
    seconds: float = 0.0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (self.lost or self.corrupt or self.resume_mismatches or
                    any(p.startswith("error") for p in self.problems))


class Output:
    """Collects a child's stdout on a thread; knows when it waits at a prompt."""

    def __init__(self, stream) -> None:
        self.stream = stream
        self.lines: list[str] = []
        self.partial = ""
        self.chunks = 0  # reads so far: a prompt is new only if output came after the last
        self.closed = False
        self.cond = threading.Condition()
        self.thread = threading.Thread(target=self._pump, daemon=True)
        self.thread.start()

    def _pump(self) -> None:
        fd = self.stream.fileno()
        while True:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                chunk = b""
            with self.cond:
                if not chunk:
                    self.closed = True
                    if self.partial:
                        self.lines.append(self.partial)
                        self.partial = ""
                    self.cond.notify_all()
                    return
                text = self.partial + chunk.decode("utf-8", "replace")
                *done, self.partial = text.split("\n")
                self.lines.extend(done)
                self.chunks += 1
                self.cond.notify_all()

    def wait_prompt(self, seen: int, after: int,
                    timeout: float = 10.0) -> tuple[int, str, int] | None:
        """Wait until the child sits at a prompt printed after read ``after``.

        Returns (lines, prompt, reads). The prompt answered last stays in
        ``partial`` until the child reacts, so it must not be taken for a new one.
        """
        deadline = time.monotonic() + timeout
        with self.cond:
            while True:
                if (self.chunks > after and len(self.lines) >= seen
                        and self.partial.endswith(("> ", "[Y/n] ", "quit) "))):
                    return len(self.lines), self.partial, self.chunks
                if self.closed:
                    return None
                left = deadline - time.monotonic()
                if left <= 0:
                    return None
                self.cond.wait(left)


class Player:
    """Decides what to type, knowing the bank's answers."""

    def __init__(self, bank: Bank, rng: random.Random) -> None:
        self.rng = rng
        self.by_prompt = {clean(q.prompt): q for q in bank.playable()}

    def question(self, prompt: str) -> Question | None:
        return self.by_prompt.get(prompt)

    def answer(self, q: Question, options: list[str]) -> str:
        roll = self.rng.random()
        if roll < 0.05:
            return "s"
        if roll < 0.10:
            return "h"
        return self._typed(q, options, right=roll < 0.80)

    def _typed(self, q: Question, options: list[str], right: bool) -> str:
        def num(text: str) -> str:
            return str(options.index(clean(text)) + 1)

        if q.type == "truefalse":
            return "t" if bool(q.answer) == right else "f"
        if q.type == "choice":
            if right:
                return num(str(q.answer))
            wrong = [o for o in options if o != clean(str(q.answer))]
            return num(self.rng.choice(wrong))
        if q.type == "multi":
            picks = list(q.answer) if right else [o for o in options
                                                   if o not in map(clean, q.answer)][:1]
            return " ".join(num(p) for p in picks)
        if q.type == "order":
            items = q.items if right else list(reversed(q.items))
            return " ".join(num(i) for i in items)
        if q.type == "number":
            return str(q.answer) if right else "987654321"
        return str(q.answer) if right else "no idea at all"


def _db_state(db: Path) -> tuple[bool, Counter, dict[int, tuple[int, int, str]]]:
    """Integrity, attempts per (question, correct), and per session (finals, points, status)."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        ok = conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        counts: Counter = Counter()
        if not _has_tables(conn):
            return ok, counts, {}  # killed while it was being created: it holds nothing yet
        for qid, correct, n in conn.execute(
                "SELECT question_id, correct, COUNT(*) FROM attempts GROUP BY 1, 2"):
            counts[(qid, bool(correct))] = n
        sessions = {}
        for sid, finals, points, status in conn.execute(
                "SELECT s.id, (SELECT COUNT(*) FROM attempts a WHERE a.session_id = s.id "
                "AND a.final), (SELECT COALESCE(SUM(points + bonus), 0) FROM attempts a "
                "WHERE a.session_id = s.id), s.status FROM sessions s"):
            sessions[sid] = (finals, points, status)
    finally:
        conn.close()
    return ok, counts, sessions


def _has_tables(conn: sqlite3.Connection) -> bool:
    """Whether the game's tables are there yet (a database can be caught half-created)."""
    found = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return {"sessions", "attempts"} <= found


def _latest_unfinished(db: Path) -> int | None:
    if not db.exists():
        return None
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        if not _has_tables(conn):
            return None
        row = conn.execute("SELECT id FROM sessions WHERE status IN ('active', 'paused') "
                           "AND snapshot IS NOT NULL ORDER BY updated DESC, id DESC "
                           "LIMIT 1").fetchone()
    finally:
        conn.close()
    return row[0] if row else None


def one_round(bank_path: Path, home: Path, player: Player, rng: random.Random,
              report: Report, acked: Counter, max_delay: float) -> None:
    db = home / "data" / "progress.db"
    expected_session = _latest_unfinished(db)
    expected = _db_state(db)[2].get(expected_session) if expected_session else None
    env = {**os.environ, "QUIZ_HOME": str(home), "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "quiz", "play", str(bank_path), "--plain", "--resume",
         "--profile", PROFILE],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
        cwd=ROOT)
    out = Output(proc.stdout)
    # Half the rounds die at a random time after the first prompt; the others just
    # after a random answer.
    kill_delay = rng.uniform(0.0, max_delay) if rng.random() < 0.5 else None
    kill_after_answers = None if kill_delay is not None else rng.randint(0, 60)
    timer = None
    answered = 0  # the read that held the prompt answered last
    seen = 0
    current: Question | None = None
    answers_sent = 0
    checked_resume = False
    try:
        while True:
            got = out.wait_prompt(seen, answered)
            with out.cond:
                new_lines = out.lines[seen:got[0] if got else len(out.lines)]
            seen += len(new_lines)
            current = _scan(new_lines, current, player, acked, report)
            if not checked_resume and expected_session is not None:
                checked_resume = _check_resume(new_lines, expected, report)
            if got is None:
                break
            _lines, prompt, answered = got
            if kill_delay is not None and timer is None:
                timer = threading.Timer(kill_delay, _kill, (proc,))
                timer.start()
            if prompt.endswith("[Y/n] "):
                line = "y"
            elif prompt.endswith("quit) "):
                line = ""
            elif current is None:
                line = "s"
            else:
                line = player.answer(current, _options(out, seen))
            try:
                proc.stdin.write((line + "\n").encode())
                proc.stdin.flush()
            except (BrokenPipeError, OSError):
                break
            if prompt.endswith("> ") and line != "h":
                answers_sent += 1
                if kill_after_answers is not None and answers_sent > kill_after_answers:
                    time.sleep(rng.choice((0, 0, 1e-5, 1e-4, 5e-4, 1e-3, 3e-3)))
                    _kill(proc)
    finally:
        if timer is not None:
            timer.cancel()
        if proc.poll() is None:
            _kill(proc)
        proc.wait()
        out.thread.join(5)
        with out.cond:
            tail = out.lines[seen:]
        _scan(tail, current, player, acked, report)
        err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    report.rounds += 1
    if proc.returncode == -signal.SIGKILL:
        report.kills += 1
    elif proc.returncode == 0:
        report.sessions_completed += 1
    else:
        report.problems.append(f"error: exit {proc.returncode}: {err.strip()[-300:]}")
    if err.strip() and proc.returncode != -signal.SIGKILL:
        report.problems.append(f"stderr: {err.strip()[-300:]}")
    _verify(db, acked, report)


def _kill(proc: subprocess.Popen) -> None:
    with contextlib.suppress(ProcessLookupError):
        proc.send_signal(signal.SIGKILL)


def _options(out: Output, upto: int) -> list[str]:
    """The numbered options printed for the question being asked."""
    with out.cond:
        lines = out.lines[:upto]
    start = max((i for i, line in enumerate(lines) if _HEADER_RE.match(line)), default=0)
    return [m.group(2) for line in lines[start:] if (m := _OPTION_RE.match(line))]


def _scan(lines: list[str], current: Question | None, player: Player, acked: Counter,
          report: Report) -> Question | None:
    after_header = False
    for line in lines:
        text = line.removeprefix("> ")
        if _HEADER_RE.match(text):
            after_header = True
            continue
        if after_header:
            current = player.question(text)
            after_header = False
            continue
        for pattern, correct in _ACKS:
            if pattern.match(text) and current is not None:
                acked[(current.id, correct)] += 1
                report.acknowledged += 1
                break
    return current


def _check_resume(lines: list[str], expected: tuple[int, int, str] | None,
                  report: Report) -> bool:
    for line in lines:
        m = _RESUME_RE.match(line)
        if m is None:
            continue
        report.resumes += 1
        finals, points, _status = expected or (0, 0, "")
        number = int(m.group(1)) if m.group(1) else None
        score = int(m.group(2)) if m.group(2) else None
        if (number is not None and number != finals + 1) or score != points:
            report.resume_mismatches += 1
            report.problems.append(f"resume said question {number}, score {score}; the "
                                   f"database holds {finals} settled, {points} points")
        return True
    return False


def _verify(db: Path, acked: Counter, report: Report) -> None:
    if not db.exists():
        if acked:
            report.lost += sum(acked.values())
        return
    ok, counts, _sessions = _db_state(db)
    if not ok:
        report.corrupt += 1
        report.problems.append(f"integrity_check failed after round {report.rounds}")
    lost = sum(max(0, n - counts.get(key, 0)) for key, n in acked.items())
    if lost > report.lost:
        report.problems.append(f"after round {report.rounds}: {lost} acknowledged answers "
                               "missing")
    report.lost = lost
    report.answers_in_db = sum(counts.values())


def run(kills: int, seed: int, bank_path: Path, home: Path, max_delay: float,
        progress: bool = False) -> Report:
    rng = random.Random(seed)
    bank = load_bank(bank_path / "bank.yaml" if bank_path.is_dir() else bank_path)
    player = Player(bank, rng)
    report = Report()
    acked: Counter = Counter()
    t0 = time.monotonic()
    while report.kills < kills and report.rounds < kills * 3:
        one_round(bank_path, home, player, rng, report, acked, max_delay)
        if progress and report.rounds % 20 == 0:
            print(f"  {report.kills} kills, {report.acknowledged} acknowledged, "
                  f"{report.lost} lost, {report.corrupt} corrupt", file=sys.stderr)
    report.seconds = round(time.monotonic() - t0, 1)
    return report


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="SIGKILL quiz play --plain at random moments and "
                                 "check that no acknowledged answer is lost.")
    ap.add_argument("--kills", type=int, default=200, help="SIGKILLs to deliver (default 200)")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument("--bank", type=Path, default=DEFAULT_BANK, help="bank folder to play")
    ap.add_argument("--home", type=Path, default=None,
                    help="QUIZ_HOME to use (default: a new temporary folder)")
    ap.add_argument("--max-delay", type=float, default=0.4,
                    help="latest random kill time after the first prompt, in seconds "
                    "(default 0.4)")
    ap.add_argument("--json", action="store_true", help="print the report as JSON")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="quiz-kill-") as tmp:
        home = args.home or Path(tmp)
        report = run(args.kills, args.seed, args.bank, home, args.max_delay,
                     progress=not args.json)
    if args.json:
        print(json.dumps(dict(asdict(report), ok=report.ok), indent=2))
    else:
        print(f"{report.kills} kills in {report.rounds} rounds ({report.seconds} s); "
              f"{report.sessions_completed} sessions played to the end")
        print(f"acknowledged answers: {report.acknowledged}; in the database: "
              f"{report.answers_in_db}; lost: {report.lost}")
        print(f"corrupt databases: {report.corrupt}; resumes checked: {report.resumes}, "
              f"mismatched: {report.resume_mismatches}")
        for p in report.problems[:20]:
            print(f"  {p}")
        print("OK" if report.ok else "FAILED")
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
