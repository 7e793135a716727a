"""Fuzzy quote finding: rapidfuzz's partial_ratio against difflib doing the same search.

Every evidence quote of the seed bank is looked for fuzzily in every paragraph of the
revised seed article, once with each library; prints the time of each and the ratio.
Run: python benchmarks/anchor_fuzzy.py
"""

from __future__ import annotations

import difflib
import time
from pathlib import Path

from quiz.bank.anchor import Anchors, fold_text
from quiz.bank.article import load_article
from quiz.bank.load import load_bank

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "questions" / "inter-korean-liaison-office"
REVISED = ROOT / "tests" / "rebase" / "inter-korean-liaison-office-revised.txt"


def difflib_best(needle: str, hay: str) -> float:
    """partial_ratio done with difflib: the best window of len(needle) around each block."""
    best = 0.0
    sm = difflib.SequenceMatcher(None, needle, hay, autojunk=False)
    for block in sm.get_matching_blocks():
        start = max(0, block.b - block.a)
        window = hay[start:start + len(needle)]
        best = max(best, 100 * difflib.SequenceMatcher(None, needle, window,
                                                      autojunk=False).ratio())
    return best


def main() -> None:
    quotes = [e.quote for q in load_bank(SEED).questions for e in q.evidence]
    anchors = Anchors(load_article(REVISED))
    blocks = [fold_text(p.text) for p in anchors.article.paragraphs]
    t0 = time.perf_counter()
    for q in quotes:
        anchors.fuzzy(q)
    rf = time.perf_counter() - t0
    t0 = time.perf_counter()
    for q in quotes:
        needle = fold_text(q)
        for b in blocks:
            difflib_best(needle, b)
    dl = time.perf_counter() - t0
    print(f"{len(quotes)} quotes x {len(blocks)} paragraphs")
    print(f"rapidfuzz partial_ratio: {rf * 1000:.1f} ms")
    print(f"difflib equivalent:      {dl * 1000:.1f} ms  ({dl / rf:.0f}x slower)")


if __name__ == "__main__":
    main()
