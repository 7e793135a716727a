"""``quiz curate`` driven like a user would: keys and clicks, then the file on disk is read back."""

from __future__ import annotations

import asyncio
import functools
import random
import shutil
from pathlib import Path

import pytest
from textual import events
from textual.keys import _character_to_key, key_to_character
from textual.widgets import Button, Input, Select, Static, TextArea

from quiz import paths
from quiz.bank.curation import Curation
from quiz.bank.load import load_bank
from quiz.tui.curate.app import CurateApp, create_curate_app
from quiz.tui.curate.detail import QuestionDetail
from quiz.tui.curate.edit import EditScreen
from quiz.tui.curate.listing import QuestionList
from quiz.tui.curate.main import CurateScreen
from quiz.tui.dialogs.confirm import ConfirmDialog
from quiz.tui.dialogs.help import HelpDialog
from quiz.tui.dialogs.reader import ReaderScreen
from quiz.tui.widgets.article_view import ArticleView
from tests.conftest import ROOT
from tests.test_curate import DRAFT_BANK, write_draft_bank

SIZE = (80, 24)


def scenario(test):
    """Run an async Pilot test with plain pytest (no async plugin needed)."""

    @functools.wraps(test)
    def run(*args, **kwargs) -> None:
        asyncio.run(test(*args, **kwargs))

    return run


@pytest.fixture
def bank_path(tmp_path: Path) -> Path:
    return write_draft_bank(tmp_path / "drafts")


def make_app(path: Path, include_rejected: bool = False) -> CurateApp:
    return create_curate_app(Curation.open(path), include_rejected=include_rejected)


def on_disk(path: Path, qid: str):
    q = load_bank(path, use_cache=False).question(qid)
    assert q is not None
    return q


def main_screen(app: CurateApp) -> CurateScreen:
    screen = app.screen
    assert isinstance(screen, CurateScreen), screen
    return screen


def keys(text: str) -> list[str]:
    names = {" ": "space", "?": "question_mark", "-": "minus", ",": "comma", ".": "full_stop"}
    return [names.get(ch, ch) for ch in text]


async def type_into(pilot, widget: Input | TextArea, text: str) -> None:
    """Replace a field's text the way a person would, and type ``text``."""
    widget.focus()
    await pilot.pause()
    if isinstance(widget, TextArea):
        await pilot.press("f7", *keys(text))  # F7 selects all; typing replaces it
    else:
        await pilot.press("home", "ctrl+k", *keys(text))
    await pilot.pause(0.4)  # past the check delay


def top_bar(app: CurateApp) -> str:
    return str(app.screen.query_one("#curate-state", Static).render())


@scenario
async def test_approve_and_reject_are_saved_and_move_on(bank_path: Path) -> None:
    app = make_app(bank_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = main_screen(app)
        qlist = screen.query_one(QuestionList)
        assert qlist.current_id == "demolition-date"  # the first draft
        await pilot.press("a")
        await pilot.pause()
        assert on_disk(bank_path, "demolition-date").status == "approved"
        assert qlist.current_id == "north-representative"
        await pilot.press("r")
        await pilot.pause()
        assert on_disk(bank_path, "north-representative").status == "rejected"
        assert qlist.current_id == "destroyed-in-2018"
        assert "saved" in top_bar(app)
        # The line in the list says what happened to it.
        assert str(qlist.get_option("demolition-date").prompt).startswith("OK")
        assert str(qlist.get_option("north-representative").prompt).startswith("REJ")
    ids = [q.id for q in load_bank(bank_path, use_cache=False).questions]
    assert ids == [q for q in ("demolition-date", "north-representative", "destroyed-in-2018",
                               "storeys", "closure-date", "co-heads")]


@scenario
async def test_edit_a_prompt_through_the_form(bank_path: Path) -> None:
    before = bank_path.read_text(encoding="utf-8")
    app = make_app(bank_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("down", "down", "down")  # storeys
        assert main_screen(app).query_one(QuestionList).current_id == "storeys"
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, EditScreen)
        prompt = form.query_one("#field-prompt", TextArea)
        assert prompt.text == "How many storeys did the office building have?"
        await type_into(pilot, prompt, "How many floors did the building have?")
        assert not form.query_one("#save", Button).disabled
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, CurateScreen)
        detail = app.screen.query_one(QuestionDetail)
        assert detail.question is not None
        assert detail.question.prompt == "How many floors did the building have?"
    q = on_disk(bank_path, "storeys")
    assert q.prompt == "How many floors did the building have?"
    assert q.status == "draft" and q.answer == 4
    after = bank_path.read_text(encoding="utf-8")
    changed = [b for a, b in zip(before.splitlines(), after.splitlines(), strict=True) if a != b]
    assert changed == ["    prompt: How many floors did the building have?"]


