"""``quiz generate ARTICLE.txt``: draft a bank from an article.

Imported at every start of ``quiz`` to register the subcommand, so only the
standard library is imported here; the generator loads inside ``run``.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

_ID_RE = re.compile(r"[a-z0-9][a-z0-9_.-]*")


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "generate", help="draft questions from an article",
        description="Read an article in the seed format and write a bank folder "
        "(bank.yaml plus a byte-for-byte copy of the article) of draft questions, every one "
        "grounded in a quote from the article. Runs offline; the same article always gives "
        "the same bank. Review the drafts (quiz curate) before students see them.",
        epilog="Exit codes: 0 ok, 1 the article or the output folder is unusable, 2 usage.",
    )
    p.add_argument("article", metavar="ARTICLE.txt",
                   help="the source article ('= Title =', optional infobox, '==Sections==')")
    p.add_argument("-o", "--out", metavar="OUT_DIR",
                   help="bank folder to write (default: questions/<slug-of-title>/)")
    p.add_argument("--id", metavar="ID",
                   help="bank id (default: the folder name, or a slug of the title)")
    p.add_argument("--force", action="store_true",
                   help="overwrite an existing bank.yaml; its curated questions are lost")
    p.add_argument("--url", metavar="URL", help="where the article comes from, recorded as "
                   "source.url")
    p.add_argument("--license", metavar="LICENSE", help="the article's licence, recorded as "
                   "source.license (e.g. 'CC BY-SA 4.0')")
    p.set_defaults(handler=run)


def _fail(message: str, code: int = 1) -> int:
    print(f"quiz generate: error: {message}", file=sys.stderr)
    return code


def run(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    from quiz.bank.article import ArticleError, load_article

    source = Path(args.article)
    if not source.is_file():
        what = "is a folder, not an article file" if source.is_dir() else "no such file"
        return _fail(f"{source}: {what}")
    try:
        article = load_article(source)
    except ArticleError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    except OSError as exc:
        return _fail(f"{source}: cannot read it ({exc.strerror})")

    from quiz.generate.text import slugify

    out = Path(args.out) if args.out else Path("questions") / slugify(article.title)
    bank_id = args.id or (slugify(out.name) if args.out else slugify(article.title))
    if not _ID_RE.fullmatch(bank_id):
        return _fail(f"bank id {bank_id!r} must be lowercase letters, digits and -_.", 2)
    target = out / "bank.yaml"
    if target.exists() and not args.force:
        return _fail(f"{target} already exists; curated questions in it would be lost. "
                     "Choose another folder with -o, or pass --force to overwrite it")
    if out.exists() and not out.is_dir():
        return _fail(f"{out} exists and is not a folder")

    from quiz.generate.pipeline import generate
    from quiz.generate.writer import write_bank

    result = generate(article, bank_id=bank_id, path=out, url=args.url, license=args.license)
    try:
        dropped = write_bank(result, source, out)
    except OSError as exc:
        return _fail(f"cannot write {out}: {exc.strerror or exc}")
    bank = result.bank
    counts: dict[str, int] = {}
    for q in bank.questions:
        counts[q.type] = counts.get(q.type, 0) + 1
    mix = ", ".join(f"{n} {t}" for t, n in sorted(counts.items(), key=lambda kv: -kv[1]))
    note = f"; {len(dropped)} dropped by validation" if dropped else ""
    print(f"wrote {len(bank.questions)} draft questions to {target} ({mix or 'none'}) "
          f"in {time.perf_counter() - started:.2f} s{note}")
    return 0
