"""Curate shows what ``quiz lint`` says beside the question, and refuses an ungrounded answer."""

from __future__ import annotations

import shutil
from pathlib import Path

from textual.widgets import Button, Input, Static, TextArea

from quiz.bank.curation import Curation
from quiz.tui.curate.detail import QuestionDetail
from quiz.tui.curate.edit import EditScreen
from tests.test_curate import edited
from tests.test_curate_tui import SIZE, keys, main_screen, make_app, scenario, type_into
from tests.test_lint import LEAKS, SEED


def copy_of(src: Path, tmp_path: Path) -> Path:
    shutil.copytree(src, tmp_path / "b")
    return tmp_path / "b" / "bank.yaml"


def test_curation_gives_the_linters_warnings_for_one_question(tmp_path: Path) -> None:
    c = Curation.open(copy_of(LEAKS, tmp_path))
    mine = c.warnings("head-of-office")
    assert [(w.code, w.index) for w in mine if w.code == "L108"] == [("L108", 1)]
    # Shown where the answer leaks, and at the question whose answer it is.
    assert any(w.code == "L101" and w.question_id == "demolition-time"
               for w in c.warnings("demolition-date"))
    new, _ = edited(c, "head-of-office", choices="Jon Jong-su\nKim Yo-jong\nWon Kil-u")
    check = c.check(new)
    assert check.ok and check.question is not None
    c.update(check.question)
    # The edit is linted before any save: the true distractor and its leak are gone.
    assert [w for w in c.warnings("head-of-office") if "Chun Hae-sung" in w.message] == []
    assert len(c.warnings("head-of-office")) < len(mine)


def test_the_curate_scenario_is_refused_naming_the_passage(tmp_path: Path) -> None:
    c = Curation.open(copy_of(SEED, tmp_path))
    new, _ = edited(c, "water-plant", answer="Union Buildings")
    check = c.check(new)
    assert not check.ok and list(check.errors) == ["answer"]
    message = check.errors["answer"][0]
    assert "`Union Buildings` cannot be read in the evidence “On 11 October 2018" in message
    # The true answer kept as an accepted form does not make the edit pass.
    new, _ = edited(c, "water-plant", answer="Union Buildings", accept="water treatment plant")
    assert "answer" in c.check(new).errors
    new, _ = edited(c, "water-plant", accept="a water treatment plant\nUnion Buildings")
    errors = c.check(new).errors
    assert list(errors) == ["accept"] and "`Union Buildings`" in errors["accept"][0]


async def type_lines(pilot, area: TextArea, lines: list[str]) -> None:
    """Replace a list field's text, one entry per line, as a person types it."""
    area.focus()
    await pilot.pause()
    typed: list[str] = []
    for n, line in enumerate(lines):
        typed += (["enter"] if n else []) + keys(line)
    await pilot.press("f7", *typed)
    await pilot.pause(0.4)  # past the form's check delay, as type_into waits


def detail_text(app) -> str:
    return str(main_screen(app).query_one(QuestionDetail).render())


@scenario
async def test_warnings_are_shown_beside_the_question_and_go_when_fixed(tmp_path: Path) -> None:
    path = copy_of(LEAKS, tmp_path)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        # The only draft is shown first: a distractor the article states in the answer's place.
        text = detail_text(app)
        assert "head-of-office" in text
        assert "⚠ choice `Chun Hae-sung` is not marked right" in text and "[L108]" in text
        assert text.index("[L108]") < text.index("Choices")  # beside the question, up top
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, EditScreen)
        await type_lines(pilot, form.query_one("#field-choices", TextArea),
                         ["Jon Jong-su", "Kim Yo-jong", "Won Kil-u"])
        assert not form.query_one("#save", Button).disabled
        await pilot.press("ctrl+s")
        await pilot.pause()
        text = detail_text(app)
        assert "head-of-office" in text and "Kim Yo-jong" in text and "[L108]" not in text


@scenario
async def test_the_edit_form_refuses_an_answer_its_passage_does_not_hold(tmp_path: Path) -> None:
    path = copy_of(LEAKS, tmp_path)
    before = path.read_bytes()
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, EditScreen)
        await type_lines(pilot, form.query_one("#field-choices", TextArea),
                         ["Union Buildings", "Jon Jong-su", "Won Kil-u"])
        await type_into(pilot, form.query_one("#field-answer", Input), "Union Buildings")
        error = str(form.query_one("#error-answer", Static).render())
        assert "Union Buildings" in error and "“It was headed by North Korean" in error
        assert form.query_one("#save", Button).disabled
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
    assert path.read_bytes() == before
