"""``quiz host``: the teacher's screen, projected in class.

The app owns the server's life: it starts listening once the screen is up
(in Textual's own asyncio loop, so the server's events and the screen share
one thread) and stops it on the way out. A port already in use is a message
and exit code 1, never a traceback.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import Screen

from quiz.classroom.room import Phase
from quiz.classroom.server import listen_error
from quiz.textsafe import clean
from quiz.tui.styles import sheets

if TYPE_CHECKING:
    from quiz.classroom.server import ClassServer
    from quiz.tui.host.main import HostScreen


class HostApp(App[int]):
    CSS_PATH = sheets("host.tcss")
    TITLE = "quiz host"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS: ClassVar[list[BindingType]] = [Binding("ctrl+q", "quit", "Quit", show=False)]

    def __init__(self, server: ClassServer, *, notices: Iterable[str] = (),
                 url_override: str | None = None) -> None:
        super().__init__()
        self.server = server
        self.notices = list(notices)
        # Tests (and screenshots) pin the URL: the real one holds a random port.
        self.url_override = url_override
        self.listening = False
        self.failure: str | None = None
        self._refresh_queued = False
        self.host_screen: HostScreen

    def get_default_screen(self) -> Screen:
        from quiz.tui.host.main import HostScreen

        self.host_screen = HostScreen(self.server, self.join_url())
        return self.host_screen

    def join_url(self) -> str:
        return self.url_override or self.server.url()

    async def on_host_screen_ready(self) -> None:
        try:
            await self.server.listen()
        except OSError as exc:
            why = listen_error(exc, self.server)
            self.failure = f"{why[:1].upper()}{why[1:]}."  # a sentence on the screen
            self.host_screen.show_failure(self.failure)
            self.exit(1, return_code=1, message=Text(self.failure))
            return
        self.listening = True
        self.server.listeners.append(self._on_event)
        # Port 0 means "any free port": the URL is known only now.
        if self.join_url() != self.host_screen.url:
            self.host_screen.set_url(self.join_url())
        for notice in self.notices:
            self.notify(clean(notice), severity="warning", timeout=10, markup=False)
        self.host_screen.refresh_room()

    def _on_event(self, event: str) -> None:
        # Called inside the server's handlers: do nothing slow here, and never raise
        # into them. Thirty answers in a burst make one refresh, not thirty.
        if event == "notice":  # once per episode (the server sees to that)
            self.notify(clean(self.server.notice), severity="warning", timeout=10,
                        markup=False)
        if not self._refresh_queued:
            self._refresh_queued = True
            self.call_later(self._refresh)

    def _refresh(self) -> None:
        self._refresh_queued = False
        self.host_screen.refresh_room()

    async def stop_server(self) -> None:
        if self.listening:
            self.listening = False
            if self._on_event in self.server.listeners:
                self.server.listeners.remove(self._on_event)
            await self.server.stop()

    async def on_unmount(self) -> None:
        await self.stop_server()

    async def _close_host(self) -> None:
        await self.stop_server()
        self.exit(0)

    async def action_quit(self) -> None:
        if self.failure is not None or not self.listening or self.server.room.phase is Phase.ENDED:
            await self._close_host()
            return
        from quiz.tui.dialogs.confirm import ConfirmDialog

        def done(yes: bool | None) -> None:
            if yes:
                self.call_later(self._close_host)

        await self.push_screen(ConfirmDialog(
            "Close the host?",
            "Students lose the connection. The session is saved: quiz host --resume "
            "picks it up where it is."), done)


def run_host(server: ClassServer, *, notices: list[str]) -> int:
    """Run the teacher's screen until they quit; the exit code for the command line."""
    app = HostApp(server, notices=notices)

    async def main() -> None:
        try:
            await app.run_async()
        finally:
            await app.stop_server()  # also after a crash: free the port, flush answers

    asyncio.run(main())
    return app.return_code or 0
