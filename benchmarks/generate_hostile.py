"""How long ``quiz generate`` takes on hostile article text, beside ordinary prose.

Usage: ``python benchmarks/generate_hostile.py [--chars N] [--runs R]``

Each hostile shape (one huge "sentence" of a single character, a name said thousands of
times, a list of years, ...) is built at about N characters and timed (median of R runs);
the reference is a corpus article repeated to the same length, timed the same way in the
same run. The ratio says how much worse than ordinary text of that size each shape is.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from quiz.bank.article import parse_article  # noqa: E402
from quiz.generate.pipeline import generate  # noqa: E402
from tests.generate_hostile import hostile_article, hostile_bodies  # noqa: E402


def _median_seconds(text: str, runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        generate(parse_article(text, "article.txt"))
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--chars", type=int, default=20000, help="size of each hostile body")
    ap.add_argument("--runs", type=int, default=3, help="timing runs per shape")
    args = ap.parse_args()
    prose = (HERE.parent / "tests" / "corpus" / "hobart.txt").read_text(encoding="utf-8")
    body = prose.split("\n\n", 1)[1]
    ordinary = "= Hobart =\n\n" + "\n\n".join([body] * (args.chars // len(body) + 1))
    reference = _median_seconds(ordinary, args.runs)
    print(f"reference: ordinary prose, {len(ordinary):,} characters: {reference:.2f} s")
    for name, hostile in hostile_bodies(args.chars).items():
        seconds = _median_seconds(hostile_article(hostile), args.runs)
        print(f"{name:16s} {len(hostile):7,} characters: {seconds:6.2f} s "
              f"({seconds / reference:.1f}x the reference)")


if __name__ == "__main__":
    main()
