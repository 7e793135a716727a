"""The ``quiz`` command line.

Every subcommand's module registers its own parser and imports only the
standard library at module level: what a command needs is imported when it
runs, so ``quiz --help`` and ``quiz validate`` never import Textual. The
modules themselves are imported only when one of their commands is given:
plain ``quiz`` (the bank picker) builds no subcommand parsers at all.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from typing import Any

from quiz import __version__

# Each command's module under quiz.cli and its one-line help, in the order ``quiz --help``
# lists them (a test checks this against what the modules register).
COMMANDS: tuple[tuple[str, str, str], ...] = (
    ("validate", "validate", "check bank files like a compiler"),
    ("lint", "validate", "warn about questions that give themselves away or are unfair"),
    ("play", "play", "play a bank (in the TUI, or line by line with --plain)"),
    ("generate", "generate", "draft questions from an article"),
    ("import", "interop", "bring questions in from Moodle (GIFT, XML), Aiken, CSV or Anki"),
    ("export", "interop", "write a bank for Moodle (GIFT, XML), Aiken, CSV or Anki"),
    ("stats", "progress", "your progress: accuracy, mastery per section, streak, sessions"),
    ("progress", "progress", "export progress (for a teacher)"),
    ("curate", "curate", "review drafts: approve, reject or edit questions"),
    ("rebase", "rebase", "move a bank's quotes to a revised article"),
    ("ground", "rebase", "find the passages that prove questions without evidence"),
    ("host", "classroom", "run a quiz for a class on the local network"),
    ("join", "classroom", "join a class's quiz from this terminal"),
    ("report", "classroom", "what a class answered in a hosted session"),
)


class _LazyCommands(argparse._SubParsersAction):
    """Subcommands listed by name and help; a module's parsers are built when it is named."""

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: Any, option_string: str | None = None) -> None:
        module = {name: mod for name, mod, _help in COMMANDS}.get(values[0])
        if module is not None and values[0] not in self._loaded:
            self._load(module)
        super().__call__(parser, namespace, values, option_string)

    def _load(self, module: str) -> None:
        """Swap the placeholders of ``module``'s commands for the parsers it registers."""
        names = {name for name, mod, _help in COMMANDS if mod == module}
        order = [a.dest for a in self._choices_actions]
        for name in names:
            del self._name_parser_map[name]
        self._choices_actions = [a for a in self._choices_actions if a.dest not in names]
        importlib.import_module(f"quiz.cli.{module}").register(self)
        self._choices_actions.sort(key=lambda a: order.index(a.dest) if a.dest in order
                                   else len(order))
        self._loaded |= names

    _loaded: set[str]


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
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", action=_LazyCommands)
    assert isinstance(sub, _LazyCommands)
    sub._loaded = set()
    for name, _module, summary in COMMANDS:
        sub.add_parser(name, help=summary, add_help=False)
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
