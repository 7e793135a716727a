"""Playing whole banks in the TUI by key presses, in practice and test mode.

Every answer goes in through keys (digits, letters, typing, moving order
items); the tests then read the screens and compare with what the session
recorded.
"""

from __future__ import annotations

import asyncio
import functools
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Button, Input, OptionList, Static

from quiz.bank.load import load_bank
from quiz.bank.model import Bank, Question
from quiz.play import scoring
from quiz.play.answers import check, display_answer
from quiz.play.engine import Mode, Settings
from quiz.play.session import MemoryRecorder
from quiz.tui.dialogs.reader import ReaderScreen
from quiz.tui.solo.app import QuizApp, create_app
from quiz.tui.solo.feedback import FeedbackScreen
from quiz.tui.solo.mode import ModeScreen
from quiz.tui.solo.question import QuestionScreen
from quiz.tui.solo.results import ResultsScreen
from quiz.tui.widgets.answers import AnswerWidget
from quiz.tui.widgets.article_view import ArticleBlock, ArticleView
from tests.conftest import SEED_BANK

# Every question of the seed bank a player can be asked.
N = len(load_bank(SEED_BANK / "bank.yaml").playable())

SIZE = (80, 24)


def scenario(test):
    """Run an async test body (no async plugin needed)."""

    @functools.wraps(test)
    def run(*args: Any, **kwargs: Any) -> None:
        asyncio.run(test(*args, **kwargs))

    return run


@pytest.fixture(scope="module")
def seed_bank() -> Bank:
    return load_bank(SEED_BANK / "bank.yaml")


def game(bank: Bank, mode: str = "practice", seed: int = 7, **kw: Any) -> tuple[QuizApp,
                                                                                 MemoryRecorder]:
    recorder = MemoryRecorder()
    app = create_app(bank=bank, settings=Settings(mode=Mode(mode), seed=seed), ask_mode=False,
                     recorder_factory=lambda _bank: recorder, **kw)
    return app, recorder


def screen_text(app: QuizApp) -> str:
    """The plain text of every Static and option on the current screen."""
    parts = [str(w.render()) for w in app.screen.query(Static)]
    for ol in app.screen.query(OptionList):
        parts += [str(ol.get_option_at_index(i).prompt) for i in range(ol.option_count)]
    return "\n".join(parts)


def typed_form(q: Question) -> str:
    """What a player would type for a text or number question."""
    text = display_answer(q).split(" (±")[0] if q.type == "number" else str(q.answer)
    assert check(q, text).correct, text
    return text


async def type_text(pilot: Pilot, text: str) -> None:
    await pilot.press(*text)


async def command(pilot: Pilot, app: QuizApp, key: str) -> None:
    """Press a command key; in a text box, Esc first frees the letter keys."""
    if isinstance(app.focused, Input):
        await pilot.press("escape")
    await pilot.press(key)
    await pilot.pause()


async def answer_right(pilot: Pilot, app: QuizApp) -> None:
    """Answer the current question correctly, by keys only."""
    screen = app.screen
    assert isinstance(screen, QuestionScreen)
    q, options = screen.question, screen.options
    if q.type == "choice":
        await pilot.press(str(options.index(q.answer) + 1))
    elif q.type == "truefalse":
        await pilot.press("t" if q.answer else "f")
    elif q.type == "multi":
        for choice in q.answer:
            await pilot.press(str(options.index(choice) + 1))
        await pilot.press("enter")
    elif q.type in ("text", "number"):
        await type_text(pilot, typed_form(q))
        await pilot.press("enter")
    elif q.type == "order":
        await put_in_order(pilot, screen, q.items)
        await pilot.press("enter")
    await pilot.pause()


async def put_in_order(pilot: Pilot, screen: QuestionScreen, target: list[str]) -> None:
    """Selection sort by key presses: pick an item with its number, move it up with u."""
    answer = screen.query_one(AnswerWidget)
    for i, item in enumerate(target):
        j = answer.value().index(item)
        await pilot.press(str(j + 1))
        for _ in range(j - i):
            await pilot.press("u")
    assert answer.value() == target


