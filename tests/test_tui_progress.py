"""Playing in the TUI with a progress store: profile, saved answers, resume."""

from __future__ import annotations

import sqlite3

import pytest
from textual.widgets import Input

from quiz.bank import load_bank
from quiz.engine import Mode, Settings
from quiz.model import Bank
from quiz.session import MemoryRecorder
from quiz.store import Store
from quiz.tui.app import create_app
from quiz.tui.screens.mode import ModeScreen
from quiz.tui.screens.question import QuestionScreen
from tests.conftest import SEED_BANK
from tests.test_tui_play import SIZE, answer_right, command, scenario, screen_text


@pytest.fixture(scope="module")
def seed_bank() -> Bank:
    return load_bank(SEED_BANK / "bank.yaml")


@scenario
async def test_profile_saved_answers_and_resume(seed_bank: Bank) -> None:
    store = Store.memory()
    app = create_app(bank=seed_bank, store=store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        # First run: who is playing?
        assert isinstance(app.focused, Input)
        await pilot.press(*"Mina", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ModeScreen)
        assert "Review" in screen_text(app) and "Cram" in screen_text(app)
        await pilot.press("1")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        first = app.screen.question.id
        await answer_right(pilot, app)
        await pilot.press("enter")  # on to question 2
        await pilot.pause()
        await command(pilot, app, "q")
        assert "saved" in screen_text(app)
        await pilot.press("y")
        await pilot.pause()
    assert store.default_profile() == "Mina"
    assert [a.question_id for a in store.attempts(profile="Mina")] == [first]

    # Next time: no name asked, the unfinished game is offered and goes on at question 2.
    app = create_app(bank=seed_bank, store=store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Resume" in screen_text(app)
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        assert app.screen.session.number == 2
        assert app.screen.question.id != first
        assert "Score " in screen_text(app) and "Score 0" not in screen_text(app)


class _FailingRecorder(MemoryRecorder):
    def record(self, attempt) -> None:
        raise sqlite3.OperationalError("disk I/O error")


@scenario
async def test_a_failed_save_stops_the_game_with_an_error(seed_bank: Bank) -> None:
    recorder = _FailingRecorder()
    app = create_app(bank=seed_bank, settings=Settings(mode=Mode.PRACTICE, seed=2),
                     ask_mode=False, recorder_factory=lambda _b: recorder)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await answer_right(pilot, app)
        await pilot.pause()
    assert app.return_value == 1
    assert app.return_code == 1
