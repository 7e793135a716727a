"""Time to first screen of ``quiz`` against a minimal Textual app, and peak memory.

Each run is a fresh interpreter, started by this script, that runs an app
headless and exits as soon as its first screen is up; the parent times it
from spawn to the child's "ready" line. Both apps are measured the same way
in the same run, alternating, so the machine's mood affects both alike.

    python benchmarks/startup.py [--runs N]

Three moments are timed: the first frame drawn; for quiz, the bank list
drawn (the first screen a player can act on); and, for both apps, "settled":
when Textual finds the process idle afterwards (its own idle test sleeps at
least 20 ms, so settled is compared with the hello world's settled, not with
its first frame). Prints the median seconds and peak RSS of each, the CPU
seconds used by then, and the ratios to the hello world (target <= 1.3).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = 1.3
WORDS = {"first": "first frame", "listed": "bank list", "settled": "settled"}


def child(kind: str) -> None:
    """Run one app headless until its first screen shows, then report and exit.

    Prints a JSON line when the first screen is drawn, one when the picker's
    bank list is drawn (the hello world has no list: the same moment), and one
    when the app has settled.
    """
    if kind == "hello":
        from textual.app import App, ComposeResult
        from textual.widgets import Static

        class Hello(App[None]):
            def compose(self) -> ComposeResult:
                yield Static("Hello, world")

        app = Hello()

        def first_screen() -> bool:
            return bool(app.screen.query(Static))

        def complete() -> bool:
            return True
    else:
        # The path plain ``quiz`` takes: the command line, the progress store, the app.
        from quiz.cli.main import build_parser

        args = build_parser().parse_args([])
        from quiz.tui.solo.app import create_app, open_store

        app = create_app(extra_paths=args.banks, open_store=open_store)

        def first_screen() -> bool:
            from quiz.tui.solo.picker import PickerScreen

            return isinstance(app.screen, PickerScreen) and app.screen.is_mounted

        def complete() -> bool:
            return bool(getattr(app.screen, "entries", None))

    def report(event: str) -> None:
        rss_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(json.dumps({"event": event, "rss_mib": rss_kib / 1024,
                          "cpu": time.process_time()}), flush=True)

    async def auto_pilot(pilot) -> None:
        import asyncio

        # Poll without waiting for idle, so work the app defers past its first
        # frame is not counted as part of that frame.
        while not first_screen():
            await asyncio.sleep(0.001)
        drawn = asyncio.Event()
        app.screen.call_after_refresh(drawn.set)
        await drawn.wait()
        report("first")
        while not complete():
            await asyncio.sleep(0.001)
        listed = asyncio.Event()
        app.screen.call_after_refresh(listed.set)
        await listed.wait()
        report("listed")
        await pilot.pause()
        report("settled")
        app.exit()

    app.run(headless=True, auto_pilot=auto_pilot)


def one_run(kind: str, env: dict[str, str]) -> dict[str, float]:
    """Seconds from spawn to each event the child reports, and its peak RSS in MiB."""
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, __file__, "--child", kind], stdout=subprocess.PIPE,
                            text=True, env=env, cwd=tempfile.gettempdir())
    assert proc.stdout is not None
    out: dict[str, float] = {}
    for line in proc.stdout:
        if line.startswith("{"):
            data = json.loads(line)
            out[data["event"]] = time.perf_counter() - t0
            out[f"cpu_{data['event']}"] = data["cpu"]
            out["rss"] = data["rss_mib"]
    if proc.wait() != 0 or "settled" not in out:
        raise SystemExit(f"the {kind} child failed (exit {proc.returncode})")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--child", choices=("hello", "quiz"), help=argparse.SUPPRESS)
    opts = parser.parse_args()
    if opts.child:
        child(opts.child)
        return 0
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "QUIZ_HOME": home,
               "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
        # An installed quiz is compiled at install time, as Textual is: let the warm-up
        # write quiz's .pyc files too, or every run would recompile quiz alone.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        for kind in ("hello", "quiz"):  # warm-up: disk cache, bank cache, .pyc files
            one_run(kind, env)
        runs: dict[str, list[dict[str, float]]] = {"hello": [], "quiz": []}
        for _ in range(opts.runs):
            for kind in ("hello", "quiz"):
                runs[kind].append(one_run(kind, env))

    def median(kind: str, key: str) -> float:
        return statistics.median(r[key] for r in runs[kind])

    def peak(kind: str) -> float:
        return max(r["rss"] for r in runs[kind])

    for kind in ("hello", "quiz"):
        for event in ("first", "listed", "settled") if kind == "quiz" else ("first", "settled"):
            times = [r[event] for r in runs[kind]]
            print(f"{kind:>5}: {WORDS[event]:<13} median {median(kind, event):.3f} s "
                  f"(min {min(times):.3f}, max {max(times):.3f})")
        print(f"{kind:>5}: peak RSS {peak(kind):.1f} MiB")

    # CPU seconds (all threads) at each event: steadier than the clock on a busy machine.
    cpu_hello = median("hello", "cpu_first")
    print("  cpu: hello first frame {:.3f} s; quiz first frame {:.3f} s, bank list {:.3f} s "
          "(ratios {:.2f}, {:.2f})".format(
              cpu_hello, median("quiz", "cpu_first"), median("quiz", "cpu_listed"),
              median("quiz", "cpu_first") / cpu_hello, median("quiz", "cpu_listed") / cpu_hello))

    def verdict(ratio: float) -> str:
        return "ok" if ratio <= TARGET else "over target"

    # The bank list is the first screen a player can act on: it is held to the target too.
    hello_first = median("hello", "first")
    first = median("quiz", "first") / hello_first
    usable = median("quiz", "listed") / hello_first
    settled = median("quiz", "settled") / median("hello", "settled")
    print(f"ratio quiz/hello: first frame {first:.2f} ({verdict(first)}); bank list "
          f"{usable:.2f} ({verdict(usable)}); settled {settled:.2f} ({verdict(settled)}); "
          f"target <= {TARGET}; memory {peak('quiz') / peak('hello'):.2f}x; {opts.runs} runs each")
    return 0


if __name__ == "__main__":
    sys.exit(main())