async def answer_wrong(pilot: Pilot, app: QuizApp) -> None:
    screen = app.screen
    assert isinstance(screen, QuestionScreen)
    q, options = screen.question, screen.options
    if q.type == "choice":
        await pilot.press(str(next(i for i, o in enumerate(options) if o != q.answer) + 1))
    elif q.type == "truefalse":
        await pilot.press("f" if q.answer else "t")
    elif q.type == "multi":
        await pilot.press(str(next(i for i, o in enumerate(options) if o not in q.answer) + 1))
        await pilot.press("enter")
    elif q.type in ("text", "number"):
        # A wrong number: text with no number in it costs a number question no try.
        await type_text(pilot, "zzz qqq" if q.type == "text" else "987654")
        await pilot.press("enter")
    elif q.type == "order":
        await pilot.press("enter")  # the shown order is never the right one
    await pilot.pause()


@scenario
async def test_practice_whole_seed_bank_all_right(seed_bank: Bank) -> None:
    app, recorder = game(seed_bank)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        expected = 0
        seen_types = set()
        for n in range(1, len(seed_bank.playable()) + 1):
            assert isinstance(app.screen, QuestionScreen)
            assert f"Question {n} of {N}" in screen_text(app)
            q = app.screen.question
            seen_types.add(q.type)
            expected += scoring.base_points(q.difficulty)
            await answer_right(pilot, app)
            assert isinstance(app.screen, FeedbackScreen), q.id
            text = screen_text(app)
            assert "✔ Right!" in text
            assert f"Score {expected}" in text  # the running score in the top bar
            await pilot.press("enter")
            await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        text = screen_text(app)
        assert f"Score {expected} of {expected}" in text
        assert f"{N} of {N} right · accuracy 100%" in text
        assert "Nothing missed" in text
    assert seen_types == {"choice", "multi", "truefalse", "text", "number", "order"}
    # Every answer reached the recorder, once, as a final right answer.
    assert len(recorder.attempts) == N
    assert all(a.correct and a.final for a in recorder.attempts)
    assert recorder.finished and recorder.finished[0].score == expected


@scenario
async def test_practice_hints_retry_and_why(seed_bank: Bank) -> None:
    app, recorder = game(seed_bank, seed=11)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        session = app.session
        assert session is not None
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        q = screen.question
        base = scoring.base_points(q.difficulty)
        steps = len(q.hints) + 1
        assert steps >= 2
        # The hint button tells what the question is worth after the hint, before it is taken.
        after_one = scoring.available(base, 1, steps, 0)
        hint_button = screen.query_one("#hint", Button)
        assert f"leaves {after_one} pts" in str(hint_button.label)
        await command(pilot, app, "h")
        assert q.hints[0] in screen_text(app)
        assert f"up to {after_one} points" in screen_text(app)
        # Take every remaining step: the last one is the passage, opened in the reader.
        for _ in range(steps - 1):
            await command(pilot, app, "h")
        assert isinstance(app.screen, ReaderScreen)
        view = app.screen.query_one(ArticleView)
        marked = [b for b in view.query(ArticleBlock) if b.spans]
        assert marked, "the passage is highlighted"
        ev = q.evidence[0]
        assert seed_bank.article.text[ev.start:ev.end] in "".join(b.text for b in marked)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        assert "Passage" in screen_text(app)
        assert screen.query_one("#hint", Button).disabled  # no steps left
        # A wrong try first (when the type allows a retry), then the right answer.
        if q.type != "truefalse":
            await answer_wrong(pilot, app)
            assert app.screen is screen
            assert "Try again" in str(screen.query_one("#retry", Static).render())
        await answer_right(pilot, app)
        assert isinstance(app.screen, FeedbackScreen)
        tries = 0 if q.type == "truefalse" else 1
        earned = scoring.available(base, steps, steps, tries)
        assert f"Score {earned}" in screen_text(app)
        # "Why?" opens the article scrolled to the evidence, highlighted.
        await pilot.press("w")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        view = app.screen.query_one(ArticleView)
        block = view.first_highlight
        assert block is not None
        top, bottom = view.scroll_offset.y, view.scroll_offset.y + view.size.height
        assert top <= block.virtual_region.y + (block.highlight_line(
            block.content_region.width) or 0) < bottom
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, FeedbackScreen)
    assert recorder.attempts[-1].hints_used == steps
    assert recorder.attempts[-1].points == earned


