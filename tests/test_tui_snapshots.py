"""Snapshots of the game screens at 80x24 (pytest-textual-snapshot).

Each app plays a one-question copy of a seed-bank question, so a change to the
bank's order or to the other questions never changes these pictures. Update
them with ``pytest tests/test_tui_snapshots.py --snapshot-update`` after a
deliberate change, and look at the report before committing.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from quiz.bank.load import load_bank
from quiz.bank.model import Bank
from quiz.play.engine import Mode, Settings
from quiz.tui.solo.app import QuizApp, create_app
from tests.conftest import SEED_BANK

SIZE = (80, 24)
HOSTILE = Path(__file__).parent / "banks" / "hostile"

# One question of each type from the seed bank.
PICKS = {
    "choice": "chief-north-name",
    "multi": "sports-talks-people",
    "truefalse": "vacant-before-demolition",
    "text": "demolition-date",
    "number": "floor-area",
    "order": "timeline-2020",
}


@pytest.fixture(scope="module")
def seed_bank() -> Bank:
    return load_bank(SEED_BANK / "bank.yaml")


def only(bank: Bank, *ids: str) -> Bank:
    qs = [q for q in bank.questions if q.id in ids]
    assert len(qs) == len(ids), f"missing from the bank: {ids}"
    return dataclasses.replace(bank, questions=qs)


def app_for(bank: Bank, mode: str = "practice") -> QuizApp:
    return create_app(bank=bank, settings=Settings(mode=Mode(mode), seed=1, shuffle=False),
                      ask_mode=False)


def pick(bank: Bank, qtype: str) -> str:
    wanted = PICKS[qtype]
    if bank.question(wanted) is None:  # the bank changed: take the first of the type
        wanted = next(q.id for q in bank.playable() if q.type == qtype)
    return wanted


@pytest.mark.parametrize("qtype", list(PICKS))
def test_question_screen(snap_compare, seed_bank: Bank, qtype: str) -> None:
    app = app_for(only(seed_bank, pick(seed_bank, qtype)))
    assert snap_compare(app, terminal_size=SIZE)


def test_question_with_a_hint(snap_compare, seed_bank: Bank) -> None:
    app = app_for(only(seed_bank, pick(seed_bank, "choice")))
    assert snap_compare(app, press=["h"], terminal_size=SIZE)


def test_feedback_right(snap_compare, seed_bank: Bank) -> None:
    bank = only(seed_bank, pick(seed_bank, "truefalse"))
    q = bank.questions[0]
    assert snap_compare(app_for(bank), press=["t" if q.answer else "f"], terminal_size=SIZE)


def test_feedback_wrong(snap_compare, seed_bank: Bank) -> None:
    bank = only(seed_bank, pick(seed_bank, "truefalse"))
    q = bank.questions[0]
    assert snap_compare(app_for(bank), press=["f" if q.answer else "t"], terminal_size=SIZE)


def test_article_reader_with_highlight(snap_compare, seed_bank: Bank) -> None:
    bank = only(seed_bank, pick(seed_bank, "text"))
    assert snap_compare(app_for(bank), press=["escape", "s", "w"], terminal_size=SIZE)


def test_results(snap_compare, seed_bank: Bank) -> None:
    bank = only(seed_bank, pick(seed_bank, "choice"), pick(seed_bank, "truefalse"),
                pick(seed_bank, "order"))
    tf = bank.question(pick(seed_bank, "truefalse"))
    assert tf is not None
    # Test mode: a right true/false, a skipped choice, an order left as shown (wrong).
    keys = []
    for q in bank.questions:
        if q.type == "truefalse":
            keys.append("t" if q.answer else "f")
        elif q.type == "choice":
            keys.append("s")
        else:
            keys.append("enter")
    assert snap_compare(app_for(bank, "test"), press=keys, terminal_size=SIZE)


def test_help(snap_compare, seed_bank: Bank) -> None:
    app = app_for(only(seed_bank, pick(seed_bank, "choice")))
    assert snap_compare(app, press=["question_mark"], terminal_size=SIZE)


def test_mode_screen(snap_compare, seed_bank: Bank) -> None:
    app = create_app(bank=only(seed_bank, pick(seed_bank, "choice")))
    assert snap_compare(app, terminal_size=SIZE)


def test_hostile_choice(snap_compare) -> None:
    bank = load_bank(HOSTILE)
    assert snap_compare(app_for(only(bank, "markup-choice")), terminal_size=SIZE)


def test_hostile_reader(snap_compare) -> None:
    bank = load_bank(HOSTILE)
    assert snap_compare(app_for(only(bank, "bidi-truefalse")), press=["t", "w"],
                        terminal_size=SIZE)


# -- NO_COLOR: every state still shows, by shape ------------------------------------
# Textual drops colour under NO_COLOR (set before the app starts); ticked and
# unticked boxes, the order item being moved and the passage must still differ.


def test_no_color_multi_ticked_and_unticked(snap_compare, seed_bank: Bank,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = app_for(only(seed_bank, pick(seed_bank, "multi")))
    assert snap_compare(app, press=["1", "3"], terminal_size=SIZE)


def test_no_color_order_item_being_moved(snap_compare, seed_bank: Bank,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = app_for(only(seed_bank, pick(seed_bank, "order")))
    assert snap_compare(app, press=["2"], terminal_size=SIZE)


def test_no_color_reader_highlight(snap_compare, seed_bank: Bank,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = app_for(only(seed_bank, pick(seed_bank, "text")))
    assert snap_compare(app, press=["escape", "s", "w"], terminal_size=SIZE)
