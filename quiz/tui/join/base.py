"""What every screen of ``quiz join`` shares: the status line and the key help.

The app owns the connection and the score; a screen shows one phase of the
class session, and the app hands it the status line (before it appears, and
whenever the line changes).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from quiz.tui.widgets.keybar import KeyFooter


class JoinScreen(Screen[None]):
    """Base for the student's screens: a top bar kept current by the app."""

    def __init__(self) -> None:
        super().__init__()
        # Messages can arrive before the screen is composed: screens keep what they
        # were told and draw it in ``redraw``, which runs once mounted.
        self.ready = False
        self.status = Content("")

    def compose_status(self) -> ComposeResult:
        yield Static("", id="status", classes="topbar")

    def compose_footer(self) -> ComposeResult:
        yield KeyFooter()

    def on_mount(self) -> None:
        self.ready = True
        self.show_status(self.status)
        self.redraw()

    def show_status(self, content: Content) -> None:
        self.status = content
        if self.ready:
            self.query_one("#status", Static).update(content)

    def redraw(self) -> None:
        """Draw the screen's state; called on mount and after each change."""
