"""``quiz rebase`` and ``quiz ground``: re-anchor quotes in a revised article, find missing ones.

Imported at every start of ``quiz`` to register the subcommands, so only the
standard library is imported here; the bank code loads when a command runs.
"""

from __future__ import annotations

import argparse
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    r = subparsers.add_parser(
        "rebase", help="move a bank's quotes to a revised article",
        description="Find every evidence quote of BANK again in NEW_ARTICLE (exactly, then "
        "ignoring case, punctuation and spacing, then fuzzily) and print the plan: which "
        "questions are unchanged, moved, reworded, changed (a number, name, date or negation "
        "in the passage differs: back to draft with a note) or gone (back to draft, the quote "
        "removed). Nothing is written unless --write is given; then the bank is updated in "
        "place (untouched questions stay byte for byte) and NEW_ARTICLE becomes the bank's "
        "article. Ids and answers never change, so players' progress is kept.",
        epilog="Exit codes: 0 ok, 1 the bank, the article or the result is unusable, 2 usage.",
    )
    r.add_argument("bank", metavar="BANK", help="a bank folder or its bank.yaml")
    r.add_argument("article", metavar="NEW_ARTICLE.txt", help="the revised article")
    r.add_argument("--write", action="store_true",
                   help="apply the plan: write bank.yaml and replace the article "
                   "(default: a dry run that only prints the plan)")
    r.set_defaults(handler=run_rebase)

    g = subparsers.add_parser(
        "ground", help="find the passages that prove questions without evidence",
        description="For every question of BANK without evidence (imported questions, or "
        "ones whose passage a rebase removed), find the sentence or infobox line of the "
        "article that proves its answer and write it as the question's evidence. Grounded "
        "questions stay drafts, with a note after their status, for a curator to check and "
        "approve (quiz curate); those it cannot ground are listed. Questions that have "
        "evidence are not touched.",
        epilog="Exit codes: 0 ok, 1 the bank, the article or the result is unusable, 2 usage.",
    )
    g.add_argument("bank", metavar="BANK", help="a bank folder or its bank.yaml")
    g.add_argument("article", metavar="ARTICLE.txt", nargs="?",
                   help="the article to ground in, copied into the bank folder (default: the "
                   "bank's own article)")
    g.add_argument("--dry-run", action="store_true",
                   help="print what would be grounded and write nothing")
    g.set_defaults(handler=run_ground)


def run_rebase(args: argparse.Namespace) -> int:
    from quiz.bank.anchorcmd import RebaseRequest
    from quiz.bank.anchorcmd import run_rebase as run

    return run(RebaseRequest(bank=Path(args.bank), article=Path(args.article), write=args.write))


def run_ground(args: argparse.Namespace) -> int:
    from quiz.bank.anchorcmd import GroundRequest
    from quiz.bank.anchorcmd import run_ground as run

    return run(GroundRequest(bank=Path(args.bank),
                             article=Path(args.article) if args.article else None,
                             dry_run=args.dry_run))