@scenario
async def test_test_mode_whole_seed_bank(seed_bank: Bank) -> None:
    app, recorder = game(seed_bank, mode="test", seed=3)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        expected = 0
        wrong: list[str] = []
        for n in range(N):
            screen = app.screen
            assert isinstance(screen, QuestionScreen)
            # No hints, no running score and no verdict in a test.
            assert screen.query_one("#hint", Button).disabled
            assert "Score" not in str(screen.query_one("#status", Static).render())
            q = screen.question
            if n % 4 == 0:
                await answer_wrong(pilot, app)
                wrong.append(q.id)
            else:
                await answer_right(pilot, app)
                expected += scoring.base_points(q.difficulty)
            assert not isinstance(app.screen, FeedbackScreen)
        assert isinstance(app.screen, ResultsScreen)
        results = app.screen.results
        text = screen_text(app)
        total = sum(scoring.base_points(q.difficulty) for q in seed_bank.playable())
        # Order and multi questions can earn partial credit for a wrong answer.
        partial = sum(a.points for a in recorder.attempts if not a.correct)
        assert results.score == expected + partial
        assert f"Score {results.score} of {total}" in text
        assert f"{N - len(wrong)} of {N} right" in text
        assert f"Missed ({len(wrong)})" in text
        missed = app.screen.query_one("#missed", OptionList)
        assert missed.option_count == len(wrong)
        # The per-section bars cover every section a question came from.
        bars = str(app.screen.query_one("#bars").render())
        for s in results.sections:
            assert f"{s.right}/{s.total}" in bars
        # Enter on a missed question shows its passage.
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.query_one(ArticleView).first_highlight is not None
        await pilot.press("escape")
        await pilot.press("d")
        await pilot.pause()
    assert app.return_value == 0
    assert {a.question_id for a in recorder.attempts if not a.correct} == set(wrong)


@scenario
async def test_mode_screen_and_quit_confirmation(seed_bank: Bank) -> None:
    recorder = MemoryRecorder()
    app = create_app(bank=seed_bank, recorder_factory=lambda _b: recorder)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ModeScreen)
        await pilot.press("2")  # test mode
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        assert app.session is not None and app.session.mode is Mode.TEST
        await answer_right(pilot, app)
        await command(pilot, app, "q")
        assert "Quit this game?" in screen_text(app)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)  # still playing
        await command(pilot, app, "q")
        await pilot.press("y")
        await pilot.pause()
        # What was answered so far is shown; Done then quits.
        assert isinstance(app.screen, ResultsScreen)
        await pilot.press("d")
        await pilot.pause()
    assert app.return_value == 0
    assert len(recorder.attempts) == 1  # the answer before quitting was kept
    assert recorder.finished and recorder.finished[0].finished_early


@scenario
async def test_help_screen_lists_the_keys(seed_bank: Bank) -> None:
    app, _ = game(seed_bank)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        text = screen_text(app)
        assert "next hint step" in text and "why?" in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)


@scenario
async def test_skip_and_mouse(seed_bank: Bank) -> None:
    app, recorder = game(seed_bank, seed=5)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.click("#skip")
        await pilot.pause()
        assert isinstance(app.screen, FeedbackScreen)
        assert "Skipped" in screen_text(app)
        await pilot.click("#next")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        assert app.screen.session.number == 2
    assert recorder.attempts[0].kind == "skip"


@scenario
async def test_picker_lists_banks_and_starts_a_game(tmp_path) -> None:
    app = create_app(extra_paths=[SEED_BANK.parent.parent / "tests" / "banks"])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "Inter-Korean Liaison Office" in text
        assert "Hostile [bold red]bank" in text  # an added folder, shown literally
        await pilot.press("enter")  # the first (bundled) bank
        await pilot.pause()
        assert isinstance(app.screen, ModeScreen)
        await pilot.press("1")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        assert app.session is not None and app.session.mode is Mode.PRACTICE
