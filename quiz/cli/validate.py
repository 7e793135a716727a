"""``quiz validate PATH...``: the argument parser and the hand-over to the bank checker.

``quiz.cli.main`` imports this module at every start, so only the standard
library is imported at module level.
"""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    v = subparsers.add_parser(
        "validate", help="check bank files like a compiler",
        description="Check banks (bank.yaml files, bank folders or folders of banks) and print "
        "every problem as file:line:col: error: message.",
    )
    v.add_argument("paths", nargs="+", metavar="PATH", help="bank.yaml, a bank folder, or a "
                   "folder of banks")
    v.add_argument("--json", action="store_true", help="print a JSON report instead of text")
    v.add_argument("--no-cache", action="store_true", help="parse every bank afresh")
    v.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from quiz.bank.validate import ValidateRequest
    from quiz.bank.validate import run as check

    return check(ValidateRequest(paths=tuple(args.paths), json=args.json,
                               use_cache=not args.no_cache))
