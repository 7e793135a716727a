"""``quiz validate`` and ``quiz lint``: the argument parsers and the hand-over to the bank checks.

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

    lint = subparsers.add_parser(
        "lint", help="warn about questions that give themselves away or are unfair",
        description="Check banks that load for what a careful teacher would catch: an answer "
        "shown by another question or by a hint, hints out of order or naming what the article "
        "does not, an order the evidence does not prove, a prompt in another unit, a tolerance "
        "wider than the article's precision, a distractor the article states. Each warning "
        "reads file:line:col: warning: question 'ID': message [CODE name].",
        epilog="Exit codes: 0 no errors (warnings alone do not fail unless --strict), "
        "1 a bank does not load, or --strict and a warning.",
    )
    lint.add_argument("paths", nargs="+", metavar="PATH", help="bank.yaml, a bank folder, or a "
                      "folder of banks")
    lint.add_argument("--strict", action="store_true", help="treat warnings as errors (exit 1), "
                      "for CI")
    lint.add_argument("--json", action="store_true", help="print a JSON report instead of text")
    lint.set_defaults(handler=run_lint)


def run(args: argparse.Namespace) -> int:
    from quiz.bank.validate import ValidateRequest
    from quiz.bank.validate import run as check

    return check(ValidateRequest(paths=tuple(args.paths), json=args.json,
                               use_cache=not args.no_cache))


def run_lint(args: argparse.Namespace) -> int:
    from quiz.bank.validate import LintRequest, lint

    return lint(LintRequest(paths=tuple(args.paths), strict=args.strict, json=args.json))
