"""The TUI starts light: the app module loads no game screens and no bank code."""

from __future__ import annotations

import subprocess
import sys

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
