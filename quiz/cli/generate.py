"""``quiz generate ARTICLE.txt``: draft a bank from an article.

Imported at every start of ``quiz`` to register the subcommand, so only the
standard library is imported here; the generator loads when the command runs.
"""

from __future__ import annotations

import argparse
from pathlib import Path


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
    p.add_argument("--all", action="store_true",
                   help="also write drafts below the confidence threshold (each draft records "
                   "its confidence; quiz curate lists the surest first)")
    p.add_argument("--threshold", type=float, default=None, metavar="0..1",
                   help="the lowest confidence written without --all (default 0.6)")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from quiz.generate.command import GenerateRequest, generate_bank

    return generate_bank(GenerateRequest(
        article=Path(args.article), out=Path(args.out) if args.out else None,
        bank_id=args.id, force=args.force, url=args.url, license=args.license,
        keep_all=args.all, threshold=args.threshold))
