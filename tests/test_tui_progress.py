"""Playing in the TUI with a progress store: profile, saved answers, resume."""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

import pytest
from textual.widgets import Input, OptionList, Static

from quiz.bank.dump import dump_bank
from quiz.bank.load import load_bank
from quiz.bank.model import Bank
from quiz.play.engine import Mode, Settings
from quiz.play.session import MemoryRecorder
from quiz.store import review
from quiz.store.progress import Store
from quiz.tui.solo.app import create_app
from quiz.tui.solo.mode import ModeScreen
from quiz.tui.solo.picker import PickerScreen
from quiz.tui.solo.question import QuestionScreen
from quiz.tui.solo.results import ResultsScreen
from quiz.tui.solo.stats import StatsScreen
from tests.conftest import SEED_BANK, Clock
from tests.test_store import _play, new_session
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


@scenario
@pytest.mark.parametrize("resume", [True, False])
async def test_the_resume_and_new_flags_skip_the_offer(seed_bank: Bank, resume: bool) -> None:
    store = Store.memory()
    store.set_default_profile("ada")
    s = new_session(store, seed_bank)
    _play(s, 1)
    s.finish()
    (row,) = store.unfinished_sessions("ada")
    app = create_app(bank=seed_bank, store=store, resume=resume)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        if resume:
            assert isinstance(app.screen, QuestionScreen)
            assert app.screen.session.number == 2
        else:
            assert isinstance(app.screen, ModeScreen)
    (old,) = [r for r in store.sessions("ada") if r.id == row.id]
    assert (old.status == "abandoned") is not resume


class _FailingRecorder(MemoryRecorder):
    def save(self, attempts, snapshot) -> None:
        if attempts:  # the session starts; its first answer cannot be saved
            raise sqlite3.OperationalError("disk I/O error")
        super().save(attempts, snapshot)


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


# -- stats, due counts and leeches ---------------------------------------------

THREE = ("demolition-date", "chief-north-name", "vacant-before-demolition")


def three_question_bank(seed: Bank, folder: Path) -> Path:
    """A copy of three seed-bank questions under its own id, as a bank folder on disk."""
    import shutil

    qs = [q for q in seed.questions if q.id in THREE]
    assert len(qs) == len(THREE)
    bank = dataclasses.replace(seed, id="liaison-three", title="Liaison office in three",
                               questions=qs)
    target = folder / "liaison-three"
    target.mkdir(parents=True)
    shutil.copy(seed.article_path, target / seed.source.file)
    dump_bank(bank, target / "bank.yaml")
    return folder


def picker_labels(app) -> list[str]:
    banks = app.screen.query_one("#banks", OptionList)
    return [str(banks.get_option_at_index(i).prompt) for i in range(banks.option_count)]


def footer_keys(app) -> list[str]:
    from textual.widgets._footer import FooterKey

    return [k.description for k in app.screen.query(FooterKey)]


async def settle(app, pilot) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()


async def highlight(pilot, app, title: str) -> None:
    index = next(i for i, text in enumerate(picker_labels(app)) if text.startswith(title))
    app.screen.query_one("#banks", OptionList).highlighted = index
    await pilot.pause()


