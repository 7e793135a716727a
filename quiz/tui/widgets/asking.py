"""What a screen that asks a question shares (the solo game's and a class session's).

Number and letter keys reach the answer widget while no text box has focus; Esc
in a text box leaves it, so the screen's own letter keys work again. Each screen
binds Esc to ``leave_input`` itself, where it wants it in its footer.
"""

from __future__ import annotations

from textual import events
from textual.screen import Screen
from textual.widgets import Button, Input

from quiz.tui.widgets.answers import AnswerWidget

TYPE_NAMES = {
    "choice": "Pick one", "multi": "Pick all that apply", "truefalse": "True or false",
    "text": "Type the answer", "number": "Type a number", "order": "Put in order",
}
TYPE_HELP = {
    "choice": "1-9 or a-g answers · arrows + Enter",
    "multi": "1-9/Space toggle · Enter submits",
    "truefalse": "t true · f false",
    "text": "Enter submits",
    "number": "Enter submits",
    "order": "1-9 picks · u/d moves · Enter submits",
}


class AskingScreen(Screen[None]):
    """Base for a screen with one :class:`AnswerWidget` and a ``#submit`` button.

    The screen's buttons run its actions (``Button(action="screen.submit")``).
    """

    @property
    def can_answer(self) -> bool:
        """Whether the answer widget takes keys now (not once the answer has gone)."""
        return True

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "leave_input":
            return isinstance(self.focused, Input)
        return True

    def on_key(self, event: events.Key) -> None:
        if isinstance(self.focused, Input) or not self.can_answer:
            return
        if event.character and self.query_one(AnswerWidget).shortcut(event.character):
            event.stop()
            event.prevent_default()

    def action_submit(self) -> None:
        """Submit what the answer widget holds (the Submit button)."""
        self.query_one(AnswerWidget).submit()

    def action_leave_input(self) -> None:
        """Esc in a text box frees the letter keys for commands."""
        if isinstance(self.focused, Input):
            self.query_one("#submit", Button).focus()
