"""The lobby: who is in, and whether the teacher still has to let this student in."""

from __future__ import annotations

from dataclasses import dataclass, field

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from quiz.tui.join.base import JoinScreen
from quiz.tui.text import assemble, join, literal


@dataclass(slots=True)
class LobbyView:
    """What the lobby shows: the ``lobby`` message, plus the welcome's bank."""

    me: str
    count: int = 0
    names: list[str] = field(default_factory=list)
    waiting: bool = False
    bank_title: str = ""
    source: str = ""
    license: str = ""


class JoinLobbyScreen(JoinScreen):
    def __init__(self, view: LobbyView) -> None:
        super().__init__()
        self.view = view

    def compose(self) -> ComposeResult:
        yield from self.compose_status()
        with VerticalScroll(id="jl-body"):
            yield Static("", id="jl-title")
            yield Static("", id="jl-bank")
            yield Static("", id="jl-state")
            yield Static("", id="jl-count")
            yield Static("", id="jl-names")
        yield from self.compose_footer()

    def show(self, view: LobbyView) -> None:
        self.view = view
        self.redraw()

    def redraw(self) -> None:
        if not self.ready:
            return
        v = self.view
        self.query_one("#jl-title", Static).update(
            assemble(literal("You are in as ", "bold"), literal(v.me, "bold")))
        bank = [literal(v.bank_title, "bold")] if v.bank_title else []
        if v.source and v.source != v.bank_title:
            bank.append(assemble("Questions about the article “", literal(v.source), "”"))
        if v.license:
            bank.append(literal(f"Article licence: {v.license}", "dim"))
        self.query_one("#jl-bank", Static).update(join(bank))
        state = self.query_one("#jl-state", Static)
        state.set_class(v.waiting, "-waiting")
        state.update(literal(
            "Waiting for the teacher to approve your name…" if v.waiting
            else "Waiting for the teacher to start…"))
        players = "player" if v.count == 1 else "players"
        self.query_one("#jl-count", Static).update(
            literal(f"{v.count} {players} in the room", "bold"))
        names = self.query_one("#jl-names", Static)
        names.update(join([literal(n) for n in v.names], "   ·   "))
        names.display = bool(v.names)
