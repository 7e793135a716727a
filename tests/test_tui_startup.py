"""The TUI starts light: the app module loads no game screens and no bank code."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT


def test_app_module_imports_lazily() -> None:
    code = (
        "import sys, quiz.tui.solo.app\n"
        "print(' '.join(sorted(m for m in sys.modules if m.startswith(('quiz', 'yaml')))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=ROOT)
    loaded = set(out.stdout.split())
    assert "quiz.tui.solo.app" in loaded
    for heavy in ("yaml", "quiz.bank.load", "quiz.bank.catalog", "quiz.play.engine",
                  "quiz.play.session", "quiz.tui.solo.question", "quiz.tui.solo.results"):
        assert heavy not in loaded, heavy


def test_picker_finds_banks_after_the_first_frame() -> None:
    import asyncio

    from quiz.tui.solo.app import create_app
    from quiz.tui.solo.picker import PickerScreen

    async def run() -> tuple[bool, int]:
        app = create_app()
        async with app.run_test(size=(80, 24)) as pilot:
            # The first screen is the picker itself, not a blank screen under it.
            assert isinstance(app.screen, PickerScreen)
            assert len(app.screen_stack) == 1
            await app.workers.wait_for_complete()
            await pilot.pause()
            return bool(app.screen.entries), app.screen.query_one("#banks").option_count

    listed, shown = asyncio.run(run())
    assert listed and shown >= 1


def test_the_command_table_matches_what_each_module_registers() -> None:
    import argparse
    import importlib

    from quiz.cli.main import COMMANDS, build_parser

    registered = []
    for module in dict.fromkeys(mod for _name, mod, _help in COMMANDS):
        sub = argparse.ArgumentParser().add_subparsers()
        importlib.import_module(f"quiz.cli.{module}").register(sub)
        registered += [(a.dest, module, a.help) for a in sub._choices_actions]
    assert list(COMMANDS) == registered
    # A command named on the line gets its module's full parser, and every other
    # command keeps its place in the listing.
    parser = build_parser()
    args = parser.parse_args(["export", "some-bank", "--format", "csv"])
    assert args.command == "export" and args.handler.__module__ == "quiz.cli.interop"
    sub_action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    assert [a.dest for a in sub_action._choices_actions] == [c[0] for c in COMMANDS]


def test_plain_quiz_builds_no_subcommand_parsers() -> None:
    code = (
        "import sys\nfrom quiz.cli.main import build_parser\n"
        "build_parser().parse_args([])\n"
        "print(' '.join(m for m in sys.modules if m.startswith('quiz.cli.')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=ROOT)
    assert out.stdout.split() == ["quiz.cli.main"]


def test_the_picker_starts_with_its_own_sheet_and_the_rest_comes_with_the_next_screen() -> None:
    import asyncio

    from quiz.tui.solo.app import QuizApp, create_app
    from quiz.tui.solo.picker import PickerScreen

    def read(app: QuizApp) -> set[str]:
        return {Path(source[0]).name for source in app.stylesheet.source}

    async def run() -> tuple[set[str], set[str], str, str]:
        app = create_app()
        async with app.run_test(size=(80, 24)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert isinstance(app.screen, PickerScreen)
            at_start = read(app)
            await pilot.press("question_mark")
            await pilot.pause()
            dialog = app.screen.query_one("#help-dialog")
            return at_start, read(app), dialog.styles.border.top[0], type(app.screen).__name__

    at_start, later, border, screen = asyncio.run(run())
    assert {"common.tcss", "picker.tcss"} <= at_start
    assert not {"dialogs.tcss", "quiz.tcss"} & at_start
    # The help dialog is the first other screen: it comes styled by the dialogs' sheet.
    assert screen != "PickerScreen"
    assert {"dialogs.tcss", "quiz.tcss"} <= later
    assert border == "thick"


def test_the_footer_is_rebuilt_only_when_its_keys_change() -> None:
    import asyncio

    from textual.widgets._footer import FooterKey

    from quiz.tui.solo.app import create_app
    from quiz.tui.solo.picker import PickerScreen

    async def run() -> None:
        app = create_app()
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, PickerScreen)
            keys = list(screen.query(FooterKey))
            assert any(k.description == "Reload" for k in keys)
            # Told again and again that the bindings may have changed, with the same keys:
            # the footer keeps its widgets (each rebuild remounts and restyles them all).
            for _ in range(3):
                screen.refresh_bindings()
                await pilot.pause()
            assert list(screen.query(FooterKey)) == keys
            # When a key does change, it is rebuilt and shows the change.
            screen.stats = not screen.stats
            screen.refresh_bindings()
            await pilot.pause()
            after = list(screen.query(FooterKey))
            assert after != keys
            assert [k.disabled for k in after if k.action == "stats"] != \
                [k.disabled for k in keys if k.action == "stats"]

    asyncio.run(run())