@scenario
async def test_stats_and_due_counts_follow_a_game(seed_bank: Bank, tmp_path: Path) -> None:
    clock = Clock()
    store = Store.open(now=clock)
    extra = three_question_bank(seed_bank, tmp_path / "banks")
    app = create_app(extra_paths=[extra], store=store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, PickerScreen)
        assert "Stats" in footer_keys(app)
        # Nobody has played yet: no due counts, and the stats say so instead of asking.
        assert not any(" due" in t for t in picker_labels(app))
        await pilot.press("s")
        await settle(app, pilot)
        assert isinstance(app.screen, PickerScreen)
        assert store.profiles() == []

        await highlight(pilot, app, "Liaison office in three")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press(*"Mina", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ModeScreen)
        await pilot.press("1")
        await pilot.pause()
        # Two right, one skipped (a skip is a miss for the schedule).
        for i in range(3):
            assert isinstance(app.screen, QuestionScreen)
            if i < 2:
                await answer_right(pilot, app)
            else:
                skipped = app.screen.question.id
                await command(pilot, app, "s")
            await pilot.press("enter")
            await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        assert "Stats" in footer_keys(app)

        await pilot.press("s")
        await settle(app, pilot)
        assert isinstance(app.screen, StatsScreen)
        text = screen_text(app)
        assert "Answered 3 · right 2 (67%) · 1 day in a row" in text
        assert "1 due for review today" in text  # the skipped one comes back today
        assert "67% right over 3 answers · 3 of 3 questions seen" in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)

        # Back at the picker the bank shows what is due; the never-played one nothing.
        await pilot.press("d")
        await settle(app, pilot)
        assert isinstance(app.screen, PickerScreen)
        labels = picker_labels(app)
        (three,) = [t for t in labels if t.startswith("Liaison office in three")]
        assert "1 due" in three
        assert all(" due" not in t for t in labels if t != three)
        assert [q.id for _b, q in store.due_questions("Mina", [load_bank(
            extra / "liaison-three" / "bank.yaml")])] == [skipped]

        # The stats open from the picker too, with the same numbers.
        await pilot.press("s")
        await settle(app, pilot)
        assert isinstance(app.screen, StatsScreen)
        assert "Answered 3 · right 2 (67%)" in screen_text(app)
        # A month later every question is due again.
        clock.tick(days=30)
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, PickerScreen)
        (three,) = [t for t in picker_labels(app) if t.startswith("Liaison office in three")]
        assert "3 due" in three
        await highlight(pilot, app, "Liaison office in three")
        assert "3 due for review today" in str(
            app.screen.query_one("#bank-details", Static).render())

        # The mode screen offers review with the count; on the unplayed bank it is off.
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ModeScreen)
        assert "3 questions due today" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        await highlight(pilot, app, "Inter-Korean Liaison Office")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ModeScreen)
        assert "nothing due today" in screen_text(app)
        modes = app.screen.query_one("#modes", OptionList)
        assert modes.get_option("review").disabled
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ModeScreen)  # not taken
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)  # cram works any day
    store.close()


def _make_leech(store: Store, bank: Bank, q) -> None:
    """Miss ``q`` nine times in review (the first miss is a first sight, not a lapse)."""
    from quiz.play.session import SessionInfo
    from tests.test_store import _attempt_for

    rec = store.recorder("ada", bank_path=bank.path)
    rec.session_started(SessionInfo(bank.id, bank.title, "review", "ada", 1, (q.id,)))
    for seq in range(1, review.LEECH_LAPSES + 2):
        rec.save([_attempt_for(q, seq, "review", correct=False)])
    rec.close()
    store.abandon(rec.session_id)


@scenario
async def test_a_leech_is_marked_on_its_question(seed_bank: Bank) -> None:
    bank = dataclasses.replace(seed_bank, questions=[q for q in seed_bank.questions
                                                     if q.id in THREE])
    leech = bank.questions[0]
    with Store.open() as store:
        _make_leech(store, bank, leech)
        (row,) = store.leeches("ada")
        assert row.lapses == review.LEECH_LAPSES
        app = create_app(bank=bank, store=store, profile="ada", ask_mode=False,
                         settings=Settings(mode=Mode.PRACTICE, shuffle=False))
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, QuestionScreen)
            assert app.screen.question.id == leech.id
            marker = str(app.screen.query_one("#leech", Static).render())
            assert f"You keep missing this one: {review.LEECH_LAPSES} times" in marker
            await answer_right(pilot, app)
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, QuestionScreen)
            assert app.screen.question.id != leech.id
            assert not app.screen.query("#leech")
