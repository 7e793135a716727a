"""The progress screens in the TUI: who is playing, the resume offer, the stats with bars."""

from __future__ import annotations

import asyncio
import dataclasses
import functools
from typing import Any

import pytest
from textual.app import App
from textual.screen import Screen
from textual.widgets import Button, Input, Static

from quiz.bank.load import load_bank
from quiz.bank.model import Bank
from quiz.store import stats
from quiz.store.progress import Store
from quiz.tui.solo.profile import ProfileScreen
from quiz.tui.solo.resume import ResumeScreen
from quiz.tui.solo.stats import StatsScreen
from quiz.tui.widgets.bars import Bars
from tests.conftest import SEED_BANK
from tests.test_store import _play, new_session, small_bank

SIZE = (90, 30)
HOSTILE = "[/x] [b]bold?[/b] \x1b[2J\u202eevil"


def scenario(test):
    @functools.wraps(test)
    def run(*args, **kwargs) -> None:
        asyncio.run(test(*args, **kwargs))

    return run


class Host(App[None]):
    """Shows one screen and keeps what it dismissed with."""

    def __init__(self, screen: Screen[Any]) -> None:
        super().__init__()
        self.to_show = screen
        self.result: list[Any] = []

    def on_mount(self) -> None:
        self.push_screen(self.to_show, self.result.append)


@pytest.fixture(scope="module")
def seed_bank() -> Bank:
    return load_bank(SEED_BANK / "bank.yaml")


def _text(app: App[None]) -> str:
    return "\n".join(str(w.render()) for w in app.screen.query(Static))


@scenario
async def test_the_name_typed_is_returned() -> None:
    app = Host(ProfileScreen(known=["Ada"]))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"Grace", "enter")
        await pilot.pause()
    assert app.result == ["Grace"]


@scenario
async def test_a_bad_name_is_explained_and_an_empty_one_skips() -> None:
    app = Host(ProfileScreen())
    async with app.run_test(size=SIZE) as pilot:
        app.screen.query_one("#name", Input).value = "bad\x1b[2Jname"
        await pilot.press("enter")
        await pilot.pause()
        assert app.result == []
        assert "That name won't do" in str(app.screen.query_one("#problem", Static).render())
        app.screen.query_one("#name", Input).value = "   "
        await pilot.press("enter")
        await pilot.pause()
    assert app.result == [None]


@scenario
async def test_a_name_the_store_refused_is_explained_when_asked_again() -> None:
    app = Host(ProfileScreen(problem=f"a profile name cannot hold {HOSTILE}"))
    async with app.run_test(size=SIZE) as pilot:
        problem = str(app.screen.query_one("#problem", Static).render())
        assert problem.startswith("That name won't do: a profile name cannot hold [/x]")
        assert "\x1b" not in problem
        await pilot.press(*"Ada", "enter")
        await pilot.pause()
    assert app.result == ["Ada"]


def _paused_row(store: Store, bank: Bank):
    s = new_session(store, bank)
    _play(s, 2)
    s.finish()
    (row,) = store.unfinished_sessions("ada")
    return row


@scenario
@pytest.mark.parametrize(("keys", "expected"), [(("enter",), True), (("n",), False),
                                                (("escape",), None)])
async def test_the_resume_offer(seed_bank: Bank, keys: tuple[str, ...],
                                expected: bool | None) -> None:
    bank = dataclasses.replace(small_bank(seed_bank, 4), title=HOSTILE)
    with Store.open() as store:
        row = _paused_row(store, bank)
    app = Host(ResumeScreen(row))
    async with app.run_test(size=SIZE) as pilot:
        text = _text(app)
        assert "2 of 4 answered" in text and "[/x] [b]bold?[/b]" in text
        assert "\x1b" not in text and "\u202e" not in text
        await pilot.press(*keys)
        await pilot.pause()
    assert app.result == [expected]


