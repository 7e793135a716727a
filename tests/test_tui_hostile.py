"""The hostile bank (markup, escapes, bidi, wide text, a 10,000-character prompt)
plays start to end in the TUI, and its text is shown literally."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.bank.load import load_bank
from quiz.bank.model import Bank
from quiz.tui.dialogs.reader import ReaderScreen
from quiz.tui.solo.feedback import FeedbackScreen
from quiz.tui.solo.question import QuestionScreen
from quiz.tui.solo.results import ResultsScreen
from quiz.tui.widgets.article_view import ArticleView
from tests.test_tui_play import answer_right, answer_wrong, command, game, scenario, screen_text

HOSTILE = Path(__file__).parent / "banks" / "hostile"
CONTROLS = ("\x1b", "\x07", "\u202e", "\u202c", "\u2067", "\u2069", "\x9b")


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank(HOSTILE)


def no_controls(text: str) -> None:
    for ch in CONTROLS:
        assert ch not in text, repr(ch)


def test_the_bank_is_as_hostile_as_promised(bank: Bank) -> None:
    prompts = [q.prompt for q in bank.questions]
    assert max(len(p) for p in prompts) >= 10_000
    everything = " ".join(prompts) + bank.title + bank.article.text
    for needle in ("[/unclosed]", "[bold red]x", "[@click=app.quit]", "\x1b[", "\u202e",
                   "\u200b", "漢字", "👨\u200d👩\u200d👧"):
        assert needle in everything
    assert {q.type for q in bank.questions} == {"choice", "multi", "truefalse", "text",
                                                "number", "order"}


@scenario
async def test_practice_plays_through_with_hints_and_why(bank: Bank) -> None:
    app, recorder = game(bank, seed=1)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for _ in range(len(bank.questions)):
            screen = app.screen
            assert isinstance(screen, QuestionScreen)
            q = screen.question
            text = screen_text(app)
            no_controls(text)
            if q.id == "markup-choice":
                assert "[/unclosed] Which tag is shown literally? [@click=app.quit]click me" in text
                assert "[bold red]x" in text
            if q.id == "long-prompt":
                assert q.prompt[:200] in text and len(text) > 10_000
            # Every hint step, including the passage in the reader.
            while screen.session.can_hint():
                await command(pilot, app, "h")
                if isinstance(app.screen, ReaderScreen):
                    no_controls(screen_text(app))
                    await pilot.press("escape")
                    await pilot.pause()
            no_controls(screen_text(app))
            await answer_right(pilot, app)
            assert isinstance(app.screen, FeedbackScreen), q.id
            no_controls(screen_text(app))
            await pilot.press("w")
            await pilot.pause()
            assert isinstance(app.screen, ReaderScreen)
            assert app.screen.query_one(ArticleView).first_highlight is not None
            await pilot.press("escape", "enter")
            await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        text = screen_text(app)
        no_controls(text)
        assert "6 of 6 right" in text
        assert "Order of [things]" in str(app.screen.query_one("#bars").render())
    assert app.is_running is False and app.return_value is None  # never quit by a link
    assert len(recorder.attempts) == 6


@scenario
async def test_test_mode_plays_through_all_wrong(bank: Bank) -> None:
    app, recorder = game(bank, mode="test", seed=2)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for _ in range(len(bank.questions)):
            assert isinstance(app.screen, QuestionScreen)
            await answer_wrong(pilot, app)
        assert isinstance(app.screen, ResultsScreen)
        text = screen_text(app)
        no_controls(text)
        assert "Missed (6)" in text
        assert "[bold red]x" in text  # the right answer of the choice, literally
        await pilot.press("d")
        await pilot.pause()
    assert app.return_value == 0
    assert not any(a.correct for a in recorder.attempts)
