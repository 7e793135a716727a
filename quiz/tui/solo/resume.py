"""The resume offer: go on with an unfinished session, or start over."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from quiz.play.setup import describe
from quiz.store.progress import SessionRow
from quiz.tui.dialogs.confirm import BUTTON_KEYS
from quiz.tui.solo.profile import CSS
from quiz.tui.text import literal


class ResumeScreen(ModalScreen[bool | None]):
    """Dismisses with True (resume), False (start over) or None (back out)."""

    CSS_PATH = CSS
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "choose(True)", "Resume"),
        Binding("n", "choose(False)", "Start over"),
        Binding("escape", "choose(None)", "Back"),
        *BUTTON_KEYS,
    ]

    def __init__(self, row: SessionRow) -> None:
        super().__init__()
        self.row = row

    def compose(self) -> ComposeResult:
        with Vertical(classes="progress-box"):
            yield Static(literal(f"Resume {self.row.bank_title or self.row.bank_id}?"),
                         classes="progress-question")
            yield Static(literal(f"You have an unfinished {describe(self.row)}. Resuming "
                                 "goes on at the next unanswered question."),
                         classes="progress-detail")
            with Horizontal(classes="progress-buttons"):
                yield Button(literal("Resume (r)"), id="resume", variant="primary")
                yield Button(literal("Start over (n)"), id="new")
            yield Static(literal("r Resume · n Start over · Esc back · ← → move · Enter picks",
                                 "dim"), classes="progress-detail")

    def on_mount(self) -> None:
        self.query_one("#resume", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "resume")

    def action_choose(self, resume: bool | None) -> None:
        self.dismiss(resume)
