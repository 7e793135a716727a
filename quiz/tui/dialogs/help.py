"""The ``?`` screen: every key, by screen."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from quiz.tui.text import assemble, join, literal

KEYS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    ("Anywhere", (
        ("?  F1", "this help"),
        ("q  Ctrl+Q", "quit (asks first in the middle of a game)"),
        ("mouse", "click options and buttons; the wheel scrolls"),
    )),
    ("Picking a bank", (
        ("↑ ↓  Enter", "choose a bank, then a mode: 1 practice, 2 test, 3 review, 4 cram"),
        ("r", "look for banks again"),
    )),
    ("Answering", (
        ("1-9  a-g", "pick that option (choice); toggle it (multi)"),
        ("t  f", "true or false"),
        ("Space", "toggle the highlighted option (multi)"),
        ("u  d", "move the highlighted item up or down (order); also Shift+↑ ↓"),
        ("Enter", "submit"),
        ("h", "next hint step; the button says what the question is worth after it"),
        ("p", "after the last hint: the passage in the article"),
        ("s", "skip the question"),
        ("Esc", "in a text box: leave it, so h, s and q work"),
    )),
    ("After an answer", (
        ("Enter  n", "next question"),
        ("w", "why? the article, scrolled to the passage that proves the answer"),
    )),
    ("Article and results", (
        ("Esc  b", "back"),
        ("g", "scroll back to the highlighted passage"),
        ("Enter", "on a missed question: show its passage"),
        ("d", "done with the results"),
    )),
)


def help_text():
    lines = []
    for title, keys in KEYS:
        lines.append(literal(title, "bold underline"))
        lines += [assemble(literal(f"  {k:<12}", "bold"), literal(what)) for k, what in keys]
        lines.append(literal(""))
    return join(lines[:-1])


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,f1,q", "close", "Close"),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-dialog", classes="dialog"):
            yield Static(literal("Keys", "bold"), classes="dialog-title")
            yield Static(help_text(), id="help-text")
            yield Static(literal("Esc closes this help.", "dim"), classes="dialog-sub")

    def action_close(self) -> None:
        self.dismiss(None)
