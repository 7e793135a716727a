"""Choose how to play a bank: practice or test. Returns the mode's name, or None."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from quiz.bank.model import Bank
from quiz.tui.text import assemble, label, literal

MODES = (
    ("practice", "Practice", "hints, a second try, the answer after each question"),
    ("test", "Test", "one try, no hints, right and wrong only at the end"),
    ("review", "Review", "the questions your schedule says are due today"),
    ("cram", "Cram", "every question, weakest first; the schedule is left alone"),
)
PLAIN_MODES = 2  # review and cram need saved progress


class ModeScreen(ModalScreen[str | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Back"),
        Binding("p,1", "pick('practice')", "Practice", show=False),
        Binding("t,2", "pick('test')", "Test", show=False),
        Binding("r,3", "pick('review')", "Review", show=False),
        Binding("c,4", "pick('cram')", "Cram", show=False),
    ]

    def __init__(self, bank: Bank, progress: bool = False, due: int | None = None, *,
                 include_drafts: bool = False) -> None:
        super().__init__()
        self.bank = bank
        self.include_drafts = include_drafts
        self.modes = MODES if progress else MODES[:PLAIN_MODES]
        # Questions due for review today (None: not known); with 0, review is greyed out.
        self.due = due

    def _describe(self, key: str, text: str) -> str:
        if key == "review" and self.due is not None:
            if not self.due:
                return "nothing due today; cram works any day"
            return f"{self.due} question{'s' if self.due != 1 else ''} due today, by your schedule"
        return text

    def _enabled(self, key: str) -> bool:
        return not (key == "review" and self.due == 0)

    def compose(self) -> ComposeResult:
        n = len(self.bank.playable(self.include_drafts))
        with Vertical(id="mode-dialog", classes="dialog"):
            yield Static(label("[b]$title[/b]", title=self.bank.title), classes="dialog-title")
            yield Static(literal(f"{n} question{'s' if n != 1 else ''} · choose a mode"),
                         classes="dialog-sub")
            yield OptionList(
                *(Option(assemble(literal(f"{i}  {name}", "bold"), "\n",
                                  literal(f"   {self._describe(key, text)}", "dim")),
                         id=key, disabled=not self._enabled(key))
                  for i, (key, name, text) in enumerate(self.modes, 1)),
                id="modes",
            )
            yield Static(literal(f"1-{len(self.modes)}, or arrows and Enter · Esc goes back",
                                 "dim"),
                         classes="dialog-foot")

    def on_mount(self) -> None:
        self.query_one("#modes", OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_pick(self, mode: str) -> None:
        if not any(key == mode for key, _name, _text in self.modes):
            return
        if not self._enabled(mode):
            self.notify("Nothing in this bank is due for review today; cram goes over the "
                        "whole bank, weakest first.", severity="warning")
            return
        self.dismiss(mode)

    def action_cancel(self) -> None:
        self.dismiss(None)
