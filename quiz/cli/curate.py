"""``quiz curate BANK``: the argument parser and the hand-over to the curation app.

``quiz.cli.main`` imports this module at every start, so it imports only the
standard library at module level; the loader and Textual come in when the
command runs.
"""

from __future__ import annotations

import argparse
import sys


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "curate", help="review drafts: approve, reject or edit questions",
        description="Review a bank's questions beside the passages that prove them: approve, "
        "reject or return them to draft, and edit prompt, answer, choices, hints and "
        "explanation with live checks against the article. Every change is saved at once, "
        "atomically; ids and order are kept, and lines you did not change stay as you wrote "
        "them. BANK is a bank folder, its bank.yaml, or the id of a bundled bank.",
        epilog="Keys: a approve, r reject, d draft, e edit, u undo, f filter, v article, "
        "? help, q quit. Only approved questions are played; `quiz play BANK "
        "--include-drafts` tries the drafts too.",
    )
    p.add_argument("bank", metavar="BANK", help="bank folder, bank.yaml, or bundled bank id")
    p.add_argument("--include-rejected", action="store_true",
                   help="also list questions that were rejected before (hidden by default; "
                   "the f filter shows them either way)")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from quiz.bank.catalog import open_for_command
    from quiz.bank.curation import Curation

    curation = open_for_command("curate", args.bank, getattr(args, "banks", []) or [],
                                Curation.open)
    if curation is None:
        return 1
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        print("quiz curate: error: needs an interactive terminal (it is a full-screen app)",
              file=sys.stderr)
        return 1
    from quiz.tui.curate.app import run_curate

    return run_curate(curation, include_rejected=args.include_rejected)
