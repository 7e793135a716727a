"""The long run of the bank fuzzer: mutated copies of the seed bank through the loader.

Run:  python benchmarks/fuzz_banks.py [--cases 100000] [--seed N] [--out FOLDER]

Prints the cases run, the crashes (any exception; each reproducer is saved in
FOLDER), the hangs (a case over 5 s) and the slowest case. Exits 1 on a crash
or a hang.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests import bankfuzz  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", type=Path, default=None,
                    help="where reproducers go (default: a new temporary folder)")
    args = ap.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="fuzz-banks-"))
    out.mkdir(parents=True, exist_ok=True)
    bank = bankfuzz.prepare(Path(tempfile.mkdtemp(prefix="fuzz-case-")))
    bankfuzz.memoise_articles()
    started = time.perf_counter()

    def progress(n: int, tally: bankfuzz.Tally) -> None:
        if (n + 1) % 10_000 == 0:
            print(f"  {n + 1} cases, {len(tally.crashes)} crashes, {len(tally.hangs)} hangs "
                  f"({time.perf_counter() - started:.0f} s)", flush=True)

    tally = bankfuzz.run(args.cases, args.seed, bank, progress)
    for n, data, error in tally.crashes:
        (out / f"crash-{n}.yaml").write_bytes(data)
        (out / f"crash-{n}.txt").write_text(error, encoding="utf-8")
    for n, data, _ in tally.hangs:
        (out / f"hang-{n}.yaml").write_bytes(data)
    kinds: dict[str, int] = {}
    for _, _, error in tally.crashes:
        last = error.strip().splitlines()[-1]
        kinds[last[:100]] = kinds.get(last[:100], 0) + 1
    seconds, n, names = tally.slowest
    print(f"seed {args.seed}: {tally.cases} cases in {time.perf_counter() - started:.0f} s")
    print(f"crashes: {len(tally.crashes)}" + (f" (reproducers in {out})" if tally.crashes else ""))
    for kind, count in sorted(kinds.items(), key=lambda kv: -kv[1]):
        print(f"  {count:6d}  {kind}")
    print(f"hangs (> {bankfuzz.HANG_SECONDS:.0f} s): {len(tally.hangs)}")
    print(f"slowest case: #{n}, {seconds:.3f} s ({' + '.join(names)})")
    return 1 if tally.crashes or tally.hangs else 0


if __name__ == "__main__":
    sys.exit(main())
