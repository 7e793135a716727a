"""First run: who is playing? The name their progress is kept under."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from quiz.store.progress import MAX_PROFILE_NAME, StoreError, check_profile_name
from quiz.tui.styles import sheet
from quiz.tui.text import literal
from quiz.tui.widgets.fields import OrderedInput

CSS = sheet("progress.tcss")


class ProfileScreen(ModalScreen[str | None]):
    """Asks a name; dismisses with the cleaned name, or None to play as "default"."""

    CSS_PATH = CSS
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "skip", "Skip")]

    def __init__(self, known: list[str] | None = None, problem: str | None = None) -> None:
        super().__init__()
        self.known = known or []
        # Why the name given last time would not do (the store refused it).
        self.problem = problem

    def compose(self) -> ComposeResult:
        with Vertical(classes="progress-box"):
            yield Static(literal("Who is playing?"), classes="progress-question")
            detail = ("Your progress is kept under this name, so several students can "
                      "share this computer. Switch later with --profile NAME.")
            if self.known:
                detail += " Known here: " + ", ".join(self.known) + "."
            yield Static(literal(detail), classes="progress-detail")
            yield OrderedInput(placeholder="your name", max_length=MAX_PROFILE_NAME, id="name")
            yield Static(self._problem_text(self.problem), id="problem",
                         classes="progress-problem")
            with Horizontal(classes="progress-buttons"):
                yield Button(literal("Play"), id="ok", variant="primary")
                yield Button(literal("Skip"), id="skip")

    def on_mount(self) -> None:
        self.query_one("#name", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "ok":
            self._submit()
        else:
            self.dismiss(None)

    def action_skip(self) -> None:
        self.dismiss(None)

    def _submit(self) -> None:
        text = self.query_one("#name", Input).value
        if not text.strip():
            self.dismiss(None)
            return
        try:
            name = check_profile_name(text)
        except StoreError as exc:
            self.query_one("#problem", Static).update(self._problem_text(str(exc)))
            return
        self.dismiss(name)

    @staticmethod
    def _problem_text(problem: str | None) -> Content | str:
        return literal(f"That name won't do: {problem}.") if problem else ""
