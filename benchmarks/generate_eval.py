"""Evaluate ``quiz generate`` on a set of articles and print figures per article.

Run:  python benchmarks/generate_eval.py [ARTICLE.txt | FOLDER ...] [--show] [--repeat R]

Without arguments it runs on the articles of the bundled banks. For each
article: words, questions per rule and per type, questions per 100 words of
prose against the target (1.5 per 100 words plus one per typed infobox
field), typed infobox fields covered, filter rejections by reason, the share
of choice questions with three distractors of the answer's kind, the audit of
the written bank (answers not in evidence, answers leaked in the prompt,
distractors equal to the answer: all must be 0), whether the strict loader
accepts it, and the generation time (median of R runs, parsing included).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quiz.bank.article import load_article  # noqa: E402
from quiz.bank.load import check_bank  # noqa: E402
from quiz.generate.audit import audit  # noqa: E402
from quiz.generate.pipeline import generate  # noqa: E402
from quiz.generate.writer import write_bank  # noqa: E402
from quiz.paths import bundled_banks_dir  # noqa: E402


def articles(paths: list[str]) -> list[Path]:
    if not paths:
        return sorted(bundled_banks_dir().glob("*/article.txt"))
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        out.extend(sorted(p.glob("*.txt")) if p.is_dir() else [p])
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="*", help="article files or folders of them")
    ap.add_argument("--show", action="store_true", help="print every generated question")
    ap.add_argument("--repeat", type=int, default=3, help="timing runs per article")
    args = ap.parse_args()
    files = articles(args.paths)
    if not files:
        print("no articles found", file=sys.stderr)
        return 1
    load_article(files[0])  # warm the sentence splitter once; it is loaded lazily
    totals: Counter[str] = Counter()
    with tempfile.TemporaryDirectory() as tmp:
        for path in files:
            times = []
            for _ in range(max(1, args.repeat)):
                t0 = time.perf_counter()
                article = load_article(path)
                result = generate(article)
                times.append(time.perf_counter() - t0)
            rep = result.report
            out = Path(tmp) / path.stem
            dropped = write_bank(result, path, out)
            loaded, diags = check_bank(out / "bank.yaml", use_cache=False)
            problems = audit(result.bank)
            n = len(result.bank.questions)
            per100 = 100 * n / max(1, rep.prose_words)
            seconds = statistics.median(times)
            same_kind = (f"{rep.choice_same_kind}/{rep.choice_questions}"
                         if rep.choice_questions else "-")
            print(f"== {path.name}: {rep.title}")
            print(f"   words {rep.words} (prose {rep.prose_words}), questions {n} "
                  f"({per100:.1f} per 100 prose words; target {rep.target:.1f} -> "
                  f"{'met' if n >= rep.target else 'NOT met'})")
            print(f"   typed infobox fields covered {rep.fields_covered}/{rep.typed_fields}")
            print(f"   per type: {_fmt(rep.per_type)}")
            print(f"   per rule: {_fmt(rep.per_rule)}")
            print(f"   rejections: {_fmt(rep.rejections)}")
            print(f"   choice with 3 same-kind distractors: {same_kind}")
            print(f"   audit: {_fmt(problems) or 'clean'}; loader: "
                  f"{'ok' if loaded else f'{len(diags)} errors'}"
                  + (f"; dropped {len(dropped)}" if dropped else ""))
            per_k = seconds * 1000 * 1000 / max(1, rep.words)
            print(f"   time {seconds * 1000:.0f} ms ({per_k:.0f} ms per 1,000 words)")
            if args.show:
                for q in result.bank.questions:
                    print(f"   [{q.origin.split(':', 1)[1]}/{q.type}] {q.prompt}")
                    extra = f"  choices: {q.choices}" if q.choices else ""
                    print(f"        -> {q.answer!r}{extra}")
            totals["articles"] += 1
            totals["questions"] += n
            totals["target"] += round(rep.target)
            totals["met"] += n >= rep.target
            totals["choice"] += rep.choice_questions
            totals["choice_same_kind"] += rep.choice_same_kind
            totals["violations"] += sum(problems.values())
            totals["loader_errors"] += len(diags)
            totals["ms"] += round(seconds * 1000)
            totals["words"] += rep.words
    share = (100 * totals["choice_same_kind"] / totals["choice"]) if totals["choice"] else 0.0
    print(f"== total: {totals['articles']} articles, {totals['questions']} questions "
          f"(target {totals['target']}; met on {totals['met']}/{totals['articles']}), "
          f"choice with 3 same-kind distractors {share:.0f}%, audit violations "
          f"{totals['violations']}, loader errors {totals['loader_errors']}, "
          f"{totals['ms'] * 1000 / max(1, totals['words']):.0f} ms per 1,000 words")
    return 0


def _fmt(counter: Counter[str]) -> str:
    return ", ".join(f"{k} {v}" for k, v in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])))


if __name__ == "__main__":
    sys.exit(main())
