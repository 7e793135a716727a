"""Load time of a 10,000-question bank: cold (parse + check), warm (cache), raw PyYAML.

Run:  python benchmarks/bank_load.py [--questions N] [--repeat R]

Prints medians of R runs and the ratios the targets are stated in:
cold <= 1.2x raw ``yaml.load(..., CSafeLoader)``, warm <= 0.1 s.
"""

from __future__ import annotations

import argparse
import gc
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quiz.bank.article import load_article  # noqa: E402
from quiz.bank.model import Bank, Evidence, Question, Source  # noqa: E402

ARTICLE = ROOT / "questions" / "inter-korean-liaison-office" / "article.txt"


def synthetic_bank(n: int, folder: Path) -> Path:
    """A valid bank of ``n`` questions grounded in the seed article (quotes are whole
    sentences, each occurring once; answers are words of their sentence)."""
    from quiz.bank.dump import dump_bank

    article = load_article(ARTICLE)
    sentences = [s for s in article.sentences
                 if len(s.text.split()) >= 6 and article.text.count(s.text) == 1]
    questions = []
    for i in range(n):
        s = sentences[i % len(sentences)]
        words = [w.strip(".,()\"'") for w in s.text.split()]
        word = max(words, key=len)
        kind = ("text", "choice", "truefalse", "multi")[i % 4]
        others = [w for w in words if w and w != word][:3] or ["alpha", "beta", "gamma"]
        q = Question(
            id=f"q{i:05d}", type=kind,
            prompt=f"Q{i}: the longest word of '{' '.join(words[:3])}...'?",
            answer=word, evidence=[Evidence(quote=s.text)],
            hints=["It is in the article.", f"It has {len(word)} letters."],
            explanation=f"See sentence {i % len(sentences)}.", difficulty=1 + i % 3,
            tags=["synthetic", f"t{i % 7}"],
        )
        if kind == "choice":
            q.choices = [word, *dict.fromkeys(o for o in others if o.lower() != word.lower())]
        elif kind == "multi":
            q.choices = [word, *dict.fromkeys(o for o in others if o.lower() != word.lower())]
            q.answer = [word]
        elif kind == "truefalse":
            q.answer = bool(i % 2)
        questions.append(q)
    bank = Bank(id="bench", title="Benchmark bank", source=Source("article.txt", "Seed"),
                questions=questions, path=folder / "bank.yaml")
    shutil.copy(ARTICLE, folder / "article.txt")
    dump_bank(bank, folder / "bank.yaml")
    return folder / "bank.yaml"


def timed(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def _without_gc(fn) -> None:
    gc.disable()
    try:
        fn()
    finally:
        gc.enable()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--questions", type=int, default=10_000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        os.environ["QUIZ_HOME"] = str(Path(tmp) / "home")
        from quiz.bank import load as bank_mod

        folder = Path(tmp) / "bench"
        folder.mkdir()
        path = synthetic_bank(args.questions, folder)
        text = path.read_text(encoding="utf-8")
        size = path.stat().st_size
        cache = Path(tmp) / "home" / "cache"

        raw, raw_nogc, cold, warm = [], [], [], []
        for _ in range(args.repeat):
            raw.append(timed(lambda: yaml.load(text, Loader=yaml.CSafeLoader)))
            raw_nogc.append(timed(lambda: _without_gc(
                lambda: yaml.load(text, Loader=yaml.CSafeLoader))))
            shutil.rmtree(cache, ignore_errors=True)
            cold.append(timed(lambda: bank_mod.load_bank(path)))
            warm.append(timed(lambda: bank_mod.load_bank(path)))
        b = bank_mod.load_bank(path)
        assert len(b.questions) == args.questions

    r, rn, c, w = (statistics.median(x) for x in (raw, raw_nogc, cold, warm))
    print(f"bank: {args.questions} questions, {size / 2**20:.2f} MiB, median of {args.repeat}")
    print(f"raw yaml.load(CSafeLoader): {r:7.3f} s")
    print(f"  the same, gc paused:      {rn:7.3f} s   (load_bank pauses gc too; "
          f"cold ratio to this {c / rn:5.2f})")
    print(f"cold load_bank (no cache):  {c:7.3f} s   ratio to raw {c / r:5.2f}  (target <= 1.2)")
    print(f"warm load_bank (cached):    {w:7.3f} s   ratio to raw {w / r:5.3f}  (target <= 0.1 s)")


if __name__ == "__main__":
    main()
