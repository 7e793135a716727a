"""What every screen of ``quiz join`` shares: the status line and the key help.

The app owns the connection and the score; a screen shows one phase of the
class session and asks the app for the status line when it appears.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static


class JoinScreen(Screen[None]):
    """Base for the student's screens: a top bar kept current by the app."""

    def __init__(self) -> None:
        super().__init__()
        # Messages can arrive before the screen is composed: screens keep what they
        # were told and draw it in ``redraw``, which runs once mounted.
        self.ready = False

    def compose_status(self) -> ComposeResult:
        yield Static("", id="status", classes="topbar")

    def compose_footer(self) -> ComposeResult:
        yield Footer()

    def on_mount(self) -> None:
        self.ready = True
        line = getattr(self.app, "status_line", None)
        if callable(line):
            self.show_status(line())
        self.redraw()

    def show_status(self, content: Content) -> None:
        if self.ready:
            self.query_one("#status", Static).update(content)

    def redraw(self) -> None:
        """Draw the screen's state; called on mount and after each change."""
