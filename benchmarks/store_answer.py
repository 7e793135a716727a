"""What the store adds per answer: ``StoreRecorder.save`` against a bare SQLite insert.

Both write to a fresh database in a temporary folder with the same settings
(WAL, synchronous=FULL, one committed transaction per answer), so the ratio
is the store's own cost: the duplicate check, the review card (FSRS) update
and the JSON of the answer given.

    python benchmarks/store_answer.py [-n 500]
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path


def _attempt(seq: int, qid: str):
    from quiz.play.engine import Attempt

    return Attempt(seq=seq, question_id=qid, content_hash="0123456789abcdef",
                   answer_hash="fedcba9876543210", section="History", difficulty=2,
                   mode="practice", position=seq - 1, try_number=1, kind="answer",
                   given="16 June 2020", correct=seq % 3 != 0, partial=1.0, points=200,
                   bonus=0, hints_used=0, seconds=4.2, final=True)


def _summary(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
    return statistics.median(ordered) * 1000, p99 * 1000


def bench_store(folder: Path, n: int, questions: int) -> list[float]:
    from quiz.play.session import SessionInfo
    from quiz.store.progress import Store

    with Store.open(folder / "progress.db", backup=False) as store:
        rec = store.recorder("bench")
        rec.session_started(SessionInfo("bank", "Bank", "practice", "bench", 1, ()))
        samples = []
        for i in range(1, n + 1):
            a = _attempt(i, f"q{i % questions}")
            t = time.perf_counter()
            rec.save([a])
            samples.append(time.perf_counter() - t)
        rec.close()
    return samples


def bench_bare(folder: Path, n: int) -> list[float]:
    from quiz.store.db import SYNCHRONOUS

    conn = sqlite3.connect(folder / "bare.db", isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute(f"PRAGMA synchronous = {SYNCHRONOUS}")
    conn.execute("CREATE TABLE attempts (session_id INTEGER, seq INTEGER, question_id TEXT, "
                 "given TEXT, correct INTEGER, points INTEGER, seconds REAL, at TEXT, "
                 "PRIMARY KEY (session_id, seq))")
    samples = []
    for i in range(1, n + 1):
        t = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO attempts VALUES (1, ?, ?, ?, ?, ?, ?, ?)",
                     (i, f"q{i % 50}", '"16 June 2020"', 1, 200, 4.2,
                      "2026-01-01T00:00:00.000+00:00"))
        conn.execute("COMMIT")
        samples.append(time.perf_counter() - t)
    conn.close()
    return samples


def bench_play(folder: Path, n: int, use_store: bool) -> list[float]:
    """``PlaySession.answer`` on the seed bank: the attempt and the snapshot saved together."""
    from quiz import paths
    from quiz.bank.load import load_bank
    from quiz.play.engine import Settings, State
    from quiz.play.session import PlaySession
    from quiz.store.progress import Store

    bank = load_bank(paths.bundled_banks_dir() / "inter-korean-liaison-office" / "bank.yaml")
    store = Store.open(folder / "play.db", backup=False) if use_store else None
    samples: list[float] = []
    while len(samples) < n:
        rec = store.recorder("bench") if store else None
        s = PlaySession.from_bank(bank, Settings(seed=len(samples)), rec)
        while s.state is not State.FINISHED and len(samples) < n:
            q = s.current
            t = time.perf_counter()
            s.answer(q.items if q.type == "order" else q.answer)
            samples.append(time.perf_counter() - t)
            s.advance()
        s.finish()
    if store:
        store.close()
    return samples


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=500, help="answers to write (default 500)")
    ap.add_argument("--questions", type=int, default=50,
                    help="distinct questions the answers cycle through (default 50)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="quiz-bench-") as tmp:
        os.environ["QUIZ_HOME"] = tmp
        folder = Path(tmp)
        warm = max(10, args.n // 10)  # the first writes grow the files: not counted
        bare = bench_bare(folder, args.n + warm)[warm:]
        store = bench_store(folder, args.n + warm, args.questions)[warm:]
        bare_play = bench_play(folder, args.n + warm, use_store=False)[warm:]
        store_play = bench_play(folder, args.n + warm, use_store=True)[warm:]
    b_med, b_p99 = _summary(bare)
    s_med, s_p99 = _summary(store)
    print(f"{args.n} answers, one committed transaction each (WAL, synchronous=FULL)")
    print(f"  bare sqlite3 insert+commit: median {b_med:.3f} ms   p99 {b_p99:.3f} ms")
    print(f"  StoreRecorder.save:         median {s_med:.3f} ms   p99 {s_p99:.3f} ms")
    print(f"  ratio (median): {s_med / b_med:.2f}x   store's own cost: "
          f"{s_med - b_med:.3f} ms per answer")
    n_med, _ = _summary(bare_play)
    p_med, p_p99 = _summary(store_play)
    print("Playing the seed bank, PlaySession.answer (check + save of attempt and snapshot):")
    print(f"  without a store: median {n_med:.3f} ms;  with the store: median {p_med:.3f} ms "
          f"(p99 {p_p99:.3f} ms)")
    print(f"  the store adds {p_med - n_med:.3f} ms per answer")


if __name__ == "__main__":
    main()
