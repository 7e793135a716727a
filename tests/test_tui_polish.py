"""Playing at 80x24 by keys alone: keys from a text box, shapes not colours, resume, quitting.

Each test reads what the terminal would show (the composed screen), not the
widgets' state, so a state told apart by colour alone would fail it.
"""

from __future__ import annotations

import dataclasses

import pytest
from textual import events
from textual.widgets import Button, Input

from quiz.bank.load import load_bank
from quiz.bank.model import Bank
from quiz.play.engine import Mode, Settings
from quiz.play.session import MemoryRecorder, PlaySession
from quiz.tui.dialogs.confirm import ConfirmDialog
from quiz.tui.dialogs.help import HelpDialog
from quiz.tui.dialogs.reader import ReaderScreen
from quiz.tui.solo.app import QuizApp, create_app
from quiz.tui.solo.question import QuestionScreen
from quiz.tui.solo.results import ResultsScreen
from tests.conftest import SEED_BANK
from tests.test_tui_play import scenario

SIZE = (80, 24)


@pytest.fixture(scope="module")
def seed_bank() -> Bank:
    return load_bank(SEED_BANK / "bank.yaml")


def only(bank: Bank, *ids: str) -> Bank:
    return dataclasses.replace(bank, questions=[q for q in bank.questions if q.id in ids])


def first_of(bank: Bank, qtype: str, pred=lambda q: True) -> str:
    return next(q.id for q in bank.playable() if q.type == qtype and pred(q))


def app_for(bank: Bank, mode: str = "practice") -> QuizApp:
    recorder = MemoryRecorder()
    return create_app(bank=bank, settings=Settings(mode=Mode(mode), seed=1, shuffle=False),
                      ask_mode=False, recorder_factory=lambda _b: recorder)


