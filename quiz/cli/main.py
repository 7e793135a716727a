"""The ``quiz`` command line.

Each subcommand's module is imported only when that subcommand runs, so
``quiz --help`` and ``quiz validate`` never import Textual.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from quiz import __version__

Handler = Callable[[argparse.Namespace], int]


def _lazy(module: str, func: str = "run") -> Handler:
    def handler(args: argparse.Namespace) -> int:
        import importlib

        return getattr(importlib.import_module(module), func)(args)

    return handler


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
    parser.set_defaults(handler=_lazy("quiz.tui.solo.app", "run_home"))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    v = sub.add_parser(
        "validate", help="check bank files like a compiler",
        description="Check banks (bank.yaml files, bank folders or folders of banks) and print "
        "every problem as file:line:col: error: message.",
    )
    v.add_argument("paths", nargs="+", metavar="PATH", help="bank.yaml, a bank folder, or a "
                   "folder of banks")
    v.add_argument("--json", action="store_true", help="print a JSON report instead of text")
    v.add_argument("--no-cache", action="store_true", help="parse every bank afresh")
    v.set_defaults(handler=_lazy("quiz.bank.validate"))

    for register in _extra_commands():
        register(sub)
    return parser


def _extra_commands() -> list[Callable[[argparse._SubParsersAction], None]]:
    """Subcommands that live beside their feature (each module adds its own parser)."""
    import importlib

    out = []
    for name in ("quiz.cli.play", "quiz.cli.generate", "quiz.cli.progress", "quiz.cli.curate",
                 "quiz.cli.classroom"):
        try:
            out.append(importlib.import_module(name).register)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
    return out


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
