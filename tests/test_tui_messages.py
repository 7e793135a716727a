"""Screens tell their app what the player did by messages, and act on it once.

A message reaches the app a moment after the key that sent it, so a second key
can arrive first: each screen takes one "next", "skip" or "done" and ignores
the rest, or a quick double press would skip a question or leave the picker.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from quiz.bank.load import load_bank
from quiz.bank.model import Bank
from quiz.tui.solo.feedback import FeedbackScreen
from quiz.tui.solo.picker import PickerScreen
from quiz.tui.solo.question import QuestionScreen
from quiz.tui.solo.results import ResultsScreen
from tests.conftest import ROOT, SEED_BANK
from tests.test_tui_play import SIZE, answer_right, command, game, scenario, screen_text


@pytest.fixture(scope="module")
def seed_bank() -> Bank:
    return load_bank(SEED_BANK / "bank.yaml")


@scenario
async def test_two_nexts_before_the_app_moves_on_skip_nothing(seed_bank: Bank) -> None:
    app, recorder = game(seed_bank)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await answer_right(pilot, app)
        screen = app.screen
        assert isinstance(screen, FeedbackScreen)
        screen.action_next()
        screen.action_next()  # before the app has read the first
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        assert f"Question 2 of {len(seed_bank.playable())}" in screen_text(app)
    assert len(recorder.attempts) == 1


@scenario
async def test_a_settled_question_takes_no_more_answers(seed_bank: Bank) -> None:
    app, recorder = game(seed_bank, mode="test")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        first = screen.question.id
        screen.action_skip()
        screen.action_skip()  # the app has not swapped the screen yet
        screen.action_hint()
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen) and app.screen is not screen
        assert f"Question 2 of {len(seed_bank.playable())}" in screen_text(app)
        assert app.screen.question.id != first
    assert [(a.question_id, a.kind) for a in recorder.attempts] == [(first, "skip")]


@scenario
async def test_done_twice_on_the_results_stays_at_the_picker(seed_bank: Bank,
                                                             tmp_path: Path) -> None:
    from quiz.tui.solo.app import create_app
    from tests.test_tui_progress import highlight, settle, three_question_bank

    app = create_app(extra_paths=[three_question_bank(seed_bank, tmp_path / "banks")])
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await highlight(pilot, app, "Liaison office in three")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("2")  # test mode: skip through to the results
        await pilot.pause()
        for _ in range(3):
            await command(pilot, app, "s")
        screen = app.screen
        assert isinstance(screen, ResultsScreen)
        screen.action_done()
        screen.action_done()
        await settle(app, pilot)
        assert isinstance(app.screen, PickerScreen)
        assert app.is_running


def test_no_screen_reaches_into_its_app_untyped() -> None:
    """What a screen needs comes in its constructor; what it did goes up as a message."""
    untyped = re.compile(r"type: ignore\[attr-defined\]|getattr\(self\.app\b")
    found = [f"{path.relative_to(ROOT)}:{n}"
             for path in sorted((ROOT / "quiz" / "tui").rglob("*.py"))
             for n, line in enumerate(path.read_text("utf-8").splitlines(), 1)
             if untyped.search(line)]
    assert found == []