def shown(app: QuizApp) -> str:
    """The terminal's text, line by line, as the composed screen draws it."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def footer_keys(app: QuizApp) -> str:
    return shown(app).splitlines()[-1]


# -- keys from inside the answer box ------------------------------------------------


@scenario
async def test_help_and_hint_keys_work_from_the_answer_box(seed_bank: Bank) -> None:
    app = app_for(only(seed_bank, first_of(seed_bank, "text")))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuestionScreen) and isinstance(app.focused, Input)
        # The footer shows the keys that work here, not letters the box would take.
        keys = footer_keys(app)
        assert "F1" in keys and "F2" in keys and "? " not in keys
        await pilot.press("f2")
        await pilot.pause()
        assert app.session is not None and app.session.hints_used == 1
        assert app.screen.query_one(Input).value == ""
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen and isinstance(app.focused, Input)
        # Out of the box, the letters are shown and work.
        await pilot.press("escape")
        await pilot.pause()
        keys = footer_keys(app)
        assert "? " in keys and "h " in keys


@scenario
async def test_a_burst_of_keys_lands_in_the_answer_box_in_order(seed_bank: Bank) -> None:
    app = app_for(only(seed_bank, first_of(seed_bank, "text")))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.focused, Input)
        # Queued together, as a terminal delivers a fast typist's keys: the deletions
        # must act where they were pressed, not after the letters typed next.
        for key in ["s", "u", "n", "x", "backspace", "backspace", "i", "s", "h", "left",
                    "left", "backspace", "p"]:
            app.post_message(events.Key(key, key if len(key) == 1 else None))
        await pilot.pause()
        assert app.screen.query_one(Input).value == "supsh"


@scenario
async def test_text_read_as_no_number_is_not_marked_wrong(seed_bank: Bank) -> None:
    app = app_for(only(seed_bank, first_of(seed_bank, "number")))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.focused, Input)
        await pilot.press(*"lots", "enter")
        await pilot.pause()
        text = shown(app)
        assert "? I read that as no number" in text and "✘" not in text
        assert app.session is not None and app.session.tries_left == 2  # no try spent


@scenario
async def test_focus_returns_where_it_was_before_help(seed_bank: Bank) -> None:
    app = app_for(only(seed_bank, first_of(seed_bank, "text")))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("escape")  # leave the box: letters are commands now
        await pilot.pause()
        assert isinstance(app.focused, Button)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.focused, Button)
        await pilot.press("h")
        await pilot.pause()
        assert app.session is not None and app.session.hints_used == 1
        assert app.screen.query_one(Input).value == ""  # the h was a hint, not a letter


# -- shapes, not colours -------------------------------------------------------------


@scenario
async def test_ticked_and_unticked_options_differ_in_shape(seed_bank: Bank) -> None:
    app = app_for(only(seed_bank, first_of(seed_bank, "multi")))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        before = shown(app)
        assert "[x]" not in before and before.count("[ ]") >= 2
        await pilot.press("1")
        await pilot.pause()
        after = shown(app)
        assert after.count("[x]") == 1 and after.count("[ ]") == before.count("[ ]") - 1


@scenario
async def test_long_multi_options_are_shown_whole(seed_bank: Bank) -> None:
    qid = first_of(seed_bank, "multi", lambda q: max(len(c) for c in q.choices) > 60)
    app = app_for(only(seed_bank, qid))
    async with app.run_test(size=(80, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        text = " ".join(line.strip(" │╭╮╰╯─") for line in shown(app).splitlines())
        words = " ".join(text.split())
        for option in screen.options:
            assert option in words, option
        assert "…" not in words


@scenario
async def test_the_order_item_to_move_is_marked(seed_bank: Bank) -> None:
    app = app_for(only(seed_bank, first_of(seed_bank, "order")))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert shown(app).count("▶") == 1
        await pilot.press("2")
        await pilot.pause()
        line = next(x for x in shown(app).splitlines() if "▶" in x)
        assert "▶ 2" in line


# -- the article: spaces kept, infobox keys as read -------------------------------------


@scenario
async def test_a_space_follows_the_highlighted_passage(seed_bank: Bank) -> None:
    bank = only(seed_bank, "demolition-date")
    app = app_for(bank)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("escape", "s", "w")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        text = shown(app)
        assert "North Korea. North Korea's" in text
        assert "North Korea.North" not in text


@scenario
async def test_the_reader_shows_infobox_keys_as_labels(seed_bank: Bank) -> None:
    app = app_for(only(seed_bank, "chief-north-name"))
    async with app.run_test(size=(80, 40)) as pilot:
        await pilot.pause()
        await pilot.press("s", "w")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        text = shown(app)
        assert "North Korea Representative: Jon Jong-su" in text
        assert "Chief1 Name" not in text


# -- quitting, resuming ------------------------------------------------------------------


@scenario
async def test_quitting_mid_game_shows_the_results_so_far(seed_bank: Bank) -> None:
    ids = [q.id for q in seed_bank.playable() if q.type == "choice"][:3]
    app = app_for(only(seed_bank, *ids))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("s", "enter")  # skip the first, then on to the second
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        assert "Results so far" in shown(app) and "not reached" in shown(app)
        await pilot.press("d")
        await pilot.pause()
    assert app.return_code == 0


@scenario
async def test_a_resumed_question_shows_its_hints_and_tries(seed_bank: Bank, store) -> None:
    bank = only(seed_bank, first_of(seed_bank, "text", lambda q: len(q.hints) >= 1))
    recorder = store.recorder("ann", bank_path=str(bank.path))
    s = PlaySession.from_bank(bank, Settings(seed=1, shuffle=False), recorder, profile="ann")
    q = s.current
    assert q is not None
    s.hint()
    s.answer("zzz qqq")
    recorder.close()
    app = create_app(bank=bank, settings=Settings(seed=1), ask_mode=False, profile="ann",
                     store=store, resume=True)
    async with app.run_test(size=(80, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        text = shown(app)
        assert q.hints[0][:40] in " ".join(text.split())
        assert "1 try" in text


# -- dialogs and the theme ---------------------------------------------------------------


@scenario
async def test_dialog_buttons_answer_arrows_and_say_their_keys(seed_bank: Bank) -> None:
    app = app_for(only(seed_bank, first_of(seed_bank, "choice"), first_of(seed_bank, "text")))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "← →" in shown(app) and "Esc" in shown(app)
        assert app.focused is not None and app.focused.id == "no"
        await pilot.press("left")
        await pilot.pause()
        assert app.focused is not None and app.focused.id == "yes"
        await pilot.press("right")
        await pilot.pause()
        assert app.focused is not None and app.focused.id == "no"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)


@scenario
async def test_f6_switches_to_a_high_contrast_theme_and_back(seed_bank: Bank) -> None:
    from quiz.tui.styles import HIGH_CONTRAST

    app = app_for(only(seed_bank, first_of(seed_bank, "choice")))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        usual = app.theme
        await pilot.press("f6")
        await pilot.pause()
        assert app.theme == HIGH_CONTRAST
        await pilot.press("f6")
        await pilot.pause()
        assert app.theme == usual
