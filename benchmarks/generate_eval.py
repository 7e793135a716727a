"""Evaluate ``quiz generate`` on articles: figures per article and per set, and judging sheets.

Run:  python benchmarks/generate_eval.py [ARTICLE.txt | FOLDER | NAME ...] [--sheet DIR]
      [--show] [--all] [--repeat R]

Without arguments it runs on every article of ``tests/corpus/``. A NAME is a
corpus article's file name without ``.txt``. Each article is marked with its
side of the split in ``benchmarks/corpus_split.txt`` (tune: looked at while
tuning; test: held out for blind judging; spent: judged once, then tuned on).
For each article it prints: words, drafts, drafts per 100 words, the automatic
checks (answer not in its passage; answer given away by its prompt, a hint, a
choice or another question's prompt; a distractor the article states as true;
text with a hole in it; the strict loader's verdict; a rerun byte-identical),
the drafts held back below the confidence threshold, and the time (median of R
runs, parsing included) against the budget of 1 s per 1,000 words. Totals follow
per set.

``--sheet DIR`` writes one judging sheet per article (the article, then every
question with its type, choices, answer, accepted forms, hints, explanation and
evidence) for blind review. Question text of test-set articles is printed only
into sheets, never to the terminal (``--show`` skips them).
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
from quiz.bank.dump import dump_bank_text  # noqa: E402
from quiz.bank.load import check_bank  # noqa: E402
from quiz.bank.model import Bank  # noqa: E402
from quiz.generate.audit import audit  # noqa: E402
from quiz.generate.pipeline import generate  # noqa: E402
from quiz.generate.writer import write_bank  # noqa: E402

CORPUS = ROOT / "tests" / "corpus"
SPLIT = ROOT / "benchmarks" / "corpus_split.txt"
BUDGET_MS_PER_1000_WORDS = 1000.0
GIVEN_AWAY = ("answer-in-prompt", "answer-in-hint", "choice-gives-away",
              "answer-in-other-prompt")


def read_split(path: Path = SPLIT) -> dict[str, str]:
    """Article name -> its side: "test", "spent" or "tune"."""
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            side, name = line.split()
            out[name] = side
    return out


def articles(paths: list[str]) -> list[Path]:
    if not paths:
        return sorted(CORPUS.glob("*.txt"))
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if not p.exists() and (CORPUS / f"{raw}.txt").exists():
            p = CORPUS / f"{raw}.txt"
        out.extend(sorted(p.glob("*.txt")) if p.is_dir() else [p])
    return out


def sheet(bank: Bank, article_text: str) -> str:
    """A judging sheet: the article, then the questions numbered, all on one page."""
    lines = [f"# Judging sheet: {bank.title}", "", "## Article", "", article_text.rstrip(), "",
             "## Questions", ""]
    for n, q in enumerate(bank.questions, 1):
        lines.append(f"### {n}. ({q.type})")
        lines.append(f"Prompt: {q.prompt}")
        if q.type == "order":
            lines.append("Items in the right order: " + " | ".join(map(str, q.items)))
        else:
            if q.choices:
                lines.append("Choices: " + " | ".join(q.choices))
            answer = q.answer
            if isinstance(answer, bool):
                answer = "true" if answer else "false"
            elif isinstance(answer, list):
                answer = " | ".join(answer)
            lines.append(f"Answer: {answer}" + (f" {q.unit}" if q.unit else ""))
        if q.accept:
            lines.append("Also accepted: " + " | ".join(q.accept))
        for i, h in enumerate(q.hints, 1):
            lines.append(f"Hint {i}: {h}")
        lines.append(f"Explanation: {q.explanation}")
        for e in q.evidence:
            lines.append(f"Evidence: “{e.quote}”")
        lines.append("")
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="*", help="article files, folders of them, or corpus names")
    ap.add_argument("--sheet", metavar="DIR", help="write one judging sheet per article here")
    ap.add_argument("--show", action="store_true",
                    help="print the questions of tune-set (and other) articles")
    ap.add_argument("--all", action="store_true", help="keep drafts below the threshold")
    ap.add_argument("--repeat", type=int, default=3, help="timing runs per article")
    args = ap.parse_args()
    files = articles(args.paths)
    if not files:
        print("no articles found", file=sys.stderr)
        return 1
    split = read_split()
    load_article(files[0])  # warm the sentence splitter once; it is loaded lazily
    sheets = Path(args.sheet) if args.sheet else None
    if sheets:
        sheets.mkdir(parents=True, exist_ok=True)
    totals: dict[str, Counter[str]] = {}
    per_article_drafts: dict[str, list[int]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for path in files:
            side = split.get(path.stem, "other") if path.parent.resolve() == CORPUS else "other"
            times = []
            for _ in range(max(1, args.repeat)):
                t0 = time.perf_counter()
                article = load_article(path)
                result = generate(article, keep_all=args.all)
                times.append(time.perf_counter() - t0)
            again = generate(load_article(path), keep_all=args.all)
            identical = dump_bank_text(again.bank) == dump_bank_text(result.bank)
            rep = result.report
            out = Path(tmp) / path.stem
            dropped = write_bank(result, path, out)
            loaded, diags = check_bank(out / "bank.yaml", use_cache=False)
            problems = audit(result.bank, article)
            n = len(result.bank.questions)
            per100 = 100 * n / max(1, rep.words)
            seconds = statistics.median(times)
            ms_per_k = seconds * 1000 * 1000 / max(1, rep.words)
            given = sum(problems[k] for k in GIVEN_AWAY)
            print(f"== [{side}] {path.stem}: {rep.words} words, {n} drafts ({per100:.1f} per 100 "
                  f"words; {rep.held_back} held back below the threshold)")
            print(f"   checks: not in passage {problems['answer-not-in-evidence']}, given away "
                  f"{given}, distractor stated true {problems['distractor-stated-in-article']}, "
                  f"broken text {problems['broken-text']}, other "
                  f"{sum(problems.values()) - given - problems['answer-not-in-evidence'] - problems['distractor-stated-in-article'] - problems['broken-text']}"  # noqa: E501
                  f"; loader {'ok' if loaded else f'{len(diags)} errors'}"
                  f"{f' (dropped {len(dropped)})' if dropped else ''}; rerun "
                  f"{'identical' if identical else 'DIFFERENT'}")
            print(f"   time {seconds * 1000:.0f} ms = {ms_per_k:.0f} ms per 1,000 words "
                  f"({ms_per_k / BUDGET_MS_PER_1000_WORDS:.2f} of the budget)")
            if args.show and side != "test":
                for q in result.bank.questions:
                    print(f"   {q.confidence:.2f} [{q.origin.split(':', 1)[1]}/{q.type}] "
                          f"{q.prompt}")
                    extra = f"  choices: {q.choices}" if q.choices else ""
                    print(f"        -> {q.answer!r}{extra}")
            if sheets:
                (sheets / f"{path.stem}.md").write_text(
                    sheet(result.bank, article.text), encoding="utf-8")
            t = totals.setdefault(side, Counter())
            t["articles"] += 1
            t["drafts"] += n
            t["held_back"] += rep.held_back
            t["words"] += rep.words
            t["not_in_passage"] += problems["answer-not-in-evidence"]
            t["given_away"] += given
            t["stated"] += problems["distractor-stated-in-article"]
            t["problems"] += sum(problems.values())
            t["loader_errors"] += len(diags)
            t["not_identical"] += not identical
            t["ms"] += round(seconds * 1000)
            per_article_drafts.setdefault(side, []).append(n)
    for side, t in sorted(totals.items()):
        counts = per_article_drafts[side]
        print(f"== total [{side}]: {t['articles']} articles, {t['drafts']} drafts "
              f"({t['drafts'] / t['articles']:.1f} per article, min {min(counts)}; "
              f"{100 * t['drafts'] / max(1, t['words']):.1f} per 100 words; {t['held_back']} held "
              f"back); not in passage {t['not_in_passage']}, given away {t['given_away']}, "
              f"distractor stated true {t['stated']}, all problems {t['problems']}, loader "
              f"errors {t['loader_errors']}, reruns different {t['not_identical']}; "
              f"{t['ms'] * 1000 / max(1, t['words']):.0f} ms per 1,000 words "
              f"({t['ms'] / max(1, t['words']):.2f} of the budget)")
    if sheets:
        print(f"wrote {len(files)} judging sheets to {sheets}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
