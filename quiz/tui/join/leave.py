"""Quitting mid-session: disconnect (and be able to come back) or leave for good."""

from __future__ import annotations

from typing import ClassVar, Literal

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from quiz.tui.text import literal

Choice = Literal["disconnect", "leave"] | None
BUTTONS: dict[str, Choice] = {"disconnect": "disconnect", "leave": "leave", "stay": None}


class JoinLeaveScreen(ModalScreen[Choice]):
    """Returns "disconnect", "leave" (for good: the host frees the name) or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("d,q", "choose('disconnect')", "Disconnect"),
        Binding("l", "choose('leave')", "Leave for good"),
        Binding("n,escape", "choose(None)", "Stay"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="leave-dialog", classes="dialog"):
            yield Static(literal("Quit quiz join?", "bold"), classes="dialog-title")
            yield Static(literal(
                "Disconnect keeps your place: run the same quiz join command again to come "
                "back with your name and score. Leave for good gives up your place and "
                "your name."), classes="dialog-sub")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Disconnect (d)", id="disconnect", variant="primary")
                yield Button("Leave for good (l)", id="leave", variant="error")
                yield Button("Stay (n)", id="stay")

    def on_mount(self) -> None:
        self.query_one("#stay", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(BUTTONS.get(event.button.id or "stay"))

    def action_choose(self, choice: Choice) -> None:
        self.dismiss(choice)
