"""The long run of the import fuzzer: random pieces of every format through each importer.

Run:  python benchmarks/fuzz_interop.py [--cases 20000] [--seed N]

Prints, per importer, the cases run, the crashes (any exception other than the
importer's own refusal, with the input that caused the first) and the slowest
case. Exits 1 on a crash.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quiz.interop.aiken import read_aiken  # noqa: E402
from quiz.interop.gift import read_gift  # noqa: E402
from quiz.interop.model import ImportFailed  # noqa: E402
from quiz.interop.moodlexml import read_moodle_xml  # noqa: E402
from quiz.interop.table import read_anki_text, read_csv  # noqa: E402
from tests.interopfuzz import noise  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", type=int, default=20_000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    readers = {
        "gift": lambda t: read_gift(t, "fuzz"), "aiken": lambda t: read_aiken(t, "fuzz"),
        "csv": lambda t: read_csv(t, "fuzz"), "anki-text": lambda t: read_anki_text(t, "fuzz"),
        "moodle-xml": lambda t: read_moodle_xml(f"<quiz>{t}</quiz>".encode(
            "utf-8", "surrogatepass"), "fuzz"),
    }
    failed = False
    for name, read in readers.items():
        rng = random.Random(args.seed)
        crashes, slowest, worst = 0, 0.0, ""
        first = None
        for _ in range(args.cases):
            text = noise(rng)
            started = time.perf_counter()
            try:
                read(text)
            except ImportFailed:
                pass
            except Exception as exc:  # what the fuzzer is looking for
                crashes += 1
                first = first or (text, repr(exc))
            took = time.perf_counter() - started
            if took > slowest:
                slowest, worst = took, text
        print(f"{name:11} cases {args.cases}  crashes {crashes}  slowest "
              f"{slowest * 1000:.1f} ms ({len(worst)} chars)")
        if first:
            print(f"  first crash: {first[1]} on {first[0]!r}")
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