@scenario
async def test_an_answer_the_passage_does_not_hold_cannot_be_saved(bank_path: Path) -> None:
    before = bank_path.read_bytes()
    app = make_app(bank_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, EditScreen)
        await type_into(pilot, form.query_one("#field-answer", Input), "17 June 2020")
        error = form.query_one("#error-answer", Static)
        assert error.display
        assert "cannot be read in the evidence" in str(error.render())
        assert form.query_one("#field-answer", Input).has_class("-invalid")
        assert form.query_one("#save", Button).disabled
        await pilot.press("ctrl+s")  # refused: the form stays
        await pilot.pause()
        assert app.screen is form
        # Fixing it clears the error and enables Save again.
        await type_into(pilot, form.query_one("#field-answer", Input), "16 June 2020")
        assert not form.query_one("#error-answer", Static).display
        assert not form.query_one("#save", Button).disabled
        await type_into(pilot, form.query_one("#field-answer", Input), "17 June 2020")
        await pilot.press("escape")  # edits were made: asks first
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, CurateScreen)
    assert bank_path.read_bytes() == before


def burst(app: CurateApp, presses: list[str]) -> None:
    """Queue every key at once, as the terminal driver does when they arrive together."""
    for key in presses:
        app.post_message(events.Key(key, key_to_character(key)))


def typed(text: str) -> list[str]:
    return [_character_to_key(ch) for ch in text]


async def open_storeys_form(pilot, app: CurateApp) -> EditScreen:
    await pilot.press("down", "down", "down", "e")  # storeys: a text area and an input
    await pilot.pause()
    assert isinstance(app.screen, EditScreen)
    return app.screen


@scenario
async def test_a_burst_of_keys_and_a_paste_land_in_order(bank_path: Path) -> None:
    new = "How many floors did the liaison office building have?"
    app = make_app(bank_path)
    async with app.run_test(size=SIZE) as pilot:
        form = await open_storeys_form(pilot, app)
        prompt = form.query_one("#field-prompt", TextArea)
        old = prompt.text
        prompt.focus()
        await pilot.pause()
        # Many deletions, then the new text, with no pause between any of them.
        burst(app, ["backspace"] * (len(old) + 20) + typed(new[:20]))
        app.post_message(events.Paste(new[20:40]))
        burst(app, typed(new[40:]) + ["left"] * 5 + ["backspace"] * 3 + typed("XYZ"))
        await pilot.pause()
        assert prompt.text == new[:-8] + "XYZ" + new[-5:]
        answer = form.query_one("#field-answer", Input)
        answer.focus()
        await pilot.pause()
        burst(app, ["end"] + ["backspace"] * 30 + typed("four") + ["home", "delete"]
              + typed("F") + ["end"])
        app.post_message(events.Paste(" floors"))
        await pilot.pause()
        assert answer.value == "Four floors"


# Keys an edit field binds (run out of order by Textual alone) and keys it types.
EDIT_KEYS = ["backspace", "delete", "left", "right", "home", "end"]


@scenario
async def test_random_bursts_edit_like_keys_pressed_one_by_one(bank_path: Path) -> None:
    rng = random.Random(17)
    app = make_app(bank_path)
    async with app.run_test(size=SIZE) as pilot:
        form = await open_storeys_form(pilot, app)
        for field in (form.query_one("#field-answer", Input),
                      form.query_one("#field-prompt", TextArea)):
            field.focus()
            await pilot.pause()
            for _case in range(4):
                presses = [rng.choice(EDIT_KEYS) if rng.random() < 0.4
                           else _character_to_key(rng.choice("abc xyz")) for _ in range(60)]
                start = "Start of the field"
                outcomes = []
                for send_burst in (False, True):
                    if isinstance(field, TextArea):
                        field.load_text(start)
                        field.move_cursor(field.document.end)
                    else:
                        field.value = start
                        field.cursor_position = len(start)
                    await pilot.pause()
                    if send_burst:
                        burst(app, presses)
                        await pilot.pause()
                    else:
                        await pilot.press(*presses)
                    outcomes.append(field.text if isinstance(field, TextArea) else field.value)
                assert outcomes[0] == outcomes[1], presses


