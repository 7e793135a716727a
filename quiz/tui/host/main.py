"""The teacher's one screen: the panel for the room's phase, and the keys that drive it.

The keys call the server's controls (which tell the students and save the
room); the server's listeners then call :meth:`HostScreen.refresh_room`, so
what is projected always comes from the room itself, not from what the
teacher pressed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Static

from quiz.classroom.room import Phase, Room, RoomError
from quiz.tui.dialogs.confirm import ConfirmDialog
from quiz.tui.host.panels import (
    EndPanel,
    LobbyPanel,
    QuestionPanel,
    RevealPanel,
    settings_line,
)
from quiz.tui.host.pick import ALL, HostPickScreen
from quiz.tui.text import assemble
from quiz.tui.widgets.keybar import KeyFooter

if TYPE_CHECKING:
    from quiz.classroom.server import ClassServer

TICK = 0.25  # seconds between countdown refreshes
_ASKING = (Phase.OPEN, Phase.PAUSED, Phase.CLOSED)


class HostScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "start", "Start"),
        Binding("n", "next", "Next"),
        Binding("p", "pause", "Pause"),
        Binding("p", "resume", "Resume"),
        Binding("r", "reveal", "Reveal"),
        Binding("e", "end", "End"),
        Binding("l", "lock", "Lock lobby"),
        Binding("l", "unlock", "Unlock lobby"),
        Binding("k", "kick", "Kick"),
        Binding("x", "remove_away", "Remove away"),
        Binding("a", "approve", "Approve"),
        Binding("d", "decline", "Decline"),
        Binding("q", "app.quit", "Quit"),
    ]

    def __init__(self, server: ClassServer, url: str) -> None:
        super().__init__()
        self.server = server
        self.url = url
        self.failed = False
        self._shown: tuple[Phase, int] | None = None

    @property
    def room(self) -> Room:
        return self.server.room

    def compose(self) -> ComposeResult:
        yield Static(self._header(), id="host-header", classes="topbar")
        with ContentSwitcher(initial="lobby", id="host-body"):
            yield LobbyPanel(self.url, self.room.code, id="lobby")
            yield QuestionPanel(id="question")
            yield Vertical(id="reveal")
            yield Vertical(id="end")
            yield Static(id="failure")
        yield KeyFooter()

    class Ready(Message):
        """The screen is up: the app may start listening (and show a failure here)."""

    def on_mount(self) -> None:
        self.refresh_room()
        self.set_interval(TICK, self._tick)
        self.post_message(self.Ready())

    def _header(self):
        # Settings first: a long bank title is what gets cut on a narrow projector.
        room = self.room
        active = room.active_players()
        n = sum(p.connected for p in active)
        away = f", {len(active) - n} away" if len(active) > n else ""
        return assemble((settings_line(room), "bold"), "  │  ",
                        f"{n} student{'s' if n != 1 else ''}{away}", "  │  ",
                        self.server.bank.title)

    # -- showing the room ---------------------------------------------------------

    def set_url(self, url: str) -> None:
        self.url = url
        self.query_one(LobbyPanel).set_url(url)

    def show_failure(self, message: str) -> None:
        self.failed = True
        failure = self.query_one("#failure", Static)
        failure.update(assemble(("The host could not start\n\n", "bold"), message))
        self.query_one(ContentSwitcher).current = "failure"
        self.refresh_bindings()

    def refresh_room(self) -> None:
        """Bring every part of the screen up to the room's state (after any event)."""
        if self.failed:
            return
        room = self.room
        self.query_one("#host-header", Static).update(self._header())
        phase = room.phase
        switcher = self.query_one(ContentSwitcher)
        if phase is Phase.LOBBY:
            self.query_one(LobbyPanel).show(room)
            switcher.current = "lobby"
        elif phase in _ASKING:
            self.query_one(QuestionPanel).show(room, self.server.clock())
            switcher.current = "question"
        elif phase is Phase.REVEALED:
            # Rebuilt once per reveal: the distribution and standings are final by now.
            if self._shown != (phase, room.index):
                self._rebuild("reveal", RevealPanel(room, self.server.article()))
            switcher.current = "reveal"
        elif phase is Phase.ENDED:
            if self._shown != (phase, room.index):
                self._rebuild("end", EndPanel(room))
            switcher.current = "end"
        self._shown = (phase, room.index)
        self.refresh_bindings()

    def _rebuild(self, slot: str, panel) -> None:
        holder = self.query_one(f"#{slot}", Vertical)
        holder.remove_children()
        holder.mount(panel)

    def _tick(self) -> None:
        if not self.failed and self.room.phase in _ASKING:
            self.query_one(QuestionPanel).tick(self.room, self.server.clock())

    # -- which keys make sense now ----------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.failed:
            return action == "quit"
        room = self.room
        phase = room.phase
        waiting = bool(room.waiting_players())
        ok = {
            "start": phase is Phase.LOBBY,
            "next": phase in (Phase.REVEALED, Phase.CLOSED),
            "pause": phase is Phase.OPEN,
            "resume": phase is Phase.PAUSED,
            "reveal": phase in _ASKING,
            "end": phase is not Phase.ENDED,
            "lock": phase is not Phase.ENDED and not room.state.locked,
            "unlock": phase is not Phase.ENDED and room.state.locked,
            "kick": phase is not Phase.ENDED and bool(self._kickable()),
            "remove_away": phase is not Phase.ENDED and any(
                not p.connected for p in self._kickable()),
            "approve": phase is not Phase.ENDED and waiting,
            "decline": phase is not Phase.ENDED and waiting,
        }
        return ok.get(action, True)

    def _kickable(self):
        return [p for p in self.room.players.values() if not p.kicked and not p.left]

    # -- the teacher's keys -----------------------------------------------------------

    def _control(self, fn, *args) -> object:
        """Run a server control; a refusal becomes a notice, not a crash."""
        try:
            return fn(*args)
        except RoomError as exc:
            self.notify(exc.message, severity="warning", markup=False)
        except KeyError:
            self.notify("that student is no longer in the room", severity="warning",
                        markup=False)
        finally:
            self.refresh_room()
        return None

    def action_start(self) -> None:
        if not self.room.active_players():
            self.notify("Nobody has joined yet; starting anyway.", markup=False)
        self._control(self.server.next_question)

    def action_next(self) -> None:
        if self.room.index + 1 >= self.room.total:
            self.action_end()
            return
        self._control(self.server.next_question)

    def action_pause(self) -> None:
        self._control(self.server.pause)

    def action_resume(self) -> None:
        self._control(self.server.resume)

    def action_reveal(self) -> None:
        self._control(self.server.reveal)

    def action_lock(self) -> None:
        self._control(self.server.lock, True)

    def action_unlock(self) -> None:
        self._control(self.server.lock, False)

    def action_end(self) -> None:
        def done(yes: bool | None) -> None:
            if yes:
                self._control(self.server.end)

        self.app.push_screen(ConfirmDialog(
            "End the session for everyone?",
            "Students see the podium and no more questions are asked."), done)

    def action_kick(self) -> None:
        def done(pid: int | None) -> None:
            if pid is not None and pid != ALL:
                self._control(self.server.kick, pid)

        self.app.push_screen(HostPickScreen("Remove which student?", self._kickable()), done)

    def action_remove_away(self) -> None:
        def done(yes: bool | None) -> None:
            if yes:
                n = self._control(self.server.remove_away)
                self.notify(f"Removed {n} students who were not connected.", markup=False)

        away = sum(not p.connected for p in self._kickable())
        self.app.push_screen(ConfirmDialog(
            f"Remove the {away} students who are not connected?",
            "Their places and names are freed; what they answered stays in the report."),
            done)

    def action_approve(self) -> None:
        self._pick_waiting("Let which name in?", self.server.approve)

    def action_decline(self) -> None:
        self._pick_waiting("Turn away which name?", self.server.decline)

    def _pick_waiting(self, title: str, control) -> None:
        waiting = self.room.waiting_players()

        def done(pid: int | None) -> None:
            if pid is None:
                return
            for p in waiting if pid == ALL else [p for p in waiting if p.id == pid]:
                self._control(control, p.id)

        self.app.push_screen(HostPickScreen(title, waiting, offer_all=True), done)