@scenario
async def test_stats_screen_draws_mastery_bars_per_section(seed_bank: Bank) -> None:
    bank = small_bank(seed_bank, 6)
    with Store.open() as store:
        s = new_session(store, bank)
        _play(s, 3)
        s.finish()
        st = stats.compute(store, "ada", [bank])
    app = Host(StatsScreen(st))
    async with app.run_test(size=SIZE) as pilot:
        (bars,) = app.screen.query(Bars)
        assert [(r.label, r.value, r.total) for r in bars.rows] == [
            (x.title, x.mastered, x.total) for x in st.banks[0].sections]
        drawn = str(bars.render())
        assert "█" in drawn and "░" in drawn
        text = _text(app)
        assert "Answered 3 · right 3 (100%) · 1 day in a row" in text
        assert "3 of 6 questions seen" in text and "unfinished" in text
        await pilot.press("escape")
        await pilot.pause()
    assert app.result == [None]


@scenario
async def test_stats_screen_survives_hostile_titles_and_no_progress() -> None:
    st = stats.Stats(profile=HOSTILE, banks=[stats.BankStats(
        "b", HOSTILE, 2, 1, 2, None, None, [stats.SectionStats(HOSTILE, 1, 2, 2)])],
        streak=0, played_today=False, answered=2, correct=1, recent=[], due_today=None,
        leeches=[("b", HOSTILE, 9)])
    app = Host(StatsScreen(st))
    async with app.run_test(size=SIZE):
        text = _text(app)
        assert "[/x]" in text and "\x1b" not in text
        assert "missed 9 times" in text
    empty = stats.Stats("ada", [], 0, False, 0, 0, [], None, [])
    app = Host(StatsScreen(empty))
    async with app.run_test(size=SIZE):
        assert "No answers yet" in _text(app)


# -- a data folder that cannot be written (issue 15, fault 8) -----------------------------


def _unsaved_store() -> Store:
    """What Store.open gives on a full disk: the progress so far, and why it cannot save."""
    reason = "Progress cannot be saved in /x: the disk is full."
    store = Store.open()
    store.unsaved = reason
    store.notices.append(reason)
    return store


async def _until(pilot: Any, cond: Any) -> None:
    try:
        async with asyncio.timeout(30):
            while not cond():
                await asyncio.sleep(0.02)
                await pilot.pause()
    except TimeoutError:
        raise AssertionError(f"{pilot.app.screen_stack} {pilot.app.return_code}") from None


@pytest.mark.parametrize("play_on", [True, False])
@scenario
async def test_the_tui_asks_to_play_without_saving_or_quit(seed_bank: Bank,
                                                           play_on: bool) -> None:
    from quiz.tui.dialogs.confirm import ConfirmDialog
    from quiz.tui.solo.app import create_app
    from quiz.tui.solo.mode import ModeScreen

    app = create_app(bank=seed_bank, open_store=_unsaved_store)
    async with app.run_test(size=SIZE) as pilot:
        await _until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        text = _text(app)
        assert "Progress cannot be saved" in text and "the disk is full" in text
        buttons = [str(b.label) for b in app.screen.query(Button)]
        assert buttons == ["Play without saving (y)", "Quit (n)"]
        await pilot.press("y" if play_on else "n")
        if play_on:
            await _until(pilot, lambda: isinstance(app.screen, (ModeScreen, ProfileScreen)))
            assert app.store is not None and not app.store.persistent  # nothing goes to disk
        else:
            await _until(pilot, lambda: app.return_code is not None)
    app.close_store()


@scenario
async def test_the_picker_asks_once_when_it_opens_an_unsaving_store() -> None:
    from quiz.tui.dialogs.confirm import ConfirmDialog
    from quiz.tui.solo.app import create_app

    app = create_app(open_store=_unsaved_store)
    async with app.run_test(size=SIZE) as pilot:
        await _until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        assert "the disk is full" in _text(app)
        await pilot.press("n")
        await _until(pilot, lambda: app.return_code is not None)
    app.close_store()


def test_a_recent_session_line_fits_80_columns() -> None:
    from datetime import UTC, datetime

    from quiz.store.progress import SessionRow
    from quiz.store.stats import session_line

    fields = {f: None for f in SessionRow.__dataclass_fields__}
    when = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    fields.update(id=1, bank_id="b" * 60, bank_title="A bank with a very long title " * 3,
                  mode="practice", status="active", answered=12, total=52, points=12345,
                  started=when, updated=when)
    row = SessionRow(**fields)
    line = "  " + session_line(row, row.bank_id)
    assert len(line) <= 80
    assert "12/52" in line and "12345" in line and "unfinished" in line
