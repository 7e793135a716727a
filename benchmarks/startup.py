"""Time to first screen of ``quiz`` against a minimal Textual app, and peak memory.

Each run is a fresh interpreter, started by this script, that runs an app
headless and exits as soon as its first screen is up; the parent times it
from spawn to the child's "ready" line. Both apps are measured the same way
in the same run, alternating, so the machine's mood affects both alike.

    python benchmarks/startup.py [--runs N]

Prints the median seconds and peak RSS of each, the CPU seconds used by then,
and the ratios of quiz's first frame and of its bank list (the first screen a
player can act on) to the hello world's first frame (target <= 1.3 for both).
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


def child(kind: str) -> None:
    """Run one app headless until its first screen shows, then report and exit.

    Prints a JSON line when the first screen is drawn and, for quiz, another
    when the picker has listed the banks (found after the first frame).
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
        await pilot.pause()
        report("complete")
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
    if proc.wait() != 0 or "complete" not in out:
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
        first = [r["first"] for r in runs[kind]]
        print(f"{kind:>5}: first screen median {median(kind, 'first'):.3f} s "
              f"(min {min(first):.3f}, max {max(first):.3f}), peak RSS {peak(kind):.1f} MiB")
    listed = [r["complete"] for r in runs["quiz"]]
    print(f" quiz: banks listed median {median('quiz', 'complete'):.3f} s "
          f"(min {min(listed):.3f}, max {max(listed):.3f})")

    # CPU seconds (all threads) at each event: steadier than the clock on a busy machine.
    cpu_hello, cpu_first = median("hello", "cpu_first"), median("quiz", "cpu_first")
    cpu_listed = median("quiz", "cpu_complete")
    print(f"  cpu: hello first screen {cpu_hello:.3f} s, quiz first screen {cpu_first:.3f} s, "
          f"banks listed {cpu_listed:.3f} s (ratios {cpu_first / cpu_hello:.2f} and "
          f"{cpu_listed / cpu_hello:.2f})")

    def verdict(ratio: float) -> str:
        return "ok" if ratio <= TARGET else "over target"

    # The bank list is the first screen a player can act on: it is held to the target too.
    first = median("quiz", "first") / median("hello", "first")
    usable = median("quiz", "complete") / median("hello", "first")
    print(f"ratio quiz/hello to first screen: {first:.2f} ({verdict(first)}); "
          f"to banks listed: {usable:.2f} ({verdict(usable)}); target <= {TARGET}; "
          f"memory {peak('quiz') / peak('hello'):.2f}x; {opts.runs} runs each")
    return 0


if __name__ == "__main__":
    sys.exit(main())