@scenario
async def test_list_fields_and_a_new_hint(bank_path: Path) -> None:
    app = make_app(bank_path)
    async with app.run_test(size=SIZE) as pilot:
        main_screen(app).query_one(QuestionList).highlighted = 5  # co-heads (multi)
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, EditScreen)
        hints = form.query_one("#field-hints")
        hints.focus()
        await pilot.pause()
        await pilot.press("end", "enter", *keys("The other was his counterpart."))
        await pilot.pause(0.4)
        assert not form.query_one("#save", Button).disabled
        await pilot.click("#save")
        await pilot.pause()
        assert isinstance(app.screen, CurateScreen)
    assert on_disk(bank_path, "co-heads").hints == ["One of them was South Korean.",
                                                    "The other was his counterpart."]


@scenario
async def test_every_question_type_opens_in_a_valid_form(tmp_path: Path) -> None:
    folder = tmp_path / "all"
    folder.mkdir()
    shutil.copyfile(ROOT / "tests" / "good_banks" / "article.txt", folder / "article.txt")
    shutil.copyfile(ROOT / "tests" / "good_banks" / "all-types.yaml", folder / "bank.yaml")
    app = make_app(folder)
    async with app.run_test(size=SIZE) as pilot:
        qlist = main_screen(app).query_one(QuestionList)
        seen = set()
        for index in range(len(qlist.ids)):
            qlist.highlighted = index
            await pilot.press("e")
            await pilot.pause()
            form = app.screen
            assert isinstance(form, EditScreen)
            seen.add(form.question.type)
            assert form.errors == {}, (form.question.id, form.errors)
            assert not form.query_one("#save", Button).disabled
            await pilot.press("escape")  # nothing changed: no question asked
            await pilot.pause()
            assert isinstance(app.screen, CurateScreen)
        assert seen == {"choice", "multi", "truefalse", "text", "number", "order"}
        # A true/false answer is picked from a list, not typed.
        qlist.highlighted = qlist.ids.index("destroyed-in-2018")
        await pilot.press("e")
        await pilot.pause()
        answer = app.screen.query_one("#field-answer", Select)
        assert answer.value == "false"
        answer.value = "true"
        await pilot.pause(0.4)
        assert "answer" not in app.screen.errors  # the loader cannot tell; the passage can
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert on_disk(folder, "destroyed-in-2018").answer is True


