"""Pick a student (to kick, approve or decline). Returns the player's id, ALL, or None."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from quiz.classroom.room import Player
from quiz.tui.text import assemble, literal

ALL = -1  # "every waiting student", offered when approving or declining


class HostPickScreen(ModalScreen[int | None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, players: list[Player], *, offer_all: bool = False) -> None:
        super().__init__()
        self.title_text = title
        self.players = players
        self.offer_all = offer_all

    def compose(self) -> ComposeResult:
        options: list[Option] = []
        if self.offer_all and len(self.players) > 1:
            options.append(Option(literal(f"All {len(self.players)} of them", "bold"),
                                  id=str(ALL)))
        for p in self.players:
            state = "" if p.connected else "  (offline)"
            options.append(Option(assemble(literal(p.name), (state, "dim"),
                                           (f"  {p.score} points" if p.score else "", "dim")),
                                  id=str(p.id)))
        with Vertical(id="pick-dialog", classes="dialog"):
            yield Static(literal(self.title_text, "bold"), classes="dialog-title")
            yield OptionList(*options, id="pick-list")
            yield Static(literal("Enter picks · Esc cancels", "dim"), classes="dialog-foot")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(int(event.option.id or ALL))

    def action_cancel(self) -> None:
        self.dismiss(None)
