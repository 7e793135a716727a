"""The ``quiz`` command line.

Every subcommand's module registers its own parser and imports only the
standard library at module level: what a command needs is imported when it
runs, so ``quiz --help`` and ``quiz validate`` never import Textual.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from quiz import __version__
from quiz.cli import classroom, curate, generate, interop, play, progress, rebase, validate

# In the order ``quiz --help`` lists them.
COMMANDS = (validate, play, generate, interop, progress, curate, rebase, classroom)


def _home(args: argparse.Namespace) -> int:
    """``quiz`` alone: the bank picker."""
    from quiz.tui.solo.app import run_home

    return run_home(args.banks)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="quiz",
        description="A terminal quiz game in which every question is grounded in a source "
        "article. Run without a command to pick a bank and play.",
        epilog="Exit codes: 0 ok, 1 a user-facing error (bad bank, bad input), 2 usage.",
    )
    parser.add_argument("--version", action="version", version=f"quiz {__version__}")
    parser.add_argument("-b", "--banks", action="append", default=[], metavar="PATH",
                        help="also offer the banks in PATH (a bank folder or a folder of "
                        "banks) in the picker; may be repeated")
    parser.set_defaults(handler=_home)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in COMMANDS:
        command.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.handler(args)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