@scenario
async def test_undo_puts_the_file_back(bank_path: Path) -> None:
    before = bank_path.read_bytes()
    app = make_app(bank_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        await pilot.pause()
        assert on_disk(bank_path, "demolition-date").status == "approved"
        await pilot.press("u")
        await pilot.pause()
        assert main_screen(app).query_one(QuestionList).current_id == "demolition-date"
    assert bank_path.read_bytes() == before


@scenario
async def test_filter_and_rejected_questions(bank_path: Path) -> None:
    app = make_app(bank_path)
    async with app.run_test(size=SIZE) as pilot:
        qlist = main_screen(app).query_one(QuestionList)
        assert "closure-date" not in qlist.ids  # rejected before: out of the way
        assert len(qlist.ids) == 5
        await pilot.press("f")
        assert qlist.ids == ["demolition-date", "north-representative", "storeys", "co-heads"]
        assert str(qlist.border_title) == "drafts (4)"
        await pilot.press("a")  # approved: leaves the drafts view, the next draft is up
        await pilot.pause()
        assert qlist.ids == ["north-representative", "storeys", "co-heads"]
        assert qlist.current_id == "north-representative"
        await pilot.press("f", "f")
        assert qlist.ids == ["closure-date"]
        await pilot.press("d")  # back to draft: it leaves this view...
        await pilot.pause()
        assert qlist.ids == []
        detail = app.screen.query_one(QuestionDetail)
        assert detail.question is None and "No question" in str(detail.render())
        await pilot.press("f")  # ...and is listed with the others again
        assert "closure-date" in qlist.ids
        qlist.highlighted = len(qlist.ids) - 1
        await pilot.press("a")  # the last one: the cursor stays on it
        await pilot.pause()
        assert qlist.current_id == "co-heads"
    assert on_disk(bank_path, "closure-date").status == "draft"
    app = make_app(bank_path, include_rejected=True)
    async with app.run_test(size=SIZE):
        assert "closure-date" in main_screen(app).query_one(QuestionList).ids


@scenario
async def test_a_failed_save_is_shown_and_quitting_asks(
        bank_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = bank_path.read_bytes()

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    app = make_app(bank_path)
    async with app.run_test(size=SIZE) as pilot:
        monkeypatch.setattr(paths, "_create_temp", refuse)  # the folder refuses new files
        await pilot.press("a")
        await pilot.pause()
        assert "NOT SAVED" in top_bar(app)
        assert bank_path.read_bytes() == before
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, CurateScreen)
        monkeypatch.undo()
        await pilot.press("s")
        await pilot.pause()
        assert "NOT SAVED" not in top_bar(app)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0
    assert on_disk(bank_path, "demolition-date").status == "approved"


@scenario
async def test_a_file_changed_elsewhere_asks_before_overwriting(bank_path: Path) -> None:
    app = make_app(bank_path)
    async with app.run_test(size=SIZE) as pilot:
        theirs = DRAFT_BANK.replace("Liaison office drafts", "Changed in an editor")
        bank_path.write_text(theirs, encoding="utf-8")
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")  # keep theirs for now
        await pilot.pause()
        assert bank_path.read_text(encoding="utf-8") == theirs
        await pilot.press("s")  # asks again; this time overwrite
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
    assert on_disk(bank_path, "demolition-date").status == "approved"


@scenario
async def test_mouse_picks_a_question(bank_path: Path) -> None:
    app = make_app(bank_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = main_screen(app)
        # Row 0 of the list is its border; row 3 is the third question.
        await pilot.click(QuestionList, offset=(10, 3))
        await pilot.pause()
        assert screen.query_one(QuestionList).current_id == "destroyed-in-2018"
        detail = screen.query_one(QuestionDetail)
        assert detail.question is not None and detail.question.id == "destroyed-in-2018"
        assert app.screen is screen  # one click only picks
        await pilot.click(QuestionList, offset=(10, 3))  # a second click opens it
        await pilot.pause()
        assert isinstance(app.screen, EditScreen)
        assert app.screen.question.id == "destroyed-in-2018"
        await pilot.click("#cancel")
        await pilot.pause()
        assert app.screen is screen


@scenario
async def test_article_and_help(bank_path: Path) -> None:
    app = make_app(bank_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        view = app.screen.query_one(ArticleView)
        block = view.first_highlight
        assert block is not None and "2:50 pm" in block.text
        await pilot.press("escape")
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, CurateScreen)
        await pilot.press("q")  # nothing changed: no question asked
    assert app.return_code == 0


@scenario
async def test_hostile_text_is_shown_literally(tmp_path: Path) -> None:
    folder = tmp_path / "hostile"
    shutil.copytree(ROOT / "tests" / "banks" / "hostile", folder)
    app = make_app(folder)
    async with app.run_test(size=SIZE) as pilot:
        screen = main_screen(app)
        qlist = screen.query_one(QuestionList)
        assert str(qlist.get_option_at_index(0).prompt).startswith("OK    choice [/unclosed]")
        for _ in qlist.ids:
            await pilot.press("down")
            await pilot.pause()
            app.save_screenshot(path=str(tmp_path))  # renders everything: must not raise
        qlist.highlighted = 0
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, EditScreen)
        assert form.query_one("#field-prompt", TextArea).text.startswith("[/unclosed]")
        # Inputs draw text raw, so they never get an escape sequence to draw...
        choices = form.query_one("#field-choices", TextArea).text
        assert "red" in choices and "\x1b" not in choices
        # ...yet a field left alone reads back exactly as the bank has it.
        assert form.values()["choices"] == "\n".join(form.question.choices)
        assert "\x1b" in form.values()["choices"] and not form.changed
        await pilot.press("escape")
        await pilot.press("q")
    assert app.return_code == 0


# --------------------------------------------------------------------------- snapshots


def test_snapshot_main_screen(snap_compare, bank_path: Path) -> None:
    assert snap_compare(make_app(bank_path), terminal_size=SIZE)


def test_snapshot_edit_form_with_an_error(snap_compare, bank_path: Path) -> None:
    async def run_before(pilot) -> None:
        await pilot.press("e")
        await pilot.pause()
        answer = pilot.app.screen.query_one("#field-answer", Input)
        await type_into(pilot, answer, "17 June 2020")
        answer.cursor_blink = False

    assert snap_compare(make_app(bank_path), terminal_size=SIZE, run_before=run_before)
