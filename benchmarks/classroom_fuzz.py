"""The long run of the protocol fuzzer: hostile frames against a real host on 127.0.0.1.

Run:  python benchmarks/classroom_fuzz.py [--frames 10000] [--seed N] [--workers 8]

Prints the frames sent, the host's replies by kind, the reconnects, the
tracebacks and errors the host logged (must be 0) and whether the room still
plays afterwards. Exits 1 on any logged problem or if the room stopped working.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quiz.classroom.room import RoomSettings  # noqa: E402
from quiz.classroom.server import Limits  # noqa: E402
from tests import classroom_fuzz  # noqa: E402
from tests.classroom_host import LiveHost  # noqa: E402

BANK = ROOT / "questions" / "inter-korean-liaison-office"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--frames", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--workers", type=int, default=8, help="connections sending at once")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        # No flood guard: every frame must reach the parser (the guard has its own tests).
        live = LiveHost(BANK, Path(tmp) / "progress.db", limit=3,
                        settings=RoomSettings(shuffle=False, max_players=2000),
                        limits=Limits(per_address=0, joins_per_minute=0, wrong_codes_per_minute=0,
                                      rate=1e6, burst=10**6))
        playable = False
        try:
            live.call(live.server.next_question)
            started = time.perf_counter()
            tally = asyncio.run(classroom_fuzz.fuzz(live, args.frames, args.seed,
                                                    args.workers))
            took = time.perf_counter() - started
            try:
                asyncio.run(classroom_fuzz.still_plays(live))
                playable = True
            except (AssertionError, TimeoutError) as exc:
                print(f"the room stopped working: {exc!r}")
        finally:
            live.stop()
        problems = live.problems()
    replies = ", ".join(f"{k} {v}" for k, v in sorted(tally.replies.items()))
    print(f"{tally.sent} frames in {took:.1f} s ({tally.sent / took:.0f}/s), "
          f"{tally.reconnects} reconnects, seed {args.seed}")
    print(f"replies: {replies}")
    print(f"tracebacks and errors in the host's log: {len(problems)}")
    for p in problems[:5]:
        print(f"  {p}")
    print(f"room still playable afterwards: {'yes' if playable else 'NO'}")
    return 0 if playable and not problems else 1


if __name__ == "__main__":
    sys.exit(main())
