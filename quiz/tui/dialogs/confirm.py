"""A yes/no question (quitting mid-game, ending a session, overwriting a file).

Dismisses with True for yes. "No" has the focus: the safe choice is the default.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from quiz.tui.text import literal

# Arrows move between a dialog's buttons (Tab does too); Enter presses the focused one.
BUTTON_KEYS: list[BindingType] = [
    Binding("left,up", "app.focus_previous", "Previous", show=False),
    Binding("right,down", "app.focus_next", "Next", show=False),
]


class ConfirmDialog(ModalScreen[bool]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
        *BUTTON_KEYS,
    ]

    def __init__(self, question: str, detail: str = "", *, yes: str = "Yes",
                 no: str = "No") -> None:
        super().__init__()
        self.question, self.detail, self.yes, self.no = question, detail, yes, no

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-dialog", classes="dialog"):
            yield Static(literal(self.question, "bold"), classes="dialog-title")
            if self.detail:
                yield Static(literal(self.detail), classes="dialog-sub")
            with Horizontal(classes="dialog-buttons"):
                yield Button(literal(f"{self.yes} (y)"), id="yes", variant="error")
                yield Button(literal(f"{self.no} (n)"), id="no", variant="primary")
            yield Static(literal(f"y {self.yes} · n or Esc {self.no} · ← → move · Enter picks",
                                 "dim"), classes="dialog-keys")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
