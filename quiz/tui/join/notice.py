"""A screen that only says something: connecting, refused, removed, lost."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from quiz.tui.join.base import JoinScreen
from quiz.tui.text import literal


class JoinNoticeScreen(JoinScreen):
    """A title, the host's words (literal) and what the student can do about it."""

    def __init__(self, title: str, message: str = "", advice: str = "",
                 kind: str = "info") -> None:
        super().__init__()
        self.title_text = title
        self.message = message
        self.advice = advice
        self.kind = kind  # info | error: only the colour of the title changes

    def compose(self) -> ComposeResult:
        yield from self.compose_status()
        with Vertical(id="jn-body"):
            yield Static("", id="jn-title", classes=f"-{self.kind}")
            yield Static("", id="jn-message")
            yield Static("", id="jn-advice")
        yield from self.compose_footer()

    def update(self, *, title: str | None = None, message: str | None = None,
               advice: str | None = None) -> None:
        if title is not None:
            self.title_text = title
        if message is not None:
            self.message = message
        if advice is not None:
            self.advice = advice
        self.redraw()

    def redraw(self) -> None:
        if not self.ready:
            return
        self.query_one("#jn-title", Static).update(literal(self.title_text, "bold"))
        self.query_one("#jn-message", Static).update(_sentence(self.message))
        advice = self.query_one("#jn-advice", Static)
        advice.update(literal(self.advice))
        advice.display = bool(self.advice)


def _sentence(text: str) -> Content:
    """The host's message with a capital and a full stop, still literal."""
    text = text.strip()
    if text:
        text = text[0].upper() + text[1:]
        if text[-1] not in ".!?":
            text += "."
    return literal(text)
